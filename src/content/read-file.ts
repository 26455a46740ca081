/**
 * Reading a library file defensively: refuse files that are too large, not
 * regular, binary, or that resolve (through symlinks) outside the library.
 */
import { constants } from 'node:fs';
import { closeSync, openSync, readSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Largest file the program reads from a library. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; missing: boolean; message: string };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** True when `child` is `parent` or lies inside it (both already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Reads `file` as UTF-8 (invalid bytes become U+FFFD). `root` is the resolved
 * library folder; a file whose real path leaves it is refused. With `limit`,
 * only the first `limit` bytes are read (enough for front matter).
 */
export async function readLibraryFile(
  file: string,
  root: string,
  limit?: number,
): Promise<ReadResult> {
  let real: string;
  try {
    // Always resolve: the article folder itself may be a link leaving the library.
    real = await realpath(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'file not found' };
    if (code === 'ELOOP') return { ok: false, missing: false, message: 'symbolic link loop' };
    return { ok: false, missing: false, message: `cannot read (${code ?? 'unknown error'})` };
  }
  if (!isInside(root, real)) {
    return { ok: false, missing: false, message: 'is a link that leaves the library; refused' };
  }
  return readTextFile(real, limit);
}

/**
 * Reads a text file the user named (or a library file already checked): only
 * regular files (a named pipe would block), at most MAX_FILE_BYTES, no NUL bytes.
 */
export async function readTextFile(real: string, limit?: number): Promise<ReadResult> {
  let handle;
  try {
    // Non-blocking: opening a named pipe for reading would otherwise wait for a
    // writer forever (and hold a libuv thread). The stat below refuses it.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'file not found (broken link)' };
    return { ok: false, missing: false, message: `cannot read (${code ?? 'unknown error'})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, missing: false, message: 'is not a regular file' };
    if (info.size > MAX_FILE_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return { ok: false, missing: false, message: `is ${mb} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused` };
    }
    const want = limit === undefined ? info.size : Math.min(limit, info.size);
    const buffer = Buffer.alloc(want);
    const { bytesRead } = await handle.read(buffer, 0, want, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return { ok: false, missing: false, message: 'is a binary file, not text' };
    return { ok: true, text: decoder.decode(bytes) };
  } finally {
    await handle.close();
  }
}

/**
 * The fast path for listing: a file already known (by lstat, in a folder that
 * is not a link) to be a regular file inside the library, read synchronously.
 * Thousands of small reads finish far sooner this way than through promises.
 */
export function readRegularFileSync(file: string, size: number, limit: number, buffer: Buffer): ReadResult {
  if (size > MAX_FILE_BYTES) {
    return { ok: false, missing: false, message: `is ${(size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused` };
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', message: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'unknown error'})` };
  }
  try {
    const want = Math.min(limit, size, buffer.length);
    const bytesRead = readSync(fd, buffer, 0, want, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return { ok: false, missing: false, message: 'is a binary file, not text' };
    return { ok: true, text: decoder.decode(bytes) };
  } finally {
    closeSync(fd);
  }
}
