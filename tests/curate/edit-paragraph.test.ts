import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { openLibrary } from '../../src/content/load-library.js';
import { paragraphMarkdown } from '../../src/content/pair-blocks.js';
import { buildEditBuffer, parseEditBuffer, PLACEHOLDER, replaceEnglishParagraph } from '../../src/curate/edit-paragraph.js';
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

describe('editing a list or a subheading keeps its markers', () => {
  it('round-trips the English of a list through the edit buffer into article.en.md', async () => {
    const lib = makeLibrary({
      liste: {
        de: germanFile({ paragraphs: ['## Die Beschlüsse', '- Die Steuer steigt.\n- Das Bad bleibt offen.'] }),
        en: englishFile({ status: 'draft', paragraphs: ['## The decisions', '- Tax rises.\n- The pool stays open.'] }),
      },
    });
    const load = async () => {
      const opened = await openLibrary(lib);
      if (!opened.ok) throw new Error(opened.message);
      const result = await loadArticle(opened.root, 'liste');
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.article;
    };
    const paragraph = (await load()).paragraphs[1];
    if (!paragraph) throw new Error('no paragraph');
    expect(paragraphMarkdown(paragraph, 'en')).toBe('- Tax rises.\n- The pool stays open.');
    const buffer = buildEditBuffer({ id: 'liste', index: 1, total: 2, de: paragraphMarkdown(paragraph, 'de'), en: paragraphMarkdown(paragraph, 'en'), heading: 'Absatz 2', instructions: [] });
    expect(buffer).toContain('# - Die Steuer steigt.\n# - Das Bad bleibt offen.');
    const edited = parseEditBuffer(buffer.replace('- The pool stays open.', '- The indoor pool stays open.'));
    expect(edited).toBe('- Tax rises.\n- The indoor pool stays open.');
    const file = path.join(lib, 'liste', 'article.en.md');
    writeFileSync(file, replaceEnglishParagraph(readFileSync(file, 'utf8'), 1, edited));
    const after = await load();
    expect(after.paragraphs[1]?.block).toEqual({ kind: 'list', items: { de: ['Die Steuer steigt.', 'Das Bad bleibt offen.'], en: ['Tax rises.', 'The indoor pool stays open.'] } });
    expect(paragraphMarkdown(after.paragraphs[0] ?? { de: '', en: '' }, 'en')).toBe('## The decisions');
  });
});
