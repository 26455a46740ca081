/** Who holds a lock or an unfinished job: this host's name and a process id, and whether it still runs. */
import { hostname } from 'node:os';

/** This host's name without blanks (it is written in space-separated records). */
export const hostName = (): string => hostname().replace(/\s/g, '_') || 'localhost';

/** True while process `pid` exists on this host (EPERM: it exists but is someone else's). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the job of `owner` is certainly over: its process is gone on this host, or, on
 * another host (a shared folder), it began more than `graceMs` ago.
 */
export function ownerGone(owner: { host: string; pid: number; time: number }, now: number, graceMs: number): boolean {
  if (owner.host === hostName()) return owner.pid !== process.pid && !processAlive(owner.pid);
  return now - owner.time > graceMs;
}
