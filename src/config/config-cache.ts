/**
 * The checked settings of a config file, kept in the cache folder keyed by the file's size and
 * modification time: reading them back is one small JSON file, where checking the YAML again
 * would load the YAML parser and the schema (about 40 ms) before the reader's first frame.
 */
import { readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../storage/atomic-file.js';
import { BUILD_ID } from '../storage/build-id.js';
import type { Settings } from './settings.js';

interface CachedConfig {
  version: string;
  file: string;
  size: number;
  mtimeMs: number;
  home: string;
  settings: Settings;
}

const VERSION = `config-1:${BUILD_ID ?? 'dev'}`;
const cachePath = (cacheDir: string) => path.join(cacheDir, 'config.json');

/** The settings checked earlier for this very file (same size, time, build and home), else null. */
export function cachedSettings(cacheDir: string | null, file: string, stats: Stats, home: string): Settings | null {
  if (!cacheDir) return null;
  try {
    const data = JSON.parse(readFileSync(cachePath(cacheDir), 'utf8')) as Partial<CachedConfig>;
    const same = data.version === VERSION && data.file === file && data.size === stats.size && data.mtimeMs === stats.mtimeMs && data.home === home;
    return same && data.settings && typeof data.settings === 'object' ? data.settings : null;
  } catch {
    return null;
  }
}

/** Remembers a valid file's settings; failing to write only costs time next start. */
export function cacheSettings(cacheDir: string | null, file: string, stats: Stats, home: string, settings: Settings): void {
  if (!cacheDir) return;
  const data: CachedConfig = { version: VERSION, file, size: stats.size, mtimeMs: stats.mtimeMs, home, settings };
  try {
    writeFileAtomicSync(cachePath(cacheDir), JSON.stringify(data));
  } catch {
    // Read-only or full cache folder: carry on without.
  }
}
