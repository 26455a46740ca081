/**
 * The whole interactive program's state as one value: the library list, the
 * open article, help, the passing notice, the terminal's size, and the
 * remembered state (preferences, read marks, positions), which is the one
 * owner of the preferences. Pure: no React, no I/O.
 */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Article, LibraryEntry } from '../content/article.js';
import type { Diagnostic } from '../content/diagnostic.js';
import type { UiLanguage } from '../i18n/language.js';
import { KEYMAP, type Binding } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { widestSource } from '../content/library-index.js';
import { articleRecordOf, type StoredState } from '../storage/reading-state.js';
import { initialLibraryState, type LibraryState } from './library-state.js';
import { initialReaderState, splitReader, type ReaderPosition, type ReaderPrefs } from './reader-state.js';

/** The library screen: the list, its filter, and the background search of article texts. */
export interface LibraryModel {
  entries: readonly LibraryEntry[];
  /** How many articles the library has, when `entries` are only its newest (a first frame drawn from the index). */
  total?: number;
  /** The rest of the library is still being read (no index yet): how many articles of all are done. */
  reading?: { done: number; total: number };
  sourceWidth: number;
  /** Folded summaries for the filter: made on the first search, not for a library nobody filters. */
  keys: readonly string[] | null;
  /** Indices into `entries` that pass the filter, in order. */
  visible: readonly number[];
  /** The list window and the filter field. */
  nav: LibraryState;
  /** Only the articles of this feed (its URL), or all. */
  feed: string | null;
  fullText: FullTextModel;
}

export interface FullTextModel {
  /** The query these hits are for. */
  query: string;
  hits: ReadonlySet<number>;
  searching: boolean;
  done: number;
}

export type ArticleLoad =
  | { status: 'loading' }
  | { status: 'ok'; article: Article; paragraphs: readonly AlignedParagraph[] }
  | { status: 'error'; errors: readonly Diagnostic[] };

/** The article on screen (or loading). */
export interface OpenArticle {
  id: string;
  /** Raised when the article is read again (after an edit): older loads are ignored. */
  generation: number;
  load: ArticleLoad;
  position: ReaderPosition;
  /** A machine draft of (parts of) this article on its way: how far it is. */
  drafting: { done: number; total: number } | null;
  /** After `o` in an article with links: the digits of the link's number typed so far ('' none yet); null otherwise. */
  choosingLink: string | null;
  /** Keys typed while the article loads (and when), applied to it once it is there. */
  pending: readonly { key: KeyPress; at: number }[];
}

export interface HelpModel {
  /** The chosen setting. */
  selected: number;
  /** First row of the key list shown. */
  scroll: number;
}

/** Where the library is and how commands name it. */
export interface LibraryPlace {
  /** The library folder's real path: the key of its records in the remembered state. */
  key: string;
  /** The folder as shown to the user. */
  name: string;
  /** " --library DIR" for commands the reader suggests (empty for the bundled library). */
  flag: string;
}

/** How the screen looks: colours (or none), and the background they are made for. */
export interface Looks {
  colour: boolean;
  background: 'dark' | 'light';
  /** Follow the terminal's own report of its background (the config's `theme: auto`). */
  followTerminal?: boolean;
  /** Widest text column, in cells (the config's `width`). */
  maxWidth?: number | undefined;
}

/** The library's feeds (feeds.yaml), a refresh running in the background, and what "mark all read" can undo. */
export interface FeedsModel {
  /** The feeds followed, by name and URL; null until feeds.yaml is read. */
  list: readonly { name: string; url: string }[] | null;
  /** Why feeds.yaml could not be read. */
  error?: string;
  /** A refresh running: what the status line says about it. */
  refreshing: { done: number; total: number; feed?: string } | null;
  /** The picker of a feed to show, open: the chosen row (0: all articles). */
  picker: { selected: number } | null;
  /** The read marks "mark all read" replaced (null: unread before), for undo. */
  undo: Record<string, boolean> | null;
}

