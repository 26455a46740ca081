// What the build puts beside the program: the man page, the third-party
// notices and the compile cache's switch (the test setup has just built dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { manPage, roff } from '../../src/cli/man-page.js';
import { tempDir } from '../helpers/library.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(root, 'bin', 'newsbridge.js');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; man: string[]; dependencies?: object; devDependencies: Record<string, string>; files: string[] };

describe('the man page', () => {
  it('has every command and option of --help, under the usual sections', () => {
    const page = manPage('2026-12-01');
    expect(page.startsWith('.TH NEWSBRIDGE 1 "2026-12-01" "newsbridge ')).toBe(true);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'ENVIRONMENT', 'FILES', 'EXIT STATUS', 'SEE ALSO']) expect(page).toContain(`.SH ${section}\n`);
    for (const command of ['read', 'list', 'show', 'validate', 'import', 'align', 'completion']) expect(page).toContain(`\\fBnewsbridge ${command} \\fR`);
    for (const option of ['\\-\\-library', '\\-\\-ui\\-lang', '\\-\\-no\\-color', '\\-\\-json', '\\-\\-lang', '\\-\\-width', '\\-\\-translation', '\\-\\-force']) expect(page).toContain(option);
    expect(page).toContain('FORCE_COLOR');
  });

  it('is the one the build wrote, linked by package.json, and renders without a warning', () => {
    expect(pkg.man).toEqual(['./dist/newsbridge.1']);
    const built = readFileSync(path.join(root, 'dist', 'newsbridge.1'), 'utf8');
    expect(built.replace(/^\.TH .*\n/, '')).toBe(manPage().replace(/^\.TH .*\n/, ''));
    const lint = spawnSync('mandoc', ['-T', 'lint', '-W', 'warning', path.join(root, 'dist', 'newsbridge.1')], { encoding: 'utf8' });
    if (lint.error === undefined) expect(lint.stdout + lint.stderr).toBe('');
  });

  it('escapes what roff would take for its own', () => {
    expect(roff('.start\n-x \\ y')).toBe('\\&.start\n\\-x \\e y');
  });
});

describe('the third-party notices', () => {
  it('name every package in the bundle with its licence text, and no package is left a runtime dependency', () => {
    const notices = readFileSync(path.join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['ink', 'react', 'i18next', 'commander', 'zod', 'yaml', 'linkedom', '@mozilla/readability', 'yoga-layout']) {
      expect(notices).toMatch(new RegExp(`^- ${name.replace('/', '\\/')} \\d`, 'm'));
    }
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Copyright (c) Meta Platforms, Inc. and affiliates.');
    expect(notices).not.toMatch(/^- (esbuild|vitest|typescript|eslint) /m);
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});

describe('the compile cache', () => {
  // module.enableCompileCache exists from Node 22.8: there the cache must fill, on Node 20 nothing is written.
  const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  it(`is ${supported ? 'written into' : 'left out of'} the cache folder on Node ${process.versions.node}`, () => {
    const cache = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'list'], { env: { ...process.env, NEWSBRIDGE_CACHE_DIR: cache, NEWSBRIDGE_LIBRARY: '' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const compiled = path.join(cache, 'compiled');
    expect(existsSync(compiled)).toBe(supported);
    if (supported) expect(readdirSync(compiled).length).toBeGreaterThan(0);
  });
});
