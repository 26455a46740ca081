/**
 * The whole screen for a state: `appFrame(state, theme)` → styled lines.
 * Pure. Ink writes these lines (and only diffs them), and the very first
 * frame is drawn from the same function before Ink has loaded.
 */
import { MIN_COLUMNS, MIN_ROWS } from '../layout/screen-layout.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import { prefsOf, type AppState } from '../state/app-state.js';
import { joinReader } from '../state/reader-state.js';
import { geometryOf, libraryListRows } from '../state/settle.js';
import { isTooSmall, tOf } from '../state/steps.js';
import { articleRecordOf } from '../storage/reading-state.js';
import { wrapText } from '../text/wrap.js';
import { feedCounts, hasFeedArticles, pickerRows } from '../state/feeds-update.js';
import { feedPickerFrame } from './feed-picker.js';
import { helpFrame } from './help-frame.js';
import { libraryFrame } from './library-frame.js';
import { cannotOpenFrame, loadingFrame, readerFrame } from './reader-frame.js';
import type { Theme } from './theme.js';

/** How far a machine draft is, for the status line. */
function draftingLine(drafting: { done: number; total: number }, t: ReturnType<typeof tOf>): string {
  return drafting.total > 0 ? t('ui.draft.drafting', drafting) : t('ui.draft.draftingStart');
}

export function appFrame(state: AppState, theme: Theme): StyledLine[] {
  if (state.blank) return [];
  const t = tOf(state);
  const { columns, rows } = state.size;
  if (isTooSmall(state)) {
    const text = t('ui.tooSmall', { columns, rows, minColumns: MIN_COLUMNS, minRows: MIN_ROWS });
    return wrapText(text, Math.max(1, columns))
      .slice(0, Math.max(1, rows - 1))
      .map((l) => [seg(l.text, theme.warning)]);
  }
  const prefs = prefsOf(state);
  if (state.help) return helpFrame({ help: state.help, prefs, keymap: state.keymap, language: state.language, width: columns, height: rows - 1, t, theme });
  const reader = state.reader;
  if (reader) {
    const load = reader.load;
    if (load.status === 'loading') return loadingFrame(t, theme, columns);
    if (load.status === 'error') return cannotOpenFrame({ id: reader.id, errors: load.errors, rows, width: columns, t, theme });
    const geo = geometryOf(state);
    if (geo) {
      return readerFrame({
        article: load.article,
        paragraphs: load.paragraphs,
        state: joinReader(reader.position, prefs),
        geo,
        notice:
          reader.choosingLink !== null
            ? t('ui.reader.chooseLink', { highest: Math.max(...load.article.links.map((l) => l.n)), typed: reader.choosingLink })
            : (state.notice?.text ?? (reader.drafting ? draftingLine(reader.drafting, t) : null)),
        language: state.language,
        t,
        theme,
      });
    }
  }
  const { library, feeds } = state;
  const counts = feedCounts(state);
  if (feeds.picker) {
    return feedPickerFrame({ rows: pickerRows(state), counts, selected: feeds.picker.selected, width: columns, height: rows - 1, t, theme });
  }
  const searchNote = library.fullText.searching ? t('ui.library.searching', { done: library.fullText.done, total: library.entries.length }) : undefined;
  const refreshing = feeds.refreshing
    ? feeds.refreshing.feed
      ? t('ui.feeds.refreshingFeed', { done: feeds.refreshing.done, total: feeds.refreshing.total, feed: feeds.refreshing.feed })
      : t('ui.feeds.refreshing', { done: feeds.refreshing.done, total: feeds.refreshing.total })
    : undefined;
  // Before the folders are counted (total 0) there is nothing to count yet.
  const starting = library.reading?.total === 0;
  const readingNote = library.reading
    ? starting
      ? t('ui.library.readingStart')
      : t('ui.library.reading', { done: library.reading.done, total: library.reading.total })
    : undefined;
  const feedsNote = feeds.error
    ? t('ui.feeds.feedsBroken', { error: feeds.error })
    : feeds.list?.length === 0 && !hasFeedArticles(library.entries)
      ? t('ui.feeds.noFeeds', { library: state.place.flag })
      : undefined;
  const shown = library.feed === null ? undefined : pickerRows(state).find((r) => r.url === library.feed);
  const shownCount = counts.get(library.feed ?? '');
  return libraryFrame({
    entries: library.entries,
    visible: library.visible,
    state: library.nav,
    view: prefs.view,
    read: (id) => articleRecordOf(state.stored, state.place.key, id).read,
    width: columns,
    listRows: libraryListRows(rows),
    libraryName: state.place.name,
    note: state.notice?.text ?? refreshing ?? readingNote ?? searchNote ?? feedsNote,
    sourceWidth: library.sourceWidth,
    ...(starting ? { starting } : {}),
    ...(library.total !== undefined ? { total: library.total } : { unread: shownCount?.unread ?? 0 }),
    ...(shown && shownCount ? { feed: { name: shown.name ?? shown.url ?? '', articles: shownCount.articles } } : {}),
    t,
    language: state.language,
    theme,
  });
}
