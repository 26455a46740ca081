/**
 * Per-user fetch state of each feed: the validators of the last answer (ETag, Last-Modified),
 * when it was last refreshed, its last error, and how long to leave it alone.
 *
 * It lives in the XDG state directory (`feeds.json`, keyed by the library's real path), not in
 * the library: it describes one person's conversation with the servers, not the library's
 * content. A library shared by a team (a synced or versioned folder) would otherwise change on
 * every refresh of every member, and merging two members' validators means nothing. Losing it
 * costs one full download per feed and never an article: which items a library holds is read
 * from the articles themselves (their `feed` and `guid` fields).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file.js';

export interface FeedFetchState {
  etag?: string;
  lastModified?: string;
  /** ISO time of the last refresh attempt, and of the last one that reached the feed. */
  lastRefresh?: string;
  lastSuccess?: string;
  /** The last failure, as one line (absent after a success). */
  lastError?: string;
  /** Failures in a row. */
  failures: number;
  /** ms since the epoch before which the server asked not to be asked again (Retry-After). */
  retryAt?: number;
  /** ms since the epoch of the last change, for merging with another process's writes. */
  updated: number;
}

interface StateFile {
  version: 1;
  libraries: Record<string, Record<string, FeedFetchState>>;
}

export const FETCH_STATE_FILE = 'feeds.json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function parseFeedState(v: unknown): FeedFetchState | null {
  if (!isObject(v)) return null;
  const out: FeedFetchState = { failures: num(v['failures']) ?? 0, updated: num(v['updated']) ?? 0 };
  for (const key of ['etag', 'lastModified', 'lastRefresh', 'lastSuccess', 'lastError'] as const) {
    const value = str(v[key]);
    if (value !== undefined) out[key] = value;
  }
  const retryAt = num(v['retryAt']);
  if (retryAt !== undefined) out.retryAt = retryAt;
  return out;
}

function parseFile(json: unknown): StateFile {
  const out: StateFile = { version: 1, libraries: {} };
  if (!isObject(json) || json['version'] !== 1 || !isObject(json['libraries'])) return out;
  for (const [library, feeds] of Object.entries(json['libraries'])) {
    if (!isObject(feeds)) continue;
    const records: Record<string, FeedFetchState> = {};
    for (const [url, record] of Object.entries(feeds)) {
      const parsed = parseFeedState(record);
      // defineProperty: a URL key can never reach the prototype.
      if (parsed) Object.defineProperty(records, url, { value: parsed, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(out.libraries, library, { value: records, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

async function readStateFile(dir: string): Promise<StateFile> {
  try {
    return parseFile(JSON.parse(await readFile(path.join(dir, FETCH_STATE_FILE), 'utf8')));
  } catch {
    // Missing or unreadable: it only saves downloads, so start without.
    return { version: 1, libraries: {} };
  }
}

/** The fetch state of every feed of one library (feed URL → state). */
export async function loadFetchStates(stateDir: string, library: string): Promise<Map<string, FeedFetchState>> {
  const file = await readStateFile(stateDir);
  return new Map(Object.entries(file.libraries[library] ?? {}));
}

/** The state of one feed (a fresh one when there is none). */
export function stateOf(states: ReadonlyMap<string, FeedFetchState>, url: string): FeedFetchState {
  return states.get(url) ?? { failures: 0, updated: 0 };
}

/**
 * Records one feed's state, merged with whatever another process wrote meanwhile (per feed, the
 * newer record wins), atomically.
 */
export function saveFetchState(stateDir: string, library: string, url: string, state: FeedFetchState): Promise<void> {
  // Feeds finish concurrently: their read–merge–write turns must not overlap within this process.
  const turn = saving.then(() => writeOne(stateDir, library, url, state));
  saving = turn.catch(() => undefined);
  return turn;
}

let saving: Promise<void> = Promise.resolve();

async function writeOne(stateDir: string, library: string, url: string, state: FeedFetchState): Promise<void> {
  const file = await readStateFile(stateDir);
  const feeds = { ...(file.libraries[library] ?? {}) };
  const other = feeds[url];
  if (!other || other.updated <= state.updated) Object.defineProperty(feeds, url, { value: state, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(file.libraries, library, { value: feeds, enumerable: true, writable: true, configurable: true });
  await writeFileAtomic(path.join(stateDir, FETCH_STATE_FILE), `${JSON.stringify(file, null, 1)}\n`);
}
