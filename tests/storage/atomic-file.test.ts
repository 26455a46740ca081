// Files written whole or not at all, also when the pieces come over time and the process ends first.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeLinesAtomic } from '../../src/storage/atomic-file.js';
import { tempDir } from '../helpers/library.js';

const MODULE = fileURLToPath(new URL('../../src/storage/atomic-file.ts', import.meta.url));

async function* slowly(pieces: string[]): AsyncGenerator<string> {
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield piece;
  }
}

/** A folder holding index.json, whose text is `old`. */
function oldFile(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'index.json');
  writeFileSync(file, 'old\n');
  return { dir, file };
}

describe('writeLinesAtomic', () => {
  it('replaces the file only once every piece is written', async () => {
    const { dir, file } = oldFile();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = false;
    async function* pieces(): AsyncGenerator<string> {
      yield 'a\n';
      first = true;
      await held;
      yield* slowly(['b\n', 'c\n']);
    }
    const writing = writeLinesAtomic(file, pieces());
    while (!first) await new Promise((resolve) => setImmediate(resolve));
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    release();
    await writing;
    expect(readFileSync(file, 'utf8')).toBe('a\nb\nc\n');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  it('leaves the file as it is when keepIf says no at the end', async () => {
    const { dir, file } = oldFile();
    expect(await writeLinesAtomic(file, slowly(['a\n']), { keepIf: () => false })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  it('leaves no temporary file when a piece fails, and the old file as it was', async () => {
    const { dir, file } = oldFile();
    async function* failing(): AsyncGenerator<string> {
      yield* slowly(['a\n']);
      throw new Error('the source was cut');
    }
    await expect(writeLinesAtomic(file, failing())).rejects.toThrow('the source was cut');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  it('removes its temporary file when the process ends before the last piece', () => {
    const { dir, file } = oldFile();
    const script = path.join(tempDir(), 'exit.mts');
    writeFileSync(
      script,
      `import { writeLinesAtomic } from ${JSON.stringify(MODULE)};
async function* pieces() {
  yield 'a\\n';
  // The process ends here, the file half written.
  process.exit(0);
}
await writeLinesAtomic(${JSON.stringify(file)}, pieces());
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['index.json']);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });
});
