/**
 * The fast front-matter reader, extended by the `machine:` block exactly as newsbridge writes
 * it (one flow mapping of plain scalars per line). A drafted article's front matter would
 * otherwise need the `yaml` package: about 0.5 ms instead of 0.04 ms per file, which a
 * library of machine-drafted feed articles pays for every article on a cold listing.
 * Anything else in the block returns null, and the caller uses the `yaml` package.
 */
import { fastFrontMatter, plain } from './fast-front-matter.js';

const MARK_LINE = /^ {2}(?:"([0-9]+)"|([A-Za-z_][A-Za-z0-9_-]*)): \{ (.*) \}$/;
const ITEM = /^([A-Za-z_][A-Za-z0-9_-]*): (.*)$/;

function flowMapping(inner: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const item of inner.split(', ')) {
    const m = ITEM.exec(item);
    if (!m) return null;
    const [, key = '', raw = ''] = m;
    // Flow indicators and comments are where a plain scalar stops being one inside { }.
    if (/[,[\]{}#]/.test(raw) || key === '__proto__' || Object.hasOwn(out, key)) return null;
    const value = plain(raw);
    if (value === null || value !== raw) return null;
    out[key] = value;
  }
  return out;
}

function marks(lines: readonly string[]): Record<string, Record<string, string>> | null {
  const out: Record<string, Record<string, string>> = {};
  for (const line of lines) {
    const m = MARK_LINE.exec(line);
    if (!m) return null;
    const key = m[1] ?? m[2] ?? '';
    const value = flowMapping(m[3] ?? '');
    // A plain key of digits would be a number to YAML; "__proto__" never becomes a prototype.
    if (!value || key === '__proto__' || (m[2] !== undefined && /^[0-9]/.test(key)) || Object.hasOwn(out, key)) return null;
    out[key] = value;
  }
  return lines.length > 0 ? out : null;
}

/** fastFrontMatter's result, with the machine marks; null when either part is outside the simple subset. */
export function fastEnglishFrontMatter(yaml: string): Record<string, unknown> | null {
  const lines = yaml.split('\n');
  const start = lines.indexOf('machine:');
  if (start < 0) return fastFrontMatter(yaml);
  let end = start + 1;
  while (end < lines.length && (lines[end] ?? '').startsWith('  ')) end++;
  const found = marks(lines.slice(start + 1, end));
  if (!found) return null;
  const rest = fastFrontMatter([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
  if (!rest || Object.hasOwn(rest, 'machine')) return null;
  return { ...rest, machine: found };
}
