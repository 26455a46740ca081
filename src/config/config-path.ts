/** Where config.yaml is: $NEWSBRIDGE_CONFIG, else the platform's config folder (see appDir). */
import path from 'node:path';
import { appDir } from '../storage/app-dirs.js';

export const CONFIG_NAME = 'config.yaml';

/**
 * The config file's path: $NEWSBRIDGE_CONFIG, else $XDG_CONFIG_HOME/newsbridge wherever that
 * is set, else ~/.config/newsbridge, ~/Library/Application Support/newsbridge or
 * %APPDATA%\newsbridge (the same rules as the state and cache folders).
 */
export function configPath(env: NodeJS.ProcessEnv): string {
  const chosen = env['NEWSBRIDGE_CONFIG'];
  if (chosen) return path.resolve(chosen);
  return path.join(appDir('config', env), CONFIG_NAME);
}
