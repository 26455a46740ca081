import { describe, expect, it } from 'vitest';
import { candidateFacts } from '../../src/import/candidate-facts.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { RAW_PAGE_BODY } from './fixtures.js';

describe('candidate facts', () => {
  const facts = candidateFacts(RAW_PAGE_BODY);

  it('proposes amounts, shares, counts, dates, organisations and people', () => {
    const values = facts.map((f) => `${f.kind}:${f.value.de}`);
    expect(values).toEqual(
      expect.arrayContaining([
        'money:12,5 Millionen Euro',
        'number:40 Prozent',
        'number:2000 Unterschriften',
        'date:3. März 2025',
        'organisation:Stadtwerke Beispielheim GmbH',
        'person:Anna Muster',
      ]),
    );
    expect(facts.length).toBeLessThanOrEqual(10);
  });

  it('cites exact evidence in the right sentence, unconfirmed and labelled in both languages', () => {
    for (const fact of facts) {
      const paragraph = RAW_PAGE_BODY[fact.paragraph - 1] ?? '';
      expect(paragraph).toContain(fact.evidence);
      const sentence = splitSentences(paragraph, 'de')[(fact.sentence ?? 0) - 1] ?? '';
      expect(sentence).toContain(fact.evidence);
      expect(fact.confirmed).toBe(false);
      expect(fact.label.de).not.toBe('');
      expect(fact.label.en).toMatch(/^[A-Z][a-z]+$/);
      expect(fact.id).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
    }
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });

  it('leaves out numbers that are names, ordinals or lone ones', () => {
    const none = candidateFacts(['Die Linie B33 fährt seit dem 1. Mai wieder, sagte ein Fahrgast aus der Region zu den Änderungen am Fahrplan.']);
    expect(none.filter((f) => f.kind === 'number')).toEqual([]);
  });

  it('reads no unit into the first letters of a word, and no role or bare legal form as a name', () => {
    const facts = candidateFacts([
      'Auf der L 12 täglich 400 Fahrzeuge. Den Plan hat Bürgermeister Karl, der seit Jahren im Amt ist, vorgestellt.',
      'Musterstadts Bürgermeister sprach zuerst. Die Gruppe fährt ab Montag mit Fernbusnord.',
    ]);
    const values = facts.map((f) => f.value.de);
    expect(values.some((v) => /^12 t/.test(v))).toBe(false);
    expect(values).not.toContain('Bürgermeister Karl');
    expect(values).not.toContain('Musterstadts Bürgermeister');
    expect(values).not.toContain('Gruppe');
    expect(values.every((v) => !/\p{Ll}{3}\.$/u.test(v))).toBe(true);
  });
});
