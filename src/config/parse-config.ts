/**
 * config.yaml's text → settings, or `file:line: message` diagnostics in plain words: YAML
 * mistakes, values the schema refuses, unknown settings, keys bound twice. No I/O here.
 */
import os from 'node:os';
import path from 'node:path';
import type { core } from 'zod';
import { error, type Diagnostic } from '../content/diagnostic.js';
import { lineOfPath, parseYaml } from '../content/front-matter.js';
import { issueMessage } from '../content/schema-messages.js';
import { keyConflicts, keyId, parseKeySpec, remapKeymap, RESERVED_QUIT, type KeyRemap } from '../input/key-spec.js';
import type { Command, KeySpec } from '../input/keymap.js';
import { showControls } from '../text/sanitize.js';
import { configFile, type ConfigFile } from './schema.js';
import type { Settings } from './settings.js';
import { DEFAULT_SETTINGS } from './settings.js';

export type ParsedConfig = { ok: true; settings: Settings } | { ok: false; errors: Diagnostic[] };

/** Where relative paths and `~` in the file point. */
export interface ConfigPlace {
  /** The config file's path, as messages show it. */
  shown: string;
  /** Absolute path of the config file (relative paths in it are relative to its folder). */
  absolute: string;
  home?: string;
}

/** Setting names a secret would go under: refused with advice instead of "unknown setting". */
const SECRET_NAMES = /^(api[_-]?key|auth[_-]?key|key|token|secret|password)$/i;
const SECRET_ADVICE = 'secrets are never read from the config file: put the key in an environment variable and name that variable in keyEnv';

const PLACE_NAMES: Record<string, string> = { list: 'the library', reader: 'the reader', panel: 'the facts panel' };

type Issue = core.$ZodIssue;

function valueAt(value: unknown, at: readonly PropertyKey[]): unknown {
  let v = value;
  for (const part of at) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[part] : undefined;
  return v;
}

const quoted = (v: unknown) => `"${showControls(String(v))}"`;

/** The messages for one zod issue, each with the path its line comes from. */
function issueDiagnostics(issue: Issue, value: unknown): { at: readonly PropertyKey[]; message: string }[] {
  const names = issue.path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1];
  if (issue.code === 'unrecognized_keys') {
    const where = last === undefined ? '' : ` in ${showControls(last)}`;
    return issue.keys.map((k) => ({
      at: [...issue.path, k],
      message: SECRET_NAMES.test(k) ? `${quoted(k)}: ${SECRET_ADVICE}` : `unknown setting ${quoted(k)}${where}`,
    }));
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const given = valueAt(value, issue.path);
    const options = (issue as { options?: unknown[] }).options?.map((o) => `"${String(o)}"`).join(', ') ?? '';
    return [{ at: issue.path, message: given === undefined ? `provider ${quoted(issue.path[2])}: type is missing (one of ${options})` : `type must be one of ${options}` }];
  }
  if (issue.code === 'custom' && issue.path[0] === 'keys') {
    return [{ at: issue.path, message: `keys of ${quoted(issue.path[1])}: ${quoted(valueAt(value, issue.path))} ${issue.message}` }];
  }
  if (issue.code === 'invalid_key' && issue.path[1] === 'providers') {
    return [{ at: issue.path, message: `${quoted(last)} is not a provider name: use lower-case letters, digits and hyphens` }];
  }
  // The line shows where the value is: the setting's own name is enough of a place (and the provider's).
  const provider = issue.path[1] === 'providers' && issue.path.length > 3 ? `provider ${quoted(issue.path[2])}: ` : '';
  return [{ at: issue.path, message: `${provider}${issueMessage({ ...issue, path: last === undefined ? [] : [last] })}` }];
}

function expandHome(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') ? path.join(home, p.slice(2)) : p;
}

const argv = (c: string | string[] | undefined): string[] | undefined => (c === undefined ? undefined : Array.isArray(c) ? c : c.split(/\s+/).filter(Boolean));

