/**
 * A page as a list of blocks (one per paragraph, heading, list, table or stray line), the
 * unit the importer classifies and keeps or drops. Raw text is split here; HTML is turned
 * into blocks by html-blocks.ts.
 */
import { normalise } from '../text/normalize.js';
import { sanitise } from '../text/sanitize.js';

/** What the markup said a block was, when it came from HTML. */
export type BlockTag = 'heading' | 'paragraph' | 'item' | 'quote';

/** A link inside a block: its words and its address as written (maybe relative). */
export interface BlockLink {
  text: string;
  url: string;
}

export interface Block {
  /** Normalised, sanitised text with single spaces (a list's items or a table's cells joined). */
  text: string;
  /** 1-based line of the input where the block starts (for messages). */
  line: number;
  tag?: BlockTag;
  /** Tab-separated cells in the raw line (tables and menus dumped as text). */
  cells?: number;
  /** A list: its items. */
  items?: string[];
  /** A table: its rows of cells, and whether the first row is a header. */
  rows?: string[][];
  header?: boolean;
  /** All of the block's text is bold (many pages set an interview's questions so). */
  strong?: boolean;
  links?: BlockLink[];
}

/** One line made printable and plain: NFC, no soft hyphens or controls, single spaces. */
export function cleanLine(line: string): string {
  return normalise(sanitise(line)).replace(/\s+/g, ' ').trim();
}

const ENDS_SENTENCE = /[.!?…:;"“”»«)\]]$/u;

/**
 * True when the text is hard-wrapped (every paragraph broken into lines of similar length,
 * as in mail or a terminal copy): then only blank lines separate paragraphs.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length < 6) return false;
  let continued = 0;
  for (let i = 1; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '' && (lines[i - 1] ?? '').trim() !== '') continued++;
  const long = filled.filter((l) => l.length > 100).length;
  const mid = filled.filter((l) => l.length >= 40 && l.length <= 100).length;
  return long === 0 && continued >= filled.length * 0.4 && mid >= filled.length * 0.5;
}

/** Whether `next` continues the paragraph of `current` (a line broken in the middle). */
export function continues(current: string, next: string): boolean {
  if (ENDS_SENTENCE.test(current)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  // A long line without a full stop was cut, not ended: a heading is short.
  return current.length >= 100 && !/^[([]/.test(next);
}

/** A bullet opening a list item in a text: "- ", "• ", "* ", "– ", "▪ ". */
const BULLET = /^[-•*–▪►]\s+/u;

/** Raw text as blocks: lines, with lines broken inside a paragraph joined again; bulleted lines as lists, tab-separated rows as tables. */
export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const wrapped = isHardWrapped(lines);
  const blocks: (Block & { raw: string })[] = [];
  let previousBlank = true;
  lines.forEach((raw, i) => {
    const text = cleanLine(raw);
    if (text === '') {
      previousBlank = true;
      return;
    }
    const last = blocks[blocks.length - 1];
    if (last && !previousBlank && !BULLET.test(text) && !raw.includes('\t') && (wrapped || continues(last.text, text))) {
      last.text = `${last.text} ${text}`;
    } else {
      blocks.push({ text, line: i + 1, cells: raw.split('\t').length, raw });
    }
    previousBlank = false;
  });
  return groupStructures(blocks);
}

/** Runs of bulleted lines become one list block; runs of tab-separated rows with figures, one table. */
function groupStructures(blocks: readonly (Block & { raw: string })[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i] as Block & { raw: string };
    let j = i;
    while (j < blocks.length && BULLET.test(blocks[j]?.text ?? '')) j++;
    if (j - i >= 2) {
      const items = blocks.slice(i, j).map((b) => b.text.replace(BULLET, ''));
      out.push({ text: items.join(' '), line: block.line, tag: 'item', items });
      i = j;
      continue;
    }
    const cells = block.cells ?? 1;
    j = i;
    while (j < blocks.length && cells >= 2 && blocks[j]?.cells === cells) j++;
    const rows = blocks.slice(i, j).map((b) => b.raw.split('\t').map(cleanLine));
    // Figures in the cells tell a table from a menu dumped with tabs.
    if (j - i >= 2 && rows.filter((r) => r.some((c) => /\d/.test(c))).length >= (j - i) / 2) {
      out.push({ text: rows.map((r) => r.join(' ')).join(' '), line: block.line, rows });
      i = j;
      continue;
    }
    out.push({ text: block.text, line: block.line, ...(block.cells !== undefined ? { cells: block.cells } : {}) });
    i++;
  }
  return out;
}
