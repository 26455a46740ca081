/**
 * One broken part never hides the rest: an article whose facts.yaml is
 * broken still opens and shows its text, says where the facts' problem is,
 * and validate still fails on it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { openLibrary } from '../../src/content/load-library.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';
import { runCli } from './run-cli.js';

const BROKEN_YAML = 'facts: [\n';

function library(facts = BROKEN_YAML) {
  return makeLibrary({ 'kaputte-fakten': { de: germanFile(), en: englishFile(), facts } });
}

async function load(dir: string, id = 'kaputte-fakten') {
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return loadArticle(opened.root, id);
}

describe('an article with a broken facts.yaml', () => {
  it('loads with its text, no facts, and the errors kept with file and line', async () => {
    const result = await load(library());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { article } = result;
    expect(article.paragraphs.map((p) => p.de)[0]).toContain('Die Stadt Beispielheim baut eine neue Brücke.');
    expect(article.paragraphs[0]?.en).toContain('The town of Beispielheim');
    expect(article.facts).toEqual([]);
    expect(article.glossary).toEqual([]);
    expect(article.factsErrors.length).toBeGreaterThan(0);
    expect(article.factsErrors[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^YAML: /) as unknown });
    expect(article.factsErrors[0]?.file).toMatch(/kaputte-fakten[/\\]facts\.yaml$/);
    expect(article.factsErrors[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('treats a schema error in facts.yaml the same way', async () => {
    const result = await load(library('facts:\n  - id: x\n    kind: number\n'));
    expect(result.ok && result.article.factsErrors.map((e) => e.message)).toEqual(expect.arrayContaining(['fact 1: label: missing']));
  });

  it('has no facts errors when facts.yaml is absent or fine', async () => {
    const dir = makeLibrary({ 'ohne-fakten': { de: germanFile(), en: englishFile() } });
    const result = await load(dir, 'ohne-fakten');
    expect(result.ok && result.article.factsErrors).toEqual([]);
  });

  it('still cannot be opened when the German or English text is broken (and names the facts too)', async () => {
    const dir = makeLibrary({
      'kaputt-de': { de: '---\ntitle: [\n---\n\nText.\n', facts: BROKEN_YAML },
      'kaputt-en': { de: germanFile(), en: '---\nstatus: final\n---\n\nText.\n' },
    });
    const de = await load(dir, 'kaputt-de');
    expect(de.ok).toBe(false);
    if (!de.ok) expect(de.errors.map((e) => path.basename(e.file))).toEqual(expect.arrayContaining(['article.de.md', 'facts.yaml']));
    const en = await runCli(['show', 'kaputt-en', '--library', dir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('article "kaputt-en" cannot be opened:');
    expect(en.stderr).toMatch(/article\.en\.md:2: status must be one of "draft", "reviewed"/);
  });

  it('is shown by show, with one warning line on stderr and status 0', async () => {
    const dir = library();
    for (const argv of [['show', 'kaputte-fakten'], ['show', 'kaputte-fakten', '--facts'], ['show', 'kaputte-fakten', '--json']]) {
      const result = await runCli([...argv, '--library', dir]);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout).toContain('Die Stadt Beispielheim baut eine neue Brücke.');
      expect(result.stdout).toContain('The town of Beispielheim');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warning: facts\.yaml has errors, so the facts are left out: .*kaputte-fakten\/facts\.yaml:\d+: YAML: .*; run 'newsbridge validate kaputte-fakten --library .*'$/);
    }
    const json = JSON.parse((await runCli(['show', 'kaputte-fakten', '--json', '--library', dir])).stdout) as { facts: unknown[] };
    expect(json.facts).toEqual([]);
  });

  it('is a normal row in list, and validate still fails on it with file and line', async () => {
    const dir = library();
    const list = await runCli(['list', '--library', dir]);
    expect(list.stdout).toMatch(/^2025-01-15 {2}kaputte-fakten {2}\[reviewed\]/);
    const validate = await runCli(['validate', '--library', dir]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/kaputte-fakten\/facts\.yaml:\d+: YAML: /);
  });
});
