/**
 * Resource bounds: YAML nested tens of thousands of levels deep (front matter `tags:`,
 * facts.yaml) once exhausted the parsers' stack and aborted Node itself (SIGABRT, "RegExpCompiler
 * Allocation failed"). Nesting is capped before any parser runs: the article is an error row
 * like any other broken one, named with file and line, and every command ends normally.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from '../../src/content/yaml-depth.js';
import { expectRestored, PtySession } from '../helpers/pty.js';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
const DEPTH = 200_000;

function deepLibrary(): string {
  const lib = makeLibrary({
    'gute-nachricht': { de: germanFile(), en: englishFile(), facts: factsFile() },
    'tiefe-tags': { de: germanFile({ title: 'Tiefe Tags', extra: `tags: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}` }) },
    'tiefe-fakten': { de: germanFile({ title: 'Tiefe Fakten' }), en: englishFile(), facts: `facts: ${'{a: '.repeat(DEPTH / 4)}1${'}'.repeat(DEPTH / 4)}\n` },
    'tiefe-liste': { de: germanFile({ title: 'Tiefe Liste' }), facts: `glossary:\n${'- '.repeat(DEPTH / 2)}x\n` },
  });
  return realpathSync(lib);
}

function cli(argv: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    env: { PATH: process.env['PATH'], LANG: 'C', NEWSBRIDGE_STATE_DIR: tempDir() },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

const deepMessage = `YAML nested more than ${MAX_YAML_DEPTH} levels deep; not read`;

describe('deeply nested YAML', () => {
  it('validate names each file and line and checks every other article; no abort', () => {
    const lib = deepLibrary();
    const result = cli(['validate', '--library', lib]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${path.join(lib, 'tiefe-tags', 'article.de.md')}:6: ${deepMessage}`);
    expect(result.out).toContain(`${path.join(lib, 'tiefe-fakten', 'facts.yaml')}:1: ${deepMessage}`);
    expect(result.out).toContain(`${path.join(lib, 'tiefe-liste', 'facts.yaml')}:2: ${deepMessage}`);
    expect(result.out).toMatch(/4 articles checked: 3 errors/);
  });

  it('list shows the broken article as a row with its error, the others as usual', () => {
    const lib = deepLibrary();
    const result = cli(['list', '--library', lib]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`tiefe-tags +cannot be opened: .*article\\.de\\.md:6: ${deepMessage}`));
    expect(result.out).toContain('gute-nachricht');
  });

  it('show refuses the article with file and line, and shows the text of one whose facts are too deep', () => {
    const lib = deepLibrary();
    const tags = cli(['show', 'tiefe-tags', '--library', lib]);
    expect(tags.signal).toBeNull();
    expect(tags.code).toBe(1);
    expect(tags.out).toContain(`article.de.md:6: ${deepMessage}`);
    const facts = cli(['show', 'tiefe-fakten', '--facts', '--library', lib]);
    expect(facts.signal).toBeNull();
    expect(facts.code).toBe(0);
    expect(facts.out).toContain('Die Stadt Beispielheim baut eine neue Brücke.');
    expect(facts.out).toContain(`facts.yaml:1: ${deepMessage}`);
  });

  it('the reader lists it as a broken row and gives the terminal back', async () => {
    const lib = deepLibrary();
    const pty = new PtySession([process.execPath, BIN, '--library', lib], {
      columns: 120,
      rows: 20,
      env: { NEWSBRIDGE_STATE_DIR: tempDir(), NEWSBRIDGE_CACHE_DIR: tempDir(), LANG: 'C.UTF-8' },
    });
    const screen = await pty.waitFor((s) => s.includes('cannot be opened') && s.includes('Tiefe Liste'), 'the library');
    expect(screen).toContain('/4');
    pty.write('Q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });
});

describe('the nesting cap itself', () => {
  it('lets ordinary files through and counts only real structure', () => {
    expect(yamlTooDeepAt(factsFile())).toBeNull();
    expect(yamlTooDeepAt(germanFile({ extra: 'tags: [a, b, "[[[[", \'x]]]\']' }))).toBeNull();
    // Brackets inside quotes, comments and block scalars are text.
    expect(yamlTooDeepAt(`a: "${'['.repeat(500)}"\n# ${'{'.repeat(500)}\nb: |\n  ${'['.repeat(500)}\n`)).toBeNull();
  });

  it('cannot be fooled by closing brackets hidden in quotes, and counts compact block nesting', () => {
    expect(yamlTooDeepAt(`a: ${'[ "]" '.repeat(MAX_YAML_DEPTH + 1)}`)).toBe(1);
    expect(yamlTooDeepAt(`a: '${']'.repeat(300)}'\nb: ${'['.repeat(300)}`)).toBe(2);
    expect(yamlTooDeepAt(`x:\n${'- '.repeat(MAX_YAML_DEPTH)}a\n`)).toBe(2);
    expect(yamlTooDeepAt(`x:\n${' '.repeat(MAX_YAML_DEPTH + 1)}a: 1\n`)).toBe(2);
    expect(yamlTooDeepAt(`x:\n  y: "multi\n  line"\n  z: ${'['.repeat(200)}`)).toBe(4);
  });

  it('is linear: a 2 MB file of brackets is judged in well under a second', () => {
    const started = performance.now();
    expect(yamlTooDeepAt(`a: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

