/**
 * Which German paragraph goes with which English one: Gale–Church at
 * paragraph level, helped by the names and numbers both sides share (length
 * alone cannot tell which of two similar paragraphs is the missing one).
 * Used to say where a paragraph is missing and to align an imported translation.
 */
import { beadsFromShapes, type Bead } from '../text/bead.js';
import { cheapestBeadShapes, type PairCost, type ShapePrior } from '../text/gale-church.js';

// Paragraph beads: mostly 1-1; a translator may merge or split paragraphs,
// and a paragraph may be missing on either side.
const PARAGRAPH_SHAPES: readonly ShapePrior[] = [
  { de: 1, en: 1, prior: 0.9 },
  { de: 1, en: 0, prior: 0.02 },
  { de: 0, en: 1, prior: 0.02 },
  { de: 2, en: 1, prior: 0.03 },
  { de: 1, en: 2, prior: 0.03 },
];

/** Weight of the shared-anchor signal against the length cost (nats). */
const ANCHOR_WEIGHT = 6;

const TOKEN = /\p{Lu}[\p{L}\p{N}-]{2,}|\p{N}+(?:[.,]\p{N}+)*/gu;

function tokens(text: string): Set<string> {
  return new Set(text.match(TOKEN) ?? []);
}

/** Cost that grows as a pairing shares fewer of the names and numbers found on both sides. */
function anchorCost(de: readonly string[], en: readonly string[]): PairCost {
  const deTokens = de.map(tokens);
  const enTokens = en.map(tokens);
  const allDe = new Set(deTokens.flatMap((s) => [...s]));
  const allEn = new Set(enTokens.flatMap((s) => [...s]));
  // Only tokens that occur on both sides somewhere can tell paragraphs apart.
  const deAnchors = deTokens.map((s) => new Set([...s].filter((t) => allEn.has(t))));
  const enAnchors = enTokens.map((s) => new Set([...s].filter((t) => allDe.has(t))));
  const union = (list: Set<string>[], from: number, to: number) => {
    const out = new Set<string>();
    for (let i = from; i < to; i++) for (const t of list[i] ?? []) out.add(t);
    return out;
  };
  return (deFrom, deTo, enFrom, enTo) => {
    if (deFrom === deTo || enFrom === enTo) return 0;
    const a = union(deAnchors, deFrom, deTo);
    const b = union(enAnchors, enFrom, enTo);
    if (a.size + b.size === 0) return 0;
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    // Jaccard: a paragraph whose few names all recur in a longer one is still a poor match.
    return ANCHOR_WEIGHT * (1 - shared / (a.size + b.size - shared));
  };
}

/** Aligns paragraphs by character length (English runs about 5% longer) and shared anchors. */
export function alignParagraphs(de: readonly string[], en: readonly string[]): Bead[] {
  const shapes = cheapestBeadShapes(
    de.map((p) => p.length),
    en.map((p) => p.length),
    {
      // A missing paragraph costs a bounded amount; else merging two would always look cheaper.
      model: { c: 1.05, s2: 6.8, maxOmissionCost: 8 },
      shapes: PARAGRAPH_SHAPES,
      extraCost: anchorCost(de, en),
    },
  );
  return beadsFromShapes(shapes);
}
