/** Running the command line in-process with captured output, and small file helpers, for the import tests. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { loadArticle } from '../../src/content/load-article.js';
import { openLibrary } from '../../src/content/load-library.js';

/** Writes `content` to DIR/NAME and returns the path. */
export function writeInput(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Loads article ID from the library folder (as the reader would). */
export async function loadFrom(library: string, id: string) {
  const opened = await openLibrary(library);
  if (!opened.ok) throw new Error(opened.message);
  return loadArticle(opened.root, id);
}

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `newsbridge ARGS` with English messages and a fresh environment. */
export async function runCli(args: readonly string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text) },
    stdinIsTTY: true,
    env: { LANG: 'en_GB.UTF-8' },
  });
  return { code, out, err };
}
