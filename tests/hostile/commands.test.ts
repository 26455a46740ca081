/**
 * The commands on a hostile library: every broken article named with file and
 * line, every good one still working, and nothing terminal-active or from
 * outside the library in any output.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/front-matter.js';
import { sanitise, showControls } from '../../src/text/sanitize.js';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { makeHostileLibrary, OUTSIDE_SECRET, UNSAFE_IN_PIPE, type HostileLibrary } from './hostile-library.js';

let lib: HostileLibrary;
let root: string;

beforeAll(() => {
  lib = makeHostileLibrary();
  root = realpathSync(lib.dir);
});
afterAll(() => lib.remove());

/** What every command's output must satisfy, whatever the library holds. */
function expectSafe(result: CliResult) {
  for (const text of [result.stdout, result.stderr]) {
    expect(text).not.toMatch(UNSAFE_IN_PIPE);
    expect(text).not.toContain(OUTSIDE_SECRET);
    // No stack trace, no raw exception.
    expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/);
  }
}

// The index and validate caches go beside the library, not into the user's cache folder.
const cli = (argv: string[]) => runCli([...argv, '--library', lib.dir], { NEWSBRIDGE_CACHE_DIR: `${lib.dir}-cache` });

describe('validate on a hostile library', () => {
  let result: CliResult;
  let elapsed: number;
  beforeAll(async () => {
    const started = performance.now();
    result = await cli(['validate']);
    elapsed = performance.now() - started;
  });

  it('fails with status 1, in bounded time, with nothing unsafe in its output', () => {
    expect(result.code).toBe(1);
    expect(elapsed).toBeLessThan(15_000);
    expectSafe(result);
    expect(result.stderr).toMatch(/\d+ errors?/);
  });

  it('names every broken article with its file, and its line where it has one', () => {
    const lines = result.stdout.split('\n');
    for (const want of lib.broken) {
      // Folder names keep their controls, made visible as \uXXXX, so the curator can find the folder.
      const where = showControls(path.join(root, want.id, ...(want.file ? [want.file] : [])));
      const prefix = want.line === undefined ? `${where}:` : `${where}:${want.line}: `;
      expect(
        lines.some((l) => l.startsWith(prefix)),
        `no message for ${JSON.stringify(want)}; expected a line starting with ${prefix}`,
      ).toBe(true);
    }
  });

  it('says why: size cap, binary, links, YAML, ids, controls, encoding, missing paragraph', () => {
    const out = result.stdout;
    expect(out).toMatch(/h-huge\/article\.de\.md: is 30\.0 MB; files over 2 MB are refused/);
    expect(out).toMatch(/g-binary\/article\.de\.md: is a binary file/);
    expect(out).toMatch(/o-link-file\/article\.de\.md: is a link that leaves the library; refused/);
    expect(out).toMatch(/p-link-folder\/article\.de\.md: is a link that leaves the library; refused/);
    expect(out).toMatch(/s-fifo\/article\.de\.md: is not a regular file/);
    expect(out).toMatch(/j-alias-bomb-front\/article\.de\.md:\d+: YAML: .*alias/i);
    expect(out).toMatch(/k-alias-bomb-facts\/facts\.yaml:\d+: YAML: .*alias/i);
    expect(out).toMatch(/l-proto-key\/article\.de\.md:5: unknown field "__proto__"/);
    // A key made of escape sequences is shown escaped, so the curator can find it.
    expect(out).toContain('n-escape-key/article.de.md:5: unknown field "\\u001B]0;key-title\\u0007\\u001B[6n"');
    expect(out).toMatch(/Grossbuchstaben: folder name is not an article id/);
    expect(out).toMatch(/b-hostile-text\/article\.de\.md:2: control characters/);
    expect(out).toMatch(/d-invalid-utf8\/article\.de\.md:9: bytes that are not valid UTF-8/);
    expect(out).toMatch(/e-missing-paragraph\/facts\.yaml:6: fact "fact-1" cites paragraph 9/);
    // A broken facts.yaml is still an error for the curator, even though the article opens.
    expect(out).toMatch(/m-proto-facts\/facts\.yaml:5: glossary entry 1: unknown field "__proto__"/);
  });

  it('reports nothing about the good article', () => {
    expect(result.stdout).not.toMatch(/a-good\/[^:]+:(?:\d+:)? (?!warning)/);
  });

  it('checks one article by id, and refuses ids that are paths', async () => {
    const one = await cli(['validate', 'h-huge']);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('files over 2 MB are refused');
    expectSafe(one);
    const good = await cli(['validate', 'a-good']);
    expect(good.code).toBe(0);
    expectSafe(good);
    const missing = await cli(['validate', 'no-such-article']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expectSafe(missing);
  });
});

describe('list on a hostile library', () => {
  it('lists every good article with its title and every broken one with its error', async () => {
    const result = await cli(['list']);
    expect(result.code).toBe(0);
    expectSafe(result);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^2025-05-05 {2}a-good {2}\[draft\] {2}Testbote · Quiet morning in Musterstadt$/);
    for (const { id } of lib.readable) expect(lines.some((l) => l.includes(`  ${id}  [`))).toBe(true);
    expect(lines.find((l) => l.includes(' b-hostile-text '))).toContain('Hostile title red link reversed isolated');
    for (const want of lib.broken.filter((b) => !lib.readable.some((r) => r.id === b.id))) {
      if (lib.failOnOpen.includes(want.id) || lib.brokenFacts.includes(want.id)) continue;
      // Folder names are shown with their controls made visible, not stripped.
      expect(lines.some((l) => l.startsWith('?') && l.includes(`  ${showControls(want.id)}  `)), want.id).toBe(true);
    }
    for (const name of lib.badNames.filter((n) => sanitise(n) !== n)) {
      expect(lines.some((l) => l.includes(`  ${sanitise(name)}  `)), `${showControls(name)} is shown stripped`).toBe(false);
    }
  });

  it('writes JSON whose every byte is safe, and which still names folders exactly', async () => {
    const result = await cli(['list', '--json']);
    expect(result.code).toBe(0);
    expectSafe(result);
    const entries = (JSON.parse(result.stdout) as { articles: { id: string; ok: boolean; errors?: { file: string; line: number | null }[] }[] }).articles;
    const ids = entries.map((e) => e.id);
    for (const name of lib.badNames) expect(ids).toContain(name);
    expect(entries.find((e) => e.id === 'l-proto-key')?.errors?.[0]?.line).toBe(5);
    // JSON.parse gave plain objects: nothing reached a prototype.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('show on a hostile library', () => {
  it('shows every readable article, cleaned, in every form', async () => {
    for (const { id } of lib.readable) {
      for (const argv of [
        ['show', id, '--facts'],
        ['show', id, '--facts', '--width', '100'],
        ['show', id, '--lang', 'en', '--width', '20'],
        ['show', id, '--json'],
      ]) {
        const result = await cli(argv);
        expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
        expectSafe(result);
      }
    }
    const hostile = await cli(['show', 'b-hostile-text']);
    expect(hostile.stdout).toContain('Erster Absatz. red link reversed isolated bellbackspace Ende.');
    const facts = await cli(['show', 'c-hostile-facts', '--facts']);
    expect(facts.stdout).toContain('Zahl red link reversed isolated nulbellback end');
    const utf8 = await cli(['show', 'd-invalid-utf8', '--lang', 'de']);
    expect(utf8.stdout).toMatch(/Danach kommt Müll: \uFFFD+ .*Ende\./);
  });

  it('shows an article whose facts.yaml is broken, with one warning line on stderr, status 0', async () => {
    for (const id of lib.brokenFacts) {
      for (const argv of [['show', id, '--facts'], ['show', id, '--json']]) {
        const result = await cli(argv);
        expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
        expect(result.stdout).toContain('Ein Satz.');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(new RegExp(`^warning: facts\\.yaml has errors, so the facts are left out: .*${id}/facts\\.yaml:\\d+: .*; run 'newsbridge validate ${id} --library `));
        expectSafe(result);
      }
    }
  });

  it('explains an article that cannot be opened in a few lines, status 1', async () => {
    for (const id of [...lib.failOnOpen, 'h-huge', 'j-alias-bomb-front', 'p-link-folder', 's-fifo']) {
      const result = await cli(['show', id]);
      expect(result.code, id).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`article "${id}" cannot be opened:`);
      expectSafe(result);
    }
  });

  it('refuses ids with "..", "/" or control characters before touching the disk', async () => {
    const attempts = ['../outside', '..', 'p-link-folder/../../outside', '/etc/passwd', 'a-good/../a-good', './a-good', `a\u001B]0;t\u0007b`, 'A-GOOD'];
    for (const id of attempts) {
      for (const argv of [['show', id], [id]]) {
        const result = await cli(argv);
        expect(result.code, `${argv.join(' ')}`).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^newsbridge: .*not an article id/);
        expect(result.stderr.trim().split('\n')).toHaveLength(2);
        expectSafe(result);
      }
    }
    // On a terminal the reader looks the id up among the articles: the message quotes it, cleaned.
    const onTerminal = await runCli([`nope\u001B]0;t\u0007\u009B6n`, '--library', lib.dir], { NEWSBRIDGE_CACHE_DIR: `${lib.dir}-cache` }, { tty: true });
    expect(onTerminal.code).toBe(2);
    expect(onTerminal.stderr).toMatch(/^newsbridge: no article "nope" in /);
    expectSafe(onTerminal);
  });
});

describe('YAML limits', () => {
  it('stops an alias bomb at once instead of expanding it', () => {
    const names = 'abcdefghij'.split('');
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: 10 }, () => `*${names[i - 1]}`).join(', ')}]`);
    const started = performance.now();
    const result = parseYaml(lines.join('\n'), 'facts.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/alias/i);
  });

  it('gives a syntax error the line it is on, counted from the top of the file', () => {
    const result = parseYaml('title: x\nsource: a: b\n', 'article.de.md', 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.line).toBe(3);
  });
});
