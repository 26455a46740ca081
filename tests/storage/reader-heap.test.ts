// The reader's heap stays close to what it holds (src/storage/reader-heap.ts), also once worker
// threads have started. Run in a child process: V8's flags are the whole process's.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';

const MODULE = fileURLToPath(new URL('../../src/storage/reader-heap.ts', import.meta.url));

/**
 * Runs `work` (a module's body, printing JSON) in a child process, with or without keeping
 * the heap small; `youngOnly` keeps only the young generation small (by its flag), to see the
 * old generation's own setting at work.
 */
function inChild(keep: boolean, work: string, youngOnly = false): unknown {
  const script = path.join(tempDir(), 'work.mts');
  writeFileSync(
    script,
    `import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { keepAfter, keepHeapSmall } from ${JSON.stringify(MODULE)};
const keep = ${keep};
if (keep) keepHeapSmall();
const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
if (keep) keepAfter(worker);
await new Promise((resolve) => worker.once('online', resolve));
// Set once the worker is up (its start sets V8's flags anew).
if (${youngOnly}) v8.setFlagsFromString('--semi-space-growth-factor=1');
const space = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name);
${work}
await worker.terminate();
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as unknown;
}

/** MB of young generation after allocating 10 million surviving objects' worth. */
const youngGeneration = (keep: boolean) =>
  Number(
    inChild(
      keep,
      `const kept = [];
for (let round = 0; round < 50; round++) {
  const batch = [];
  for (let i = 0; i < 200000; i++) batch.push({ i, s: 'x' + i });
  kept.push(batch[round]);
}
console.log(space('new_space').space_size / 1e6);`,
    ),
  );

/**
 * Full collections, and the largest MB of old generation, while 300,000 objects stay alive
 * (about 25 MB) and batches of objects live long enough to be moved there, then die (what
 * drawing frames does to a reader holding a large list). Otherwise only the young generation
 * is kept small: with a large one the batches would die in it, and the old one never see them.
 */
function oldGeneration(keep: boolean): { fullCollections: number; peakMb: number } {
  const printed = inChild(
    keep,
    `const { PerformanceObserver, constants } = await import('node:perf_hooks');
let full = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
});
observer.observe({ entryTypes: ['gc'] });
const live = [];
for (let i = 0; i < 300000; i++) live.push({ i, s: 'live ' + i });
const recent = [];
let peak = 0;
for (let round = 0; round < 400; round++) {
  const batch = [];
  for (let i = 0; i < 5000; i++) batch.push({ i, s: 'frame ' + i + round });
  recent.push(batch);
  if (recent.length > 8) recent.shift();
  peak = Math.max(peak, space('old_space').space_size);
}
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ fullCollections: full, peakMb: peak / 1e6, live: live.length }));`,
    !keep,
  );
  return printed as { fullCollections: number; peakMb: number };
}

describe("the reader's heap", () => {
  // At its first size (1–2 MB per half) or one step above it when a worker started under load; V8's default grows to 32 MB (Node 20) or 128 MB (Node 24).
  it('keeps the young generation at its first size, a worker thread started meanwhile', () => {
    expect(youngGeneration(true)).toBeLessThan(16);
  });

  it('lets the young generation grow to tens of MB otherwise (what the setting prevents)', () => {
    expect(youngGeneration(false)).toBeGreaterThan(24);
  });

  // Measured (alone and with five more at once): 17–19 full collections and a peak of 24–39 MB
  // kept small; 6–7 and 51–72 MB with V8's own growing factor.
  it('collects the old generation sooner than V8 would, so it stays closer to what lives in it', () => {
    const kept = oldGeneration(true);
    const own = oldGeneration(false);
    expect(kept.fullCollections).toBeGreaterThanOrEqual(2 * own.fullCollections);
    expect(kept.peakMb).toBeLessThan(own.peakMb);
  });
});
