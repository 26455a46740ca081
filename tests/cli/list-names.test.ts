import { describe, expect, it } from 'vitest';
import { germanFile, makeLibrary } from '../helpers/library.js';
import { runCli } from './run-cli.js';

const ESC = '\u001B';

describe('list and folder names with control characters', () => {
  it('shows the name with its controls made visible, in the row and in the path of its error', async () => {
    const library = makeLibrary({ [`bad${ESC}[31mname`]: { de: germanFile() }, [`bidi\u202Ename`]: { de: germanFile() } });
    const result = await runCli(['list', '--library', library]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const row = lines.find((l) => l.includes('bad\\u001B[31mname  '));
    expect(row).toMatch(/^\? +bad\\u001B\[31mname {2}cannot be opened: .*[/\\]bad\\u001B\[31mname: folder name is not an article id/);
    expect(lines.some((l) => l.includes('bidi\\u202Ename  '))).toBe(true);
    // Neither stripped (a name that does not exist) nor raw (an escape sequence run by the terminal).
    expect(result.stdout).not.toContain('badname');
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u202E');
  });

  it('keeps the exact name in --json, escaped as JSON escapes it', async () => {
    const name = `bad${ESC}[31mname`;
    const library = makeLibrary({ [name]: { de: germanFile() } });
    const result = await runCli(['list', '--json', '--library', library]);
    expect(result.stdout).toContain('"id": "bad\\u001b[31mname"');
    expect(result.stdout).not.toContain(ESC);
    const entries = (JSON.parse(result.stdout) as { articles: { id: string }[] }).articles;
    expect(entries.map((e) => e.id)).toEqual([name]);
  });
});
