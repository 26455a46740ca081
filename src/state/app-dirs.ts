/** Where the program keeps its own files (XDG base directories via env-paths). */
import envPaths from 'env-paths';

const paths = () => envPaths('newsbridge', { suffix: '' });

/**
 * Reading state lives in the XDG state directory. env-paths calls it `log`
 * ($XDG_STATE_HOME/newsbridge on Linux). NEWSBRIDGE_STATE_DIR overrides it.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NEWSBRIDGE_STATE_DIR'] || paths().log;
}

/** The index cache lives in the XDG cache directory; NEWSBRIDGE_CACHE_DIR overrides it. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NEWSBRIDGE_CACHE_DIR'] || paths().cache;
}
