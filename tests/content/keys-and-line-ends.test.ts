/**
 * Keys the schema would drop silently (`__proto__`: zod skips it in records such as
 * `alignment`) are reported with their line, and files with CR-only line endings read as
 * their LF twins do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { englishFile, factsFile, germanFile, makeLibrary } from '../helpers/library.js';

const validate = (lib: string) => runCli(['validate', '--library', lib]);

describe('reserved keys', () => {
  it('an alignment entry keyed __proto__ is an error on its line, beside the other bad keys', async () => {
    const en = englishFile({ extra: 'alignment:\n  __proto__: ["1-1"]\n  constructor: ["1-1"]\n  "2": ["1-1", "1-1"]' });
    const lib = makeLibrary({ brucke: { de: germanFile(), en, facts: factsFile() } });
    const result = await validate(lib);
    expect(result.code).toBe(1);
    const file = path.join(lib, 'brucke', 'article.en.md');
    expect(result.stdout).toContain(`${file}:7: alignment: "__proto__" is a reserved name and cannot be a key; remove it`);
    expect(result.stdout).toContain(`${file}:8: alignment: "constructor" is not a paragraph number`);
  });

  it('an alignment holding only __proto__ no longer passes as clean', async () => {
    const lib = makeLibrary({ brucke: { de: germanFile(), en: englishFile({ extra: 'alignment:\n  "__proto__": ["2-1"]' }), facts: factsFile() } });
    const result = await validate(lib);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/article\.en\.md:7: alignment: "__proto__" is a reserved name/);
  });

  it('__proto__ in a front matter or a fact is reported once, on its line', async () => {
    const facts = factsFile().replace(/^( {2}- id: .*)$/m, '$1\n    __proto__: { confirmed: true }');
    const lib = makeLibrary({
      vorne: { de: germanFile({ extra: '__proto__: x' }), en: englishFile() },
      fakten: { de: germanFile(), en: englishFile(), facts },
    });
    const result = await validate(lib);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes('__proto__'));
    expect(lines).toHaveLength(2);
    // Strict mappings (front matter, a fact) name it as an unknown field; said once.
    expect(lines.some((l) => l.startsWith(`${path.join(lib, 'vorne', 'article.de.md')}:6: unknown field "__proto__"`))).toBe(true);
    expect(lines.some((l) => /fakten\/facts\.yaml:3: fact 1: unknown field "__proto__"/.test(l))).toBe(true);
  });
});

describe('CR-only line endings', () => {
  it('read like LF: the article lists, shows and validates as its LF twin does', async () => {
    const lib = makeLibrary({
      lf: { de: germanFile(), en: englishFile(), facts: factsFile() },
      cr: { de: germanFile().replace(/\n/g, '\r'), en: englishFile().replace(/\n/g, '\r'), facts: factsFile().replace(/\n/g, '\r') },
    });
    const result = await validate(lib);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('2 articles checked: no problems.\n');
    expect(result.code).toBe(0);
    const shown = await runCli(['show', 'cr', '--library', lib]);
    const twin = await runCli(['show', 'lf', '--library', lib]);
    expect(shown.stdout).toBe(twin.stdout);
    expect(shown.code).toBe(0);
  });

  it('a CR-only file with an error points at the right line', async () => {
    const lib = makeLibrary({ cr: { de: germanFile({ published: 'gestern' }).replace(/\n/g, '\r') } });
    const result = await validate(lib);
    expect(result.stdout).toContain(`${path.join(lib, 'cr', 'article.de.md')}:5: published`);
    expect(readFileSync(path.join(lib, 'cr', 'article.de.md'), 'utf8')).not.toContain('\n');
  });
});
