/**
 * What the program reacts to (messages) and what it asks the outside world to
 * do (effects). Every key, every finished piece of work and every resize is a
 * message for `update`; effects are run by the runtime, and what they find
 * comes back as messages.
 */
import type { Article, LibraryEntry } from '../content/article.js';
import type { KeyPress } from '../input/keys.js';
import type { StoredState } from '../storage/reading-state.js';
import type { ArticleLoad } from './app-state.js';

export type Msg =
  /** A key press; `at` is when it arrived (milliseconds since the epoch), for what it changes in the remembered state. */
  | { type: 'key'; key: KeyPress; at: number }
  | { type: 'resize'; columns: number; rows: number }
  /** Open an article (named on the command line). */
  | { type: 'open'; id: string; at: number }
  | { type: 'articleLoaded'; id: string; generation: number; load: Exclude<ArticleLoad, { status: 'loading' }> }
  /**
   * The rest of a large article aligned: shown first with only the paragraphs around where the
   * reader opens it aligned sentence by sentence, it gets the whole article's paragraphs now.
   */
  | { type: 'articleAligned'; id: string; generation: number; paragraphs: Extract<ArticleLoad, { status: 'ok' }>['paragraphs'] }
  /** The library is still being read (a cold start): articles done of all. */
  | { type: 'libraryProgress'; done: number; total: number }
  /** The library as read from disk again (checked after a first frame from the index, or after an edit). */
  | { type: 'libraryRead'; entries: readonly LibraryEntry[] }
  /** Progress of the search of article texts for the library filter. */
  | { type: 'fullText'; query: string; hits: readonly number[]; done: number; finished: boolean }
  | { type: 'notice'; text: string }
  /** The web address of article `id`, read from its file (null: it has none). */
  | { type: 'urlFound'; url: string | null }
  | { type: 'noticeExpired'; id: number }
  /** The editor closed: what became of the paragraph. */
  | { type: 'edited'; id: string; message: string }
  /**
   * The terminal was given back to us (after Ctrl-Z, an editor): the screen is blanked, then drawn
   * again in full (the writer only draws a frame that differs from the last one it drew).
   */
  /** feeds.yaml, read. */
  | { type: 'feedsLoaded'; feeds: readonly { name: string; url: string }[]; error?: string }
  /** A background refresh moved on: feeds done of all, and the feed it works on. */
  | { type: 'refreshProgress'; done: number; total: number; feed?: string }
  /** A background refresh ended. */
  | { type: 'refreshDone'; newArticles: number; updatedArticles: number; failed: number }
  | { type: 'refreshFailed'; message: string }
  /** A machine draft moved on, or ended (`message` says how; `changed`: the article's English was written). */
  | { type: 'draftProgress'; id: string; done: number; total: number }
  | { type: 'drafted'; id: string; message: string; changed: boolean }
  | { type: 'blank' }
  | { type: 'redraw' };

export type Effect =
  /** Read article `id`, aligning the paragraphs from `from` on (where it opens) first. */
  | { type: 'loadArticle'; id: string; generation: number; from: number }
  /** Search the texts of `ids` (but those at `skip`) for `query`; a new search replaces the last. */
  | { type: 'searchText'; query: string; ids: readonly string[]; skip: readonly number[] }
  | { type: 'stopSearch' }
  /** Check the files behind a list that came from the index. */
  | { type: 'checkLibrary' }
  /** Read the library again (an article's files changed). */
  | { type: 'relist' }
  | { type: 'openUrl'; url: string }
  /**
   * Find article `id`'s web address and open it: the list's summaries leave addresses out (they
   * are a quarter of a summary's memory), so `o` in the list reads it from the file.
   */
  | { type: 'openUrlOf'; id: string }
  | { type: 'edit'; article: Article; paragraph: number }
  | { type: 'save'; stored: StoredState }
  | { type: 'expireNotice'; id: number; afterMs: number }
  /** Read feeds.yaml (its feeds' names and URLs). */
  | { type: 'loadFeeds' }
  /** Refresh the library's `total` feeds in the background, reporting progress. */
  | { type: 'refresh'; total: number }
  /** Machine-draft the article's untranslated `paragraphs` (0-based; absent: every untranslated part). */
  | { type: 'draft'; id: string; paragraphs?: number[] }
  /** Ctrl-Z: give the terminal back to the shell until `fg`. */
  | { type: 'suspend' }
  | { type: 'quit' };
