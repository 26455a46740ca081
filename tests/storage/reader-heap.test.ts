// The reader's heap stays close to what it holds (src/storage/reader-heap.ts), also once worker
// threads have started. Run in a child process: V8's flags are the whole process's.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';

const MODULE = fileURLToPath(new URL('../../src/storage/reader-heap.ts', import.meta.url));

/** Runs `work` (a module's body, printing a number) in a child process, with or without keeping the heap small. */
function inChild(keep: boolean, work: string): number {
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
const space = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name);
${work}
await worker.terminate();
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

/** MB of young generation after allocating 10 million surviving objects' worth. */
const youngGeneration = (keep: boolean) =>
  inChild(
    keep,
    `const kept = [];
for (let round = 0; round < 50; round++) {
  const batch = [];
  for (let i = 0; i < 200000; i++) batch.push({ i, s: 'x' + i });
  kept.push(batch[round]);
}
console.log(space('new_space').space_size / 1e6);`,
  );

/**
 * Largest MB of old generation while 300,000 objects stay alive (about 25 MB) and batches of
 * objects live long enough to be moved there, then die (what drawing frames does to a reader
 * holding a large list).
 */
const oldGenerationPeak = (keep: boolean) =>
  inChild(
    keep,
    `const live = [];
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
console.log(live.length > 0 ? peak / 1e6 : 0);`,
  );

describe("the reader's heap", () => {
  // At its first size (1–2 MB per half) or one step above it when a worker started under load; V8's default grows to 32 MB (Node 20) or 128 MB (Node 24).
  it('keeps the young generation at its first size, a worker thread started meanwhile', () => {
    expect(youngGeneration(true)).toBeLessThan(16);
  });

  it('lets the young generation grow to tens of MB otherwise (what the setting prevents)', () => {
    expect(youngGeneration(false)).toBeGreaterThan(24);
  });

  // Measured: about 45 MB kept small (58 on Node 24), 140–165 MB with V8's defaults.
  it('collects the old generation before it is much more than what lives in it', () => {
    expect(oldGenerationPeak(true)).toBeLessThan(80);
  });

  it('lets the old generation reach several times what lives in it otherwise', () => {
    expect(oldGenerationPeak(false)).toBeGreaterThan(100);
  });
});
