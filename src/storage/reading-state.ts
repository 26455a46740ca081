/**
 * What the reader remembers between runs: preferences, and per article the
 * read mark and the position. Stored as JSON in the XDG state directory,
 * written atomically and merged with what another reader wrote meanwhile.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { errorReason } from '../i18n/error-reason.js';
import { createTranslator, type Translate } from '../i18n/translate.js';
import { showControls } from '../text/sanitize.js';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file.js';
import { processAlive } from './owner.js';
import { withLock, withLockSync } from './state-lock.js';

export type View = 'both' | 'de' | 'en';

export interface ArticleRecord {
  read: boolean;
  position?: { paragraph: number; unit: number };
  /** Milliseconds since the epoch of the last change, for merging. */
  updated: number;
}

export interface Preferences {
  view?: View;
  learner?: boolean;
  panelOpen?: boolean;
  unit?: 'sentence' | 'paragraph';
  uiLanguage?: 'en' | 'de';
  updated: number;
}

export interface StoredState {
  version: 1;
  preferences: Preferences;
  /** Library folder (real path) → article id → record. */
  libraries: Record<string, Record<string, ArticleRecord>>;
}

// Checked by hand rather than with zod: this file is read before the first
// frame, and zod is kept off that path (it is large to load).
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

function parseRecord(v: unknown): ArticleRecord | null {
  if (!isObject(v)) return null;
  const out: ArticleRecord = { read: v['read'] === true, updated: typeof v['updated'] === 'number' ? v['updated'] : 0 };
  const p = v['position'];
  if (p !== undefined) {
    if (!isObject(p) || !isCount(p['paragraph']) || !isCount(p['unit'])) return null;
    out.position = { paragraph: p['paragraph'], unit: p['unit'] };
  }
  return out;
}

/** The state in `json`, or null when it is not a state file this program wrote. */
export function parseStoredState(json: unknown): StoredState | null {
  if (!isObject(json) || json['version'] !== 1) return null;
  const prefs = json['preferences'] ?? {};
  if (!isObject(prefs)) return null;
  const preferences: Preferences = { updated: typeof prefs['updated'] === 'number' ? prefs['updated'] : 0 };
  if (oneOf(prefs['view'], ['both', 'de', 'en'] as const)) preferences.view = prefs['view'];
  if (typeof prefs['learner'] === 'boolean') preferences.learner = prefs['learner'];
  if (typeof prefs['panelOpen'] === 'boolean') preferences.panelOpen = prefs['panelOpen'];
  if (oneOf(prefs['unit'], ['sentence', 'paragraph'] as const)) preferences.unit = prefs['unit'];
  if (oneOf(prefs['uiLanguage'], ['en', 'de'] as const)) preferences.uiLanguage = prefs['uiLanguage'];
  const libs = json['libraries'] ?? {};
  if (!isObject(libs)) return null;
  const libraries: StoredState['libraries'] = {};
  for (const [lib, articles] of Object.entries(libs)) {
    if (!isObject(articles)) return null;
    const records: Record<string, ArticleRecord> = {};
    for (const [id, record] of Object.entries(articles)) {
      const parsed = parseRecord(record);
      if (!parsed) return null;
      Object.defineProperty(records, id, { value: parsed, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(libraries, lib, { value: records, enumerable: true, writable: true, configurable: true });
  }
  return { version: 1, preferences, libraries };
}

export const STATE_FILE = 'state.json';
/** Held while a writer reads, merges and renames (see state-lock.ts). */
export const LOCK_FILE = 'state.json.lock';

export function emptyState(): StoredState {
  return { version: 1, preferences: { updated: 0 }, libraries: {} };
}

export interface LoadedState {
  state: StoredState;
  /** One-line warning to show the user (e.g. a corrupt file was set aside); safe to print. */
  warning?: string;
}

// The state folder comes from the environment (XDG_STATE_HOME, NEWSBRIDGE_STATE_DIR, HOME):
// whatever it holds is shown with its controls made visible, never passed to the terminal.
const shown = (file: string) => showControls(file);

let english: Translate | null = null;
const translator = (t?: Translate) => t ?? (english ??= createTranslator('en'));

/** Reads the state file; a corrupt one is renamed to `state.json.corrupt-<time>` and replaced by an empty state. */
export async function loadState(dir: string, now = Date.now(), t?: Translate): Promise<LoadedState> {
  const file = path.join(dir, STATE_FILE);
  removeStaleTemporaries(dir, now);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: emptyState() };
    const tr = translator(t);
    return { state: emptyState(), warning: tr('safety.state.unreadable', { file: shown(file), reason: errorReason(cause, tr) }) };
  }
  let parsed: StoredState | null = null;
  try {
    parsed = parseStoredState(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed) return { state: parsed };
  const aside = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  const tr = translator(t);
  try {
    await rename(file, aside);
  } catch (cause) {
    return { state: emptyState(), warning: tr('safety.state.corruptKept', { file: shown(file), reason: errorReason(cause, tr) }) };
  }
  return { state: emptyState(), warning: tr('safety.state.corrupt', { file: shown(file), aside: shown(path.basename(aside)) }) };
}

/**
 * Temporary files of writers that died before their rename (`kill -9`): removed once their
 * process is gone, or after an hour whatever the host. The lock's own leftovers go too.
 */
function removeStaleTemporaries(dir: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const temp = /^state\.json\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    const stale = /^state\.json\.lock\.stale-/.test(name);
    if (!temp && !stale) continue;
    const file = path.join(dir, name);
    try {
      const old = now - statSync(file).mtimeMs > 3_600_000;
      if (old || (temp && !processAlive(Number(temp[1])))) unlinkSync(file);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
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

/**
 * Writes `state`, merged with whatever is on disk now, atomically and holding the state lock,
 * so that another reader writing at the same moment loses nothing. Returns what was written;
 * throws the file-system error when it cannot write (the caller keeps `state`).
 */
export async function saveState(dir: string, state: StoredState): Promise<StoredState> {
  await mkdir(dir, { recursive: true });
  return withLock(path.join(dir, LOCK_FILE), async () => {
    const onDisk = await loadStateQuietly(dir);
    const merged = mergeStates(onDisk, state);
    await writeFileAtomic(path.join(dir, STATE_FILE), `${JSON.stringify(merged, null, 1)}\n`);
    return merged;
  });
}

async function loadStateQuietly(dir: string): Promise<StoredState> {
  try {
    return parseStoredState(JSON.parse(await readFile(path.join(dir, STATE_FILE), 'utf8'))) ?? emptyState();
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
export function saveStateSync(dir: string, state: StoredState): StoredState {
  mkdirSync(dir, { recursive: true });
  return withLockSync(path.join(dir, LOCK_FILE), () => {
    let onDisk = emptyState();
    try {
      onDisk = parseStoredState(JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8'))) ?? onDisk;
    } catch {
      // Missing or unreadable: nothing to merge with.
    }
    const merged = mergeStates(onDisk, state);
    writeFileAtomicSync(path.join(dir, STATE_FILE), `${JSON.stringify(merged, null, 1)}\n`);
    return merged;
  });
}
