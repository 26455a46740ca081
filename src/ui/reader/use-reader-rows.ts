/** The reader's rows for the current layout, and how many screen rows the text gets. */
import { useMemo } from 'react';
import type { AlignedParagraph } from '../../content/aligned-article.js';
import { buildRows, type ReaderRows } from '../../layout/reader-rows.js';
import type { ScreenLayout } from '../../layout/screen-layout.js';
import type { Geometry, ReaderState } from '../../state/reader-state.js';
import { companionRows } from './companion-line.js';

export interface ReaderRowsLayout {
  rows: ReaderRows;
  geometry: Geometry;
  /** Rows for article text, the companion line and the search field. */
  textRows: number;
  companion: number;
  searchRows: number;
}

export function useReaderRows(
  paragraphs: readonly AlignedParagraph[],
  layout: ScreenLayout,
  state: Pick<ReaderState, 'search'>,
  untranslated: string,
  noGerman: string,
): ReaderRowsLayout {
  const langs = layout.columns.map((c) => c.lang).join();
  const widths = layout.columns.map((c) => c.width).join();
  // Wrapping is the expensive part: once per text and width, not per key press.
  const rows = useMemo(
    () => buildRows(paragraphs, { columns: layout.columns.map((c) => c.lang), widths: layout.columns.map((c) => c.width), untranslated, noGerman }),
    // langs and widths stand for layout.columns, which is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [paragraphs, langs, widths, untranslated, noGerman],
  );
  const geometry = useMemo(() => ({ units: rows.units, paragraphs: rows.paragraphs, totalRows: rows.rows.length }), [rows]);
  const companion = layout.columns.length === 1 && paragraphs.length > 0 ? companionRows(layout) : 0;
  const searchRows = state.search.editing || state.search.query !== '' ? 1 : 0;
  const textRows = Math.max(1, layout.textRows - companion - searchRows);
  return { rows, geometry, textRows, companion, searchRows };
}
