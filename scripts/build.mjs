// Bundles the program into dist/ with esbuild: a small entry plus chunks that
// are loaded only when needed (the reader UI only when the reader opens).
// It builds into a fresh folder and swaps it in, so a running program (or a
// parallel test run) never sees a half-written dist/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { bundleOptions, root } from './bundle-options.mjs';

// The bundle must carry the same (patched) Ink that the tests ran: see patches/README.md.
if (!readFileSync(`${root}/node_modules/ink/build/output.js`, 'utf8').includes('passThroughRows')) {
  console.error('newsbridge build: Ink in node_modules is not patched; run `npx patch-package` (npm ci does it).');
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/** A hash of everything that goes into the bundle: caches written by another build are ignored. */
function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(`${root}/src`);
  walk(`${root}/locales`);
  hash.update(readFileSync(`${root}/package-lock.json`));
  return hash.digest('hex').slice(0, 16);
}
const fresh = `${root}/dist.build-${process.pid}`;
const old = `${root}/dist.old-${process.pid}`;

await build({
  ...bundleOptions,
  // The article and summary workers are entries of their own, in dist/chunks/.
  entryPoints: { newsbridge: 'src/cli.ts', 'chunks/article-worker': 'src/runtime/article-worker.ts', 'chunks/summary-worker': 'src/content/summary-worker.ts' },
  outdir: fresh,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    ...bundleOptions.define,
    __NEWSBRIDGE_VERSION__: JSON.stringify(version),
    __NEWSBRIDGE_BUILD__: JSON.stringify(buildId()),
  },
});
try {
  renameSync(`${root}/dist`, old);
} catch {
  // No previous build.
}
renameSync(fresh, `${root}/dist`);
rmSync(old, { recursive: true, force: true });
