// `npm run capture`: writes the reader's picture (src/view/capture.ts) into README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alignArticle } from '../src/content/aligned-article.js';
import { bundledLibrary } from '../src/content/library-paths.js';
import { loadArticle } from '../src/content/load-article.js';
import { listLibrary, openLibrary } from '../src/content/load-library.js';
import { CAPTURE_ARTICLE, CAPTURE_END, CAPTURE_START, readerCapture } from '../src/view/capture.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const opened = await openLibrary(bundledLibrary());
if (!opened.ok) throw new Error(opened.message);
const result = await loadArticle(opened.root, CAPTURE_ARTICLE);
if (!result.ok) throw new Error(`${CAPTURE_ARTICLE} does not load`);
const capture = readerCapture({ entries: await listLibrary(opened.root), libraryKey: opened.root.real, article: result.article, paragraphs: alignArticle(result.article) });
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(CAPTURE_START);
const end = text.indexOf(CAPTURE_END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${CAPTURE_START} … ${CAPTURE_END} block`);
  process.exit(1);
}
writeFileSync(readme, `${text.slice(0, start + CAPTURE_START.length)}\n\`\`\`text\n${capture}\n\`\`\`\n${text.slice(end)}`);
console.log('README.md: capture updated');
