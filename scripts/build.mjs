// Bundles the program into dist/ with esbuild: a small entry plus chunks that
// are loaded only when needed (the reader UI only when the reader opens), the
// third-party notices of what the bundle contains, and the man page.
// It builds into a fresh folder and swaps it in, so a running program (or a
// parallel test run) never sees a half-written dist/.
//
// npm runs it as `postprepare` (after `npm ci` or `npm install` in a clone,
// and in the clone npm makes for a git install) and as `prepack` (before
// `npm pack` and `npm publish`). Not as `prepare`: npm would run that on pack
// too (building twice), and would count it as an install script of the
// published package, warning everyone who installs the tarball.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bundleOptions, root } from './bundle-options.mjs';
import { bundledPackages, noticesText } from './third-party-notices.mjs';

/**
 * esbuild, and the packages the bundle takes in, are development dependencies:
 * `npm pack` in a fresh clone has none of them yet, so they are installed first.
 */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch (cause) {
    if (cause?.code !== 'ERR_MODULE_NOT_FOUND') throw cause;
    process.stderr.write('newsbridge build: the development dependencies are not installed; running `npm ci` first\n');
    // Without the project's own scripts (they would start this build again), then its patches to Ink.
    for (const args of [['ci', '--ignore-scripts', '--no-audit', '--no-fund'], ['exec', '--no', '--', 'patch-package']]) {
      const step = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      if (step.status !== 0) process.exit(step.status ?? 1);
    }
    return import('esbuild');
  }
}
const { build } = await loadEsbuild();

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
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(`${root}/src`);
  walk(`${root}/locales`);
  walk(`${root}/scripts`);
  walk(`${root}/patches`);
  hash.update(readFileSync(`${root}/package.json`));
  hash.update(readFileSync(`${root}/package-lock.json`));
  return hash.digest('hex').slice(0, 16);
}
/**
 * Imports esbuild left out of the bundle that are neither Node's own modules nor optional
 * add-ons that their packages load inside a try (ws's native speed-ups, linkedom's canvas).
 */
function unbundled(metafile) {
  const optional = new Set(['bufferutil', 'utf-8-validate', 'canvas']);
  const external = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  // A node: import is Node's own even where this Node lacks it (node:sqlite, which undici loads lazily, is 22.5+).
  return [...new Set(external)].filter((p) => !p.startsWith('node:') && !isBuiltin(p) && !optional.has(p)).sort();
}

const fresh = `${root}/dist.build-${process.pid}`;
const old = `${root}/dist.old-${process.pid}`;

try {
  const define = {
    ...bundleOptions.define,
    __NEWSBRIDGE_VERSION__: JSON.stringify(version),
    __NEWSBRIDGE_BUILD__: JSON.stringify(buildId()),
  };
  const result = await build({
    ...bundleOptions,
    // The article and summary workers are entries of their own, beside the chunks that start them (dist/chunks/).
    entryPoints: { newsbridge: 'src/cli.ts', 'chunks/article-worker': 'src/runtime/article-worker.ts', 'chunks/summary-worker': 'src/content/summary-worker.ts' },
    outdir: fresh,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Licence comments of bundled code stay with it, at the end of each file; the notices file has the rest.
    legalComments: 'eof',
    metafile: true,
    define,
  });
  writeFileSync(`${fresh}/THIRD-PARTY-NOTICES.txt`, noticesText(bundledPackages(result.metafile, root), 'newsbridge'));
  // The published package has no dependencies: whatever the bundle leaves out must come with Node.
  const missing = unbundled(result.metafile);
  if (missing.length > 0) throw new Error(`the bundle imports packages it does not contain: ${missing.join(', ')}`);
  // Two stand-alone files beside the program, built apart so its chunks stay as they are: the
  // start-up file (the compile cache's switch and ICU's warm-up, run by bin/newsbridge.js before
  // the program), and the man page's writer, run here: the man page comes from the same
  // commander program as --help.
  await build({ ...bundleOptions, entryPoints: { 'start-up': 'src/start-up.ts' }, outdir: fresh, define });
  await build({ ...bundleOptions, entryPoints: { 'man-page': 'src/cli/man-page.ts' }, outdir: `${fresh}.man`, define });
  const { manPage } = await import(pathToFileURL(`${fresh}.man/man-page.js`).href);
  // SOURCE_DATE_EPOCH (reproducible builds) fixes the page's date; else it is the day of the build.
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  writeFileSync(`${fresh}/newsbridge.1`, manPage(new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString().slice(0, 10)));
  rmSync(`${fresh}.man`, { recursive: true, force: true });
} catch (cause) {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(`${fresh}.man`, { recursive: true, force: true });
  throw cause;
}
try {
  renameSync(`${root}/dist`, old);
} catch {
  // No previous build.
}
renameSync(fresh, `${root}/dist`);
rmSync(old, { recursive: true, force: true });
