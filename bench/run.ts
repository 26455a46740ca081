/**
 * `npm run bench`: the speed and memory targets of DESIGN.md, measured as a
 * person feels them — through a pseudo-terminal — and as ratios to a bare
 * `node -e 0` measured in the same run (these machines are shared and noisy).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, root } from '../scripts/bundle-options.mjs';
import { generateLibrary, generateLongArticle } from './generate.js';
import { refreshRows } from './refresh.js';
import { TimedPty } from './pty-timer.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const PRESSES = Number(process.env['BENCH_PRESSES'] ?? 20);
const tmp = path.join(root, '.bench-tmp');
const BIN = path.join(root, 'bin', 'newsbridge.js');
const NODE = process.execPath;

interface Row {
  what: string;
  samples: number[];
  unit: 'ms' | 'MB';
  /** Target as text, and whether the median (or p95) meets it. */
  target?: string;
  ok?: (median: number, p95: number, base: number, ref: Record<string, number>) => boolean;
  ratio?: boolean;
  /** Printed under the table when the target is missed: why, and the best next lever. */
  ifMissed?: string;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

function log(text: string) {
  process.stderr.write(`${text}\n`);
}

async function repeat(runs: number, once: () => Promise<number>): Promise<number[]> {
  await once(); // warm-up: file cache, code paths
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once());
  return out;
}

