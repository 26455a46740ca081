/**
 * The facts and glossary lists of the reader's panel, laid out as rows. Pure.
 *
 * ink-select-input was tried here first: with more facts than fit it turns
 * the list into a carousel (after the last fact comes the first, drawn below
 * it), has no g/G/PgDn, and cannot scroll to the facts of the sentence under
 * the cursor. It also reads the keyboard itself and keeps its selection in its
 * own state, where the program's one update() cannot reach it; every list of
 * the program (this one, help's settings) is therefore a list of ours.
 */
import type { Fact, GlossaryEntry } from '../content/schema.js';
import { truncate } from '../text/display-width.js';
import { wrapText } from '../text/wrap.js';

export interface PanelItem {
  title: string;
  detail: string;
}

export interface PanelRow {
  text: string;
  /** Which item the row belongs to. */
  item: number;
  kind: 'title' | 'detail';
}

/** A glossary term of the panel: a confirmed entry, or a term the importer proposed (no English yet, maybe). */
export interface PanelTerm {
  de: string;
  en?: string | undefined;
  note?: string | undefined;
  confirmed: boolean;
}

/** The glossary tab's terms: the confirmed glossary, then the proposed terms a curator has not confirmed. */
export function glossaryTerms(article: { glossary: readonly GlossaryEntry[]; proposedGlossary?: readonly { de: string; en?: string | undefined; note?: string | undefined }[] }): PanelTerm[] {
  return [...article.glossary.map((g) => ({ ...g, confirmed: true })), ...(article.proposedGlossary ?? []).map((g) => ({ de: g.de, en: g.en, note: g.note, confirmed: false }))];
}

export interface PanelItemsInput {
  facts: readonly Fact[];
  glossary: readonly PanelTerm[];
  /** The word for an unconfirmed fact or term, in the interface language. */
  unconfirmed: string;
  /** What stands for a proposed term's English before a curator writes it, in the interface language. */
  noEnglish: string;
  tab: 'facts' | 'glossary';
  /** The language shown: 'both' shows English labels. */
  view: 'both' | 'de' | 'en';
  /** Facts citing the unit under the cursor: marked with a bullet. */
  current: ReadonlySet<number>;
}

function pick(text: { de: string; en?: string | undefined }, view: PanelItemsInput['view']): string {
  return view === 'de' ? text.de : (text.en ?? text.de);
}

/**
 * The panel's items: facts (label, value) or glossary terms (German — English, note). A proposed
 * term without English says so in words under it, rather than with a bare "?".
 */
export function panelItems(o: PanelItemsInput): PanelItem[] {
  return o.tab === 'facts'
    ? o.facts.map((f, i) => ({ title: `${o.current.has(i) ? '• ' : ''}${pick(f.label, o.view)}${f.confirmed ? '' : ` (${o.unconfirmed})`}`, detail: pick(f.value, o.view) }))
    : o.glossary.map((g) => ({
        title: `${g.de}${g.en ? ` — ${g.en}` : ''}${g.confirmed ? '' : ` (${o.unconfirmed})`}`,
        detail: g.note ?? (g.en ? '' : o.noEnglish),
      }));
}

/** Most rows the selected item's detail may take when it is long (a glossary note). */
const MAX_DETAIL_ROWS = 4;

/** The rows of one item: its title, and its detail (wrapped in full when selected, else cut to one row). */
function itemRows(item: PanelItem, index: number, width: number, open: boolean): PanelRow[] {
  const rows: PanelRow[] = [{ text: truncate(item.title, width), item: index, kind: 'title' }];
  if (item.detail === '') return rows;
  const inner = Math.max(1, width - 2);
  const lines = open ? wrapText(item.detail, inner).map((l) => l.text) : [item.detail];
  const shown = lines.slice(0, MAX_DETAIL_ROWS);
  if (lines.length > shown.length) shown[shown.length - 1] = `${shown[shown.length - 1] ?? ''}…`;
  for (const line of shown) rows.push({ text: `  ${truncate(line, inner)}`, item: index, kind: 'detail' });
  return rows;
}

/**
 * The rows to draw: every item from `top` on, as many as fit in `height`, with
 * `selected` among them. `top` is where the list was scrolled to before; it
 * moves the least needed to show the selected item whole. Returns the new top.
 */
export function panelRows(
  items: readonly PanelItem[],
  selected: number,
  top: number,
  width: number,
  height: number,
  openSelected: boolean,
): { rows: PanelRow[]; top: number } {
  if (items.length === 0 || height <= 0) return { rows: [], top: 0 };
  const pick = Math.max(0, Math.min(selected, items.length - 1));
  const rowsOf = (i: number) => itemRows(items[i] as PanelItem, i, width, openSelected && i === pick);
  let first = Math.max(0, Math.min(top, pick));
  // Scroll down until the selected item fits below `first`.
  const heightFrom = (from: number) => {
    let h = 0;
    for (let i = from; i <= pick; i++) h += rowsOf(i).length;
    return h;
  };
  while (first < pick && heightFrom(first) > height) first++;
  const rows: PanelRow[] = [];
  for (let i = first; i < items.length && rows.length < height; i++) rows.push(...rowsOf(i));
  return { rows: rows.slice(0, height), top: first };
}
