// Runs the test suite on other Node versions: `node scripts/test-nodes.mjs 22 24
// [-- vitest arguments]`. Each version comes from the npm registry's
// node-<platform>-<arch> package (a plain Node binary), installed once into the
// user's cache folder and reused by later runs. The Node on PATH (20, the oldest
// supported) runs the typecheck and lint in `npm test`; these runs add the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const split = process.argv.indexOf('--');
const versions = (split === -1 ? process.argv.slice(2) : process.argv.slice(2, split)).filter(Boolean);
const vitestArgs = split === -1 ? [] : process.argv.slice(split + 1);
if (versions.length === 0 || versions.some((v) => !/^\d+$/.test(v))) {
  process.stderr.write('usage: node scripts/test-nodes.mjs MAJOR... [-- vitest arguments]\n');
  process.exit(2);
}

/** Where downloaded Node binaries are kept between runs (NEWSBRIDGE_NODE_CACHE overrides it). */
function cacheRoot() {
  if (process.env['NEWSBRIDGE_NODE_CACHE']) return process.env['NEWSBRIDGE_NODE_CACHE'];
  const base = process.env['XDG_CACHE_HOME'] && path.isAbsolute(process.env['XDG_CACHE_HOME']) ? process.env['XDG_CACHE_HOME'] : path.join(os.homedir(), '.cache');
  return path.join(base, 'newsbridge-dev', 'node');
}

/** The registry package that holds a plain Node binary for this machine. */
function packageName() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (!platform) throw new Error(`no Node package for ${process.platform}`);
  return `node-${platform}-${process.arch}`;
}

/** The path of Node `major`'s binary, installed into the cache if it is not there yet. */
function nodeBinary(major) {
  const name = packageName();
  const dir = path.join(cacheRoot(), `${name}-${major}`);
  const binary = path.join(dir, 'node_modules', name, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    process.stdout.write(`Node ${major}: installing ${name}@${major} into ${dir}\n`);
    mkdirSync(dir, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${major}`], { stdio: 'inherit' });
    if (install.status !== 0 || !existsSync(binary)) throw new Error(`could not install ${name}@${major}`);
  }
  return binary;
}

const results = [];
for (const major of versions) {
  const started = Date.now();
  const node = nodeBinary(major);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`${node} is ${version || 'not runnable'}, not Node ${major}`);
  process.stdout.write(`\n=== tests on Node ${version} ===\n`);
  // That Node first on PATH too, so every `node` the tests start is the same version.
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` };
  const run = spawnSync(node, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], { cwd: root, env, stdio: 'inherit' });
  results.push({ version, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}
process.stdout.write(`\n${results.map((r) => `Node ${r.version}: ${r.ok ? 'passed' : 'FAILED'} (${r.seconds.toFixed(0)} s)`).join('\n')}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
