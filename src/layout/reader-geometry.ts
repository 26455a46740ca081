/**
 * The reader's screen for one article, size and view: the columns, the
 * wrapped rows, where each unit sits, and how many rows the text gets beside
 * the companion line and the search field. Pure, and remembered per article
 * and layout: wrapping is the expensive part, done once per text and width,
 * never per key press.
 */
import type { AlignedParagraph } from '../content/aligned-article.js';
import { buildRows, type Geometry, type ReaderRows } from './reader-rows.js';
import { screenLayout, type ScreenLayout, type View } from './screen-layout.js';

export interface ReaderGeometry {
  screen: ScreenLayout;
  rows: ReaderRows;
  geometry: Geometry;
  /** Rows for article text, after the companion line and the search field. */
  textRows: number;
  /** Rows under the header (and the dek line): column headings and text beside the panel. */
  bodyRows: number;
  /** The line under the header with the dek and the authors is shown. */
  dekRows: number;
  companion: number;
  searchRows: number;
}

/** What a column shows where there is no text: the notes, in the interface language. */
export interface RowLabels {
  untranslated: string;
  noGerman: string;
  /** What comes before an interview question ("F:" / "Q:"). */
  questionMarks?: { de: string; en: string };
  /** The article's link list as lines, heading first (see linkLines). */
  links?: readonly string[];
}

/** The article's links as the lines drawn under its text: a heading, then "[n] words — URL". */
export function linkLines(links: readonly { n: number; url: string; text?: string | undefined }[], heading: string): string[] {
  if (links.length === 0) return [];
  return [heading, ...links.map((l) => `[${l.n}] ${l.text ? `${l.text} — ` : ''}${l.url}`)];
}

export interface ReaderGeometryInput {
  paragraphs: readonly AlignedParagraph[];
  columns: number;
  rows: number;
  view: View;
  panelOpen: boolean;
  /** The widest a text column may be (the config's `width`). */
  maxWidth?: number | undefined;
  /** The search field is shown (being typed in, or a query is set). */
  searching: boolean;
  /** The article has a dek or authors for the line under the header. */
  hasDek?: boolean;
  labels: RowLabels;
}

/** Below this many rows the dek line is left out: the text needs them more. */
const MIN_ROWS_FOR_DEK = 16;

/** Rows given to the companion text under a single column (a separator plus up to three lines). */
export function companionRows(screen: ScreenLayout): number {
  return screen.textRows >= 14 ? 4 : screen.textRows >= 8 ? 2 : 0;
}

const rowsKey = (columns: ScreenLayout['columns'], labels: RowLabels) =>
  `${columns.map((c) => `${c.lang}:${c.width}`).join(',')}|${labels.untranslated}|${labels.noGerman}|${labels.questionMarks?.de ?? ''}|${labels.links?.length ?? 0}`;

const remembered = new WeakMap<readonly AlignedParagraph[], Map<string, { rows: ReaderRows; geometry: Geometry }>>();

/** The wrapped rows of `paragraphs` for these columns, made once and kept while the article is. */
export function rowsFor(
  paragraphs: readonly AlignedParagraph[],
  columns: ScreenLayout['columns'],
  labels: RowLabels,
): { rows: ReaderRows; geometry: Geometry } {
  const key = rowsKey(columns, labels);
  let byKey = remembered.get(paragraphs);
  if (!byKey) {
    byKey = new Map();
    remembered.set(paragraphs, byKey);
  }
  let made = byKey.get(key);
  if (!made) {
    const rows = buildRows(paragraphs, {
      columns: columns.map((c) => c.lang),
      widths: columns.map((c) => c.width),
      untranslated: labels.untranslated,
      noGerman: labels.noGerman,
      ...(labels.questionMarks ? { questionMarks: labels.questionMarks } : {}),
      ...(labels.links ? { links: labels.links } : {}),
    });
    made = { rows, geometry: { units: rows.units, paragraphs: rows.paragraphs, totalRows: rows.rows.length } };
    // A handful of layouts per article (a resize, a view change) is all that is worth keeping.
    if (byKey.size >= 8) byKey.clear();
    byKey.set(key, made);
  }
  return made;
}

/** Keeps already-made rows for later (an article loaded in the background brings its rows along). */
export function rememberRows(
  paragraphs: readonly AlignedParagraph[],
  columns: ScreenLayout['columns'],
  labels: RowLabels,
  rows: ReaderRows,
): void {
  const key = rowsKey(columns, labels);
  const byKey = remembered.get(paragraphs) ?? new Map<string, { rows: ReaderRows; geometry: Geometry }>();
  byKey.set(key, { rows, geometry: { units: rows.units, paragraphs: rows.paragraphs, totalRows: rows.rows.length } });
  remembered.set(paragraphs, byKey);
}

export function readerGeometry(o: ReaderGeometryInput): ReaderGeometry {
  const screen = screenLayout(o.columns, o.rows, o.view, o.panelOpen, o.maxWidth);
  const { rows, geometry } = rowsFor(o.paragraphs, screen.columns, o.labels);
  const companion = screen.columns.length === 1 && o.paragraphs.length > 0 ? companionRows(screen) : 0;
  const searchRows = o.searching ? 1 : 0;
  // The dek and authors get a line under the header where the window has rows to spare.
  const dekRows = o.hasDek && o.rows >= MIN_ROWS_FOR_DEK ? 1 : 0;
  const textRows = Math.max(1, screen.textRows - companion - searchRows - dekRows);
  return { screen, rows, geometry, textRows, bodyRows: screen.textRows + 1 - dekRows, dekRows, companion, searchRows };
}
