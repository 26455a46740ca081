/**
 * Where ../shared is (the corpus and seeds, kept outside the repository): beside the
 * repository, or beside one of its parent folders (a git worktree lives deeper than the clone);
 * NEWSBRIDGE_SHARED names it outright. Undefined when there is none: callers then skip.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findShared(): string | undefined {
  const given = process.env['NEWSBRIDGE_SHARED'];
  if (given) return existsSync(given) ? given : undefined;
  let dir = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared');
    if (existsSync(join(candidate, 'corpus'))) return candidate;
    dir = join(dir, '..');
  }
  return undefined;
}
