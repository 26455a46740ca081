// The young generation stays small (src/storage/young-generation.ts), also once worker threads
// have started. Run in a child process: V8's flags are the whole process's.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';

const MODULE = fileURLToPath(new URL('../../src/storage/young-generation.ts', import.meta.url));

/** MB of young generation after allocating 10 million surviving objects' worth, with or without keeping it small. */
function youngGenerationAfterWork(keep: boolean): number {
  const script = path.join(tempDir(), 'work.mts');
  writeFileSync(
    script,
    `import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { keepAfter, keepYoungGenerationSmall } from ${JSON.stringify(MODULE)};
const keep = ${keep};
if (keep) keepYoungGenerationSmall();
const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
if (keep) keepAfter(worker);
await new Promise((resolve) => worker.once('online', resolve));
const kept = [];
for (let round = 0; round < 50; round++) {
  const batch = [];
  for (let i = 0; i < 200000; i++) batch.push({ i, s: 'x' + i });
  kept.push(batch[round]);
}
const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(space.space_size / 1e6);
await worker.terminate();
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

describe('the young generation', () => {
  // At its first size (1–2 MB per half) or one step above it when a worker started under load; V8's default grows to 32 MB (Node 20) or 128 MB (Node 24).
  it('stays at its first size when kept small, a worker thread started meanwhile', () => {
    expect(youngGenerationAfterWork(true)).toBeLessThan(16);
  });

  it('grows to tens of MB otherwise (what the setting prevents)', () => {
    expect(youngGenerationAfterWork(false)).toBeGreaterThan(24);
  });
});
