// Runs the test suite on other Node versions: `node scripts/test-nodes.mjs 22 24
// [-- vitest arguments]`. Each version comes from the npm registry's
// node-<platform>-<arch> package (a plain Node binary), installed once into the
// user's cache folder and reused by later runs (scripts/node-binary.mjs). The
// Node on PATH (20, the oldest supported) runs the typecheck and lint in
// `npm test`; these runs add the tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinary } from './node-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const split = process.argv.indexOf('--');
const versions = (split === -1 ? process.argv.slice(2) : process.argv.slice(2, split)).filter(Boolean);
const vitestArgs = split === -1 ? [] : process.argv.slice(split + 1);
if (versions.length === 0 || versions.some((v) => !/^\d+$/.test(v))) {
  process.stderr.write('usage: node scripts/test-nodes.mjs MAJOR... [-- vitest arguments]\n');
  process.exit(2);
}

const results = [];
for (const major of versions) {
  const started = Date.now();
  const node = nodeBinary(major);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`\n=== tests on Node ${version} ===\n`);
  // That Node first on PATH too, so every `node` the tests start is the same version.
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` };
  const run = spawnSync(node, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], { cwd: root, env, stdio: 'inherit' });
  results.push({ version, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}
process.stdout.write(`\n${results.map((r) => `Node ${r.version}: ${r.ok ? 'passed' : 'FAILED'} (${r.seconds.toFixed(0)} s)`).join('\n')}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
