import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, replaceEnglishParagraph } from '../../src/curate/edit-paragraph.js';
import { runCli } from '../cli/run-cli.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

describe('replaceEnglishParagraph', () => {
  it('replaces one paragraph and leaves every other line as it was', () => {
    const source = englishFile();
    const next = replaceEnglishParagraph(source, 1, 'Work begins in March.');
    const before = source.split('\n');
    const after = next.split('\n');
    expect(after.filter((l) => !before.includes(l))).toEqual(['Work begins in March.']);
    expect(before.filter((l) => !after.includes(l))).toEqual(['Construction starts on 3 March 2025. It is expected to take two years.']);
  });

  it('writes a whole file for an article with no English yet: every German paragraph gets its partner', async () => {
    const paragraphs = ['Erster Absatz hier.', 'Zweiter Absatz hier.', 'Dritter Absatz hier.', 'Vierter Absatz hier.'];
    const lib = makeLibrary({ 'vier-absaetze': { de: germanFile({ paragraphs }) } });
    const english = replaceEnglishParagraph(null, 1, 'Second paragraph here.', paragraphs.length);
    expect(english.split(PLACEHOLDER)).toHaveLength(4);
    writeFileSync(path.join(lib, 'vier-absaetze', 'article.en.md'), english);
    const result = await runCli(['validate', 'vier-absaetze', '--library', lib]);
    const problems = result.stdout.split('\n').filter((l) => l.includes('article.en.md'));
    // Only the paragraphs still to translate are mentioned (in one line for the article); the pairing is complete.
    expect(problems.map((l) => l.replace(/^.*: warning: /, ''))).toEqual(['3 of 4 paragraphs are not translated yet (paragraphs 1, 3–4)']);
    expect(result.code).toBe(0);
  });
});
