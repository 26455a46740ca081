// Plain Node binaries of other major versions, from the npm registry's node-<platform>-<arch>
// package, installed once into the user's cache folder and reused by later runs. Used by
// scripts/test-nodes.mjs (the tests on Node 22 and 24) and bench/run.ts (start-up on Node 22).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where downloaded Node binaries are kept between runs (NEWSBRIDGE_NODE_CACHE overrides it). */
export function cacheRoot() {
  if (process.env['NEWSBRIDGE_NODE_CACHE']) return process.env['NEWSBRIDGE_NODE_CACHE'];
  const base = process.env['XDG_CACHE_HOME'] && path.isAbsolute(process.env['XDG_CACHE_HOME']) ? process.env['XDG_CACHE_HOME'] : path.join(os.homedir(), '.cache');
  return path.join(base, 'newsbridge-dev', 'node');
}

/** The registry package that holds a plain Node binary for this machine. */
export function packageName() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (!platform) throw new Error(`no Node package for ${process.platform}`);
  return `node-${platform}-${process.arch}`;
}

/**
 * The path of Node `major`'s binary, installed into the cache if it is not there yet
 * (progress to `log`, npm's own output to stderr). Throws when it cannot be installed or run.
 */
export function nodeBinary(major, log = (text) => process.stdout.write(text)) {
  const name = packageName();
  const dir = path.join(cacheRoot(), `${name}-${major}`);
  const binary = path.join(dir, 'node_modules', name, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    log(`Node ${major}: installing ${name}@${major} into ${dir}\n`);
    mkdirSync(dir, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${major}`], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (install.status !== 0 || !existsSync(binary)) throw new Error(`could not install ${name}@${major}`);
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith(`v${major}.`)) throw new Error(`${binary} is ${version || 'not runnable'}, not Node ${major}`);
  return binary;
}
