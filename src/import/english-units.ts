/**
 * An English text's paragraph written in the kind of the German unit it translates: a
 * subheading, a quotation or an interview question gets its marker; a list or a table keeps
 * the translator's bullets or columns. An English paragraph that cannot take the German's
 * shape stays as it is, and `validate` says where the two differ.
 */
import { blockMarkdown, parseBlock, tableCells, type BlockSide } from '../content/blocks.js';
import { cleanText } from '../text/normalize.js';

const BULLET = /^[-•*–▪►]\s+/u;
const QUESTION_LABEL = /^(?:Q|Question|F|Frage)\s*:\s+/iu;

function listFrom(lines: readonly string[]): BlockSide | undefined {
  if (lines.length < 2 || !lines.every((l) => BULLET.test(l))) return undefined;
  const items = lines.map((l) => cleanText(l.replace(BULLET, '')));
  return { kind: 'list', text: items.join(' '), items };
}

function tableFrom(lines: readonly string[]): BlockSide | undefined {
  if (lines.length < 2) return undefined;
  const rows = lines.every((l) => l.includes('\t')) ? lines.map((l) => l.split('\t').map(cleanText)) : lines.every((l) => l.includes('|')) ? lines.map(tableCells) : undefined;
  if (!rows) return undefined;
  const header = !rows[0]?.some((c) => /\d/.test(c)) && rows.slice(1).some((r) => r.some((c) => /\d/.test(c)));
  return { kind: 'table', text: rows.map((r) => r.join(' ')).join(' '), header, rows };
}

/** `english` (a paragraph's lines joined by "\n") in the shape of `germanUnit` where it fits. */
export function englishInGermanShape(germanUnit: string, english: string): string {
  const lines = english.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const en = parseBlock(lines);
  const de = parseBlock(germanUnit.split('\n'));
  if (en.kind === de.kind) return blockMarkdown(en);
  switch (de.kind) {
    case 'heading':
    case 'quote':
    case 'question':
      if (en.kind === 'paragraph') return blockMarkdown({ kind: de.kind, text: en.text.replace(de.kind === 'question' ? QUESTION_LABEL : /^$/, '') });
      break;
    case 'list': {
      const list = listFrom(lines);
      if (list) return blockMarkdown(list);
      break;
    }
    case 'table': {
      const table = tableFrom(lines);
      if (table) return blockMarkdown(table);
      break;
    }
    case 'paragraph':
      break;
  }
  return blockMarkdown(en.kind === 'paragraph' ? en : { kind: 'paragraph', text: en.text });
}
