/** German and English body units paired 1:1 by position, each pair with its block structure. */
import type { Paragraph } from './article.js';
import { blockMarkdown, escapeParagraph, type BlockSide } from './blocks.js';
import type { BodyParagraph } from './parse-body.js';
import { provenanceOf } from './machine-marks.js';
import type { MachineMark, ParagraphBlock } from './schema.js';

/** The structured parts of one side, for a block of `kind`. */
function itemsOf(side: BlockSide | undefined): string[] {
  if (!side || side.text === '') return [];
  return side.kind === 'list' ? side.items : [side.text];
}

function rowsOf(side: BlockSide | undefined): string[][] {
  if (!side || side.text === '') return [];
  return side.kind === 'table' ? side.rows : [[side.text]];
}

/**
 * The bilingual structure of a pair, or undefined for two plain paragraphs. The German side
 * decides the kind; an English side of another kind (a translator who wrote a list as prose)
 * is noted as `enKind` and given in the German kind's shape as well as it fits.
 */
export function pairBlock(de: BlockSide | undefined, en: BlockSide | undefined): ParagraphBlock | undefined {
  const kind = de?.kind ?? en?.kind ?? 'paragraph';
  const translated = en !== undefined && en.text !== '';
  const enKind = translated && en.kind !== kind ? { enKind: en.kind } : {};
  if (kind === 'paragraph' && !('enKind' in enKind)) return undefined;
  if (kind === 'list') return { kind, items: { de: itemsOf(de), en: itemsOf(en) }, ...enKind };
  if (kind === 'table') return { kind, header: de?.kind === 'table' ? de.header : false, rows: { de: rowsOf(de), en: rowsOf(en) }, ...enKind };
  return { kind, ...enKind };
}

/**
 * Pairs the units of the two files by position; `alignment` holds the curator's sentence
 * overrides, `machine` the machine marks of article.en.md.
 */
export function pairBodies(
  de: readonly BodyParagraph[],
  en: readonly BodyParagraph[],
  alignment: Record<string, string[]> | undefined,
  machine?: Record<string, MachineMark>,
): Paragraph[] {
  const count = Math.max(de.length, en.length);
  const out: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const d = de[i];
    const e = en[i];
    const mark = machine?.[String(i + 1)];
    const provenance = provenanceOf(mark, e?.text);
    // A curator's override wins; else a draft's own pairing, which is exact by construction.
    const spec = alignment?.[String(i + 1)] ?? (provenance ? mark?.beads : undefined);
    const block = pairBlock(d?.shape, e?.shape);
    out.push({
      de: d?.text ?? '',
      en: e?.text ?? '',
      ...(d ? { deLine: d.line } : {}),
      ...(e ? { enLine: e.line } : {}),
      ...(spec ? { alignment: spec } : {}),
      ...(provenance ? { machine: provenance } : {}),
      ...(block ? { block } : {}),
    });
  }
  return out;
}

/**
 * One side of a paragraph in the format's Markdown-like form, as article.*.md holds it
 * ("## …", "- …" lines, a pipe table, "> …", "? …"): what an editor should be given so the
 * markers survive an edit. '' for an untranslated English side.
 */
export function paragraphMarkdown(p: Paragraph, side: 'de' | 'en'): string {
  const text = p[side];
  if (text === '') return '';
  const block = p.block;
  if (!block || (side === 'en' && block.enKind !== undefined)) return escapeParagraph(text);
  switch (block.kind) {
    case 'list':
      return blockMarkdown({ kind: 'list', text, items: block.items[side] });
    case 'table':
      return blockMarkdown({ kind: 'table', text, header: block.header, rows: block.rows[side] });
    case 'paragraph':
      return escapeParagraph(text);
    default:
      return blockMarkdown({ kind: block.kind, text });
  }
}
