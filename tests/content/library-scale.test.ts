/**
 * The library index at scale: its file format (a head read alone, records a line at a time,
 * anything stale or foreign ignored), listing in worker threads with the newest first, and
 * the writers (import, refresh) keeping it current.
 */
import { appendFileSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/content/article.js';
import { cacheFile } from '../../src/content/file-cache.js';
import { INDEX_VERSION, mergeIntoTable, readIndexHead, readIndexTable, rewriteIndex } from '../../src/content/index-file.js';
import { runSummaryJob } from '../../src/content/summary-job.js';
import { updateIndexEntries } from '../../src/content/index-update.js';
import { packageRoot } from '../../src/content/library-paths.js';
import { listLibraryIndexed, listLibraryProgressive, openLibrary } from '../../src/content/load-library.js';
import { runCli } from '../cli/run-cli.js';
import { RAW_PAGE } from '../import/fixtures.js';
import { englishFile, germanFile, makeLibrary, tempDir, type ArticleFixture } from '../helpers/library.js';

/** The worker as the build makes it (the tests' global setup builds dist/). */
const WORKER = pathToFileURL(path.join(packageRoot(), 'dist', 'chunks', 'summary-worker.js'));

async function rootOf(dir: string) {
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return opened.root;
}

const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** `count` dated articles: id `DAY-meldung-N`, published that day; every third one translated. */
function manyArticles(count: number, dir?: string): string {
  const articles: Record<string, ArticleFixture> = {};
  for (let i = 0; i < count; i++) {
    articles[`${day(i)}-meldung-${i}`] = {
      de: germanFile({ title: `Meldung ${i}`, published: `${day(i)}T09:30:00+01:00` }),
      ...(i % 3 === 0 ? { en: englishFile() } : {}),
    };
  }
  return makeLibrary(articles, dir);
}

/** An article from a feed, as refresh writes it: with its address, feed and identity in the feed. */
const fromFeed = (i: number, title = `Meldung ${i}`) =>
  germanFile({ title, published: `${day(i)}T09:30:00+01:00`, extra: `url: https://example.org/${i}\nfeed: https://example.org/rss\nguid: eintrag-${i}` });

/** Every record of the index on disk keeps the address and identity its article has. */
function expectAddressesKept(cache: string, root: Awaited<ReturnType<typeof rootOf>>, count: number) {
  const table = readIndexTable(indexFile(cache), root);
  expect(table?.names).toHaveLength(count);
  for (const entry of table?.entries ?? []) {
    const n = Number(entry.id.split('-').pop());
    expect(entry.ok && [entry.summary.url, entry.summary.guid]).toEqual([`https://example.org/${n}`, `eintrag-${n}`]);
  }
  return table;
}

/** The library in `lib` with its index written to a fresh cache folder, as a run of `list` leaves it. */
async function indexed(lib: string) {
  const cache = tempDir();
  const root = await rootOf(lib);
  await (await listLibraryIndexed(root, cache)).saveIndex();
  return { lib, cache, root };
}

const ids = (entries: readonly LibraryEntry[]) => entries.map((e) => e.id);
const indexFile = (cache: string) => path.join(cache, readdirSync(cache)[0] as string);

describe('the index file', () => {
  it('reads a head larger than one read of the file', async () => {
    // 200 long titles make a head of over 300 kB: read in growing pieces, not cut.
    const long = 'Sehr langer Titel '.repeat(90);
    const articles: Record<string, ArticleFixture> = {};
    for (let i = 0; i < 210; i++) articles[`${day(i)}-lang-${i}`] = { de: germanFile({ title: `${long}${i}`, published: `${day(i)}T09:30:00+01:00` }) };
    const { cache, root } = await indexed(makeLibrary(articles));
    expect(readFileSync(indexFile(cache), 'utf8').indexOf('\n')).toBeGreaterThan(300_000);
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(210);
    expect(head?.entries).toHaveLength(200);
    const first = head?.entries[0];
    expect(first?.ok && first.summary.title.de).toBe(`${long}209`);
  });

  it('keeps every character of a summary (the file itself is ASCII)', async () => {
    const title = 'Brücke „über“ den Fluß – 東京 😀 café\u0301';
    const lib = makeLibrary({ [`${day(0)}-zeichen`]: { de: germanFile({ title: JSON.stringify(title), published: `${day(0)}T09:30:00+01:00` }) } });
    const cache = tempDir();
    const root = await rootOf(lib);
    const first = await listLibraryIndexed(root, cache);
    await first.saveIndex();
    expect([...readFileSync(indexFile(cache))].every((b) => b < 128)).toBe(true);
    const trusted = await listLibraryIndexed(root, cache, { trust: true });
    expect(trusted.entries).toEqual(first.entries);
    const entry = trusted.entries[0];
    // As the loader cleans it (NFC): the index gives back exactly that.
    expect(entry?.ok && entry.summary.title.de).toBe(title.normalize('NFC'));
    expect(readIndexHead(cache, root)?.entries).toEqual(first.entries);
  });

  it('ignores an index of another version, of another library, or cut short', async () => {
    const { cache, root } = await indexed(manyArticles(3));
    const file = indexFile(cache);
    const good = readFileSync(file, 'utf8');
    expect(readIndexTable(file, root)?.names).toHaveLength(3);

    writeFileSync(file, good.replace(INDEX_VERSION, 'index-6:other'));
    expect(readIndexHead(cache, root)).toBeNull();
    expect(readIndexTable(file, root)).toBeNull();

    writeFileSync(file, good.replace(JSON.stringify(root.real), JSON.stringify('/somewhere/else')));
    expect(readIndexHead(cache, root)).toBeNull();
    expect(readIndexTable(file, root)).toBeNull();

    writeFileSync(file, good.slice(0, good.length - 40));
    expect(readIndexTable(file, root)).toBeNull();
    // Whatever the file held, the listing is the library's.
    expect(ids((await listLibraryIndexed(root, cache)).entries)).toEqual([`${day(2)}-meldung-2`, `${day(1)}-meldung-1`, `${day(0)}-meldung-0`]);
  });

  it('reads again only the articles whose records are not what it writes', async () => {
    const { cache, root } = await indexed(manyArticles(3));
    const file = indexFile(cache);
    const [head = '', records = ''] = readFileSync(file, 'utf8').split('\n');
    const rows = JSON.parse(records) as unknown[][];
    // One record with an escape sequence for a translation status, one with a string for a size, one doctored but well-formed.
    (rows[0]?.[5] as unknown[])[6] = '\u001B[31m';
    if (rows[1]) rows[1][1] = '12';
    (rows[2]?.[5] as unknown[])[2] = 'Aus dem Index';
    writeFileSync(file, `${head}\n${JSON.stringify(rows)}\n`);
    const table = readIndexTable(file, root);
    expect(table?.names).toEqual([`${day(2)}-meldung-2`]);
    const listed = await listLibraryIndexed(root, cache);
    const sources = listed.entries.map((e) => (e.ok ? e.summary.source : ''));
    expect(sources).toEqual(['Aus dem Index', 'Beispielheimer Bote', 'Beispielheimer Bote']);
  });

  it('merges written records into a table by name', async () => {
    const { cache, root } = await indexed(manyArticles(4));
    const table = readIndexTable(indexFile(cache), root);
    if (!table) throw new Error('no index');
    const stored = ['Titel', 0, 'Quelle', null, 0, 0, 'untranslated'] as const;
    const merged = mergeIntoTable(
      table,
      new Map([
        [`${day(1)}-meldung-1`, null],
        ['0000-neu', ['0000-neu', 1, 2, -1, -1, [...stored]]],
        [`${day(2)}-meldung-2`, [`${day(2)}-meldung-2`, 5, 6, 7, 8, [...stored]]],
        ['zzz-neu', ['zzz-neu', 1, 2, 3, 4, [...stored]]],
      ]),
    );
    expect(merged.names).toEqual(['0000-neu', `${day(0)}-meldung-0`, `${day(2)}-meldung-2`, `${day(3)}-meldung-3`, 'zzz-neu']);
    expect(Array.from(merged.keys.subarray(8, 12))).toEqual([5, 6, 7, 8]);
    expect(merged.entries.map((e) => (e.ok ? e.summary.title.de : ''))).toEqual(['Titel', 'Meldung 0', 'Titel', 'Meldung 3', 'Titel']);
  });
});

describe('listing in worker threads', () => {
  it('lists as the main thread does, the newest first, with progress', async () => {
    const lib = manyArticles(700);
    makeLibrary({ 'ohne-datum': { de: germanFile({ title: 'Ohne Datum im Namen', published: '2030-01-01T09:30:00+01:00' }) }, kaputt: { de: 'kein Front Matter' } }, lib);
    const root = await rootOf(lib);
    const here = await listLibraryProgressive(root, null, { threads: 0 });
    const progress: number[] = [];
    let first: { newest: LibraryEntry[]; total: number; done: number } | null = null;
    const inWorkers = await listLibraryProgressive(root, null, {
      threads: 2,
      workerFile: WORKER,
      firstCount: 50,
      onFirst: (newest, total) => (first = { newest, total, done: progress.at(-1) ?? 0 }),
      onProgress: (done, total) => {
        expect(total).toBe(702);
        progress.push(done);
      },
    });
    expect(inWorkers.entries).toEqual(here.entries);
    expect(ids(here.entries).slice(0, 2)).toEqual(['ohne-datum', `${day(699)}-meldung-699`]);
    expect(here.entries.at(-1)).toMatchObject({ id: 'kaputt', ok: false });
    // The first batch holds the newest by name (a name without a date is read later), before the rest.
    const seen = first as { newest: LibraryEntry[]; total: number; done: number } | null;
    expect(seen?.total).toBe(702);
    expect(seen?.done).toBeLessThan(702);
    expect(ids(seen?.newest ?? [])).toEqual(Array.from({ length: 50 }, (_, i) => `${day(699 - i)}-meldung-${699 - i}`));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(702);
  });

  it('the built worker answers a job with the records of the folders read', async () => {
    const lib = manyArticles(3);
    const root = await rootOf(lib);
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(WORKER);
    try {
      const answer = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ seq: 7, job: { root, names: [`${day(0)}-meldung-0`, `${day(1)}-meldung-1`] } });
      });
      const { records } = answer as { seq: number; records: unknown[][] };
      expect(answer).toMatchObject({ seq: 7 });
      expect(records.map((r) => [r[0], (r[5] as unknown[])[0], (r[5] as unknown[])[6]])).toEqual([
        [`${day(0)}-meldung-0`, 'Meldung 0', 'reviewed'],
        [`${day(1)}-meldung-1`, 'Meldung 1', 'untranslated'],
      ]);
      expect(records[1]?.slice(3, 5)).toEqual([-1, -1]);
    } finally {
      await worker.terminate();
    }
  });

  it('checks an index in workers and reads only what changed', async () => {
    const lib = manyArticles(700);
    const cache = tempDir();
    const root = await rootOf(lib);
    await (await listLibraryProgressive(root, cache, { threads: 2, workerFile: WORKER })).saveIndex();
    const id = `${day(5)}-meldung-5`;
    const file = path.join(lib, id, 'article.de.md');
    writeFileSync(file, germanFile({ title: 'Geändert', published: `${day(5)}T09:30:00+01:00` }));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const listed = await listLibraryProgressive(root, cache, { threads: 2, workerFile: WORKER });
    const changed = listed.entries.find((e) => e.id === id);
    expect(changed?.ok && changed.summary.title.de).toBe('Geändert');
    expect(listed.entries).toHaveLength(700);
  });

  it('stops when its signal aborts', async () => {
    const lib = manyArticles(700);
    const root = await rootOf(lib);
    const controller = new AbortController();
    const listing = listLibraryProgressive(root, null, { threads: 2, workerFile: WORKER, signal: controller.signal, onFirst: () => controller.abort() });
    await expect(listing).rejects.toThrow();
  });

  it('trusts the index, then finds added, removed and changed folders', async () => {
    const { lib, cache, root } = await indexed(manyArticles(20));
    makeLibrary({ [`${day(30)}-neu`]: { de: germanFile({ published: `${day(30)}T09:30:00+01:00` }) } }, lib);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(lib, `${day(0)}-meldung-0`), { recursive: true });
    const trusted = await listLibraryProgressive(root, cache, { trust: true });
    expect(trusted.entries).toHaveLength(20);
    const fresh = await trusted.revalidate();
    // The corrected index is written in the background: saveIndex waits for it.
    await trusted.saveIndex();
    expect(fresh).toHaveLength(20);
    expect(ids(fresh ?? [])[0]).toBe(`${day(30)}-neu`);
    expect(ids(fresh ?? [])).not.toContain(`${day(0)}-meldung-0`);
    // The corrected index was written: trusting it again needs no correction.
    expect(await (await listLibraryProgressive(root, cache, { trust: true })).revalidate()).toBeNull();
  });
});

