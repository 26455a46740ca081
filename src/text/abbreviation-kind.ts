/** Whether an abbreviation's period can also end the sentence, and when. */
export type AbbreviationKind =
  // Never: titles and the like ("Dr.", "z. B.").
  | 'never'
  // Only before a typical sentence opener: "3 Mio. Euro" goes on, "3 Mio. Das …" ends.
  | 'starter'
  // Before any capitalised word; mid-sentence they are followed by small letters ("usw.").
  | 'capital'
  // Unless a number follows, as it does mid-sentence ("No. 5").
  | 'number';

/** Abbreviations keyed by their spelling without spaces ("z.B." also matches "z. B."). */
export type AbbreviationTable = ReadonlyMap<string, AbbreviationKind>;

/** Builds a table from groups of space-separated spellings. */
export function abbreviationTable(
  groups: Readonly<Record<AbbreviationKind, string>>,
): AbbreviationTable {
  const table = new Map<string, AbbreviationKind>();
  for (const [kind, list] of Object.entries(groups) as [AbbreviationKind, string][]) {
    for (const spelling of wordSet(list)) table.set(spelling, kind);
  }
  return table;
}

/** The whitespace-separated words of a word list written as one template string. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}
