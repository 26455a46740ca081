/**
 * A drafted unit in the shape of its German unit: a subheading, quotation or question gets its
 * marker; a list's sentences are grouped back into its items (the draft translates the items'
 * sentences one by one, so each item's count is known); a table's rows are split back into
 * cells at " | ". The result is the unit's Markdown-like form for article.en.md.
 */
import { blockMarkdown, parseBlock } from '../content/blocks.js';
import type { ParagraphBlock } from '../content/schema.js';
import { splitSentences } from '../text/split-sentences.js';

/** `english` (one drafted sentence per German one) written as a unit of `block`'s kind. */
export function draftInShape(block: ParagraphBlock, english: readonly string[]): string {
  const text = english.join(' ');
  switch (block.kind) {
    case 'heading':
    case 'quote':
    case 'question':
      return blockMarkdown({ kind: block.kind, text });
    case 'list': {
      const items: string[] = [];
      let at = 0;
      for (const item of block.items.de) {
        const count = Math.max(1, splitSentences(item, 'de').length);
        items.push(english.slice(at, at + count).join(' '));
        at += count;
      }
      if (at < english.length) items[items.length - 1] = [items[items.length - 1] ?? '', ...english.slice(at)].join(' ');
      return blockMarkdown({ kind: 'list', text, items: items.filter((i) => i !== '') });
    }
    case 'table': {
      const rows = english.map((row) => row.split(/\s*\|\s*/).map((c) => c.trim()));
      return blockMarkdown({ kind: 'table', text, header: block.header, rows });
    }
    case 'paragraph':
      return blockMarkdown({ kind: 'paragraph', text });
  }
}

/** The plain text of a unit written in the format's form (what the machine mark's hash is of). */
export function plainOf(unit: string): string {
  return parseBlock(unit.split('\n')).text;
}
