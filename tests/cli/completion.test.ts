// Shell completion, driven through the real shells: bash's completion function
// with COMP_WORDS set, fish's `complete -C`, and zsh's parser. A shell that is
// not installed is skipped (and said so).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { germanFile, makeLibrary, tempDir } from '../helpers/library.js';
import { buildProgram } from '../../src/cli/program.js';
import type { CommandContext } from '../../src/cli/context.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { runCli } from './run-cli.js';

function stubContext(): CommandContext {
  return { t: createTranslator('en'), language: 'en', env: {}, out: () => undefined, err: () => undefined, stdoutIsTTY: false, stdinIsTTY: false, stdin: (async function* () {})(), columns: 80, rows: 24, color: false, colorLevel: 0 };
}

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
const SEED = '2024-04-04-aws-stellenabbau';
/** Every command of the program, as --help lists them (help included). */
const COMMANDS = [...buildProgram(stubContext(), () => undefined).commands.map((c) => c.name()), 'help'].sort();
/** The ids of the bundled library, as `newsbridge list` gives them. */
const BUNDLED = readdirSync(fileURLToPath(new URL('../../articles', import.meta.url))).sort();
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** A folder with the script, a `newsbridge` on PATH (the built program), and files to complete. */
async function setUp(shell: 'bash' | 'zsh' | 'fish') {
  const dir = tempDir();
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, path.join(bin, 'newsbridge'));
  const { code, stdout } = await runCli(['completion', shell]);
  expect(code).toBe(0);
  writeFileSync(path.join(dir, `script.${shell}`), stdout);
  writeFileSync(path.join(dir, 'seite.html'), '<p>x</p>');
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, LANG: 'C', NEWSBRIDGE_LIBRARY: '' };
  return { dir, script: path.join(dir, `script.${shell}`), env };
}

