/**
 * After every message, what follows from the new state is brought in step
 * with it: the library list's size and window, the reader's rows for the
 * terminal's size and view, and the facts panel's scroll. Done here, in the
 * update, so no key ever meets an outdated layout and nothing is dispatched
 * while drawing. Cheap when nothing changed (the rows are remembered).
 */
import type { Article } from '../content/article.js';
import type { Translate } from '../i18n/translate.js';
import { linkLines, readerGeometry, type ReaderGeometry, type RowLabels } from '../layout/reader-geometry.js';
import { factsAtCursor } from '../layout/reader-marks.js';
import { glossaryTerms, panelItems, panelRows } from '../layout/panel-list.js';
import { prefsOf, type AppState, type ArticleLoad } from './app-state.js';
import { reduceLibrary } from './library-state.js';
import { joinReader, reduceReader, splitReader, type ReaderState } from './reader-state.js';
import { tOf } from './steps.js';

/** Rows of the library list for a terminal of `rows` rows (heading, note and status around it). */
export const libraryListRows = (rows: number) => Math.max(1, rows - 4);

/** The words the reader's rows need: notes for missing text, the question marks, the link list. */
export function readerLabels(t: Translate, article: Pick<Article, 'links'>): RowLabels {
  return {
    untranslated: t('ui.reader.untranslated'),
    noGerman: t('ui.reader.noGerman'),
    questionMarks: { de: t('article.questionMark.de'), en: t('article.questionMark.en') },
    links: linkLines(article.links, t('article.linksHeading')),
  };
}

/** The article has what the line under the header shows: a dek or authors. */
export function hasDekLine(article: Pick<Article, 'meta' | 'english'>): boolean {
  return Boolean(article.meta.dek ?? article.english?.dek ?? article.meta.author);
}

/** The open article's screen geometry, or null while nothing readable is open. */
export function geometryOf(state: AppState): ReaderGeometry | null {
  const reader = state.reader;
  if (reader?.load.status !== 'ok') return null;
  const prefs = prefsOf(state);
  const t = tOf(state);
  const { search } = reader.position;
  return readerGeometry({
    paragraphs: reader.load.paragraphs,
    columns: state.size.columns,
    rows: state.size.rows,
    view: prefs.view,
    panelOpen: prefs.panelOpen,
    maxWidth: state.looks.maxWidth,
    searching: search.editing || search.query !== '',
    hasDek: hasDekLine(reader.load.article),
    labels: readerLabels(t, reader.load.article),
  });
}

export function settle(state: AppState): AppState {
  return settleReader(settleLibrary(state));
}

function settleLibrary(state: AppState): AppState {
  const { nav, visible } = state.library;
  const listRows = libraryListRows(state.size.rows);
  if (nav.list.count === visible.length && nav.list.viewportRows === listRows) return state;
  let next = reduceLibrary(nav, { type: 'results', count: visible.length });
  next = reduceLibrary(next, { type: 'layout', viewportRows: listRows });
  return { ...state, library: { ...state.library, nav: next } };
}

function settleReader(state: AppState): AppState {
  const reader = state.reader;
  const geo = geometryOf(state);
  if (!reader || !geo || reader.load.status !== 'ok') return state;
  const before: ReaderState = joinReader(reader.position, prefsOf(state));
  let joined = before;
  if (joined.geometry !== geo.geometry || joined.viewportRows !== geo.textRows) {
    joined = reduceReader(joined, { type: 'layout', geometry: geo.geometry, viewportRows: geo.textRows });
  }
  joined = settlePanel(joined, geo, reader.load, tOf(state));
  // Unchanged stays the same object: the screen is only drawn again for a real change.
  if (joined === before) return state;
  return { ...state, reader: { ...reader, position: splitReader(joined).position } };
}

/** Scrolls the facts panel the least needed to show the chosen fact, or (while the text has the keys) the facts of the sentence under the cursor. */
function settlePanel(state: ReaderState, geo: ReaderGeometry, load: Extract<ArticleLoad, { status: 'ok' }>, t: Translate): ReaderState {
  const { article, paragraphs } = load;
  if (!state.panel.open || geo.screen.panel.mode === 'hidden') return state;
  const overlay = geo.screen.panel.mode === 'overlay';
  const focused = state.panel.focused || overlay;
  const view = geo.screen.columns.length === 1 ? (geo.screen.columns[0]?.lang ?? 'de') : 'both';
  const current = new Set(factsAtCursor(article.facts, paragraphs, state));
  const items = panelItems({ facts: article.facts, glossary: glossaryTerms(article), unconfirmed: t('ui.panel.unconfirmed'), noEnglish: t('ui.panel.noEnglish'), tab: state.panel.tab, view, current });
  const following = !focused && state.panel.tab === 'facts' && current.size > 0 ? Math.min(...current) : state.panel.selected;
  const width = overlay ? geo.screen.width : geo.screen.panel.width;
  const { top } = panelRows(items, following, state.panel.top, Math.max(8, width - 4), Math.max(1, geo.bodyRows - 1), focused);
  return reduceReader(state, { type: 'panelTop', top });
}
