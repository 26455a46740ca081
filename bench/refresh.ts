/**
 * Feed benchmark rows: a refresh of 30 local feeds × 50 items with full text (each feed on its
 * own 127.0.0.1 port, as publishers are different hosts), by the built program, with its peak
 * RSS; the same refresh again (every feed answers 304); and reading a 10,000-item feed.
 * Run alone with `npx tsx bench/refresh.ts`, or from bench/run.ts.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../scripts/bundle-options.mjs';
import { parseFeedText } from '../src/import/feed.js';
import { TimedPty } from './pty-timer.js';

const FEEDS = 30;
const ITEMS = 50;
const BIN = path.join(root, 'bin', 'newsbridge.js');

/** One benchmark row, in the shape bench/run.ts prints. */
export interface FeedRow {
  what: string;
  samples: number[];
  unit: 'ms' | 'MB';
  target?: string;
  ok?: (median: number, p95: number) => boolean;
}

/** What the key row during a refresh needs: the 500-paragraph article's folder, and how many presses. */
export interface KeysDuringRefresh {
  longArticle: string;
  presses: number;
  env: NodeJS.ProcessEnv;
}

const paragraphs = (f: number, i: number) => [
  `Die Stadt Beispielheim hat am Montag den Bericht ${f}-${i} vorgestellt. Darin beschreibt die Verwaltung, wie sich die Zahl der Besucher im Rathaus entwickelt hat und welche Angebote künftig digital bereitstehen sollen.`,
  `Nach Angaben der Stadt nutzten im vergangenen Jahr rund ${1000 + i} Menschen die Sprechstunden am Abend. Die Bürgermeisterin sprach von einem guten Zeichen und kündigte an, das Angebot im Herbst auszuweiten.`,
  `Kritik kam von der Opposition im Stadtrat. Sie bemängelte, dass die Kosten von ${10 + i} Millionen Euro zu hoch seien. Eine Entscheidung soll in der nächsten Sitzung des Rates fallen.`,
];

function page(f: number, i: number): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bericht ${f}-${i} | Bote ${f}</title></head><body><nav><a href="/">Start</a></nav><main><article><h1>Bericht ${f}-${i}</h1>${paragraphs(f, i)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></main><footer>© Bote ${f}</footer></body></html>`;
}

function feed(f: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<item><title>Bericht ${f}-${i} aus dem Rathaus</title><link>/artikel/${i}.html</link><guid isPermaLink="false">b-${f}-${i}</guid><pubDate>Wed, ${String(1 + (i % 28)).padStart(2, '0')} Jan 2025 09:30:00 +0100</pubDate><description>Beispielheim stellt Bericht ${f}-${i} vor.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bote ${f}</title><link>https://bote${f}.example/</link>${items}</channel></rss>`;
}

/** One small site per feed: the feed (with an ETag) and its 50 pages. */
async function startSites(): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let f = 0; f < FEEDS; f++) {
    const xml = feed(f);
    const etag = `"${createHash('sha256').update(xml).digest('hex').slice(0, 12)}"`;
    const server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/feed.xml') {
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(xml);
      }
      const m = /^\/artikel\/(\d+)\.html$/.exec(url);
      if (m) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(f, Number(m[1])));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`);
  }
  return {
    urls,
    stop: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** Runs the built program's refresh; wall time and peak RSS (VmHWM, read until it exits). */
function timedRefresh(lib: string, stateDir: string): Promise<{ ms: number; rssMb: number; code: number | null; out: string }> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, 'refresh', '--library', lib], {
      env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NEWSBRIDGE_STATE_DIR: stateDir, NEWSBRIDGE_CACHE_DIR: path.join(stateDir, 'cache') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peak = 0;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
      } catch {
        // Exited between two polls.
      }
    }, 10);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rssMb: peak, code, out });
    });
  });
}

/**
 * Key → frame in the reader while R refreshes the 30 feeds in the background (their 1,500
 * articles arriving in the library behind it): R in the library, Enter on the long article,
 * then j, each press timed until the status line's position changes.
 */
async function keysDuringRefresh(tmp: string, urls: readonly string[], o: KeysDuringRefresh): Promise<FeedRow> {
  const lib = path.join(tmp, 'feeds-keys-lib');
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  cpSync(o.longArticle, path.join(lib, path.basename(o.longArticle)), { recursive: true });
  writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n${urls.map((u, i) => `  - url: ${u}\n    name: Bote ${i}\n`).join('')}`);
  const pty = new TimedPty([process.execPath, BIN, '--library', lib], o.env);
  const samples: number[] = [];
  try {
    await pty.firstSeen('Enter open');
    await pty.settle();
    await pty.press('R', 'refreshing feeds');
    await pty.press('\r', '¶ 1/500');
    const position = /(¶ \d+\/500 · sentence \d+\/\d+)/;
    for (let i = 0; i < o.presses; i++) samples.push(await pty.press('j', { pattern: position, unlike: pty.lastMatch(position) }));
  } finally {
    await pty.quit();
  }
  return {
    what: `500-paragraph article: j while R refreshes ${FEEDS} feeds in the background (${samples.length} presses)`,
    samples,
    unit: 'ms',
    target: 'median < 16, p95 < 33',
    ok: (m, p) => m < 16 && p < 33,
  };
}

