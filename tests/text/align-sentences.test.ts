import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignParagraph,
  alignSentences,
  beadsFromSpec,
  type Bead,
} from '../../src/text/align-sentences.js';
import { anchorsIn } from '../../src/text/align-signals.js';
import { galeChurchModel } from '../../src/text/gale-church.js';
import { lengthCost } from '../../src/text/length-cost.js';

/** Beads written compactly: "0,1-0" is German 0 and 1 with English 0; "-1" is English 1 alone. */
const shape = (beads: Bead[]) => beads.map((b) => `${b.de.join(',')}-${b.en.join(',')}`);

describe('alignSentences', () => {
  it('pairs sentences one to one', () => {
    const de = ['Der Hund bellt laut.', 'Die Katze schläft im Korb.'];
    const en = ['The dog barks loudly.', 'The cat sleeps in the basket.'];
    expect(shape(alignSentences(de, en))).toEqual(['0-0', '1-1']);
  });

  it('finds 2-1 when the translation fuses two sentences', () => {
    const de = [
      'Am Montag öffnete in Gutingen das neue Uhrenmuseum.',
      'Es zeigt 300 alte Uhren.',
      'Der Eintritt ist frei.',
    ];
    const en = [
      'The new clock museum in Gutingen opened on Monday, showing 300 old clocks.',
      'Admission is free.',
    ];
    expect(shape(alignSentences(de, en))).toEqual(['0,1-0', '2-1']);
  });

  it('finds 1-2 when the translation splits a sentence', () => {
    const de = [
      'Der Chor Harmonie Weilertal, der seit 1890 besteht, sang am Sonntag in der Kirche St. Peter.',
      'Alle waren begeistert.',
    ];
    const en = [
      'The Harmonie Weilertal choir has existed since 1890.',
      'On Sunday it sang in the church of St. Peter.',
      'Everyone was delighted.',
    ];
    expect(shape(alignSentences(de, en))).toEqual(['0-0,1', '1-2']);
  });

  it('finds 1-0 when a German sentence is left untranslated', () => {
    const de = [
      'Der Gemeinderat tagte am Dienstag.',
      'Bürgermeister Walter Brenner begrüßte 45 Gäste aus Kehl, Lahr und Offenburg im Saal.',
      'Danach gab es Kuchen.',
    ];
    const en = ['The council met on Tuesday.', 'Afterwards there was cake.'];
    expect(shape(alignSentences(de, en))).toEqual(['0-0', '1-', '2-1']);
  });

  it('finds 0-1 when the translation adds a sentence', () => {
    const de = ['Die Wanderung führt an die Kinzig.', 'Treffpunkt ist der Bahnhof.'];
    const en = [
      'The hike leads to the Kinzig.',
      '(Note: the Black Forest Railway opened in 1873 and runs for 149 km.)',
      'The meeting point is the station.',
    ];
    expect(shape(alignSentences(de, en))).toEqual(['0-0', '-1', '1-2']);
  });

  it('finds 2-2 when the two sides break the same content differently', () => {
    const de = [
      'Der Verein, 1950 in Gutingen gegründet und heute 300 Mitglieder stark, feierte gestern im Saal.',
      'Es gab Musik.',
    ];
    const en = [
      'The club celebrated in the hall yesterday.',
      'Founded in Gutingen in 1950 and 300 members strong today, it put on music.',
    ];
    expect(shape(alignSentences(de, en))).toEqual(['0,1-0,1']);
  });

  it('handles empty sides', () => {
    expect(alignSentences([], [])).toEqual([]);
    expect(shape(alignSentences(['Eins.', 'Zwei.'], []))).toEqual(['0-', '1-']);
    expect(shape(alignSentences([], ['One.']))).toEqual(['-0']);
  });

  const sentence = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('😀😀 Gut.', '中文新闻。', 'Cafe\u0301 12 000 €.', 'Am 4. Apr. 2024.', ''),
  );

  it('covers every sentence exactly once, in order, for any input', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { maxLength: 12 }),
        fc.array(sentence, { maxLength: 12 }),
        (de, en) => {
          const beads = alignSentences(de, en);
          expect(beads.flatMap((b) => b.de)).toEqual(de.map((_, i) => i));
          expect(beads.flatMap((b) => b.en)).toEqual(en.map((_, i) => i));
          for (const bead of beads) {
            expect(bead.de.length + bead.en.length).toBeGreaterThan(0);
            expect(bead.de.length).toBeLessThanOrEqual(2);
            expect(bead.en.length).toBeLessThanOrEqual(2);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('beadsFromSpec', () => {
  it('turns counts into consecutive indices', () => {
    expect(beadsFromSpec(['1-1', '2-1', '0-1', '1-0'], 4, 3)).toEqual([
      { de: [0], en: [0] },
      { de: [1, 2], en: [1] },
      { de: [], en: [2] },
      { de: [3], en: [] },
    ]);
  });

  it('allows shapes the automatic aligner never proposes', () => {
    expect(beadsFromSpec(['3-1'], 3, 1)).toEqual([{ de: [0, 1, 2], en: [0] }]);
  });

  it('names expected and given counts when they do not add up', () => {
    expect(beadsFromSpec(['1-1', '2-1', '1-1'], 5, 3)).toEqual({
      error: 'the beads cover 4 German sentences, the paragraph has 5',
    });
    expect(beadsFromSpec(['1-1', '1-0'], 2, 2)).toEqual({
      error: 'the beads cover 1 English sentence, the paragraph has 2',
    });
  });

  it('rejects entries that are not counts', () => {
    expect(beadsFromSpec(['1-1', 'two-one'], 3, 2)).toEqual({
      error: 'bead 2 is "two-one"; expected counts like "1-1" or "2-1"',
    });
    expect(beadsFromSpec(['0-0', '1-1'], 1, 1)).toHaveProperty('error');
  });

  it('accepts an empty spec for an empty paragraph', () => {
    expect(beadsFromSpec([], 0, 0)).toEqual([]);
  });
});

describe('alignParagraph', () => {
  const dePara = 'Am 4. Apr. 2024 öffnet das Bad. Dr. Kurz spricht. Es gibt Eis.';
  const enPara = 'The pool opens on 4 Apr. 2024. Dr. Kurz will speak. There will be ice cream.';

  it('splits both paragraphs and aligns them', () => {
    const aligned = alignParagraph(dePara, enPara);
    expect(aligned.de).toEqual([
      'Am 4. Apr. 2024 öffnet das Bad.',
      'Dr. Kurz spricht.',
      'Es gibt Eis.',
    ]);
    expect(aligned.en).toHaveLength(3);
    expect(shape(aligned.beads)).toEqual(['0-0', '1-1', '2-2']);
    expect(aligned.error).toBeUndefined();
  });

  it("applies a curator's override", () => {
    const aligned = alignParagraph(dePara, enPara, ['2-1', '1-2']);
    expect(shape(aligned.beads)).toEqual(['0,1-0', '2-1,2']);
    expect(aligned.error).toBeUndefined();
  });

  it('falls back to automatic alignment when the override does not fit', () => {
    const aligned = alignParagraph(dePara, enPara, ['1-1', '1-1']);
    expect(aligned.error).toBe('the beads cover 2 German sentences, the paragraph has 3');
    expect(shape(aligned.beads)).toEqual(['0-0', '1-1', '2-2']);
  });

  it('aligns an untranslated paragraph as German-only beads', () => {
    expect(shape(alignParagraph('Eins. Zwei.', '').beads)).toEqual(['0-', '1-']);
  });
});

describe('alignment signals', () => {
  it('matches numbers across German and English notation', () => {
    const de = anchorsIn('Etwa 12 000 Autos und 1.250 Räder, 3,5 Prozent mehr.');
    const en = anchorsIn('About 12,000 cars and 1,250 bikes, 3.5 per cent more.');
    for (const number of ['12000', '1250', '3', '5']) {
      expect(de.has(number)).toBe(true);
      expect(en.has(number)).toBe(true);
    }
  });

  it('matches names regardless of umlaut spelling', () => {
    expect([...anchorsIn('Die Kirchstraße in Beispielheim')]).toEqual(['kirc', 'beis']);
    expect([...anchorsIn('The Kirchstrasse in Beispielheim')]).toEqual(['kirc', 'beis']);
  });

  it('scores equal lengths as likely and long mismatches as unlikely', () => {
    expect(lengthCost(100, 100, galeChurchModel)).toBeCloseTo(0);
    expect(lengthCost(100, 130, galeChurchModel)).toBeGreaterThan(1);
    expect(lengthCost(1000, 0, galeChurchModel)).toBeGreaterThan(100);
    expect(Number.isFinite(lengthCost(5000, 1, galeChurchModel))).toBe(true);
    expect(lengthCost(1000, 0, { ...galeChurchModel, maxOmissionCost: 6 })).toBe(6);
  });
});
