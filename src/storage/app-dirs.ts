/** Where the program keeps its own files (XDG base directories via env-paths). */
import envPaths from 'env-paths';
import { BUILD_ID } from './build-id.js';

const paths = () => envPaths('newsbridge', { suffix: '' });

/**
 * Reading state lives in the XDG state directory. env-paths calls it `log`
 * ($XDG_STATE_HOME/newsbridge on Linux). NEWSBRIDGE_STATE_DIR overrides it.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NEWSBRIDGE_STATE_DIR'] || paths().log;
}

/**
 * Caches (library index, validate results) live in the XDG cache directory;
 * NEWSBRIDGE_CACHE_DIR overrides it. Run from source (no build id), nothing is
 * cached unless that variable asks for it: code changes would go unnoticed.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env['NEWSBRIDGE_CACHE_DIR']) return env['NEWSBRIDGE_CACHE_DIR'];
  return BUILD_ID === null ? null : paths().cache;
}

/**
 * Where machine drafts are cached: NEWSBRIDGE_CACHE_DIR, else the cache directory, also when
 * run from source (a draft costs money and does not depend on the code that asked for it).
 */
export function draftCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NEWSBRIDGE_CACHE_DIR'] || paths().cache;
}
