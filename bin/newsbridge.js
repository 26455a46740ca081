#!/usr/bin/env node
// Thin launcher: the program itself is one esbuild bundle (see scripts/build.mjs).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/newsbridge.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('newsbridge: the program is not built yet; run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
await import(bundle.href);
