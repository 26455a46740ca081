/** The check after writing: an imported article that does not load, or whose facts.yaml does not parse, is an internal failure. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import type { CommandContext } from '../../src/cli/context.js';
import { verify } from '../../src/cli/import-command.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { tempDir } from '../helpers/library.js';
import { RAW_PAGE } from '../import/fixtures.js';
import { runCli } from './import-helpers.js';

const ID = '2020-04-28-neue-bruecke-fuer-beispielheim';

function context(): CommandContext {
  return {
    t: createTranslator('en'),
    language: 'en',
    env: {},
    out: () => undefined,
    err: () => undefined,
    stdoutIsTTY: false,
    stdinIsTTY: false,
    stdin: (async function* () {})(),
    columns: undefined,
    rows: undefined,
    color: false,
    colorLevel: 0,
  };
}

async function imported(): Promise<string> {
  const dir = tempDir();
  const page = path.join(dir, 'seite.txt');
  writeFileSync(page, RAW_PAGE);
  const library = path.join(dir, 'lib');
  expect((await runCli(['import', page, '--library', library])).code).toBe(0);
  return library;
}

async function failure(library: string): Promise<CliError> {
  try {
    await verify(library, ID, context());
  } catch (cause) {
    if (cause instanceof CliError) return cause;
    throw cause;
  }
  throw new Error('verify() accepted the article');
}

describe('verify() after an import', () => {
  it('accepts what the import wrote', async () => {
    await expect(verify(await imported(), ID, context())).resolves.toBeUndefined();
  });

  it('fails with status 70 when the article does not load', async () => {
    const library = await imported();
    writeFileSync(path.join(library, ID, 'article.de.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const error = await failure(library);
    expect(error.exitCode).toBe(70);
    expect(error.message).toMatch(/^the imported article does not load: .*article\.de\.md.* \(please report this\)$/);
  });

  it('fails with status 70 when facts.yaml does not parse, although the article opens', async () => {
    const library = await imported();
    writeFileSync(path.join(library, ID, 'facts.yaml'), 'facts: [unclosed\n');
    const error = await failure(library);
    expect(error.exitCode).toBe(70);
    expect(error.message).toMatch(/^the imported article does not load: .*facts\.yaml.* \(please report this\)$/);
  });
});
