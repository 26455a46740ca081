/**
 * The units of a machine-drafted paragraph whose English lacks numbers, amounts or dates of
 * its German: the reader marks their lines and says what is missing when the cursor is there.
 * The same check as `validate` (src/quantities/compare.ts); worked out once per paragraph.
 */
import type { AlignedParagraph, Span } from '../content/aligned-article.js';
import { missingQuantities } from '../quantities/compare.js';

const worked = new WeakMap<AlignedParagraph, ReadonlyMap<number, readonly string[]>>();

const slice = (text: string, span: Span | null) => (span ? text.slice(span.start, span.end) : '');

/** Unit index → the German quantities its English lacks (empty for a person's text). */
export function unitMismatches(p: AlignedParagraph): ReadonlyMap<number, readonly string[]> {
  let found = worked.get(p);
  if (!found) {
    const map = new Map<number, readonly string[]>();
    if (p.machine) {
      p.units.forEach((unit, i) => {
        const de = slice(p.de, unit.de);
        const en = slice(p.en, unit.en);
        if (de === '' || en === '') return;
        const missing = missingQuantities(de, en).map((q) => q.text);
        if (missing.length > 0) map.set(i, missing);
      });
    }
    found = map;
    worked.set(p, found);
  }
  return found;
}

/** The English spans of the units whose numbers do not match. */
export function mismatchSpans(p: AlignedParagraph): Span[] {
  const spans: Span[] = [];
  for (const unit of unitMismatches(p).keys()) {
    const span = p.units[unit]?.en;
    if (span) spans.push(span);
  }
  return spans;
}
