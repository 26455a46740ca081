/**
 * Reading config.yaml. Without a file this costs one stat: the YAML parser and the schema
 * are loaded only when there is a file to check.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import { displayPath } from '../content/library-paths.js';
import { error, type Diagnostic } from '../content/diagnostic.js';
import { readTextFile } from '../content/read-file.js';
import { cacheDir } from '../storage/app-dirs.js';
import { cachedSettings, cacheSettings } from './config-cache.js';
import { configPath } from './config-path.js';
import { DEFAULT_SETTINGS, type LoadedConfig } from './settings.js';

const MAX_CONFIG_BYTES = 256 * 1024;

export type ConfigResult = { ok: true; config: LoadedConfig } | { ok: false; file: string; errors: Diagnostic[] };

/** The settings of the config file (defaults when there is none), or its problems with file and line. */
export async function loadConfig(env: NodeJS.ProcessEnv): Promise<ConfigResult> {
  const file = configPath(env);
  const shown = displayPath(file);
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) {
    // A file named on purpose that is not there is a mistake; the usual place may well be empty.
    if (env['NEWSBRIDGE_CONFIG']) return { ok: false, file, errors: [error(shown, 'file not found (named by NEWSBRIDGE_CONFIG)')] };
    return { ok: true, config: { file, exists: false, settings: DEFAULT_SETTINGS } };
  }
  if (stats.isFile() && stats.size > MAX_CONFIG_BYTES) return { ok: false, file, errors: [error(shown, `too large for a config file (over ${MAX_CONFIG_BYTES / 1024} kB)`)] };
  const home = env['HOME'] || os.homedir();
  const cache = cacheDir(env);
  const cached = stats.isFile() ? cachedSettings(cache, file, stats, home) : null;
  if (cached) return { ok: true, config: { file, exists: true, settings: cached } };
  const read = await readTextFile(file);
  if (!read.ok) return { ok: false, file, errors: [error(shown, read.message)] };
  const { parseConfig } = await import('./parse-config.js');
  const parsed = parseConfig(read.text, { shown, absolute: file, home });
  if (!parsed.ok) return { ok: false, file, errors: parsed.errors };
  cacheSettings(cache, file, stats, home, parsed.settings);
  return { ok: true, config: { file, exists: true, settings: parsed.settings } };
}
