import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

const PARAGRAPHS = Array.from({ length: 30 }, (_, i) => `Das ist Absatz Nummer ${i + 1} des Artikels. Er handelt von der neuen Brücke.`);

/** A library of a fresh import's shape (nothing translated, candidate facts) and one article with an error. */
function library() {
  const placeholders = PARAGRAPHS.map(() => '<!-- untranslated -->');
  const facts = [
    'facts:',
    '  - id: org-bruecke',
    '    kind: organisation',
    '    label: { de: Organisation, en: Organisation }',
    '    value: { de: Brücke }',
    '    paragraph: 1',
    '    evidence: Brücke',
    '    confirmed: false',
    'glossary:',
    '  - de: Brückenbau',
    '    confirmed: false',
    '',
  ].join('\n');
  return makeLibrary({
    frisch: { de: germanFile({ paragraphs: PARAGRAPHS }), en: englishFile({ status: 'draft', paragraphs: placeholders }), facts },
    kaputt: {
      de: germanFile({ paragraphs: ['Die Brücke kostet 12 Millionen Euro.'] }),
      en: englishFile({ paragraphs: ['The bridge costs a lot of money.'] }),
    },
  });
}

describe('validate output', () => {
  it('says a fresh import is untranslated in one line, not one per paragraph, and sums up per article', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--library', library()]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('not translated'))).toEqual([expect.stringMatching(/frisch\/article\.en\.md:\d+: warning: 30 of 30 paragraphs are not translated yet \(paragraphs 1–30\)$/)]);
    expect(lines.filter((l) => l.includes('candidate fact'))).toHaveLength(1);
    expect(stdout).toContain('1 proposed glossary term to check (Brückenbau)');
    expect(stderr).toContain('Articles with problems:\n  frisch: 0 errors, 3 warnings\n  kaputt: 1 error, 0 warnings\n');
    expect(stderr).toContain('2 articles checked: 1 error, 3 warnings.');
  });

  it('--errors-only prints the errors and counts the warnings it leaves out', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--library', library(), '--errors-only']);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/kaputt\/article\.en\.md:\d+: paragraph 1: "12 Millionen Euro" \(.*\) is not in the English$/)]);
    expect(stderr).toContain('(3 warnings not shown: --errors-only)');
  });

  it('--json gives the documented, versioned shape', async () => {
    const { code, stdout } = await runCli(['validate', '--library', library(), '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      format: string;
      version: number;
      errors: number;
      warnings: number;
      articles: { id: string; errors: number; warnings: number; diagnostics: { file: string; line: number | null; severity: string; code: string | null; message: string; params?: Record<string, unknown> }[] }[];
    };
    expect(json).toMatchObject({ format: 'newsbridge.validate', version: 1, errors: 1, warnings: 3 });
    expect(json.articles.map((a) => [a.id, a.errors, a.warnings])).toEqual([['frisch', 0, 3], ['kaputt', 1, 0]]);
    const error = json.articles[1]?.diagnostics[0];
    expect(error).toMatchObject({ severity: 'error', code: 'quantityMissing', params: { n: 1, text: '"12 Millionen Euro"' } });
    expect(error?.file).toMatch(/kaputt\/article\.en\.md$/);
    expect(typeof error?.line).toBe('number');
  });

  it('says everything in German with --ui-lang de', async () => {
    const { stdout, stderr } = await runCli(['validate', '--library', library(), '--ui-lang', 'de']);
    expect(stdout).toMatch(/frisch\/article\.en\.md:\d+: Warnung: 30 von 30 Absätzen sind noch nicht übersetzt \(Absätze 1–30\)/);
    expect(stdout).toMatch(/kaputt\/article\.en\.md:\d+: Absatz 1: "12 Millionen Euro" \(.*\) fehlt im Englischen/);
    expect(stdout).toContain('1 vorgeschlagener Glossarbegriff zu prüfen (Brückenbau)');
    expect(stderr).toContain('Artikel mit Problemen:');
    const json = JSON.parse((await runCli(['validate', '--library', library(), '--json', '--ui-lang', 'de'])).stdout) as { articles: { diagnostics: { message: string }[] }[] };
    expect(json.articles[1]?.diagnostics[0]?.message).toMatch(/fehlt im Englischen$/);
  });

  it('translates schema messages too', async () => {
    const lib = makeLibrary({ falsch: { de: germanFile({ published: '4.4.2024' }) } });
    const { stdout } = await runCli(['validate', '--library', lib, '--ui-lang', 'de']);
    expect(stdout).toMatch(/falsch\/article\.de\.md:5: published: ein Datum mit Uhrzeit und Zeitzone ist nötig/);
  });

  it('a reviewed article needs its English title and dek and no unconfirmed facts', async () => {
    const english = ['---', 'status: reviewed', 'reviewed: 2025-01-20', '---', '', 'The town of Beispielheim is building a new bridge. It costs 12 million euros.', '', 'Construction starts on 3 March 2025. It is expected to take two years.', ''].join('\n');
    const facts = 'facts:\n  - id: betrag\n    kind: money\n    label: { de: Betrag, en: Amount }\n    value: { de: 12 Millionen Euro }\n    paragraph: 1\n    sentence: 2\n    evidence: 12 Millionen Euro\n    confirmed: false\n';
    const lib = makeLibrary({ geprueft: { de: germanFile(), en: english, facts } });
    const { code, stdout } = await runCli(['validate', '--library', lib]);
    expect(code).toBe(1);
    expect(stdout).toContain('status is "reviewed" but the English title is missing (add "title:")');
    expect(stdout).toContain('status is "reviewed" but the English dek is missing (add "dek:")');
    expect(stdout).toContain('status is "reviewed" but 1 fact or glossary term in facts.yaml is not confirmed');
  });
});
