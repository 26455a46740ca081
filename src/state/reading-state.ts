/**
 * What the reader remembers between runs: preferences, and per article the
 * read mark and the position. Stored as JSON in the XDG state directory,
 * written atomically and merged with what another reader wrote meanwhile.
 */
import { readFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file.js';

const position = z.object({ paragraph: z.int().min(0), unit: z.int().min(0) });

const articleRecord = z.object({
  read: z.boolean().default(false),
  position: position.optional(),
  /** Milliseconds since the epoch of the last change, for merging. */
  updated: z.number().default(0),
});

const storedState = z.object({
  version: z.literal(1),
  preferences: z
    .object({
      view: z.enum(['both', 'de', 'en']).optional(),
      learner: z.boolean().optional(),
      panelOpen: z.boolean().optional(),
      unit: z.enum(['sentence', 'paragraph']).optional(),
      uiLanguage: z.enum(['en', 'de']).optional(),
      updated: z.number().default(0),
    })
    .default({ updated: 0 }),
  /** Library folder (real path) → article id → record. */
  libraries: z.record(z.string(), z.record(z.string(), articleRecord)).default({}),
});

export type StoredState = z.infer<typeof storedState>;
export type ArticleRecord = z.infer<typeof articleRecord>;
export type Preferences = StoredState['preferences'];

export const STATE_FILE = 'state.json';

export function emptyState(): StoredState {
  return { version: 1, preferences: { updated: 0 }, libraries: {} };
}

export interface LoadedState {
  state: StoredState;
  /** One-line warning to show the user (e.g. a corrupt file was set aside). */
  warning?: string;
}

/** Reads the state file; a corrupt one is renamed to `state.json.corrupt-<time>` and replaced by an empty state. */
export async function loadState(dir: string, now = Date.now()): Promise<LoadedState> {
  const file = path.join(dir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: emptyState() };
    return { state: emptyState(), warning: `cannot read ${file} (${code ?? 'error'}); starting with a clean state` };
  }
  let parsed: StoredState | null = null;
  try {
    const result = storedState.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    parsed = null;
  }
  if (parsed) return { state: parsed };
  const aside = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
  } catch {
    return { state: emptyState(), warning: `${file} is corrupt and could not be set aside; starting clean` };
  }
  return { state: emptyState(), warning: `${file} was corrupt; set aside as ${path.basename(aside)}, starting clean` };
}

/** Combines two states: per article the newer record wins, read marks are never lost. */
export function mergeStates(base: StoredState, mine: StoredState): StoredState {
  const libraries: StoredState['libraries'] = { ...base.libraries };
  for (const [lib, articles] of Object.entries(mine.libraries)) {
    const merged = { ...(libraries[lib] ?? {}) };
    for (const [id, record] of Object.entries(articles)) {
      const other = merged[id];
      if (!other) merged[id] = record;
      else {
        const newer = record.updated >= other.updated ? record : other;
        merged[id] = { ...newer, read: record.read || other.read };
      }
    }
    libraries[lib] = merged;
  }
  const preferences = mine.preferences.updated >= base.preferences.updated ? mine.preferences : base.preferences;
  return { version: 1, preferences, libraries };
}

/** Writes `state`, merged with whatever is on disk now, atomically. Returns what was written. */
export async function saveState(dir: string, state: StoredState): Promise<StoredState> {
  const onDisk = await loadStateQuietly(dir);
  const merged = mergeStates(onDisk, state);
  await writeFileAtomic(path.join(dir, STATE_FILE), `${JSON.stringify(merged, null, 1)}\n`);
  return merged;
}

async function loadStateQuietly(dir: string): Promise<StoredState> {
  try {
    const result = storedState.safeParse(JSON.parse(await readFile(path.join(dir, STATE_FILE), 'utf8')));
    return result.success ? result.data : emptyState();
  } catch {
    return emptyState();
  }
}

/** The record of one article (a fresh one when there is none). */
export function articleRecordOf(state: StoredState, library: string, id: string): ArticleRecord {
  return state.libraries[library]?.[id] ?? { read: false, updated: 0 };
}

/** A copy of `state` with one article's record changed. */
export function withArticleRecord(
  state: StoredState,
  library: string,
  id: string,
  change: Partial<ArticleRecord>,
  now = Date.now(),
): StoredState {
  const articles = { ...(state.libraries[library] ?? {}) };
  articles[id] = { ...articleRecordOf(state, library, id), ...change, updated: now };
  return { ...state, libraries: { ...state.libraries, [library]: articles } };
}

/** A copy of `state` with preferences changed. */
export function withPreferences(state: StoredState, change: Partial<Preferences>, now = Date.now()): StoredState {
  return { ...state, preferences: { ...state.preferences, ...change, updated: now } };
}

/** The same as saveState, synchronously: for the last write while the process exits. */
export function saveStateSync(dir: string, state: StoredState): void {
  let onDisk = emptyState();
  try {
    const result = storedState.safeParse(JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8')));
    if (result.success) onDisk = result.data;
  } catch {
    // Missing or unreadable: nothing to merge with.
  }
  writeFileAtomicSync(path.join(dir, STATE_FILE), `${JSON.stringify(mergeStates(onDisk, state), null, 1)}\n`);
}