/** Keys bound twice, Ctrl-C given to another command: each on the line of the command concerned. */
function keyProblems(remap: KeyRemap, lineOf: (at: readonly PropertyKey[]) => number, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [command, keys] of Object.entries(remap) as [Command, KeySpec[]][]) {
    if (command !== 'quitNow' && keys.some((k) => keyId(k) === keyId(RESERVED_QUIT))) {
      out.push(error(file, `keys of "${command}": Ctrl-C always quits and cannot be given to another command`, lineOf(['keys', command])));
    }
  }
  for (const conflict of keyConflicts(remapKeymap(remap)).filter((c) => c.key !== keyId(RESERVED_QUIT))) {
    const [a, b] = conflict.commands;
    // The line of whichever command the file remapped (the other may keep its default key).
    const named = remap[b] ? b : a;
    const places = conflict.scopes.map((scope) => PLACE_NAMES[scope] ?? scope).join(' and ');
    out.push(error(file, `key "${conflict.key}" is bound to both "${a}" and "${b}" in ${places}`, lineOf(['keys', named])));
  }
  return out;
}

/** Settings from a valid file (defaults for everything it leaves out). */
function settingsOf(data: ConfigFile, place: ConfigPlace): Settings {
  const home = place.home ?? os.homedir();
  const keys: KeyRemap = {};
  for (const [command, given] of Object.entries(data.keys ?? {}) as [Command, string | string[] | undefined][]) {
    if (given === undefined) continue;
    keys[command] = (Array.isArray(given) ? given : [given]).map((k) => parseKeySpec(k) as KeySpec);
  }
  const library = data.library === undefined ? undefined : path.resolve(path.dirname(place.absolute), expandHome(data.library, home));
  const browser = argv(data.browser);
  const editor = argv(data.editor);
  return {
    ...(library ? { library } : {}),
    theme: data.theme ?? DEFAULT_SETTINGS.theme,
    ...(data.width !== undefined ? { width: data.width } : {}),
    ...(browser ? { browser } : {}),
    ...(editor ? { editor } : {}),
    keys,
    translate: data.translate ?? DEFAULT_SETTINGS.translate,
    feeds: data.feeds ?? DEFAULT_SETTINGS.feeds,
  };
}

/** References between settings: the default provider and the feeds' provider must exist. */
function referenceProblems(data: ConfigFile, lineOf: (at: readonly PropertyKey[]) => number, file: string): Diagnostic[] {
  const names = Object.keys(data.translate?.providers ?? {});
  const known = names.length > 0 ? `configured: ${names.join(', ')}` : 'none is configured under translate.providers';
  const out: Diagnostic[] = [];
  const check = (name: string | undefined, at: PropertyKey[]) => {
    if (name !== undefined && !names.includes(name)) out.push(error(file, `provider "${name}" is not configured (${known})`, lineOf(at)));
  };
  check(data.translate?.provider, ['translate', 'provider']);
  check(data.feeds?.provider, ['feeds', 'provider']);
  return out;
}

/** Parses and checks config.yaml's text. */
export function parseConfig(source: string, place: ConfigPlace): ParsedConfig {
  const file = place.shown;
  const yaml = parseYaml(source, file);
  if (!yaml.ok) return yaml;
  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [error(file, 'the config must be a YAML mapping (setting: value lines)', 1)] };
  }
  const lineOf = (at: readonly PropertyKey[]) => lineOfPath(yaml.doc, yaml.counter, at, 1);
  const result = configFile.safeParse(value);
  if (!result.success) {
    const errors = result.error.issues.flatMap((issue) => issueDiagnostics(issue, value)).map((d) => error(file, d.message, lineOf(d.at)));
    return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  const settings = settingsOf(result.data, place);
  const problems = [...referenceProblems(result.data, lineOf, file), ...keyProblems(settings.keys, lineOf, file)];
  if (problems.length > 0) return { ok: false, errors: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, settings };
}
