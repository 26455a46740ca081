/**
 * Replacing several files of one folder so that a crash at any moment (kill -9, power loss
 * between two renames) can be finished or undone by the next program that opens the folder's
 * library. A journal written before the first byte names every temporary file and backup;
 * recoverReplacements() reads the journals left by dead processes and completes their work:
 *
 * - journal "writing": new files were still being written, nothing renamed → temporaries removed;
 * - journal "ready": every new file was complete → the renames are finished (old files kept as
 *   their backups), so no side ends up with neither the old nor the new text.
 *
 * Temporary files are created exclusively (O_EXCL), so a link planted under their name is never
 * followed; renames replace names, never what a link points to.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { hostName, ownerGone } from './owner.js';

/** Hidden folder in the library (the loader skips dot-names) holding the journals. */
export const JOURNAL_DIR = '.newsbridge-journal';
/** A journal from another host is trusted to be abandoned after this long. */
const OTHER_HOST_GRACE_MS = 10 * 60_000;

interface Step {
  /** File name inside the folder. */
  name: string;
  temp: string;
  /** Name the present file is renamed to first, or null when there is nothing to keep. */
  backup: string | null;
}

interface Journal {
  version: 1;
  host: string;
  pid: number;
  time: number;
  /** Folder name inside the library. */
  folder: string;
  state: 'writing' | 'ready';
  steps: Step[];
}

export interface ReplaceOptions {
  /** Suffix of backup names: `<file>.replaced-<stamp>`. */
  stamp: string;
  /** Called between renaming a file to its backup and the new file into place (tests pause here). */
  betweenRenames?: () => Promise<void>;
  /** Called while the new files are being written, before any rename (tests pause here). */
  whileWriting?: () => Promise<void>;
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** True when `file` is a regular file holding exactly `text` (replacing it loses nothing). */
async function holds(file: string, text: string): Promise<boolean> {
  // lstat first: reading a named pipe would block, a link is not followed, a big file is not worth comparing.
  const info = await lstat(file);
  if (!info.isFile() || info.size !== Buffer.byteLength(text)) return false;
  return (await readFile(file, 'utf8')) === text;
}

async function backupName(file: string, stamp: string): Promise<string> {
  let backup = `${file}.replaced-${stamp}`;
  for (let n = 2; await exists(backup); n++) backup = `${file}.replaced-${stamp}-${n}`;
  return backup;
}

/**
 * Writes `files` (name → text) into `folder` (a real folder directly inside `root`). A file
 * that exists with other content is renamed to a backup first; returns those backups.
 */
export async function replaceFiles(
  root: string,
  folder: string,
  files: readonly { name: string; text: string }[],
  options: ReplaceOptions,
): Promise<{ file: string; backup: string }[]> {
  const journalDir = path.join(root, JOURNAL_DIR);
  await mkdir(journalDir, { recursive: true });
  const journalFile = path.join(journalDir, `${path.basename(folder)}.${process.pid}.${randomBytes(4).toString('hex')}.json`);
  const nonce = randomBytes(4).toString('hex');
  const steps: Step[] = files.map(({ name }) => ({ name, temp: `${name}.${process.pid}.${nonce}.tmp`, backup: null }));
  const journal: Journal = { version: 1, host: hostName(), pid: process.pid, time: Date.now(), folder: path.basename(folder), state: 'writing', steps };
  const at = (name: string) => path.join(folder, name);
  await writeFileAtomic(journalFile, JSON.stringify(journal));
  try {
    for (const [i, { text }] of files.entries()) {
      await writeFile(at(steps[i]!.temp), text, { encoding: 'utf8', flag: 'wx' });
      if (i === 0) await options.whileWriting?.();
    }
    for (const [i, { text }] of files.entries()) {
      const step = steps[i]!;
      if ((await exists(at(step.name))) && !(await holds(at(step.name), text))) step.backup = path.basename(await backupName(at(step.name), options.stamp));
    }
  } catch (cause) {
    await Promise.all(steps.map((s) => unlink(at(s.temp)).catch(() => undefined)));
    await unlink(journalFile).catch(() => undefined);
    throw cause;
  }
  // From here on the new texts are complete: an interruption is finished by the next run.
  await writeFileAtomic(journalFile, JSON.stringify({ ...journal, state: 'ready', steps }));
  const kept: { file: string; backup: string }[] = [];
  for (const step of steps) {
    if (step.backup) {
      await rename(at(step.name), at(step.backup));
      kept.push({ file: at(step.name), backup: at(step.backup) });
      await options.betweenRenames?.();
    }
    await rename(at(step.temp), at(step.name));
  }
  await unlink(journalFile);
  return kept;
}

function parseJournal(text: string): Journal | null {
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    const nameOk = (n: unknown): n is string => typeof n === 'string' && n !== '' && !n.includes('/') && !n.includes('\\') && n !== '.' && n !== '..';
    if (j.version !== 1 || (j.state !== 'writing' && j.state !== 'ready') || !nameOk(j.folder) || !Array.isArray(j.steps)) return null;
    if (typeof j.pid !== 'number' || typeof j.time !== 'number' || typeof j.host !== 'string') return null;
    if (!j.steps.every((s) => nameOk(s?.name) && nameOk(s?.temp) && (s?.backup === null || nameOk(s?.backup)))) return null;
    return j as Journal;
  } catch {
    return null;
  }
}

export interface Recovery {
  /** Folder names whose interrupted replacement was finished. */
  finished: string[];
  /** Folder names whose interrupted replacement was undone (the old files stay). */
  rolledBack: string[];
}

/**
 * Finishes or undoes the replacements that processes now gone left unfinished in `root` (a real
 * library folder), and removes their temporary files. Cheap when there is nothing to do: one
 * failed readdir. Never throws: a journal that cannot be acted on is left for the next run.
 */
export async function recoverReplacements(root: string, now = Date.now()): Promise<Recovery> {
  const out: Recovery = { finished: [], rolledBack: [] };
  const journalDir = path.join(root, JOURNAL_DIR);
  let names: string[];
  try {
    names = await readdir(journalDir);
  } catch {
    return out;
  }
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const journalFile = path.join(journalDir, name);
    try {
      const journal = parseJournal(await readFile(journalFile, 'utf8'));
      if (!journal) continue;
      if (!ownerGone(journal, now, OTHER_HOST_GRACE_MS)) continue;
      const folder = path.join(root, journal.folder);
      // Only a real folder of the library: never through a link.
      const info = await lstat(folder).catch(() => null);
      if (!info?.isDirectory()) {
        await unlink(journalFile);
        continue;
      }
      const at = (n: string) => path.join(folder, n);
      if (journal.state === 'writing') {
        for (const step of journal.steps) if ((await lstat(at(step.temp)).catch(() => null))?.isFile()) await unlink(at(step.temp));
        out.rolledBack.push(journal.folder);
      } else {
        for (const step of journal.steps) {
          if (!(await exists(at(step.temp)))) continue;
          if (step.backup && (await exists(at(step.name))) && !(await exists(at(step.backup)))) await rename(at(step.name), at(step.backup));
          await rename(at(step.temp), at(step.name));
        }
        out.finished.push(journal.folder);
      }
      await unlink(journalFile);
    } catch {
      // Left as it is: the next run tries again.
    }
  }
  return out;
}
