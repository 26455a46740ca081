/** One side of an article unit as plain-text lines for `show`: headings set apart, bullets, tables, quotes, questions. */
import type { Paragraph } from '../content/article.js';
import { displayWidth } from '../text/display-width.js';
import { layoutTable } from '../text/table-layout.js';
import { wrapText } from '../text/wrap.js';

/** Marks that set an interview question apart, in the language of the text. */
export interface BlockMarks {
  question: string;
}

/** `text` wrapped to `width` (undefined: one line), the first line after `first`, the rest after `rest`. */
function hanging(text: string, width: number | undefined, first: string, rest: string): string[] {
  if (width === undefined) return [`${first}${text}`];
  const lines = wrapText(text, Math.max(1, width - displayWidth(first)));
  return lines.map((l, i) => `${i === 0 ? first : rest}${l.text}`);
}

/**
 * The lines of one side of `p` (`text` is what to print there: the paragraph's text, or the
 * "not translated yet" note), at `width` columns or unwrapped when undefined.
 */
export function unitLines(p: Paragraph, side: 'de' | 'en', text: string, width: number | undefined, marks: BlockMarks): string[] {
  const block = p.block;
  const own = side === 'de' || (p.en !== '' && block?.enKind === undefined);
  const kind = own ? (block?.kind ?? 'paragraph') : 'paragraph';
  switch (kind) {
    case 'heading': {
      const lines = hanging(text, width, '', '');
      const rule = '─'.repeat(Math.min(Math.max(...lines.map((l) => displayWidth(l))), width ?? Infinity));
      return [...lines, rule];
    }
    case 'list':
      if (block?.kind !== 'list') break;
      return block.items[side].flatMap((item) => hanging(item, width, '• ', '  '));
    case 'table':
      if (block?.kind !== 'table') break;
      return layoutTable(block.rows[side], block.header, width);
    case 'quote':
      return hanging(text, width, '> ', '> ');
    case 'question': {
      const mark = `${marks.question} `;
      return hanging(text, width, mark, ' '.repeat(displayWidth(mark)));
    }
    case 'paragraph':
      break;
  }
  return hanging(text, width, '', '');
}
