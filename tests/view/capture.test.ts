import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignArticle } from '../../src/content/aligned-article.js';
import { bundledLibrary } from '../../src/content/library-paths.js';
import { loadArticle } from '../../src/content/load-article.js';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { CAPTURE_ARTICLE, CAPTURE_END, CAPTURE_START, readerCapture } from '../../src/view/capture.js';

describe("the README's picture of the reader", () => {
  it('is what the reader draws now (npm run capture writes it)', async () => {
    const opened = await openLibrary(bundledLibrary());
    if (!opened.ok) throw new Error(opened.message);
    const result = await loadArticle(opened.root, CAPTURE_ARTICLE);
    if (!result.ok) throw new Error('the seed article does not load');
    const capture = readerCapture({ entries: await listLibrary(opened.root), libraryKey: opened.root.real, article: result.article, paragraphs: alignArticle(result.article) });
    expect(capture).toContain('sentence 3/5');
    expect(capture).toContain('KEY FACTS');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf(CAPTURE_START) + CAPTURE_START.length, readme.indexOf(CAPTURE_END));
    expect(block.trim(), 'run npm run capture').toBe(`\`\`\`text\n${capture}\n\`\`\``);
  });
});
