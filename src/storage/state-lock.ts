/**
 * A lock file beside the state file, so that readers exiting at the same moment (a terminal
 * closing several, SIGHUP) take turns at read–merge–rename and none loses the other's marks.
 *
 * Hand-written rather than proper-lockfile: the last write happens in an exit handler, where
 * only synchronous calls run, and proper-lockfile's lockSync cannot wait for a lock; its
 * staleness is judged by an mtime that a timer refreshes, which an exiting process cannot keep.
 * Here the lock names its owner (host and pid): a lock whose owner is gone on this host is stale
 * at once, any lock older than STALE_MS is stale everywhere (a state write takes milliseconds).
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostName, processAlive } from './owner.js';

/** A lock older than this is taken over whoever holds it. */
export const STALE_MS = 10_000;
/** How long a writer waits for the lock before it gives up (and keeps its state in memory). */
export const WAIT_MS = 3_000;

interface Owner {
  host: string;
  pid: number;
  time: number;
  nonce: string;
}

function parseOwner(text: string): Owner | null {
  const [host, pid, time, nonce] = text.trim().split(' ');
  if (host === undefined || nonce === undefined || !/^\d+$/.test(pid ?? '') || !/^\d+$/.test(time ?? '')) return null;
  return { host, pid: Number(pid), time: Number(time), nonce };
}

/** True when the lock `file` (holding `text`) may be taken over. */
function isStale(file: string, text: string, now: number): boolean {
  const owner = parseOwner(text);
  // No owner line yet: being written this instant, or its writer died right after creating it.
  if (!owner) {
    try {
      return now - statSync(file).mtimeMs > STALE_MS;
    } catch {
      return false;
    }
  }
  if (now - owner.time > STALE_MS) return true;
  return owner.host === hostName() && owner.pid !== process.pid && !processAlive(owner.pid);
}

/** One attempt: a held lock's release function, or 'busy'; other file-system errors are thrown. */
function tryLock(file: string, now: number): (() => void) | 'busy' {
  const nonce = randomBytes(6).toString('hex');
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    breakIfStale(file, now);
    return 'busy';
  }
  try {
    writeSync(fd, `${hostName()} ${process.pid} ${now} ${nonce}\n`);
  } finally {
    closeSync(fd);
  }
  return () => {
    // Remove it only while it is still ours (it may have been taken over as stale).
    try {
      if (parseOwner(readFileSync(file, 'utf8'))?.nonce === nonce) unlinkSync(file);
    } catch {
      // Gone already.
    }
  };
}

/**
 * Takes a stale lock away: renamed to a name of our own first (of several processes breaking
 * it, one wins the rename), then compared with the lock judged stale; a fresh lock caught by
 * mistake is linked back under its name (atomically, and only if no newer one is there).
 */
function breakIfStale(file: string, now: number): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  if (!isStale(file, text, now)) return;
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  try {
    if (readFileSync(aside, 'utf8') !== text) linkSync(aside, file);
  } catch {
    // A newer lock is in place: the one caught was released meanwhile, or is lost to its owner.
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // Already gone.
    }
  }
}

/** Thrown when the lock stays held by a live writer for longer than WAIT_MS. */
export class LockBusyError extends Error {
  readonly code = 'EBUSY';
  constructor(file: string) {
    super(`${file} is held by another writer`);
    this.name = 'LockBusyError';
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `work` holding the lock `file`, waiting for it (blocking: for exit handlers). */
export function withLockSync<T>(file: string, work: () => T, clock: () => number = Date.now): T {
  const started = clock();
  for (let attempt = 0; ; attempt++) {
    const got = tryLock(file, clock());
    if (got !== 'busy') {
      try {
        return work();
      } finally {
        got();
      }
    }
    if (clock() - started > WAIT_MS) throw new LockBusyError(file);
    sleepSync(Math.min(50, 2 + attempt * 3 + Math.random() * 5));
  }
}

/** Runs `work` holding the lock `file`, waiting for it without blocking the event loop. */
export async function withLock<T>(file: string, work: () => Promise<T>, clock: () => number = Date.now): Promise<T> {
  const started = clock();
  for (let attempt = 0; ; attempt++) {
    const got = tryLock(file, clock());
    if (got !== 'busy') {
      try {
        return await work();
      } finally {
        got();
      }
    }
    if (clock() - started > WAIT_MS) throw new LockBusyError(file);
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 3 + Math.random() * 5)));
  }
}
