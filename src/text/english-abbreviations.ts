import { abbreviationTable, wordSet } from './abbreviation-kind.js';

/** English abbreviations that `Intl.Segmenter` wrongly treats as sentence ends. */
export const englishAbbreviations = abbreviationTable({
  never: `Mr. Mrs. Ms. Dr. Prof. Rev. Hon. Gen. Col. Lt. Sgt. Capt. Gov. Sen. Rep. Pres. Mt.
    e.g. i.e. cf. vs. approx. ca. viz.`,
  starter: `St. U.S. U.K. U.N. E.U. D.C. Jr. Sr. Inc. Ltd. Co. Corp. Bros. Ave. Rd. Blvd. Dept.
    Univ. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Mon. Tue. Tues. Wed.
    Thu. Thur. Thurs. Fri. Sat. Sun. mln. bn.`,
  capital: `etc. a.m. p.m. A.M. P.M.`,
  number: `No. Nos. Vol. Fig. Art. pp. p. Ch. Sec.`,
});

/**
 * Capitalised words that usually open an English sentence and rarely follow an
 * abbreviation inside one: "the U.S. Senate" continues, "in the U.S. The" ends.
 */
export const englishSentenceStarters: ReadonlySet<string> = wordSet(
  `The A An This That These Those There Their They He She It Its We I You His Her Our My
   But And Or So Yet Then Now Meanwhile However Also In On At For From With By After Before
   During Since Until When While If As Although Though Because Once What Who Where Why How
   Which Some Many Most All Both Each Every No Not Only One Furthermore Moreover Still Even
   Here Today Yesterday Tomorrow Later Earlier Instead Thus Therefore Nevertheless Indeed
   According Despite Under Over Among Between Following Last Next Such`,
);