describe('the check behind a trusted index', () => {
  it("reads a reader's list without an index, or again after a change, and writes the index whole", async () => {
    const articles: Record<string, ArticleFixture> = {};
    for (let i = 0; i < 150; i++) articles[`${day(i)}-meldung-${i}`] = { de: fromFeed(i) };
    const lib = makeLibrary(articles);
    const cache = tempDir();
    const root = await rootOf(lib);
    const first = await listLibraryIndexed(root, cache, { forList: true });
    expect(first.entries).toHaveLength(150);
    expect(first.entries.every((e) => e.ok && e.summary.url === undefined && e.summary.feed === 'https://example.org/rss')).toBe(true);
    await first.saveIndex();
    expectAddressesKept(cache, root, 150);

    makeLibrary({ [`${day(200)}-meldung-200`]: { de: fromFeed(200) } }, lib);
    const again = await listLibraryIndexed(root, cache, { forList: true });
    expect(ids(again.entries)[0]).toBe(`${day(200)}-meldung-200`);
    expect(again.entries.every((e) => e.ok && e.summary.url === undefined)).toBe(true);
    await again.saveIndex();
    expectAddressesKept(cache, root, 151);
    expect(readIndexHead(cache, root)?.count).toBe(151);
  });

  it('lists without addresses and feed identities, and corrects the index with them kept', async () => {
    // Three lines of records (100 a line), from a feed: address, feed and identity each.
    const articles: Record<string, ArticleFixture> = {};
    for (let i = 0; i < 250; i++) articles[`${day(i)}-meldung-${i}`] = { de: fromFeed(i) };
    const { lib, cache, root } = await indexed(makeLibrary(articles));
    const trusted = await listLibraryProgressive(root, cache, { trust: true });
    const listed = trusted.entries.find((e) => e.id === `${day(7)}-meldung-7`);
    expect(listed?.ok && listed.summary).toMatchObject({ feed: 'https://example.org/rss' });
    expect(listed?.ok && [listed.summary.url, listed.summary.guid]).toEqual([undefined, undefined]);

    const changed = path.join(lib, `${day(7)}-meldung-7`, 'article.de.md');
    writeFileSync(changed, fromFeed(7, 'Geändert'));
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const { rmSync } = await import('node:fs');
    rmSync(path.join(lib, `${day(8)}-meldung-8`), { recursive: true });
    makeLibrary({ [`${day(400)}-meldung-400`]: { de: fromFeed(400) } }, lib);
    const fresh = await trusted.revalidate();
    // The corrected index is written in the background: saveIndex waits for it.
    await trusted.saveIndex();
    expect(fresh).toHaveLength(250);

    // On disk every record kept its address and identity, the changes merged in by name.
    const table = expectAddressesKept(cache, root, 250);
    expect(table?.names).toEqual([...(table?.names ?? [])].sort());
    const seven = table?.entries.find((e) => e.id === `${day(7)}-meldung-7`);
    expect(seven?.ok && seven.summary.title.de).toBe('Geändert');
    expect(table?.names).not.toContain(`${day(8)}-meldung-8`);
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(250);
    expect(ids(head?.entries ?? []).slice(0, 2)).toEqual([`${day(400)}-meldung-400`, `${day(249)}-meldung-249`]);
    // And it is right: trusting it again needs no correction.
    expect(await (await listLibraryProgressive(root, cache, { trust: true })).revalidate()).toBeNull();
  });

  it('walks the folders only when `between` lets it go on', async () => {
    // Enough folders that the walk takes several of its few-millisecond slices.
    const { cache, root } = await indexed(manyArticles(4000));
    const trusted = await listLibraryProgressive(root, cache, { trust: true });
    let calls = 0;
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const checking = trusted.revalidate(async () => {
      calls++;
      await held;
    }).then((fresh) => {
      finished = true;
      return fresh;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
    expect(finished).toBe(false);
    release();
    expect(await checking).toBeNull();
    expect(calls).toBeGreaterThan(1);
  }, 60_000);
});

describe('the rewrite of a large index', () => {
  /**
   * An index of 301 articles (one just added to the library) and a rewrite with that change
   * that stops at its `holdAt`th pause until released: with slices of 0 ms it pauses after each
   * of the 301 records it reads, then after each line it writes (the head, 4 lines of records).
   */
  async function heldRewrite(holdAt: number, signal?: AbortSignal) {
    const { lib, cache, root } = await indexed(manyArticles(300));
    const file = indexFile(cache);
    const before = readFileSync(file, 'utf8');
    makeLibrary({ [`${day(4000)}-neu`]: { de: germanFile({ title: 'Neu', published: `${day(4000)}T09:30:00+01:00` }) } }, lib);
    const changes = new Map((await runSummaryJob({ root, names: [`${day(4000)}-neu`] })).map((r) => [r[0], r] as const));
    let calls = 0;
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rewriting = rewriteIndex(file, root, changes, {
      sliceMs: 0,
      signal,
      pause: async () => {
        if (++calls === holdAt) await held;
      },
    });
    for (let turns = 0; calls < holdAt && turns < 10_000; turns++) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(holdAt);
    return { cache, root, file, before, rewriting, release, calls: () => calls };
  }

  const temporaryFiles = (cache: string) => readdirSync(cache).filter((name) => name.endsWith('.tmp'));

  it('awaits its pause between slices, the old file in place until the new one is whole', async () => {
    // Held in the writing: the head and one line of records are in the temporary file.
    const { cache, root, file, before, rewriting, release, calls } = await heldRewrite(303);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(temporaryFiles(cache)).toHaveLength(1);
    release();
    expect(await rewriting).toBe(true);
    expect(calls()).toBe(301 + 5);
    expect(temporaryFiles(cache)).toEqual([]);
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(301);
    expect(ids(head?.entries ?? [])[0]).toBe(`${day(4000)}-neu`);
  }, 60_000);

  it('keeps the index another writer put in place meanwhile', async () => {
    const { cache, file, before, rewriting, release } = await heldRewrite(303);
    const theirs = before.replace('"Meldung 0"', '"Von einem anderen Schreiber"');
    writeFileSync(`${file}.theirs`, theirs);
    renameSync(`${file}.theirs`, file);
    release();
    await rewriting;
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(temporaryFiles(cache)).toEqual([]);
  }, 60_000);

  it('stops when its signal aborts, the old file as it was', async () => {
    const controller = new AbortController();
    const { cache, file, before, rewriting, release } = await heldRewrite(303, controller.signal);
    controller.abort();
    release();
    await rewriting;
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(temporaryFiles(cache)).toEqual([]);
  }, 60_000);

  it('says so when there is no index to change', async () => {
    const lib = manyArticles(2);
    const root = await rootOf(lib);
    expect(await rewriteIndex(path.join(tempDir(), 'none.json'), root, new Map())).toBe(false);
  });
});

describe('writers keep the index current', () => {
  it('updates the entries of written and removed articles, leaving the rest', async () => {
    const { lib, cache, root } = await indexed(manyArticles(3));
    makeLibrary({ [`${day(9)}-neu`]: { de: germanFile({ title: 'Neu', published: `${day(9)}T09:30:00+01:00` }), en: englishFile() } }, lib);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(lib, `${day(1)}-meldung-1`), { recursive: true });
    // Doctored: an entry the writer does not touch keeps what the index says.
    const file = indexFile(cache);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Meldung 0"', '"Aus dem Index"'));
    await updateIndexEntries(cache, root, [`${day(9)}-neu`, `${day(1)}-meldung-1`]);
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(3);
    expect(head?.entries.map((e) => (e.ok ? `${e.summary.title.de} ${e.summary.translation}` : ''))).toEqual(['Neu reviewed', 'Meldung 2 untranslated', 'Aus dem Index reviewed']);
    // Trusted, the index needs no correction for the written articles.
    const trusted = await listLibraryIndexed(root, cache, { trust: true });
    expect(ids(trusted.entries)).toEqual([`${day(9)}-neu`, `${day(2)}-meldung-2`, `${day(0)}-meldung-0`]);
  });

  it('makes the whole index when there is none yet', async () => {
    const lib = manyArticles(3);
    const cache = tempDir();
    const root = await rootOf(lib);
    await updateIndexEntries(cache, root, [`${day(1)}-meldung-1`]);
    expect(readIndexHead(cache, root)?.count).toBe(3);
  });

  it('import writes the new article into the index', async () => {
    const { lib, cache, root } = await indexed(manyArticles(2));
    const input = path.join(tempDir(), 'seite.txt');
    writeFileSync(input, RAW_PAGE);
    const result = await runCli(['import', input, '--library', lib], { NEWSBRIDGE_CACHE_DIR: cache });
    expect(result.code).toBe(0);
    const head = readIndexHead(cache, root);
    expect(head?.count).toBe(3);
    expect(head?.entries[0]).toMatchObject({ ok: true, id: '2020-04-28-neue-bruecke-fuer-beispielheim' });
    // The index agrees with the files: a careful listing finds nothing to correct.
    const before = readFileSync(cacheFile(cache, 'index', root), 'utf8');
    await (await listLibraryIndexed(root, cache)).saveIndex();
    expect(readFileSync(cacheFile(cache, 'index', root), 'utf8')).toBe(before);
  });

  it('an index written by another build is remade, not trusted', async () => {
    const { cache, root } = await indexed(manyArticles(2));
    const file = indexFile(cache);
    writeFileSync(file, readFileSync(file, 'utf8').replace(INDEX_VERSION, 'index-7:another-build').replaceAll('"Meldung 0"', '"Aus dem Index"'));
    appendFileSync(file, '');
    await updateIndexEntries(cache, root, [`${day(1)}-meldung-1`]);
    const head = readIndexHead(cache, root);
    expect(head?.entries.map((e) => (e.ok ? e.summary.title.de : ''))).toEqual(['Meldung 1', 'Meldung 0']);
  });
});
