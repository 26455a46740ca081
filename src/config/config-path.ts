/** Where config.yaml is: $NEWSBRIDGE_CONFIG, else $XDG_CONFIG_HOME/newsbridge, else the platform's config folder. */
import envPaths from 'env-paths';
import path from 'node:path';

export const CONFIG_NAME = 'config.yaml';

/**
 * The config file's path. XDG_CONFIG_HOME is honoured on every platform where it is set
 * (env-paths only does so on Linux, and only from process.env); elsewhere env-paths'
 * `config` folder: ~/.config/newsbridge, ~/Library/Preferences/newsbridge, %APPDATA%\newsbridge\Config.
 */
export function configPath(env: NodeJS.ProcessEnv): string {
  const chosen = env['NEWSBRIDGE_CONFIG'];
  if (chosen) return path.resolve(chosen);
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'newsbridge', CONFIG_NAME);
  return path.join(envPaths('newsbridge', { suffix: '' }).config, CONFIG_NAME);
}
