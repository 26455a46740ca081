/**
 * Editing one English paragraph in the user's editor: the text handed to the
 * editor (German as comment lines above the English), reading it back, and
 * putting it into article.en.md with every other byte of the file unchanged.
 */
import { dropMachineMark } from '../content/front-matter-edit.js';
import { wrapText } from '../text/wrap.js';

/** Lines starting with "# " (or a lone "#") are comments in the editor buffer. */
const COMMENT = /^#( |$)/;
export const PLACEHOLDER = '<!-- untranslated -->';

export interface EditBufferInput {
  id: string;
  /** 0-based paragraph index. */
  index: number;
  total: number;
  de: string;
  en: string;
  heading: string;
  instructions: readonly string[];
}

/** Each line of a unit's Markdown-like form wrapped on its own (a list's items stay apart). */
function wrapLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapText(line, width).map((l) => l.text));
}

/**
 * The text the editor opens: instructions and the German as comments, then the English. For
 * a subheading, list, table, quotation or question, pass both sides in the format's form
 * (content/blocks.ts `paragraphMarkdown`), so the curator sees and keeps the markers.
 */
export function buildEditBuffer(input: EditBufferInput): string {
  const comment = (text: string) => (text === '' ? '#' : `# ${text}`);
  // A list or table keeps its rows; other text is wrapped for reading.
  const keepsRows = (text: string) => /^(- |\|)/.test(text);
  const german = (keepsRows(input.de) ? input.de.split('\n') : wrapLines(input.de, 74)).map(comment);
  const english = input.en === '' ? [] : keepsRows(input.en) ? input.en.split('\n') : wrapLines(input.en, 76);
  return [
    comment(input.heading),
    ...input.instructions.map(comment),
    '#',
    ...german,
    '',
    ...english,
    '',
  ].join('\n');
}

/**
 * The English paragraph from a saved buffer: comments dropped, lines joined; a list, table or
 * quotation (lines starting with "- ", "|" or ">") keeps its lines.
 */
export function parseEditBuffer(text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !COMMENT.test(line))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (/^(- |\||>)/.test(lines[0] ?? '')) return lines.join('\n');
  return lines.join(' ');
}

interface Block {
  /** Index of the first and one past the last line of the paragraph. */
  from: number;
  to: number;
}

/** Body paragraphs of a Markdown file as line ranges (after the front matter). */
function blocks(lines: readonly string[]): { bodyStart: number; blocks: Block[] } {
  let bodyStart = 0;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    bodyStart = close < 0 ? lines.length : close + 1;
  }
  const out: Block[] = [];
  let from = -1;
  for (let i = bodyStart; i <= lines.length; i++) {
    const blank = i === lines.length || (lines[i] ?? '').trim() === '';
    if (!blank && from < 0) from = i;
    if (blank && from >= 0) {
      out.push({ from, to: i });
      from = -1;
    }
  }
  return { bodyStart, blocks: out };
}

/** The body paragraphs of a Markdown file as written (lines joined by "\n"), for comparing versions. */
export function paragraphTexts(source: string): string[] {
  const lines = source.split(/\r\n|\r|\n/);
  return blocks(lines).blocks.map((b) => lines.slice(b.from, b.to).join('\n'));
}

/** 1-based first and last line of body paragraph `index` (0-based), or null when there is none. */
export function paragraphLineRange(source: string, index: number): { first: number; last: number } | null {
  const block = blocks(source.split(/\r\n|\r|\n/)).blocks[index];
  return block ? { first: block.from + 1, last: block.to } : null;
}

/**
 * article.en.md with paragraph `index` replaced by `text` (a placeholder when
 * empty) and its machine mark dropped. Missing paragraphs before it are filled
 * with placeholders; a missing file becomes a draft skeleton.
 */
export function replaceEnglishParagraph(source: string | null, index: number, text: string, total = index + 1): string {
  const paragraph = text.trim() === '' ? PLACEHOLDER : text.trim();
  // What a person writes is theirs: the paragraph's machine mark (if any) goes.
  const original = source === null ? '---\nstatus: draft\n---\n' : dropMachineMark(source, String(index + 1));
  // The file's own line ends: CRLF, LF, or a lone CR (old Mac files).
  const newline = original.includes('\r\n') ? '\r\n' : original.includes('\n') || !original.includes('\r') ? '\n' : '\r';
  const lines = original.split(/\r\n|\r|\n/);
  const found = blocks(lines);
  const target = found.blocks[index];
  if (target) {
    lines.splice(target.from, target.to - target.from, ...paragraph.split('\n'));
    return lines.join(newline);
  }
  // Append placeholders up to the paragraph, and after it up to the German's count (a new file
  // must still pair every German paragraph), keeping one blank line between paragraphs.
  while (lines.length > found.bodyStart && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  for (let i = found.blocks.length; i < index; i++) lines.push('', PLACEHOLDER);
  lines.push('', ...paragraph.split('\n'));
  for (let i = index + 1; i < total; i++) lines.push('', PLACEHOLDER);
  lines.push('');
  return lines.join(newline);
}
