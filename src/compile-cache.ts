/**
 * On Node ≥ 22.1 the module compile cache in the cache folder, so later starts
 * skip compiling the bundle (Node 20 has no such cache; there it does nothing).
 * Turned on by src/start-up.ts before the program loads.
 */
import nodeModule from 'node:module';
import path from 'node:path';
import { cacheDir } from './storage/app-dirs.js';

type EnableCompileCache = (directory: string) => { status: number; message?: string; directory?: string };

/** Enables the compile cache below the cache folder; returns the folder used, or null when off. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): string | null {
  // Not in @types/node 20, and absent at run time on Node 20 and 22.0.
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  const dir = cacheDir(env);
  if (typeof enable !== 'function' || dir === null) return null;
  try {
    // Node keeps one subfolder per Node version inside it, and turns itself off when it cannot write there.
    return enable(path.join(dir, 'compiled')).directory ?? null;
  } catch {
    return null;
  }
}
