/**
 * One refresh per library at a time: two at once could both find an item new and write it
 * twice. The lock is a hidden file in the library (the shared resource, seen by everyone who
 * uses it), holding the owner's host, pid and start time. A lock whose process is gone (same
 * host), or older than an hour (another host, where the pid cannot be checked), is stale.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostName, ownerGone } from '../storage/owner.js';

const LOCK_FILE = '.newsbridge-refresh.lock';
const STALE_MS = 60 * 60 * 1000;

/** Thrown when another refresh of the library is running. */
export class RefreshBusyError extends Error {
  constructor(readonly owner: { host: string; pid: number }) {
    super(`another refresh is running (${owner.host}, process ${owner.pid})`);
    this.name = 'RefreshBusyError';
  }
}

interface Owner {
  host: string;
  pid: number;
  started: number;
}

async function readOwner(file: string): Promise<Owner | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<Owner>;
    return typeof value.host === 'string' && typeof value.pid === 'number' && typeof value.started === 'number' ? (value as Owner) : null;
  } catch {
    return null;
  }
}

/** Takes the library's refresh lock; resolves with its release. */
export async function lockRefresh(library: string, now = Date.now()): Promise<() => Promise<void>> {
  const file = path.join(library, LOCK_FILE);
  const me: Owner = { host: hostName(), pid: process.pid, started: now };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const owner = await readOwner(file);
      // An unreadable lock is one being written this instant, or the leftover of a crash: only the latter is old.
      const stale = owner
        ? ownerGone({ host: owner.host, pid: owner.pid, time: owner.started }, now, STALE_MS)
        : now - ((await stat(file).catch(() => null))?.mtimeMs ?? now) > 10_000;
      if (!stale || attempt > 0) throw new RefreshBusyError(owner ?? { host: '?', pid: 0 });
      await rm(file, { force: true });
    }
  }
  throw new RefreshBusyError({ host: '?', pid: 0 });
}