describe('completion for bash', () => {
  it.skipIf(!has('bash'))('completes commands, ids (of the --library given), options and their values, and files', async () => {
    const { dir, script, env } = await setUp('bash');
    const library = makeLibrary({ 'eins-zwei': { de: germanFile() } });
    const complete = (...words: string[]) => {
      const line = words.map((w) => `'${w}'`).join(' ');
      const result = spawnSync('bash', ['-c', `source '${script}'; COMP_WORDS=(newsbridge ${line}); COMP_CWORD=${words.length}; _newsbridge; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: dir, env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter(Boolean).sort();
    };
    const first = complete('');
    expect(first).toEqual(expect.arrayContaining(['align', 'completion', 'config', 'help', 'import', 'list', 'read', 'show', 'translate', 'validate', ...BUNDLED]));
    expect(first.filter((w) => !BUNDLED.includes(w))).toEqual(COMMANDS);
    expect(complete('sh')).toEqual(['show']);
    expect(complete('show', '')).toEqual(BUNDLED);
    expect(complete('show', SEED.slice(0, 7))).toEqual([SEED]);
    expect(complete('--library', library, 'show', '')).toEqual(['eins-zwei']);
    expect(complete('show', '--library', library, '')).toEqual(['eins-zwei']);
    expect(complete('show', '--l')).toEqual(['--lang', '--library']);
    expect(complete('show', SEED, '--lang', '')).toEqual(['both', 'de', 'en']);
    expect(complete('--ui-lang', '')).toEqual(['de', 'en']);
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('import', 'sei')).toEqual(['seite.html']);
    expect(complete('list', '--')).toContain('--json');
    // translate takes any number of ids; config one of its actions.
    expect(complete('translate', SEED.slice(0, 7))).toEqual([SEED]);
    expect(complete('translate', BUNDLED[0] ?? '', SEED.slice(0, 7))).toEqual([SEED]);
    expect(complete('config', '')).toEqual(['check', 'path']);
    // A command group completes its subcommands, and their options.
    expect(complete('feeds', '')).toEqual(['add', 'export', 'import', 'list', 'remove']);
    expect(complete('feeds', 'list', '--j')).toEqual(['--json']);
    // An article id in the first place is the reader's: nothing more to complete after it.
    expect(complete(SEED, '')).toEqual([]);
  });
});

describe('completion for fish', () => {
  it.skipIf(!has('fish'))('completes commands with descriptions, ids, options and values', async () => {
    const { dir, script, env } = await setUp('fish');
    const complete = (line: string) => {
      const result = spawnSync('fish', ['--no-config', '-c', `source '${script}'; complete -C'${line}'`], { cwd: dir, env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    };
    const first = spawnSync('fish', ['--no-config', '-c', `source '${script}'; complete -C'newsbridge '`], { cwd: dir, env, encoding: 'utf8' }).stdout;
    expect(first).toContain('show\tprint an article');
    expect(first).toContain(SEED);
    expect(complete('newsbridge show ').sort()).toEqual(BUNDLED);
    const library = makeLibrary({ 'eins-zwei': { de: germanFile() } });
    expect(complete(`newsbridge --library ${library} show `)).toEqual(['eins-zwei']);
    expect(complete(`newsbridge show --library=${library} `)).toEqual(['eins-zwei']);
    expect(complete('newsbridge show x --lang ').sort()).toEqual(['both', 'de', 'en']);
    expect(complete('newsbridge completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('newsbridge import sei')).toEqual(['seite.html']);
    expect(complete('newsbridge list --j')).toEqual(['--json']);
    expect(complete(`newsbridge translate ${BUNDLED[0] ?? ''} ${SEED.slice(0, 7)}`)).toEqual([SEED]);
    expect(complete('newsbridge config ').sort()).toEqual(['check', 'path']);
  });
});

describe('completion for zsh', () => {
  it.skipIf(!has('zsh'))('is a script zsh reads, and registers _newsbridge for newsbridge', async () => {
    const { script, env } = await setUp('zsh');
    expect(spawnSync('zsh', ['-n', script]).status).toBe(0);
    const result = spawnSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -D; source '${script}'; print -r -- $_comps[newsbridge]`], { env, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('_newsbridge');
  });

  it.skipIf(!has('zsh'))('offers commands, ids (of the --library given), options, values and files', async () => {
    const { dir, script, env } = await setUp('zsh');
    const library = makeLibrary({ 'eins-zwei': { de: germanFile() } });
    // compsys's builtins replaced by ones that print what they were given: the script's own logic, in real zsh.
    const stubs = [
      'compdef() { :; }',
      `source '${script}'`,
      'compadd() { if [[ $1 == -a ]]; then print -r -- "compadd ${(P)2}"; else print -r -- "compadd ${@:#--}"; fi }',
      '_describe() { print -r -- "describe $1 ${(P)2}"; }',
      '_files() { print -r -- "files $*"; }',
    ].join('\n');
    const complete = (...words: string[]) => {
      const line = words.map((w) => `'${w}'`).join(' ');
      const result = spawnSync('zsh', ['-f', '-c', `${stubs}\nwords=(newsbridge ${line}); CURRENT=$#words; _newsbridge`], { cwd: dir, env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      // compadd's words in a fixed order (ids come newest first from `list`).
      return result.stdout
        .trim()
        .split('\n')
        .map((l) => (l.startsWith('compadd ') ? `compadd ${l.slice(8).split(' ').sort().join(' ')}` : l))
        .join('\n');
    };
    expect(complete('')).toMatch(new RegExp(`^describe command .*show:print an article.*\ncompadd ${BUNDLED.join(' ')}$`));
    expect(complete('show', '')).toBe(`compadd ${BUNDLED.join(' ')}`);
    expect(complete('--library', library, 'show', '')).toBe('compadd eins-zwei');
    expect(complete('show', '--l')).toMatch(/^describe option .*--lang:which text to print/);
    expect(complete('show', SEED, '--lang', '')).toBe('compadd both de en');
    expect(complete('completion', '')).toBe('compadd bash fish zsh');
    expect(complete('import', '')).toBe('files');
    expect(complete('validate', '')).toBe(`compadd ${BUNDLED.join(' ')}\nfiles -/`);
  });
});

describe('the completion command', () => {
  it('names the shells it knows when given another, with exit status 2', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsbridge: completion is available for bash, zsh, fish (got "tcsh")\nTry 'newsbridge completion --help'.\n`);
  });

  it('describes the commands in the interface language', async () => {
    const { stdout } = await runCli(['completion', 'fish', '--ui-lang', 'de']);
    expect(stdout).toContain("-a show -d 'einen Artikel ausgeben'");
  });
});
