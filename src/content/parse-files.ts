/**
 * Turning the text of one library file into typed, cleaned data, or into
 * diagnostics with file and line. No I/O here.
 */
import type { z } from 'zod';
import { cleanText } from '../text/normalize.js';
import { hasControlCharacters } from '../text/sanitize.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import {
  parseYaml,
  schemaDiagnostics,
  splitMarkdown,
  splitParagraphs,
  type RawParagraph,
} from './front-matter.js';
import { englishFrontMatter, factsFile, germanFrontMatter } from './schema.js';
import type { EnglishFrontMatter, FactsFile, GermanFrontMatter } from './schema.js';

export type Parsed<T> = { ok: true; value: T; problems: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/** Applies cleanText to every string inside a parsed YAML value. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = cleanStrings(v);
    return out as T;
  }
  return value;
}

/** One warning per line that holds control characters or escape sequences. */
export function controlCharacterProblems(source: string, file: string): Diagnostic[] {
  if (!hasControlCharacters(source)) return [];
  const out: Diagnostic[] = [];
  source.split('\n').forEach((line, i) => {
    if (out.length < 5 && hasControlCharacters(line)) {
      out.push(error(file, 'control characters or escape sequences (removed when shown)', i + 1));
    }
  });
  return out;
}

function parseFrontMatter<S extends z.ZodType>(
  source: string,
  file: string,
  schema: S,
): Parsed<{ meta: z.infer<S>; body: RawParagraph[] }> {
  const split = splitMarkdown(source);
  if (split.yaml === null) {
    return { ok: false, errors: [error(file, 'no front matter: the file must start with a "---" line, then YAML, then "---"', 1)] };
  }
  if (split.unterminated) {
    return { ok: false, errors: [error(file, 'front matter is not closed: add a "---" line after the YAML', 1)] };
  }
  const yaml = parseYaml(split.yaml, file, split.yamlLine);
  if (!yaml.ok) return yaml;
  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [error(file, 'front matter must be a YAML mapping (key: value lines)', split.yamlLine)] };
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    return { ok: false, errors: schemaDiagnostics(result.error, file, yaml.doc, yaml.counter, split.yamlLine) };
  }
  const body = splitParagraphs(split.bodyLines, split.bodyLine).map((p) => ({ ...p, text: cleanText(p.text) }));
  return { ok: true, value: { meta: cleanStrings(result.data), body }, problems: controlCharacterProblems(source, file) };
}

/** article.de.md: front matter and paragraphs. */
export function parseGerman(source: string, file: string): Parsed<{ meta: GermanFrontMatter; body: RawParagraph[] }> {
  const parsed = parseFrontMatter(source, file, germanFrontMatter);
  if (parsed.ok && parsed.value.body.length === 0) {
    parsed.problems.push(warning(file, 'the article has no paragraphs'));
  }
  return parsed;
}

/** An English paragraph that is only an HTML comment is a placeholder: not translated yet. */
export function isPlaceholder(text: string): boolean {
  return /^<!--[\s\S]*-->$/.test(text.trim());
}

/** article.en.md: front matter and paragraphs (placeholders become empty strings). */
export function parseEnglish(source: string, file: string): Parsed<{ meta: EnglishFrontMatter; body: RawParagraph[] }> {
  const parsed = parseFrontMatter(source, file, englishFrontMatter);
  if (!parsed.ok) return parsed;
  const body = parsed.value.body.map((p) => (isPlaceholder(p.text) ? { ...p, text: '' } : p));
  return { ...parsed, value: { ...parsed.value, body } };
}

/** facts.yaml: facts and glossary. */
export function parseFacts(source: string, file: string): Parsed<FactsFile> {
  const yaml = parseYaml(source, file);
  if (!yaml.ok) return yaml;
  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [error(file, 'must be a YAML mapping with "facts" and "glossary"', 1)] };
  }
  const result = factsFile.safeParse(value);
  if (!result.success) return { ok: false, errors: schemaDiagnostics(result.error, file, yaml.doc, yaml.counter, 1) };
  return { ok: true, value: cleanStrings(result.data), problems: controlCharacterProblems(source, file) };
}

/** Line of the n-th (0-based) entry of a top-level YAML list, for fact diagnostics. */
export function lineOfListEntry(source: string, key: 'facts' | 'glossary', index: number): number | undefined {
  const yaml = parseYaml(source, 'facts.yaml');
  if (!yaml.ok) return undefined;
  const node: unknown = yaml.doc.getIn([key, index], true);
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? yaml.counter.linePos(range[0]).line : undefined;
}
