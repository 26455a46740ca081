// `newsbridge` alone skips commander (src/cli/plain-start.ts): what it hands the read command
// must be what commander would have handed it.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import { PLAIN_START_OPTIONS } from '../../src/cli/plain-start.js';
import { buildProgram } from '../../src/cli/program.js';
import { createTranslator } from '../../src/i18n/translate.js';

const context = (): CommandContext => ({ t: createTranslator('en'), language: 'en', env: {}, out: () => undefined, err: () => undefined, stdoutIsTTY: false, stdinIsTTY: false, stdin: (async function* () {})(), columns: 80, rows: 24, color: false, colorLevel: 0 });

describe('an empty command line', () => {
  it('gives the read command the options commander gives it', async () => {
    let chosen = false;
    const program = buildProgram(context(), () => (chosen = true));
    await program.parseAsync([], { from: 'user' });
    const read = program.commands.find((c) => c.name() === 'read');
    expect(chosen).toBe(true);
    expect(read?.optsWithGlobals()).toEqual(PLAIN_START_OPTIONS);
  });

  it('differs from a command line with an option, which commander parses', async () => {
    const program = buildProgram(context(), () => undefined);
    await program.parseAsync(['--no-color'], { from: 'user' });
    expect(program.commands.find((c) => c.name() === 'read')?.optsWithGlobals()).not.toEqual(PLAIN_START_OPTIONS);
  });
});