function hugeFeed(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(
      `<item><title>Meldung ${i} &amp; mehr</title><link>/artikel/${i}</link><guid isPermaLink="false">id-${i}</guid><pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate><author>redaktion@bote.example (Autorin ${i})</author><description><![CDATA[<p>Die Stadt Beispielheim meldet Nummer ${i}. Der Rat hat am Montag darüber beraten.</p>]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bote</title><link>https://bote.example/</link>${items.join('\n')}</channel></rss>`;
}

/** The feed rows; `tmp` is a scratch folder, `runs` how often the cheap measures repeat. */
export async function refreshRows(tmp: string, runs = 3, keys?: KeysDuringRefresh): Promise<FeedRow[]> {
  const sites = await startSites();
  const rows: FeedRow[] = [];
  try {
    const cold: number[] = [];
    const rss: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run++) {
      const lib = path.join(tmp, 'feeds-lib');
      const state = path.join(tmp, 'feeds-state');
      rmSync(lib, { recursive: true, force: true });
      rmSync(state, { recursive: true, force: true });
      mkdirSync(lib, { recursive: true });
      writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n${sites.urls.map((u, i) => `  - url: ${u}\n    name: Bote ${i}\n`).join('')}`);
      const first = await timedRefresh(lib, state);
      if (first.code !== 0 || !first.out.includes(`${FEEDS * ITEMS} new`)) throw new Error(`refresh failed: ${first.out.slice(-400)}`);
      cold.push(first.ms);
      rss.push(first.rssMb);
      const second = await timedRefresh(lib, state);
      if (second.code !== 0) throw new Error(`second refresh failed: ${second.out.slice(-400)}`);
      warm.push(second.ms);
    }
    rows.push({ what: `refresh, ${FEEDS} feeds × ${ITEMS} items with full text (empty library)`, samples: cold, unit: 'ms', target: '< 60 s', ok: (m) => m < 60_000 });
    rows.push({ what: 'peak RSS of that refresh', samples: rss, unit: 'MB' });
    rows.push({ what: `refresh again, ${FEEDS} feeds answering 304`, samples: warm, unit: 'ms', target: '< 2 s', ok: (m) => m < 2000 });
    if (keys) rows.push(await keysDuringRefresh(tmp, sites.urls, keys));
  } finally {
    await sites.stop();
  }
  const xml = hugeFeed(10_000);
  const parse: number[] = [];
  await parseFeedText(hugeFeed(100));
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const parsed = await parseFeedText(xml, { baseUrl: 'https://bote.example/feed.xml' });
    parse.push(performance.now() - t0);
    if (parsed.items.length !== 10_000) throw new Error('10,000-item feed misread');
  }
  rows.push({ what: 'reading a 10,000-item feed (parse and items to text)', samples: parse, unit: 'ms', target: '< 5 s', ok: (m) => m < 5000 });
  return rows;
}

async function main(): Promise<void> {
  const tmp = path.join(root, '.bench-tmp');
  mkdirSync(tmp, { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const runs = Number(process.env['BENCH_RUNS'] ?? 3);
  const rows = await refreshRows(tmp, runs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  console.log('| measure | median | runs | target | met |\n| --- | ---: | ---: | --- | --- |');
  for (const r of rows) {
    const m = median(r.samples);
    console.log(`| ${r.what} | ${r.unit === 'MB' ? m.toFixed(0) : m.toFixed(1)} ${r.unit} | ${r.samples.length} | ${r.target ?? ''} | ${r.ok ? (r.ok(m, Math.max(...r.samples)) ? 'yes' : '**no**') : ''} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`bench: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
