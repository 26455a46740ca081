import { describe, expect, it } from 'vitest';
import { alignParagraphUnits } from '../../src/content/aligned-article.js';
import { loadArticle } from '../../src/content/load-article.js';
import { machineHash } from '../../src/content/machine-marks.js';
import { draftNumberMismatches, missingGlossaryTerms } from '../../src/curate/draft-checks.js';
import { runCli } from '../cli/run-cli.js';
import { factsFile, germanFile, makeLibrary } from '../helpers/library.js';

const P1 = 'The town of Beispielheim is building a new crossing. It costs 13 million euros.';
const P2 = 'Construction starts on 3 March 2025. It is expected to take two years.';

/** An article.en.md whose paragraphs are marked as machine drafts of exactly their text. */
function machineEnglish(paragraphs: string[], o: { status?: string; marks?: Record<string, string> } = {}): string {
  const marks = paragraphs.map((p, i) => `  "${i + 1}": { provider: deepl, model: default, date: 2026-11-30, hash: ${o.marks?.[i + 1] ?? machineHash(p)} }`);
  return ['---', `status: ${o.status ?? 'draft'}`, ...(o.status === 'reviewed' ? ['reviewed: 2026-12-01'] : []), 'machine:', ...marks, '---', '', paragraphs.join('\n\n'), ''].join('\n');
}

describe('checks of machine drafts', () => {
  it('validate checks numbers in drafts like any English, warns about glossary terms left out', async () => {
    const lib = makeLibrary({ a: { de: germanFile(), en: machineEnglish([P1, P2]), facts: factsFile() } });
    const r = await runCli(['validate', 'a', '--library', lib]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/^.*article\.en\.md:\d+: /, ''));
    expect(lines).toEqual([
      'paragraph 1: "12 Millionen Euro" (' + `${lib}/a/article.de.md:8) is not in the English`,
      'warning: paragraph 1, sentence 1: the glossary term "Brücke" is not rendered as "bridge" in the machine draft',
    ]);
  });

  it('tells the reader which drafted sentence lacks its German numbers', async () => {
    const lib = makeLibrary({ a: { de: germanFile(), en: machineEnglish([P1, P2]) } });
    const loaded = await loadArticle({ real: lib }, 'a');
    if (!loaded.ok) throw new Error('does not load');
    const [first, second] = loaded.article.paragraphs;
    if (!first || !second) throw new Error('two paragraphs');
    expect(draftNumberMismatches(first)).toEqual([{ unit: 1, deSentences: [1], enSentences: [1], missing: ['12 Millionen Euro'] }]);
    expect(draftNumberMismatches(second)).toEqual([]);
    // With the aligned paragraph the reader already holds, the same answer.
    expect(draftNumberMismatches(first, alignParagraphUnits(first.de, first.en, first.alignment))).toHaveLength(1);
    // A person's text is not a draft: nothing to mark.
    expect(draftNumberMismatches({ ...first, machine: undefined })).toEqual([]);
  });

  it('finds glossary terms a draft left out, allowing plurals', () => {
    const glossary = [{ de: 'Brücke', en: 'bridge' }, { de: 'Stellenstreichungen', en: 'job cuts' }];
    expect(missingGlossaryTerms('Die Brücken sind alt.', 'The bridges are old.', glossary)).toEqual([]);
    expect(missingGlossaryTerms('Die Stellenstreichungen treffen alle.', 'The job cut hits everyone.', glossary)).toEqual([]);
    expect(missingGlossaryTerms('Die Brücke ist alt.', 'The crossing is old.', glossary)).toEqual([{ de: 'Brücke', en: 'bridge' }]);
  });

  it('reports machine marks that no longer fit, and unchecked machine text in a reviewed article', async () => {
    const stale = machineEnglish([P1.replace('13', '12').replace('crossing', 'bridge'), P2], { marks: { 1: 'aaaaaaaaaaaa' } });
    const reviewed = machineEnglish([P1.replace('13', '12').replace('crossing', 'bridge'), P2], { status: 'reviewed' });
    const lib = makeLibrary({ stale: { de: germanFile(), en: stale }, reviewed: { de: germanFile(), en: reviewed } });
    const staleRun = await runCli(['validate', 'stale', '--library', lib]);
    expect(staleRun.code).toBe(0);
    expect(staleRun.stdout).toContain("warning: paragraph 1 was changed after its machine draft (deepl), so it counts as a person's text: remove its machine mark");
    const reviewedRun = await runCli(['validate', 'reviewed', '--library', lib]);
    expect(reviewedRun.code).toBe(1);
    expect(reviewedRun.stdout).toContain('paragraph 2 is still an unchanged machine draft (deepl), but the status is "reviewed": check it, then remove its machine mark');
    expect((await runCli(['list', '--library', lib])).stdout).toMatch(/reviewed\s+\[reviewed\][\s\S]*stale\s+\[machine\]/);
  });

  it('refuses a malformed machine mark with its line', async () => {
    const en = ['---', 'status: draft', 'machine:', '  "1": { provider: deepl, model: default, date: yesterday, hash: xyz }', '  foo: { provider: x, model: y, date: 2026-01-01, hash: abcdefabcdef }', '---', '', P1, '', P2, ''].join('\n');
    const lib = makeLibrary({ a: { de: germanFile(), en } });
    const r = await runCli(['validate', 'a', '--library', lib]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/^.*article\.en\.md:/, ''));
    expect(lines).toEqual([
      '4: machine mark of paragraph 1: date: a date is needed, like 2024-04-04',
      '4: machine mark of paragraph 1: hash must be the 12 hex digits newsbridge wrote',
      '5: machine: "foo" is not a paragraph number (from 1), "title" or "dek"',
    ]);
  });
});
