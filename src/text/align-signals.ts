import type { PairCost } from './gale-church.js';

// Weights in nats, tuned on WMT14 German-original news with English sentences left out or
// fused (the stress rows of `npm run eval:align`); on the text as published they change nothing.
const sharedAnchorBonus = 1;
const lonelyAnchorCost = 0.6;

const numberPattern =
  /(?<!\p{Nd})(?:\p{Nd}{1,3}(?:[ .,\u00a0\u202f’']\p{Nd}{3}(?!\p{Nd}))+|\p{Nd}+)/gu;
const capitalisedPattern = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}-]{3,}/gu;

/**
 * Extra bead cost from anchors, the numbers and names a translation keeps: shared anchors
 * make a bead cheaper, unpartnered ones dearer.
 */
export function anchorCost(de: readonly string[], en: readonly string[]): PairCost {
  const deAnchors = de.map(anchorsIn);
  const enAnchors = en.map(anchorsIn);
  return (deFrom, deTo, enFrom, enTo) => {
    // An omission has nothing to agree with; its anchors say nothing against it.
    if (deFrom === deTo || enFrom === enTo) return 0;
    const deSide = union(deAnchors.slice(deFrom, deTo));
    const enSide = union(enAnchors.slice(enFrom, enTo));
    let shared = 0;
    for (const anchor of deSide) if (enSide.has(anchor)) shared++;
    const lonely = deSide.size + enSide.size - 2 * shared;
    return lonelyAnchorCost * lonely - sharedAnchorBonus * shared;
  };
}

/** A sentence's anchors: its numbers, and the first four letters of its capitalised words. */
export function anchorsIn(sentence: string): Set<string> {
  const anchors = new Set<string>();
  // Thousands separators go, so German "12 000" and "1.250." meet "12,000" and "1,250th".
  for (const [number] of sentence.matchAll(numberPattern)) {
    anchors.add(number.replace(/\P{Nd}/gu, ''));
  }
  // Prefixes without diacritics, so "Kirchstraße" meets "Kirchstrasse".
  for (const [word] of sentence.matchAll(capitalisedPattern)) {
    anchors.add(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 4));
  }
  return anchors;
}

function union(sets: readonly Set<string>[]): Set<string> {
  if (sets.length === 1 && sets[0] !== undefined) return sets[0];
  const all = new Set<string>();
  for (const set of sets) for (const item of set) all.add(item);
  return all;
}
