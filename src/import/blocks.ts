/**
 * A page as a list of blocks (one per paragraph, heading, list item or stray line), the
 * unit the importer classifies and keeps or drops. Raw text is split here; HTML is turned
 * into blocks by import-html-blocks.ts.
 */
import { normalise } from '../text/normalize.js';
import { sanitise } from '../text/sanitize.js';

/** What the markup said a block was, when it came from HTML. */
export type BlockTag = 'heading' | 'paragraph' | 'item' | 'quote';

export interface Block {
  /** Normalised, sanitised text with single spaces. */
  text: string;
  /** 1-based line of the input where the block starts (for messages). */
  line: number;
  tag?: BlockTag;
  /** Tab-separated cells in the raw line (tables and menus dumped as text). */
  cells?: number;
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

/** Raw text as blocks: lines, with lines broken inside a paragraph joined again. */
export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const wrapped = isHardWrapped(lines);
  const blocks: Block[] = [];
  let previousBlank = true;
  lines.forEach((raw, i) => {
    const text = cleanLine(raw);
    if (text === '') {
      previousBlank = true;
      return;
    }
    const last = blocks[blocks.length - 1];
    if (last && !previousBlank && (wrapped || continues(last.text, text))) {
      last.text = `${last.text} ${text}`;
    } else {
      blocks.push({ text, line: i + 1, cells: raw.split('\t').length });
    }
    previousBlank = false;
  });
  return blocks;
}
