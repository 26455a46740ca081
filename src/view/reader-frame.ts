/** The reader as lines: header, the German and English columns with one cursor, the facts panel, companion, search and status lines. */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Article } from '../content/article.js';
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.js';
import { formatPublished } from '../i18n/format-date.js';
import type { UiLanguage } from '../i18n/language.js';
import type { Translate } from '../i18n/translate.js';
import type { ReaderGeometry } from '../layout/reader-geometry.js';
import { factsAtCursor, marksFor } from '../layout/reader-marks.js';
import { glossaryTerms } from '../layout/panel-list.js';
import type { StyledLine } from '../layout/styled-line.js';
import { cursorRows, panelHasKeys, type ReaderState } from '../state/reader-state.js';
import { sanitise } from '../text/sanitize.js';
import { padEnd } from '../text/display-width.js';
import { companionLines } from './companion-line.js';
import { factsPanelLines } from './facts-panel.js';
import { searchLine } from './library-frame.js';
import { padLine, textLine, toHeight } from './lines.js';
import { readerLines } from './reader-lines.js';
import { statusLine } from './status-line.js';
import type { Theme } from './theme.js';

export interface ReaderFrameInput {
  article: Article;
  paragraphs: readonly AlignedParagraph[];
  state: ReaderState;
  geo: ReaderGeometry;
  notice: string | null;
  language: UiLanguage;
  t: Translate;
  theme: Theme;
}

export function readerFrame(o: ReaderFrameInput): StyledLine[] {
  const { article, paragraphs, state, geo, t, theme } = o;
  const { screen } = geo;
  const langs = screen.columns.map((c) => c.lang);
  // The title in the reading language: German only in the German view.
  const title = langs.length === 1 && langs[0] === 'de' ? article.meta.title : (article.english?.title ?? article.meta.title);
  const header = `${article.meta.source} · ${formatPublished(article.meta.published, o.language)} · ${title}`;
  const panelShown = screen.panel.mode !== 'hidden' && state.panel.open;
  const overlay = panelShown && screen.panel.mode === 'overlay';
  const height = geo.bodyRows;
  const current = new Set(factsAtCursor(article.facts, paragraphs, state));
  const panel = panelShown
    ? factsPanelLines({
        facts: article.facts,
        glossary: glossaryTerms(article),
        factsErrors: article.factsErrors,
        tab: state.panel.tab,
        focused: panelHasKeys(state, overlay),
        selected: state.panel.selected,
        top: state.panel.top,
        width: overlay ? screen.width : screen.panel.width,
        height,
        view: langs.length === 1 ? (langs[0] ?? 'de') : 'both',
        current,
        t,
        theme,
      })
    : [];
  let body: StyledLine[];
  if (overlay) body = panel;
  else {
    const leftWidth = screen.width - (panelShown ? screen.panel.width : 0);
    const left = textColumn(o, leftWidth);
    body = panelShown ? left.map((line, i) => [...padLine(line, leftWidth), ...(panel[i] ?? [])]) : left;
  }
  const top = [textLine(header, screen.width, theme.heading)];
  if (geo.dekRows > 0) top.push(textLine(dekLine(article, langs.length === 1 && langs[0] === 'de', t), screen.width, theme.muted));
  return [...top, ...toHeight(body, height), statusLine({ paragraphs, state, screen, notice: o.notice, t, theme })];
}

/** The dek (in the reading language) and the authors, for the line under the header. */
function dekLine(article: Article, german: boolean, t: Translate): string {
  const dek = german ? article.meta.dek : (article.english?.dek ?? article.meta.dek);
  const author = article.meta.author ? t('ui.reader.by', { author: article.meta.author }) : undefined;
  return [dek, author].filter(Boolean).join(' · ');
}

/** The text part: column headings, the rows of text, the companion line and the search field. */
function textColumn(o: ReaderFrameInput, width: number): StyledLine[] {
  const { article, paragraphs, state, geo, t, theme } = o;
  const { screen } = geo;
  const statusLabel = t(`ui.status.${article.translation}`);
  const headings = screen.columns.map((c) => (c.lang === 'de' ? t('ui.reader.germanHeading') : t('ui.reader.englishHeading', { status: statusLabel })));
  const conceal = state.learner && screen.columns.some((c) => c.lang === 'en');
  const lines: StyledLine[] = [
    textLine(screen.columns.map((c, i) => `${i > 0 ? ' │ ' : ''}  ${padEnd(headings[i] ?? '', c.width)}`).join(''), width, theme.muted),
  ];
  if (article.paragraphs.length === 0) {
    lines.push(...toHeight([textLine(t('ui.reader.noParagraphs'), width, theme.muted)], geo.textRows));
  } else {
    lines.push(
      ...readerLines({
        rows: geo.rows.rows,
        paragraphs,
        columns: screen.columns,
        scrollTop: state.scrollTop,
        height: geo.textRows,
        focusRows: cursorRows(state),
        marksFor: (p, lang) => marksFor({ state, paragraphs, facts: article.facts, conceal }, p, lang),
        theme,
      }),
    );
  }
  if (geo.companion > 0) {
    lines.push(...companionLines({ paragraphs, state, shown: screen.columns[0]?.lang ?? 'de', width: screen.columns[0]?.width ?? 40, rows: geo.companion, t, theme }));
  }
  if (geo.searchRows > 0) lines.push(searchLine(state.search, width, undefined, t, theme));
  return lines;
}

/** While the article loads: one quiet line. */
export function loadingFrame(t: Translate, theme: Theme, width: number): StyledLine[] {
  return [textLine(t('ui.reader.loading'), width, theme.muted)];
}

/** An article that cannot be opened: why, and how to go back. */
export function cannotOpenFrame(o: { id: string; errors: readonly Diagnostic[]; rows: number; width: number; t: Translate; theme: Theme }): StyledLine[] {
  const { t, theme } = o;
  return [
    textLine(t('ui.reader.cannotOpen', { id: sanitise(o.id) }), o.width, theme.error),
    ...o.errors.slice(0, Math.max(1, o.rows - 4)).map((e) => textLine(sanitise(formatDiagnostic(e)), o.width)),
    textLine(t('ui.reader.backHint'), o.width, theme.muted),
  ];
}