export interface AppState {
  size: { columns: number; rows: number };
  looks: Looks;
  /** The key table in force (the config may remap keys). */
  keymap: readonly Binding[];
  language: UiLanguage;
  place: LibraryPlace;
  stored: StoredState;
  library: LibraryModel;
  reader: OpenArticle | null;
  help: HelpModel | null;
  feeds: FeedsModel;
  notice: { text: string; id: number } | null;
  /** Numbers the notices, so an old one's timer does not clear a newer one. */
  notices: number;
  /** Nothing is drawn for a moment, so that the next frame is drawn in full (see the `blank` message). */
  blank: boolean;
  quitting: boolean;
}

export const DEFAULT_PREFS: ReaderPrefs = { view: 'both', learner: false, unit: 'sentence', panelOpen: false };

/** The preferences, with defaults for what was never set. */
export function prefsOf(state: Pick<AppState, 'stored'>): ReaderPrefs {
  const p = state.stored.preferences;
  return { view: p.view ?? 'both', learner: p.learner ?? false, unit: p.unit ?? 'sentence', panelOpen: p.panelOpen ?? false };
}

/** The library model for a list of entries (already safe to draw). */
export function libraryModel(entries: readonly LibraryEntry[], selected = 0): LibraryModel {
  return {
    entries,
    sourceWidth: widestSource(entries),
    keys: null,
    visible: entries.map((_, i) => i),
    feed: null,
    nav: initialLibraryState(entries.length, selected),
    fullText: { query: '', hits: new Set(), searching: false, done: 0 },
  };
}

/** A freshly opened article: where the reader was in it last time, loading. */
export function openArticle(state: Pick<AppState, 'stored' | 'place'>, id: string, generation: number): OpenArticle {
  const record = articleRecordOf(state.stored, state.place.key, id);
  const { position } = splitReader(initialReaderState({ cursor: record.position ?? { paragraph: 0, unit: 0 } }));
  return { id, generation, load: { status: 'loading' }, position, pending: [], choosingLink: null, drafting: null };
}

export interface StartOptions {
  columns: number;
  rows: number;
  language: UiLanguage;
  place: LibraryPlace;
  stored: StoredState;
  entries: readonly LibraryEntry[];
  /** The library's size, when `entries` are only its newest (see LibraryModel.total). */
  total?: number | undefined;
  /** Width of the widest source name, when `entries` are only the newest. */
  sourceWidth?: number | undefined;
  /** The rest of the library is still being read (see LibraryModel.reading). */
  reading?: { done: number; total: number } | undefined;
  /** A one-line warning to show first (e.g. the state file was set aside). */
  warning?: string | undefined;
  looks?: Looks | undefined;
  keymap?: readonly Binding[] | undefined;
  /** False when the library has no feeds.yaml (known at once); else its feeds are read after the first frame. */
  hasFeedsFile?: boolean | undefined;
}

/** The state the program starts in: the library, newest first, nothing open. */
export function initialAppState(o: StartOptions): AppState {
  return {
    size: { columns: o.columns, rows: o.rows },
    looks: o.looks ?? { colour: true, background: 'dark' },
    keymap: o.keymap ?? KEYMAP,
    language: o.language,
    place: o.place,
    stored: o.stored,
    library: {
      ...libraryModel(o.entries),
      ...(o.total !== undefined ? { total: o.total } : {}),
      ...(o.sourceWidth !== undefined ? { sourceWidth: o.sourceWidth } : {}),
      ...(o.reading ? { reading: o.reading } : {}),
    },
    reader: null,
    help: null,
    feeds: { list: o.hasFeedsFile === false ? [] : null, refreshing: null, picker: null, undo: null },
    notice: o.warning ? { text: o.warning, id: 1 } : null,
    notices: 1,
    blank: false,
    quitting: false,
  };
}