/** Each run starts with no remembered state (position, read marks), as a new user would. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  rmSync(path.join(tmp, 'state'), { recursive: true, force: true });
  return { NEWSBRIDGE_STATE_DIR: path.join(tmp, 'state'), NEWSBRIDGE_CACHE_DIR: path.join(tmp, 'cache'), LANG: 'C.UTF-8', NO_COLOR: '', ...extra };
}

async function firstFrame(args: string[], expect: string, extraEnv: NodeJS.ProcessEnv = {}, beforeEach?: () => void): Promise<number[]> {
  return repeat(RUNS, async () => {
    beforeEach?.();
    const pty = new TimedPty([NODE, BIN, ...args], env(extraEnv));
    const t = await pty.firstSeen(expect);
    await pty.quit();
    return t;
  });
}

async function main() {
  mkdirSync(tmp, { recursive: true });
  log('building the program and the Ink baseline…');
  execFileSync(NODE, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  await build({ ...bundleOptions, entryPoints: [path.join(root, 'bench/hello-ink.tsx')], outfile: path.join(tmp, 'hello-ink.js') });
  log('generating a 10,000-article library and a 500-paragraph article (reused between runs)…');
  const big = generateLibrary(path.join(root, 'articles'), path.join(tmp, 'lib-10000'), 10_000);
  const long = generateLongArticle(path.join(root, 'articles'), path.join(tmp, 'lib-long'), 'langer-artikel', 500);
  const rows: Row[] = [];

  log('bare node…');
  const node = await repeat(RUNS, async () => new TimedPty([NODE, '-e', '0'], {}).exitTime());
  rows.push({ what: 'bare `node -e 0` (start to exit)', samples: node, unit: 'ms', ratio: true });

  log('empty Ink app…');
  const ink = await repeat(RUNS, async () => {
    const pty = new TimedPty([NODE, path.join(tmp, 'hello-ink.js')], {});
    const t = await pty.firstSeen('Hello from Ink');
    await pty.quit('q');
    return t;
  });
  rows.push({ what: 'empty Ink app, first frame', samples: ink, unit: 'ms', ratio: true });

  log('first frame, bundled library…');
  // The library's header counts the articles; wait for the bundled library's own count.
  const bundledCount = readdirSync(path.join(root, 'articles')).filter((id) => existsSync(path.join(root, 'articles', id, 'article.de.md'))).length;
  const bundled = await firstFrame([], bundledCount === 1 ? '1 article' : `${bundledCount} articles`);
  rows.push({ what: 'first frame, bundled library', samples: bundled, unit: 'ms', ratio: true, target: '≤ 3.0× node', ok: (m, _p, base) => m <= 3 * base });

  log('first frame, 10,000 articles, cold…');
  const cold = await firstFrame(['--library', big], '10,000 articles', {}, () => rmSync(path.join(tmp, 'cache'), { recursive: true, force: true }));
  rows.push({
    what: 'first frame, 10,000 articles, cold (no index cache)',
    samples: cold,
    unit: 'ms',
    ratio: true,
    target: '≤ 3× bundled',
    ok: (m, _p, _b, ref) => m <= 3 * (ref['bundled'] ?? 0),
    ifMissed:
      'a cold start opens, reads and parses 20,000 files (about 100 µs an article here) before it can sort them; it happens once, after which the index serves. Next lever: parse in worker threads (2 cores: about half), and write the index at import time.',
  });

  log('first frame, 10,000 articles, warm…');
  const warm = await firstFrame(['--library', big], '10,000 articles');
  rows.push({ what: 'first frame, 10,000 articles, warm index cache', samples: warm, unit: 'ms', ratio: true, target: '≤ 1.5× bundled', ok: (m, _p, _b, ref) => m <= 1.5 * (ref['bundled'] ?? 0) });

  log('keys in the 10,000-row list…');
  const list = new TimedPty([NODE, BIN, '--library', big], env());
  await list.firstSeen('10,000 articles');
  await list.settle();
  const listG: number[] = [];
  for (let i = 0; i < PRESSES; i++) {
    listG.push(await list.press('G', '10000/10000'));
    listG.push(await list.press('g', '1/10000'));
  }
  const listJ: number[] = [];
  for (let i = 0; i < PRESSES; i++) listJ.push(await list.press('j', `${i + 2}/10000`));
  const rss = list.peakRssMb();
  await list.quit();
  const keyTarget = { target: 'median < 16, p95 < 33', ok: (m: number, p: number) => m < 16 && p < 33 };
  rows.push({ what: `list of 10,000: G / g (${listG.length} presses)`, samples: listG, unit: 'ms', ...keyTarget });
  rows.push({ what: `list of 10,000: j (${listJ.length} presses)`, samples: listJ, unit: 'ms', ...keyTarget });

  log('keys in the 500-paragraph article…');
  const reader = new TimedPty([NODE, BIN, '--library', long, 'langer-artikel'], env());
  await reader.firstSeen('¶ 1/500');
  await reader.settle();
  const longG: number[] = [];
  const longPg: number[] = [];
  const longJ: number[] = [];
  for (let i = 0; i < PRESSES; i++) {
    longG.push(await reader.press('G', '¶ 500/500'));
    longG.push(await reader.press('g', '¶ 1/500'));
  }
  // A page or a sentence further, the status line's position changes: that is the new frame.
  const position = /(¶ \d+\/500 · sentence \d+\/\d+)/;
  for (let i = 0; i < PRESSES; i++) longPg.push(await reader.press('\u001B[6~', { pattern: position, unlike: reader.lastMatch(position) }));
  await reader.press('g', '¶ 1/500');
  await reader.settle();
  for (let i = 0; i < PRESSES; i++) longJ.push(await reader.press('j', { pattern: position, unlike: reader.lastMatch(position) }));
  await reader.quit();
  rows.push({ what: `500-paragraph article: G / g (${longG.length} presses)`, samples: longG, unit: 'ms', ...keyTarget });
  rows.push({ what: `500-paragraph article: PgDn (${longPg.length} presses)`, samples: longPg, unit: 'ms', ...keyTarget });
  rows.push({ what: `500-paragraph article: j (${longJ.length} presses)`, samples: longJ, unit: 'ms', ...keyTarget });
  rows.push({ what: 'peak RSS, 10,000 articles (after the key runs)', samples: [rss], unit: 'MB', target: '< 150 MB', ok: (m) => m < 150 });

  log('list --json and validate on 10,000…');
  const wall = (args: string[]) =>
    repeat(Math.max(3, Math.floor(RUNS / 2)), () => {
      const t0 = process.hrtime.bigint();
      const result = spawnSync(NODE, [BIN, ...args, '--library', big], { env: { ...process.env, ...env() }, stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
      if (result.status !== 0 && args[0] !== 'validate') throw new Error(`${args.join(' ')} failed`);
      return Promise.resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  rows.push({ what: '`list --json`, 10,000 articles', samples: await wall(['list', '--json']), unit: 'ms', ratio: true, target: '< 2 s', ok: (m) => m < 2000 });
  rows.push({ what: '`validate`, 10,000 articles', samples: await wall(['validate']), unit: 'ms', ratio: true, target: '< 2 s', ok: (m) => m < 2000 });

  log('feeds: refresh of 30 local feeds, a 10,000-item feed…');
  rows.push(...(await refreshRows(tmp, Math.max(3, Math.floor(RUNS / 2)))));

  const base = median(node);
  const ref = { bundled: median(bundled) };
  const fmt = (x: number, unit: string) => (unit === 'MB' ? x.toFixed(0) : x.toFixed(1));
  const lines = [
    `| measure | median | p95 | × node | target | met |`,
    `| --- | ---: | ---: | ---: | --- | --- |`,
    ...rows.map((r) => {
      const m = median(r.samples);
      const p = quantile(r.samples, 0.95);
      const ratio = r.ratio ? `${(m / base).toFixed(2)}×` : '';
      const met = r.ok ? (r.ok(m, p, base, ref) ? 'yes' : '**no**') : '';
      return `| ${r.what} | ${fmt(m, r.unit)} ${r.unit} | ${r.samples.length > 1 ? `${fmt(p, r.unit)} ${r.unit}` : ''} | ${ratio} | ${r.target ?? ''} | ${met} |`;
    }),
  ];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`newsbridge benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${RUNS} runs after a warm-up\n`);
  console.log(lines.join('\n'));
  const missed = rows.filter((r) => r.ok && r.ifMissed && !r.ok(median(r.samples), quantile(r.samples, 0.95), base, ref));
  for (const r of missed) console.log(`\n${r.what}: ${r.ifMissed ?? ''}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
