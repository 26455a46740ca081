import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCommand, editorCommand } from '../../src/runtime/node-externals.js';
import { runCli } from '../cli/run-cli.js';
import { germanFile, makeLibrary, tempDir } from '../helpers/library.js';

/** A config file in a fresh XDG_CONFIG_HOME; returns the environment that finds it. */
function withConfig(text: string): { env: NodeJS.ProcessEnv; file: string } {
  const home = tempDir();
  const file = path.join(home, 'newsbridge', 'config.yaml');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { env: { XDG_CONFIG_HOME: home, HOME: home }, file };
}

describe('newsbridge config', () => {
  it('path: NEWSBRIDGE_CONFIG, else $XDG_CONFIG_HOME/newsbridge/config.yaml', async () => {
    const { env, file } = withConfig('theme: dark\n');
    expect((await runCli(['config', 'path'], env)).stdout).toBe(`${file}\n`);
    const other = path.join(tempDir(), 'elsewhere.yaml');
    const named = await runCli(['config', 'path'], { ...env, NEWSBRIDGE_CONFIG: other });
    expect(named.stdout).toBe(`${other}\n`);
    const bad = await runCli(['config', 'frob'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config takes "path" or "check" (got "frob")');
    const empty = await runCli(['config', 'path'], { XDG_CONFIG_HOME: tempDir() });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('no file there yet');
  });

  it('check: exit 0 when valid or absent, exit 1 with file:line lines when not', async () => {
    const good = withConfig('theme: light\nwidth: 90\n');
    const ok = await runCli(['config', 'check'], good.env);
    expect(ok).toMatchObject({ code: 0, stdout: '' });
    expect(ok.stderr).toContain('no problems');
    const none = await runCli(['config', 'check'], { XDG_CONFIG_HOME: tempDir() });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('the defaults apply');
    const bad = withConfig('theme: dark\nwidth: wide\nkeys:\n  edit: j\n');
    const checked = await runCli(['config', 'check'], bad.env);
    expect(checked.code).toBe(1);
    expect(checked.stdout.trim().split('\n')).toEqual([`${bad.file}:2: width must be a number`]);
    expect(checked.stderr).toContain('1 problem');
    const conflict = withConfig('keys:\n  edit: j\n');
    expect((await runCli(['config', 'check'], conflict.env)).stdout).toContain(`${conflict.file}:2: key "j" is bound to both "down" and "edit"`);
  });

  it('a broken config stops other commands with one line naming file and line, exit 2, but never --help, --version or config', async () => {
    const { env, file } = withConfig('theme: dark\nwidth: [80\n');
    const list = await runCli(['list'], env);
    expect(list.code).toBe(2);
    expect(list.stdout).toBe('');
    const [first, hint] = list.stderr.trim().split('\n');
    expect(first).toMatch(new RegExp(`^newsbridge: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: YAML: `));
    expect(hint).toContain('newsbridge config check');
    for (const args of [['--help'], ['--version'], ['list', '--help'], ['help', 'show'], ['config', 'path']]) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).not.toContain('YAML');
    }
    expect((await runCli(['config', 'check'], env)).code).toBe(1);
  });

  it('NEWSBRIDGE_CONFIG naming a missing file is an error, not silence', async () => {
    const missing = path.join(tempDir(), 'nope.yaml');
    const r = await runCli(['list'], { NEWSBRIDGE_CONFIG: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing}: file not found (named by NEWSBRIDGE_CONFIG)`);
  });
});

describe('precedence: flag > environment > config > default', () => {
  it('library: --library, then NEWSBRIDGE_LIBRARY, then the config’s library, then the bundled one', async () => {
    const fromConfig = makeLibrary({ 'from-config': { de: germanFile() } });
    const fromEnv = makeLibrary({ 'from-env': { de: germanFile() } });
    const fromFlag = makeLibrary({ 'from-flag': { de: germanFile() } });
    const { env } = withConfig(`library: ${fromConfig}\n`);
    expect((await runCli(['list'], env)).stdout).toContain('from-config');
    expect((await runCli(['list'], { ...env, NEWSBRIDGE_LIBRARY: fromEnv })).stdout).toContain('from-env');
    expect((await runCli(['list', '--library', fromFlag], { ...env, NEWSBRIDGE_LIBRARY: fromEnv })).stdout).toContain('from-flag');
    expect((await runCli(['list'], { XDG_CONFIG_HOME: tempDir() })).stdout).toContain('2024-04-04-aws-stellenabbau');
  });

  it('show width: --width, then the config’s width (a maximum on a terminal), then the terminal’s', async () => {
    const lib = makeLibrary({ a: { de: germanFile({ paragraphs: ['Wort '.repeat(60).trim()] }) } });
    const widest = (out: string) => Math.max(...out.split('\n').map((l) => [...l].length));
    const { env } = withConfig('width: 40\n');
    expect(widest((await runCli(['show', 'a', '--library', lib, '--lang', 'de'], env, { tty: true, columns: 120 })).stdout)).toBeLessThanOrEqual(40);
    expect(widest((await runCli(['show', 'a', '--library', lib, '--lang', 'de', '--width', '100'], env, { tty: true, columns: 120 })).stdout)).toBeGreaterThan(40);
    // A narrower terminal still wins over the config's maximum.
    expect(widest((await runCli(['show', 'a', '--library', lib, '--lang', 'de'], withConfig('width: 200\n').env, { tty: true, columns: 60 })).stdout)).toBeLessThanOrEqual(60);
    // Piped output stays one line per paragraph.
    expect(widest((await runCli(['show', 'a', '--library', lib, '--lang', 'de'], env)).stdout)).toBeGreaterThan(200);
  });

  it('browser and editor: the environment, then the config, then the platform’s', () => {
    const url = 'https://example.org/';
    expect(browserCommand({ BROWSER: 'firefox' }, url, ['w3m', '%s', '-dump'])).toEqual(['firefox', url]);
    expect(browserCommand({}, url, ['w3m', '%s', '-dump'])).toEqual(['w3m', url, '-dump']);
    expect(browserCommand({}, url, ['lynx'])).toEqual(['lynx', url]);
    expect(editorCommand({ EDITOR: 'nano' }, ['code', '--wait'])).toEqual(['nano']);
    expect(editorCommand({}, ['code', '--wait'])).toEqual(['code', '--wait']);
    expect(editorCommand({})).toEqual(['vi']);
  });
});

describe('the checked config is cached', () => {
  it('serves an unchanged file from the cache and reads a changed one again', async () => {
    const { env, file } = withConfig('width: 40\n');
    const cache = tempDir();
    const lib = makeLibrary({ a: { de: germanFile({ paragraphs: ['Wort '.repeat(60).trim()] }) } });
    const widest = async () => Math.max(...(await runCli(['show', 'a', '--library', lib, '--lang', 'de'], { ...env, NEWSBRIDGE_CACHE_DIR: cache }, { tty: true, columns: 120 })).stdout.split('\n').map((l) => [...l].length));
    expect(await widest()).toBeLessThanOrEqual(40);
    expect(readFileSync(path.join(cache, 'config.json'), 'utf8')).toContain('"width":40');
    writeFileSync(file, 'width:  70\n'); // another size: a change within the same millisecond still counts
    expect(await widest()).toBeGreaterThan(40);
    writeFileSync(file, 'width: 7\n');
    expect((await runCli(['list'], { ...env, NEWSBRIDGE_CACHE_DIR: cache })).code).toBe(2);
    writeFileSync(path.join(cache, 'config.json'), '{ broken');
    writeFileSync(file, 'width: 50\n');
    expect(await widest()).toBeLessThanOrEqual(50);
  });
});
