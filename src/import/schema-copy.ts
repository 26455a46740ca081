/**
 * The JSON Schema of facts.yaml, kept in the library's own hidden `.schema/` folder, so the
 * `$schema` line of every imported facts.yaml is a path relative to the library: it still
 * works after the program is reinstalled or moved, and for everyone sharing the library.
 * The copy is written from the schema the running program has (re-written when it differs).
 */
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemaFiles } from '../content/json-schema.js';

/** The library's folder for its schema copies (hidden: the library lists no such folder). */
export const SCHEMA_FOLDER = '.schema';
const FACTS_SCHEMA = 'facts.schema.json';

/** What a facts.yaml in an article folder writes after `$schema=`. */
export const FACTS_SCHEMA_REF = `../${SCHEMA_FOLDER}/${FACTS_SCHEMA}`;

/**
 * Writes (or refreshes) `.schema/facts.schema.json` in `library`. Never follows a link: a
 * `.schema` that is a link or a file is left alone, and the reason comes back instead.
 * Resolves with null when the copy is in place.
 */
export async function ensureSchemaCopy(library: string): Promise<string | null> {
  const folder = path.join(library, SCHEMA_FOLDER);
  const file = path.join(folder, FACTS_SCHEMA);
  const text = jsonSchemaFiles()[FACTS_SCHEMA] ?? '';
  try {
    const info = await lstat(folder).catch(() => null);
    if (info && !info.isDirectory()) return `${SCHEMA_FOLDER} is not a folder`;
    if (!info) await mkdir(folder);
    const present = await lstat(file).catch(() => null);
    if (present && !present.isFile()) return `${SCHEMA_FOLDER}/${FACTS_SCHEMA} is not a regular file`;
    if (present && (await readFile(file, 'utf8')) === text) return null;
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    return null;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code ?? String(cause);
  }
}
