import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptLegacyState, appDir, legacyStateDir, stateDir } from '../../src/storage/app-dirs.js';
import { tempDir } from '../helpers/library.js';

const linux = { platform: 'linux' as const, home: '/home/ada' };
const mac = { platform: 'darwin' as const, home: '/Users/ada' };
const windows = { platform: 'win32' as const, home: 'C:\\Users\\ada' };

describe('the program folders', () => {
  it('follow XDG on Linux, with its defaults under the home folder', () => {
    expect(appDir('state', {}, linux)).toBe('/home/ada/.local/state/newsbridge');
    expect(appDir('cache', {}, linux)).toBe('/home/ada/.cache/newsbridge');
    expect(appDir('config', {}, linux)).toBe('/home/ada/.config/newsbridge');
    const xdg = { XDG_STATE_HOME: '/x/state', XDG_CACHE_HOME: '/x/cache', XDG_CONFIG_HOME: '/x/config' };
    expect(['state', 'cache', 'config'].map((k) => appDir(k as 'state', xdg, linux))).toEqual(['/x/state/newsbridge', '/x/cache/newsbridge', '/x/config/newsbridge']);
  });

  it('ignore a relative XDG variable, as the XDG rules say', () => {
    expect(appDir('state', { XDG_STATE_HOME: 'relative/state' }, linux)).toBe('/home/ada/.local/state/newsbridge');
  });

  it('are Application Support and Caches on macOS (never Logs), unless an XDG variable is set', () => {
    expect(appDir('state', {}, mac)).toBe('/Users/ada/Library/Application Support/newsbridge');
    expect(appDir('config', {}, mac)).toBe('/Users/ada/Library/Application Support/newsbridge');
    expect(appDir('cache', {}, mac)).toBe('/Users/ada/Library/Caches/newsbridge');
    expect(appDir('state', { XDG_STATE_HOME: '/Users/ada/.local/state' }, mac)).toBe('/Users/ada/.local/state/newsbridge');
  });

  it('are under LOCALAPPDATA (state, cache) and APPDATA (config) on Windows', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' };
    expect(appDir('state', env, windows)).toBe('C:\\Users\\ada\\AppData\\Local\\newsbridge\\State');
    expect(appDir('cache', env, windows)).toBe('C:\\Users\\ada\\AppData\\Local\\newsbridge\\Cache');
    expect(appDir('config', env, windows)).toBe('C:\\Users\\ada\\AppData\\Roaming\\newsbridge');
    expect(appDir('cache', {}, windows)).toBe('C:\\Users\\ada\\AppData\\Local\\newsbridge\\Cache');
  });

  it('take NEWSBRIDGE_STATE_DIR over everything', () => {
    expect(stateDir({ NEWSBRIDGE_STATE_DIR: '/elsewhere', XDG_STATE_HOME: '/x' }, linux)).toBe('/elsewhere');
  });
});

describe('state left by earlier versions', () => {
  it('was in the Logs folder on macOS and in Log on Windows; Linux already had the XDG folder', () => {
    expect(legacyStateDir({}, mac)).toBe('/Users/ada/Library/Logs/newsbridge');
    expect(legacyStateDir({ LOCALAPPDATA: 'D:\\Local' }, windows)).toBe('D:\\Local\\newsbridge\\Log');
    expect(legacyStateDir({}, linux)).toBeNull();
  });

  it('is moved into the new folder once, with its set-aside copies, and never over newer state', () => {
    const home = tempDir();
    const old = path.join(home, 'Library', 'Logs', 'newsbridge');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'state.json'), '{"old":true}');
    writeFileSync(path.join(old, 'state.json.corrupt-2026'), 'x');
    const dir = stateDir({}, { platform: 'darwin', home });
    expect(dir).toBe(path.join(home, 'Library', 'Application Support', 'newsbridge'));
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe('{"old":true}');
    expect(existsSync(path.join(dir, 'state.json.corrupt-2026'))).toBe(true);
    expect(existsSync(old)).toBe(false);

    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'state.json'), '{"older":true}');
    expect(adoptLegacyState(old, dir)).toBe(false);
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe('{"old":true}');
    expect(existsSync(path.join(old, 'state.json'))).toBe(true);
  });
});
