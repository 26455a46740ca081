// The third-party notices of the bundle: every npm package whose code esbuild
// put into dist/ (read from the build's metafile), with its licence text.
// The bundle carries that code without its package folders, so their licences
// must travel in this file instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** The package folder (…/node_modules/name or …/node_modules/@scope/name) holding a bundled input, if any. */
export function packageDirOf(input, root) {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last < 0) return null;
  const name = parts[last + 1]?.startsWith('@') ? parts.slice(last + 1, last + 3) : parts.slice(last + 1, last + 2);
  return path.resolve(root, ...parts.slice(0, last + 1), ...name);
}

/** The MIT licence's text under the given copyright lines (for a package that states MIT but ships no file). */
function mitText(copyrights) {
  const own = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
  const body = own.slice(own.indexOf('Permission is hereby granted'), own.indexOf('SOFTWARE.') + 'SOFTWARE.'.length);
  return `MIT License\n\n${copyrights.join('\n')}\n\n${body}`;
}

/** Distinct copyright lines in the package's bundled files. */
function copyrightLines(files) {
  const lines = new Set();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/Copyright (?:\(c\)|©)?[^\n*]*/g)) lines.add(m[0].trim());
  }
  return [...lines].sort();
}

/** Name, version, licence and licence texts of one package folder. */
function describe(dir, files) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licence = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? manifest.licenses?.map((l) => l.type).join(' OR '));
  const texts = readdirSync(dir)
    .filter((file) => LICENCE_FILE.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8').trim() }));
  if (texts.length === 0 && licence === 'MIT') {
    const copyrights = copyrightLines(files);
    if (copyrights.length > 0) texts.push({ file: 'MIT licence text, with the copyright lines of the bundled files', text: mitText(copyrights) });
  }
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return { name: manifest.name, version: manifest.version, licence: licence ?? 'UNKNOWN', repository, texts };
}

/**
 * The bundled packages, sorted by name. Throws when a package states no
 * licence at all: the build must not ship code it cannot name a licence for.
 */
export function bundledPackages(metafile, root) {
  const dirs = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input, root);
    if (dir && existsSync(path.join(dir, 'package.json'))) dirs.set(dir, [...(dirs.get(dir) ?? []), path.resolve(root, input)]);
  }
  const byId = new Map();
  for (const [dir, files] of dirs) {
    const pkg = describe(dir, files);
    if (pkg.licence === 'UNKNOWN' && pkg.texts.length === 0) throw new Error(`${dir}: bundled, but states no licence`);
    byId.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices file's text. */
export function noticesText(packages, programName) {
  const out = [
    `Third-party software in ${programName}`,
    '',
    `${programName} is distributed as one bundled program (dist/). The bundle contains code from the`,
    'npm packages listed below, each under its own licence, reproduced here as the package ships it.',
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.licence})`),
    '',
  ];
  for (const p of packages) {
    out.push('='.repeat(78), `${p.name} ${p.version}`, `Licence: ${p.licence}`);
    if (p.repository) out.push(`Source: ${p.repository.replace(/^git\+/, '')}`);
    out.push('');
    if (p.texts.length === 0) out.push(`(The package ships no licence file; its package.json states ${p.licence}.)`, '');
    for (const t of p.texts) out.push(`--- ${t.file} ---`, t.text, '');
  }
  return `${out.join('\n')}\n`;
}
