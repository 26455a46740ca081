/**
 * A fast reader for the plain `key: value` front matter that almost every
 * article has. The `yaml` package takes ~120 µs per small document, which is
 * 2.4 s for the 20,000 front matters of a 10,000-article library; this takes a
 * few µs. Anything beyond the simple subset returns null, and the caller uses
 * the `yaml` package instead, so the result is always what YAML would give.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
// Plain scalars YAML would read as null, booleans or numbers (core schema), or that need its rules.
const TYPED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The text of a plain scalar (a trailing comment dropped), or null when YAML would read it as something else. */
export function plain(value: string): string | null {
  const text = value.replace(/[ \t]+#.*$/, '').replace(/[ \t]+$/, '');
  if (text === '' || SPECIAL_START.test(text) || TYPED.test(text) || text.includes(': ') || text.endsWith(':')) return null;
  return text;
}

function doubleQuoted(value: string): string | null {
  const text = value.replace(/[ \t]+$/, '');
  if (text.length < 2 || !text.endsWith('"')) return null;
  // JSON strings are YAML double-quoted strings; YAML-only escapes fall back.
  if (/\\[^"\\/bfnrtu]/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function singleQuoted(value: string): string | null {
  const text = value.replace(/[ \t]+$/, '');
  if (text.length < 2 || !text.endsWith("'")) return null;
  const inner = text.slice(1, -1);
  if (/(?<!')'(?!')/.test(inner.replace(/''/g, ''))) return null;
  return inner.replace(/''/g, "'");
}

function flowList(value: string): string[] | null {
  const text = value.replace(/[ \t]+$/, '');
  if (!text.endsWith(']')) return null;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? [] : null;
  // Only the plain "[a, b, c]" layout: other spacing is where YAML parsers disagree.
  const items = inner.split(', ');
  if (items.some((item) => item !== item.trim() || item.includes(','))) return null;
  const out: string[] = [];
  for (const item of items) {
    if (item === '' || /[[\]{}"'#:]/.test(item)) return null;
    const p = plain(item);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

/** The front matter as an object when it is in the simple subset, else null. */
export function fastFrontMatter(yaml: string): Record<string, string | string[]> | null {
  const out: Record<string, string | string[]> = {};
  for (const line of yaml.split('\n')) {
    if (/^[ \t]*$/.test(line) || line.startsWith('#')) continue;
    const clean = line.replace(/\r$/, '');
    // Trailing blanks and tabs are where YAML implementations disagree: leave them to the parser.
    if (/[ \t]$/.test(clean) || clean.includes('\t')) return null;
    const m = KEY.exec(clean);
    if (!m) return null;
    const key = m[1] as string;
    const raw = m[2] ?? '';
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return null;
    let value: string | string[] | null;
    if (raw.startsWith('"')) value = doubleQuoted(raw);
    else if (raw.startsWith("'")) value = singleQuoted(raw);
    else if (raw.startsWith('[')) value = flowList(raw);
    else value = plain(raw);
    if (value === null) return null;
    out[key] = value;
  }
  return out;
}
