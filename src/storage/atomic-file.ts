/** Writing a file so that readers see either the old or the new content, never half of it. */
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** A temporary file's name next to `file`, its folder made. */
function tempFor(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

function removeQuietly(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // Nothing to clean up.
  }
}

/** Writes `text` to a temporary file next to `file`, then renames it into place (private to the user unless `mode` says otherwise). */
export async function writeFileAtomic(file: string, text: string, mode = 0o600): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { mode });
    await rename(temp, file);
  } catch (cause) {
    await unlink(temp).catch(() => undefined);
    throw cause;
  }
}

/** Synchronous twin of writeFileAtomic, for exit handlers. */
export function writeFileAtomicSync(file: string, text: string): void {
  const temp = tempFor(file);
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch (cause) {
    removeQuietly(temp);
    throw cause;
  }
}

/**
 * writeFileAtomicSync for a large file made of many pieces: each piece is written as it
 * comes, so the whole text never has to exist as one string.
 */
export function writeLinesAtomicSync(file: string, pieces: Iterable<string>): void {
  const temp = tempFor(file);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (cause) {
    removeQuietly(temp);
    throw cause;
  }
}

/**
 * writeLinesAtomicSync for pieces that come over time (a long rewrite that gives the event loop
 * back between its slices): if the process ends before they are all written, the temporary
 * file is removed on the way out. `keepIf`, asked once all is written, can still say no (the
 * file is then left as it is, and the result is false).
 */
export async function writeLinesAtomic(file: string, pieces: AsyncIterable<string>, options: { keepIf?: () => boolean } = {}): Promise<boolean> {
  const temp = tempFor(file);
  const removeTemp = () => removeQuietly(temp);
  process.once('exit', removeTemp);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      for await (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    if (options.keepIf && !options.keepIf()) {
      removeTemp();
      return false;
    }
    renameSync(temp, file);
    return true;
  } catch (cause) {
    removeTemp();
    throw cause;
  } finally {
    process.removeListener('exit', removeTemp);
  }
}
