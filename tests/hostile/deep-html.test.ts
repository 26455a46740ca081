/**
 * Resource bounds: HTML nested 100,000 levels deep used to take 17–22 s and end in "Maximum
 * call stack size exceeded" (exit 70). The markup is held to a depth cap before it is parsed,
 * and the DOM is walked without recursion: one clear line, and the text is kept.
 */
import { describe, expect, it } from 'vitest';
import { domToBlocks } from '../../src/import/html-blocks.js';
import { capHtmlDepth, MAX_HTML_DEPTH } from '../../src/import/html-depth.js';
import { loadHtmlParser } from '../../src/import/html.js';
import { loadFrom, runCli, writeInput } from '../cli/import-helpers.js';
import { tempDir } from '../helpers/library.js';

const DEPTH = 100_000;
const TEXT = 'Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, teilte die Verwaltung am Montag mit.';

function deepPage(depth: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Neue Brücke für Beispielheim</title><meta property="article:published_time" content="2025-03-12T10:00:00+01:00"></head><body><h1>Neue Brücke für Beispielheim</h1><p>${TEXT}</p>${'<div>'.repeat(depth)}<p>Tief unten steht auch noch ein Satz, den niemand verlieren will, weil er zum Artikel gehört und wichtig ist.</p>${'</div>'.repeat(depth)}</body></html>`;
}

describe('HTML nested 100,000 levels deep', () => {
  it('imports with one clear line about the flattening, keeping the text at every depth', async () => {
    const dir = tempDir();
    const result = await runCli(['import', writeInput(dir, 'tief.html', deepPage(DEPTH)), '--library', dir]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`note: ${dir}/tief.html nests its HTML ${DEPTH + 2} levels deep; below level ${MAX_HTML_DEPTH} its markup was flattened into its text`);
    const loaded = await loadFrom(dir, '2025-03-12-neue-bruecke-fuer-beispielheim');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const all = loaded.article.paragraphs.map((p) => p.de).join('\n');
    expect(all).toContain(TEXT);
    expect(all).toContain('Tief unten steht auch noch ein Satz');
  }, 60_000);

  it('caps the depth in one linear pass and leaves ordinary pages untouched', () => {
    const page = deepPage(10);
    expect(capHtmlDepth(page)).toEqual({ html: page, depth: 12, flattened: false });
    const capped = capHtmlDepth(deepPage(DEPTH));
    expect(capped.flattened).toBe(true);
    expect(capped.html.match(/<div>/g)).toHaveLength(MAX_HTML_DEPTH - 2);
    // Unclosed <p> and <li>, void elements and script contents do not count as depth.
    const flat = `<body>${'<p>Absatz '.repeat(5000)}${'<br><img src=x>'.repeat(1000)}<script>${'<div>'.repeat(5000)}</script></body>`;
    expect(capHtmlDepth(flat).flattened).toBe(false);
  });

  it('walks a DOM as deep as the cap allows, without recursion', async () => {
    const parse = await loadHtmlParser();
    const document = parse(`<!doctype html><html><body>${'<section>'.repeat(MAX_HTML_DEPTH - 5)}<p>${TEXT}</p>${'</section>'.repeat(MAX_HTML_DEPTH - 5)}</body></html>`) as unknown as { body: Parameters<typeof domToBlocks>[0] };
    expect(domToBlocks(document.body).map((b) => b.text)).toEqual([TEXT]);
  });
});
