/** Where libraries and their files live, and how paths are shown to the user. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Article ids are slugs; anything else is rejected before it can become a path. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const FILES = {
  de: 'article.de.md',
  en: 'article.en.md',
  facts: 'facts.yaml',
} as const;

/** The library's subscriptions (see src/content/feeds-schema.ts), in the library folder. */
export const FEEDS_FILE = 'feeds.yaml';

/** True for a valid article id (a slug); anything else must never become a path. */
export function isArticleId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** The program's own folder (holding package.json), found from this module's location. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The bundled library that ships with the program. */
export function bundledLibrary(): string {
  return path.join(packageRoot(), 'articles');
}

/** A path as the user should read it: relative to the working folder when inside it. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  // The common case, a normalised path below the working folder, without path.relative's work
  // (a listing asks this for every file of every article).
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (absolute.startsWith(prefix)) {
    const rest = absolute.slice(prefix.length);
    if (!rest.split(path.sep).some((part) => part === '' || part === '.' || part === '..')) return rest;
  }
  const rel = path.relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}
