/**
 * Where the program keeps its own files: the XDG base directories on Linux
 * (and wherever an XDG variable is set), the platform's folders elsewhere.
 *
 * Written here rather than with env-paths: env-paths has no state folder (its
 * `log` folder is ~/Library/Logs on macOS) and ignores XDG variables that a
 * user sets on macOS or Windows.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_ID } from './build-id.js';

const NAME = 'newsbridge';

/** The kinds of folder the program uses. */
export type AppDirKind = 'state' | 'cache' | 'config';

/** The platform to place folders for; tests pass another one. */
export interface PlatformInfo {
  platform: NodeJS.Platform;
  home: string;
}

const XDG: Record<AppDirKind, { variable: string; fallback: string[] }> = {
  state: { variable: 'XDG_STATE_HOME', fallback: ['.local', 'state'] },
  cache: { variable: 'XDG_CACHE_HOME', fallback: ['.cache'] },
  config: { variable: 'XDG_CONFIG_HOME', fallback: ['.config'] },
};

const here = (): PlatformInfo => ({ platform: process.platform, home: os.homedir() });

/**
 * The folder of one kind for this program, before any NEWSBRIDGE_* override:
 * $XDG_*_HOME/newsbridge when that variable holds an absolute path (the XDG
 * rule: a relative one is ignored); else ~/Library/Application Support (state,
 * config) or ~/Library/Caches on macOS; %LOCALAPPDATA% (state, cache) or
 * %APPDATA% (config) on Windows; the XDG defaults under the home folder otherwise.
 */
export function appDir(kind: AppDirKind, env: NodeJS.ProcessEnv = process.env, where: PlatformInfo = here()): string {
  const { platform, home } = where;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const xdg = env[XDG[kind].variable];
  if (xdg && p.isAbsolute(xdg)) return p.join(xdg, NAME);
  if (platform === 'darwin') return p.join(home, 'Library', kind === 'cache' ? 'Caches' : 'Application Support', NAME);
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'] || p.join(home, 'AppData', 'Local');
    const roaming = env['APPDATA'] || p.join(home, 'AppData', 'Roaming');
    return kind === 'config' ? p.join(roaming, NAME) : p.join(local, NAME, kind === 'cache' ? 'Cache' : 'State');
  }
  return p.join(home, ...XDG[kind].fallback, NAME);
}

/** Where earlier versions kept the reading state (env-paths' `log` folder), where that differs from appDir's. */
export function legacyStateDir(env: NodeJS.ProcessEnv = process.env, where: PlatformInfo = here()): string | null {
  if (where.platform === 'darwin') return path.posix.join(where.home, 'Library', 'Logs', NAME);
  if (where.platform === 'win32') return path.win32.join(env['LOCALAPPDATA'] || path.win32.join(where.home, 'AppData', 'Local'), NAME, 'Log');
  return null;
}

/**
 * Moves the reading state from the old folder into the new one, once: only
 * when the new folder has no state yet. A failure leaves the old files where
 * they were (the reader then starts fresh; nothing is lost).
 */
export function adoptLegacyState(from: string, to: string): boolean {
  if (from === to || existsSync(path.join(to, 'state.json')) || !existsSync(path.join(from, 'state.json'))) return false;
  try {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      if (name.startsWith('state.json')) renameSync(path.join(from, name), path.join(to, name));
    }
    try {
      rmdirSync(from);
    } catch {
      // Not empty (something else lives there): left as it is.
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Reading state (read marks, positions, preferences): NEWSBRIDGE_STATE_DIR, else
 * the platform's state folder (see appDir). State left by an older version in
 * env-paths' log folder (macOS, Windows) is moved here the first time.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env, where: PlatformInfo = here()): string {
  if (env['NEWSBRIDGE_STATE_DIR']) return env['NEWSBRIDGE_STATE_DIR'];
  const dir = appDir('state', env, where);
  const legacy = env['XDG_STATE_HOME'] ? null : legacyStateDir(env, where);
  if (legacy) adoptLegacyState(legacy, dir);
  return dir;
}

/**
 * Caches (library index, validate results, compiled code) live in the
 * platform's cache folder; NEWSBRIDGE_CACHE_DIR overrides it. Run from source
 * (no build id), nothing is cached unless that variable asks for it: code
 * changes would go unnoticed.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, where?: PlatformInfo): string | null {
  if (env['NEWSBRIDGE_CACHE_DIR']) return env['NEWSBRIDGE_CACHE_DIR'];
  return BUILD_ID === null ? null : appDir('cache', env, where);
}

/**
 * Where machine drafts are cached: NEWSBRIDGE_CACHE_DIR, else the cache directory, also when
 * run from source (a draft costs money and does not depend on the code that asked for it).
 */
export function draftCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NEWSBRIDGE_CACHE_DIR'] || appDir('cache', env);
}
