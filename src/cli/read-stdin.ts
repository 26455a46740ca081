/** Standard input as text, for the commands that take `-` in place of a file. */
import { MAX_FILE_BYTES, type ReadResult } from '../content/read-file.js';

/** Where a command reads standard input from (process.stdin, or a test's stream). */
export type InputStream = AsyncIterable<Uint8Array | string>;

/** Reads all of `input` as UTF-8 text, with the same limits as a file: at most MAX_FILE_BYTES, no NUL bytes. */
export async function readStdinText(input: InputStream): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > MAX_FILE_BYTES) return { ok: false, missing: false, message: `is over ${MAX_FILE_BYTES / 1024 / 1024} MB; refused` };
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.includes(0)) return { ok: false, missing: false, message: 'is a binary file, not text' };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
