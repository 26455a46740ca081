#!/usr/bin/env node
// Thin launcher: the program itself is one esbuild bundle (see scripts/build.mjs).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const bundle = new URL('newsbridge.js', dist);
if (!existsSync(bundle)) {
  process.stderr.write('newsbridge: the program is not built yet; run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
// First what must start before the program loads: the module compile cache (Node ≥ 22), so
// that it covers the whole bundle, and ICU's loading on a terminal (src/start-up.ts).
await import(new URL('start-up.js', dist).href);
await import(bundle.href);
