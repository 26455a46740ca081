import type { AbbreviationTable } from './abbreviation-kind.js';
import { englishAbbreviations, englishSentenceStarters } from './english-abbreviations.js';
import {
  germanAbbreviations,
  germanLongOrdinalNouns,
  germanMonths,
  germanSentenceStarters,
} from './german-abbreviations.js';

/** The languages the splitter knows rules for. */
export type SplitLanguage = 'de' | 'en';

/** The word lists one language's boundary rules consult. */
export interface SplitProfile {
  readonly abbreviations: AbbreviationTable;
  readonly starters: ReadonlySet<string>;
  /** German writes ordinals as "4." — English never does, so there "4." is a plain number. */
  readonly ordinals: boolean;
  readonly months: ReadonlySet<string>;
  readonly longOrdinalNouns: ReadonlySet<string>;
}

const empty: ReadonlySet<string> = new Set();

/** Boundary-rule word lists per language. */
export const splitProfiles: Readonly<Record<SplitLanguage, SplitProfile>> = {
  de: {
    abbreviations: germanAbbreviations,
    starters: germanSentenceStarters,
    ordinals: true,
    months: germanMonths,
    longOrdinalNouns: germanLongOrdinalNouns,
  },
  en: {
    abbreviations: englishAbbreviations,
    starters: englishSentenceStarters,
    ordinals: false,
    months: empty,
    longOrdinalNouns: empty,
  },
};
