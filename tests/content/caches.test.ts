import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndexHead } from '../../src/content/library-index.js';
import { listLibraryIndexed, openLibrary } from '../../src/content/load-library.js';
import { packageRoot } from '../../src/content/library-paths.js';
import { validateLibrary } from '../../src/curate/validate-library.js';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';

async function rootOf(dir: string) {
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return opened.root;
}

/** Rewrites the one cache file in `dir` with `change` applied to its records (a head line first; then records by name). */
function tamper(dir: string, change: (records: Record<string, unknown[] & { diagnostics?: unknown[] }>) => void) {
  const file = path.join(dir, readdirSync(dir)[0] as string);
  const lines = readFileSync(file, 'utf8').split('\n');
  const last = lines.length - 1;
  if (lines[0]?.includes('"head"')) {
    // The index: lines of [name, four keys, stored entry]; the change sees [keys…, stored] by name as before.
    const rows = lines.slice(1).filter((l) => l !== '').flatMap((l) => JSON.parse(l) as unknown[][]);
    const records = Object.fromEntries(rows.map((r) => [r[0] as string, r.slice(1)]));
    change(records);
    const out = Object.entries(records).map(([name, rest]) => [name, ...rest]);
    writeFileSync(file, `${lines[0]}\n${JSON.stringify(out)}\n`);
    return;
  }
  const data = JSON.parse(lines[last] as string) as { records: Parameters<typeof change>[0] };
  change(data.records);
  lines[last] = JSON.stringify(data);
  writeFileSync(file, lines.join('\n'));
}

describe('the library index', () => {
  it('reuses summaries of unchanged articles and re-reads changed ones', async () => {
    const lib = makeLibrary({ one: { de: germanFile({ title: 'Erster Titel' }) }, two: { de: germanFile() } });
    const cache = tempDir();
    const root = await rootOf(lib);
    const first = await listLibraryIndexed(root, cache);
    await first.saveIndex();
    // Prove reuse: an unchanged article's summary now comes from the (doctored) index.
    tamper(cache, (records) => {
      // A record is [sizes and times…, [title de, title en, source, …]].
      const stored = records['two']?.[4] as unknown[] | undefined;
      if (stored) stored[2] = 'from the index';
    });
    const file = path.join(lib, 'one', 'article.de.md');
    writeFileSync(file, germanFile({ title: 'Geänderter Titel' }));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await listLibraryIndexed(root, cache);
    const byId = Object.fromEntries(second.entries.map((e) => [e.id, e]));
    expect(byId['one']?.ok && byId['one'].summary.title.de).toBe('Geänderter Titel');
    expect(byId['two']?.ok && byId['two'].summary.source).toBe('from the index');
  });

  it('notices new and removed articles', async () => {
    const lib = makeLibrary({ one: { de: germanFile() } });
    const cache = tempDir();
    const root = await rootOf(lib);
    await (await listLibraryIndexed(root, cache)).saveIndex();
    makeLibrary({ two: { de: germanFile() } }, lib);
    expect((await listLibraryIndexed(root, cache)).entries.map((e) => e.id).sort()).toEqual(['one', 'two']);
  });
});

describe('the index trusted for a first frame', () => {
  it('keeps a head with the newest articles, the count and the widest source', async () => {
    const lib = makeLibrary({
      old: { de: germanFile({ published: '2020-01-01T10:00:00+01:00' }) },
      new: { de: germanFile({ published: '2025-01-01T10:00:00+01:00' }) },
    });
    const cache = tempDir();
    const root = await rootOf(lib);
    expect(readIndexHead(cache, root)).toBeNull();
    await (await listLibraryIndexed(root, cache)).saveIndex();
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(2);
    expect(head?.entries.map((e) => e.id)).toEqual(['new', 'old']);
    expect(head?.sourceWidth).toBe('Beispielheimer Bote'.length);
  });

  it('gives the indexed list at once and the corrected one after checking the files', async () => {
    const lib = makeLibrary({ one: { de: germanFile({ title: 'Alt' }) }, two: { de: germanFile() } });
    const cache = tempDir();
    const root = await rootOf(lib);
    await (await listLibraryIndexed(root, cache)).saveIndex();
    const file = path.join(lib, 'one', 'article.de.md');
    writeFileSync(file, germanFile({ title: 'Neu' }));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const trusted = await listLibraryIndexed(root, cache, { trust: true });
    const title = (entries: typeof trusted.entries) => entries.find((e) => e.id === 'one');
    const first = title(trusted.entries);
    expect(first?.ok && first.summary.title.de).toBe('Alt');
    const fresh = await trusted.revalidate();
    const corrected = fresh ? title(fresh) : undefined;
    expect(corrected?.ok && corrected.summary.title.de).toBe('Neu');
    // The corrected index is written in the background; then it is right.
    await trusted.saveIndex();
    expect(await (await listLibraryIndexed(root, cache, { trust: true })).revalidate()).toBeNull();
  });
});

describe('the validate cache', () => {
  it('keeps results of unchanged articles and checks changed ones again', async () => {
    const lib = makeLibrary({ good: { de: germanFile(), en: englishFile(), facts: factsFile() }, other: { de: germanFile(), en: englishFile(), facts: factsFile() } });
    const cache = tempDir();
    const root = await rootOf(lib);
    const first = await validateLibrary(root, cache);
    expect(first.reports.flatMap((r) => r.diagnostics)).toEqual([]);
    first.save();
    tamper(cache, (records) => {
      if (records['other']) records['other'].diagnostics = [{ file: 'x', message: 'from the cache', severity: 'warning' }];
    });
    const en = path.join(lib, 'good', 'article.en.md');
    writeFileSync(en, englishFile({ paragraphs: ['Only one paragraph.'] }));
    utimesSync(en, new Date(), new Date(Date.now() + 5000));
    const second = await validateLibrary(root, cache);
    const byId = Object.fromEntries(second.reports.map((r) => [r.id, r.diagnostics.map((d) => d.message).join(' | ')]));
    expect(byId['good']).toMatch(/1 English paragraphs for 2 German ones/);
    expect(byId['other']).toBe('from the cache');
  });
});

describe('the validate cache, from another working folder', () => {
  it('shows a kept result with the file as seen from where validate runs now', () => {
    // The built program in two working folders: the library's parent (paths shown relative to it),
    // then another folder (outside of which the library lies: paths shown whole).
    const parent = tempDir();
    const lib = makeLibrary({ kurz: { de: germanFile(), en: englishFile({ paragraphs: ['Only one paragraph.'] }) } }, path.join(parent, 'bib'));
    const cache = tempDir();
    const bin = path.join(packageRoot(), 'bin', 'newsbridge.js');
    const validate = (cwd: string) =>
      spawnSync(process.execPath, [bin, 'validate', '--library', lib], { cwd, encoding: 'utf8', env: { ...process.env, NEWSBRIDGE_CACHE_DIR: cache, LANG: 'C' } });
    const english = path.join('bib', 'kurz', 'article.en.md');
    const first = validate(parent);
    expect(first.stdout + first.stderr).toContain(`${english}:`);
    const second = validate(tempDir());
    const shown = second.stdout + second.stderr;
    // The result comes from the cache (the files are unchanged) and names the file from there.
    expect(shown).toContain(`${path.join(lib, 'kurz', 'article.en.md')}:`);
    expect(shown).toMatch(/1 English paragraphs for 2 German ones/);
    expect(readdirSync(cache).some((f) => f.startsWith('validate-'))).toBe(true);
  });
});
