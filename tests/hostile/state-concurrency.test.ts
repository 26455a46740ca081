/**
 * Concurrency: readers that exit at the same moment (a terminal closing both, SIGHUP) must
 * keep each other's read marks. Many pairs of real processes write the same state file at
 * the same millisecond; every mark must be there afterwards. A writer killed while holding
 * the lock must not block the next one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyState, LOCK_FILE, saveStateSync, withArticleRecord, type StoredState } from '../../src/storage/reading-state.js';
import { tempDir } from '../helpers/library.js';

let child = '';

beforeAll(() => {
  // Bundled once, so each process starts in Node's own time rather than a TypeScript loader's.
  child = path.join(tempDir('newsbridge-child-'), 'save-state.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./children/save-state.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
});

function runAt(dir: string, id: string, startAt: number, mode: 'sync' | 'async'): Promise<number | null> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, dir, '/lib', id, String(startAt), mode], { stdio: 'ignore' });
    proc.on('exit', (code) => resolve(code));
  });
}

const readState = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as StoredState;

describe('two readers exiting at once', () => {
  it('keep both read marks in every one of 24 pairs of real processes', async () => {
    const lost: number[] = [];
    for (let pair = 0; pair < 24; pair++) {
      const dir = tempDir('newsbridge-pair-');
      // Something on disk already, as after earlier sessions: the merge must keep it too.
      saveStateSync(dir, withArticleRecord(emptyState(), '/lib', 'earlier', { read: true }, 1));
      // Far enough ahead for both processes to have started on a busy two-core machine.
      const startAt = Date.now() + 400;
      const modes = pair % 3 === 0 ? (['sync', 'async'] as const) : pair % 3 === 1 ? (['sync', 'sync'] as const) : (['async', 'async'] as const);
      const codes = await Promise.all([runAt(dir, 'one', startAt, modes[0]), runAt(dir, 'two', startAt, modes[1])]);
      expect(codes).toEqual([0, 0]);
      const marks = readState(dir).libraries['/lib'] ?? {};
      if (!(marks['one']?.read && marks['two']?.read && marks['earlier']?.read)) lost.push(pair);
      expect(readdirSync(dir).filter((f) => f !== 'state.json')).toEqual([]);
    }
    expect(lost).toEqual([]);
  });

  it('takes over the lock of a writer that died holding it, at once', () => {
    const dir = tempDir('newsbridge-stale-');
    // A pid that is certainly gone: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid ?? 999_999;
    writeFileSync(path.join(dir, LOCK_FILE), `${hostname().replace(/\s/g, '_') || 'localhost'} ${dead} ${Date.now()} deadbeef\n`);
    const started = Date.now();
    saveStateSync(dir, withArticleRecord(emptyState(), '/lib', 'x', { read: true }, 1));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readState(dir).libraries['/lib']?.['x']?.read).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('takes over a lock older than ten seconds whoever holds it, and one with no owner line', () => {
    const dir = tempDir('newsbridge-stale-');
    writeFileSync(path.join(dir, LOCK_FILE), `otherhost 1 ${Date.now() - 60_000} cafebabe\n`);
    saveStateSync(dir, withArticleRecord(emptyState(), '/lib', 'x', { read: true }, 1));
    expect(readState(dir).libraries['/lib']?.['x']?.read).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('waits for a live writer and gives up after a bounded time, saying the state is busy', () => {
    const dir = tempDir('newsbridge-busy-');
    // Held by this very process on this host: alive, and young.
    writeFileSync(path.join(dir, LOCK_FILE), `${hostname().replace(/\s/g, '_') || 'localhost'} ${process.ppid} ${Date.now()} 0123456789ab\n`);
    const started = Date.now();
    expect(() => saveStateSync(dir, emptyState())).toThrow(expect.objectContaining({ code: 'EBUSY' }) as Error);
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});
