import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateFacts, proposedGlossary } from '../../src/import/candidate-facts.js';
import { runCli as runImport, writeInput } from '../cli/import-helpers.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/library.js';
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

describe('candidate facts pass their own checks', () => {
  const TEXT = [
    'Flixbus will ins Ausland',
    '',
    'Der Fernbusanbieter wächst schneller als erwartet und sucht neue Märkte.',
    '',
    'Beispielheimer Bote 12.03.2025, 10:15',
    '',
    'Der Flixbus-Chef Fabian Muster stellte am Montag in Berlin die Zahlen vor. Im vergangenen Jahr fuhren 62 Millionen Fahrgäste mit den grünen Bussen. Das Unternehmen Flixbus will nun auch in Übersee expandieren.',
    '',
    'Ein Sprecher von Amazon sagte, man investiere 4 Milliarden Dollar in neue Rechenzentren. Betroffen seien die Bereiche Vertrieb und Marketing, so ein Sprecher der Firma Vertrieb. Die Rechenzentren sollen 2026 fertig sein.',
    '',
    'Die Stellenstreichungen treffen vor allem die Rechenzentrumsbetreiber. Weitere Stellenstreichungen im Cloud-Computing-Geschäft seien nicht geplant, hieß es am Dienstag.',
    '',
  ].join('\n');

  it('a fresh import validates without errors, though a name recurs inside a compound before the sentence cited', async () => {
    const dir = tempDir();
    expect((await runImport(['import', writeInput(dir, 'text.txt', TEXT), '--library', dir])).code).toBe(0);
    const result = await runCli(['validate', '--library', dir]);
    expect(result.stdout.split('\n').filter((l) => !l.includes('warning'))).toEqual(['']);
    expect(result.code).toBe(0);
    const facts = readFileSync(path.join(dir, '2025-03-12-flixbus-will-ins-ausland', 'facts.yaml'), 'utf8');
    expect(facts).toContain('evidence: Das Unternehmen Flixbus');
  });

  it('leaves out generic words taken for names, and labels every candidate in both languages', () => {
    const facts = candidateFacts(TEXT.split('\n\n').slice(3));
    const values = facts.map((f) => f.value.de);
    expect(values).not.toContain('Vertrieb');
    expect(values).not.toContain('Firma Vertrieb');
    expect(facts.every((f) => f.label.en !== undefined && f.label.en !== '')).toBe(true);
    expect(facts.find((f) => f.value.de === '4 Milliarden Dollar')?.label).toEqual({ de: 'Betrag', en: 'Amount' });
  });

  it('proposes each glossary term once, in the form a dictionary lists, never a genitive', () => {
    const units = [
      'Die Sicherheit des Passwortmanagers hängt am Hauptpasswort. Der Passwortmanager speichert alles verschlüsselt.',
      'Ein Sprecher des Sendenetz-Anbieters nannte keine Zahlen. Die Pläne des Telekommunikationsunternehmens bleiben offen.',
      'Die Stellenstreichungen treffen viele. Jede Stellenstreichung wird geprüft.',
    ];
    const terms = proposedGlossary(units).map((t) => t.de);
    expect(terms).toEqual(expect.arrayContaining(['Passwortmanager', 'Sendenetz-Anbieter', 'Telekommunikationsunternehmen', 'Stellenstreichung']));
    expect(terms.filter((t) => t.startsWith('Passwortmanager'))).toHaveLength(1);
    expect(terms.filter((t) => t.startsWith('Stellenstreichung'))).toHaveLength(1);
  });

  it("proposes the article's hardest terms for the glossary, unconfirmed, names left out", () => {
    const units = TEXT.split('\n\n').slice(3);
    const terms = proposedGlossary(units, candidateFacts(units)).map((t) => t.de);
    expect(terms).toEqual(expect.arrayContaining(['Stellenstreichungen', 'Rechenzentren', 'Cloud-Computing-Geschäft', 'Rechenzentrumsbetreiber']));
    expect(terms).not.toContain('Flixbus-Chef');
    expect(proposedGlossary(units).every((t) => t.confirmed === false && t.en === undefined)).toBe(true);
  });
});
