/** What a quantity measures; it decides how the quantity is compared across languages. */
export type QuantityKind = 'number' | 'money' | 'percent' | 'date' | 'year' | 'time';

/** The languages a paragraph can be read in. */
export type QuantityLang = 'de' | 'en';

/** A number, amount, percentage, date or time found in a paragraph. */
export interface Quantity {
  kind: QuantityKind;
  /** The words as they appear in the text, e.g. "4 Milliarden Dollar" */
  text: string;
  /** Offset of `text` in the paragraph */
  index: number;
  /**
   * Canonical value for comparison: numbers (4e9 with unit 'USD'); years as numbers, decades
   * as '1990s' / '90s'; dates as 'YYYY-MM-DD' / 'MM-DD' / 'YYYY-MM'; times as 'HH:MM'.
   */
  value: number | string;
  /** ISO currency code for money ('EUR', 'USD', …; 'KR' for any krone/krona). */
  unit?: string;
  /** Set for ordinals ("9.", "9th", "third"); they compare by value like cardinals. */
  ordinal?: boolean;
  /** Other readings of an ambiguous text: "6:30" may be 18:30, "5.000" in English may be 5000. */
  alternatives?: Array<number | string>;
}
