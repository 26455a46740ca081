/**
 * The block kinds of an article body in their Markdown-like form: a subheading (`## `), a list
 * (`- ` on every line), a pipe table, a quotation (`> `), an interview question (`? `), and
 * plain paragraphs. One raw paragraph (lines between blank lines) is one block. Hand-written:
 * a Markdown library would accept far more than the format allows (and render HTML), and the
 * loader needs each block's lines as written.
 */
import { cleanText } from '../text/normalize.js';

/** What kind of unit a paragraph is. */
export type BlockKind = 'paragraph' | 'heading' | 'list' | 'table' | 'quote' | 'question';

/** One side (German or English) of a block, as parsed from its lines. */
export type BlockSide =
  | { kind: 'paragraph' | 'heading' | 'quote' | 'question'; text: string }
  | { kind: 'list'; text: string; items: string[] }
  | { kind: 'table'; text: string; header: boolean; rows: string[][] };

/** Characters that start a block marker; a paragraph starting with none of them is plain. */
const MARKER_START = /^[#\-|>?\\[]/;
const HEADING = /^#{2,6}\s+/;
const LIST_ITEM = /^-\s+/;
const QUOTE = /^>\s?/;
const QUESTION = /^\?\s+/;
const TABLE_ROW = /^\|/;
const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** `\- `, `\## `, `\> `, `\? `, `\| `: a paragraph that starts with a marker character literally. */
const ESCAPED = /^\\(?=[#\-|>?[\\])/;

/** Cells of a table row: split at unescaped pipes, the outer pipes dropped, `\|` kept as `|`. */
export function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cleanText(cell.replace(/\\\|/g, '|')));
}

/** The plain text of a block side: what alignment, search and wrapping work on. */
function joinPlain(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** One row of a table as plain text. */
export function rowText(cells: readonly string[]): string {
  return cells.filter((c) => c !== '').join(' | ');
}

/** A list's items: a line starting with `- ` opens one, any other line continues the last. */
function listItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push(line.replace(LIST_ITEM, ''));
    else items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line}`;
  }
  return items.map(cleanText).filter((item) => item !== '');
}

/**
 * The block a raw paragraph's lines (trimmed, non-empty) make. Cleaned text throughout: NFC,
 * no controls, single spaces. A paragraph matches a kind only when its first line has the
 * marker (and, for lists, quotes and tables, every line that starts an item or row).
 */
export function parseBlock(lines: readonly string[]): BlockSide {
  const first = lines[0] ?? '';
  if (!MARKER_START.test(first)) return { kind: 'paragraph', text: cleanText(lines.join(' ')) };
  if (ESCAPED.test(first)) return { kind: 'paragraph', text: cleanText([first.replace(ESCAPED, ''), ...lines.slice(1)].join(' ')) };
  if (HEADING.test(first)) return { kind: 'heading', text: cleanText([first.replace(HEADING, ''), ...lines.slice(1)].join(' ')) };
  if (QUESTION.test(first)) return { kind: 'question', text: cleanText([first.replace(QUESTION, ''), ...lines.slice(1)].join(' ')) };
  if (QUOTE.test(first) && lines.every((l) => QUOTE.test(l))) {
    return { kind: 'quote', text: cleanText(lines.map((l) => l.replace(QUOTE, '')).join(' ')) };
  }
  if (LIST_ITEM.test(first)) {
    const items = listItems(lines);
    return { kind: 'list', text: joinPlain(items), items };
  }
  if (TABLE_ROW.test(first) && lines.every((l) => TABLE_ROW.test(l))) {
    const header = lines.length >= 2 && SEPARATOR_ROW.test(lines[1] ?? '');
    const rows = lines.filter((l, i) => !(i === 1 && header)).map(tableCells);
    return { kind: 'table', text: rows.map(rowText).filter((r) => r !== '').join(' '), header, rows };
  }
  return { kind: 'paragraph', text: cleanText(lines.join(' ')) };
}

/** A plain paragraph's text as written in a file: a leading marker character is escaped. */
export function escapeParagraph(text: string): string {
  return MARKER_START.test(text) && startsLikeMarker(text) ? `\\${text}` : text;
}

function startsLikeMarker(text: string): boolean {
  return HEADING.test(text) || LIST_ITEM.test(text) || QUOTE.test(text) || QUESTION.test(text) || TABLE_ROW.test(text) || /^\\/.test(text) || /^\[\d+\]:/.test(text);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A block in its Markdown-like form, the lines a library file holds for it. */
export function blockMarkdown(block: BlockSide): string {
  switch (block.kind) {
    case 'paragraph':
      return escapeParagraph(block.text);
    case 'heading':
      return `## ${block.text}`;
    case 'question':
      return `? ${block.text}`;
    case 'quote':
      return `> ${block.text}`;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'table': {
      const width = Math.max(1, ...block.rows.map((r) => r.length));
      const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
      const rows = block.rows.map(line);
      if (block.header) rows.splice(1, 0, `|${' --- |'.repeat(width)}`);
      return rows.join('\n');
    }
  }
}

/** One entry of the numbered list of links under an article. */
export interface ArticleLink {
  /** The number the list gives it, from 1. */
  n: number;
  url: string;
  /** The words the link was on, when known. */
  text?: string;
}

const LINK_LINE = /^\[(\d{1,4})\]:\s*(\S+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*$/;

/** True when every line of a raw paragraph is a link definition (`[1]: URL "text"`). */
export function isLinkList(lines: readonly string[]): boolean {
  return lines.length > 0 && lines.every((l) => LINK_LINE.test(l));
}

/** The links a link-list paragraph defines, as written (the caller checks the addresses). */
export function parseLinkLines(lines: readonly string[]): { n: number; url: string; text?: string }[] {
  return lines.flatMap((line) => {
    const m = LINK_LINE.exec(line);
    if (!m) return [];
    const text = m[3] === undefined ? '' : cleanText(m[3].replace(/\\(.)/g, '$1'));
    return [{ n: Number(m[1]), url: cleanText(m[2] ?? ''), ...(text ? { text } : {}) }];
  });
}

/** The link list as it is written under an article's paragraphs. */
export function linkListMarkdown(links: readonly ArticleLink[]): string {
  return links.map((l) => `[${l.n}]: ${l.url}${l.text ? ` "${l.text.replace(/["\\]/g, (c) => `\\${c}`)}"` : ''}`).join('\n');
}
