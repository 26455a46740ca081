/**
 * Turning the text of one library file into typed, cleaned data, or into
 * diagnostics with file and line. No I/O here.
 */
import jsyaml from 'js-yaml';
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import { cleanText } from '../text/normalize.js';
import { hasControlCharacters, showControls } from '../text/sanitize.js';
import { coded, error, type Diagnostic } from './diagnostic.js';
import { lineOfPath, normaliseLineEnds, parseYaml, schemaDiagnostics, splitMarkdown, splitParagraphs, yamlDepthError, type RawParagraph } from './front-matter.js';
import { parseBody, type BodyParagraph } from './parse-body.js';
import { isLinkList, parseBlock, type ArticleLink } from './blocks.js';
import { fastEnglishFrontMatter } from './fast-machine-marks.js';
import { englishFrontMatter, factsFile, germanFrontMatter } from './schema.js';
import type { EnglishFrontMatter, FactsFile, GermanFrontMatter } from './schema.js';

export type Parsed<T> = { ok: true; value: T; problems: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/** Applies cleanText to every string inside a parsed YAML value. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties: a "__proto__" key stays a key and never becomes the prototype.
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, cleanStrings(v)])) as T;
  }
  return value;
}

const MAX_LINE_PROBLEMS = 5;

/**
 * One error per line that holds control characters or escape sequences, raw
 * in the file or written as YAML escapes ("\e[31m", "\x9b") in `yaml` (the
 * parsed value, with the document that gives its lines); and one per line
 * with bytes that were not UTF-8 (decoded as U+FFFD).
 */
export function controlCharacterProblems(
  source: string,
  file: string,
  yaml?: { value: unknown; text: string; firstLine: number },
): Diagnostic[] {
  const lines = new Set<number>();
  const undecodable: number[] = [];
  if (hasControlCharacters(source) || source.includes('\uFFFD')) {
    source.split('\n').forEach((line, i) => {
      if (hasControlCharacters(line)) lines.add(i + 1);
      if (line.includes('\uFFFD')) undecodable.push(i + 1);
    });
  }
  const paths = yaml ? controlPaths(yaml.value, []) : [];
  if (yaml && paths.length > 0) {
    // Only hostile files get here: parsing the YAML again for its lines costs nothing that matters.
    const parsed = parseYaml(yaml.text, file, yaml.firstLine);
    for (const at of paths) lines.add(parsed.ok ? lineOfPath(parsed.doc, parsed.counter, at, yaml.firstLine) : yaml.firstLine);
  }
  return [
    ...[...lines].sort((a, b) => a - b).slice(0, MAX_LINE_PROBLEMS).map((line) => coded('error', file, 'controlCharacters', {}, line)),
    ...undecodable.slice(0, MAX_LINE_PROBLEMS).map((line) => coded('error', file, 'notUtf8', {}, line)),
  ];
}

/** Paths to the strings of a parsed YAML value that hold control characters. */
function controlPaths(value: unknown, at: PropertyKey[]): PropertyKey[][] {
  if (typeof value === 'string') return hasControlCharacters(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v: unknown, i) => controlPaths(v, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => controlPaths(v, [...at, key]));
  }
  return [];
}

/** Keys that the schema checks would drop silently (zod skips them in records): refused, with their line. */
const RESERVED_KEYS = new Set(['__proto__']);

/** One error per reserved key anywhere in a parsed YAML value, on the key's own line. */
function reservedKeyErrors(value: unknown, file: string, doc: Document, counter: LineCounter, firstLine: number): Diagnostic[] {
  const found: PropertyKey[][] = [];
  // Iterative: the value is capped in depth already, but a walk should not rely on it.
  const stack: { v: unknown; at: PropertyKey[] }[] = [{ v: value, at: [] }];
  while (stack.length > 0 && found.length < MAX_LINE_PROBLEMS) {
    const { v, at } = stack.pop() as { v: unknown; at: PropertyKey[] };
    if (Array.isArray(v)) v.forEach((item: unknown, i) => stack.push({ v: item, at: [...at, i] }));
    else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (RESERVED_KEYS.has(key)) found.push([...at, key]);
        else stack.push({ v: item, at: [...at, key] });
      }
    }
  }
  return found.map((at) => {
    // "facts #2 label", "alignment": where the key sits, entries counted from 1 as the curator counts.
    const where = at.slice(0, -1).map((k) => (typeof k === 'number' ? `#${k + 1}` : showControls(String(k)))).join(' ');
    return error(file, `${where ? `${where}: ` : ''}"${String(at.at(-1))}" is a reserved name and cannot be a key; remove it`, lineOfPath(doc, counter, at, firstLine));
  });
}

/** Schema errors plus the reserved keys the schema said nothing about (a strict object names them itself). */
function withReserved(reserved: Diagnostic[], schema: Diagnostic[]): Diagnostic[] {
  const named = (d: Diagnostic) => schema.some((s) => s.line === d.line && s.message.includes('__proto__'));
  return [...reserved.filter((d) => !named(d)), ...schema];
}

/** A file's front matter and its body units (with the link list that may close it). */
export interface ParsedArticleFile<M> {
  meta: M;
  body: BodyParagraph[];
  links: ArticleLink[];
  /** Line of the link list, when there is one. */
  linksLine?: number;
}

function parseFrontMatter<S extends z.ZodType>(raw: string, file: string, schema: S): Parsed<ParsedArticleFile<z.infer<S>>> {
  const source = normaliseLineEnds(raw);
  const split = splitMarkdown(source);
  if (split.yaml === null) return { ok: false, errors: [coded('error', file, 'noFrontMatter', {}, 1)] };
  if (split.unterminated) return { ok: false, errors: [coded('error', file, 'frontMatterNotClosed', {}, 1)] };
  // The common simple case skips the full YAML parser; errors always go through it for their lines.
  const fast = fastEnglishFrontMatter(split.yaml);
  let result = fast ? schema.safeParse(fast) : null;
  if (!result?.success) {
    const yaml = parseYaml(split.yaml, file, split.yamlLine);
    if (!yaml.ok) return yaml;
    const value = yaml.value ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, errors: [coded('error', file, 'frontMatterNotMapping', {}, split.yamlLine)] };
    }
    const reserved = reservedKeyErrors(value, file, yaml.doc, yaml.counter, split.yamlLine);
    result = schema.safeParse(value);
    if (!result.success || reserved.length > 0) {
      return { ok: false, errors: withReserved(reserved, result.success ? [] : schemaDiagnostics(result.error, file, yaml.doc, yaml.counter, split.yamlLine)) };
    }
  }
  const body = parseBody(split.bodyLines, split.bodyLine, file);
  const problems = [...controlCharacterProblems(source, file, { value: result.data, text: split.yaml, firstLine: split.yamlLine }), ...body.problems];
  const value: ParsedArticleFile<z.infer<S>> = {
    meta: cleanStrings(result.data),
    body: body.paragraphs,
    links: body.links,
    ...(body.linksLine !== undefined ? { linksLine: body.linksLine } : {}),
  };
  return { ok: true, value, problems };
}

/** article.de.md: front matter and paragraphs. */
export function parseGerman(source: string, file: string): Parsed<ParsedArticleFile<GermanFrontMatter>> {
  const parsed = parseFrontMatter(source, file, germanFrontMatter);
  if (parsed.ok && parsed.value.body.length === 0) {
    parsed.problems.push(coded('warning', file, 'noParagraphs'));
  }
  return parsed;
}

/** An English paragraph that is only an HTML comment is a placeholder: not translated yet. */
export function isPlaceholder(text: string): boolean {
  return /^<!--[\s\S]*-->$/.test(text.trim());
}

/** article.en.md: front matter and paragraphs (placeholders become empty strings). */
export function parseEnglish(source: string, file: string): Parsed<ParsedArticleFile<EnglishFrontMatter>> {
  const parsed = parseFrontMatter(source, file, englishFrontMatter);
  if (!parsed.ok) return parsed;
  const body = parsed.value.body.map((p) => (isPlaceholder(p.text) ? { ...p, text: '', shape: { kind: 'paragraph' as const, text: '' } } : p));
  return { ...parsed, value: { ...parsed.value, body } };
}

/**
 * Whether the body of article.en.md holds any English: what
 * `parseEnglish(source).value.body.some((p) => p.text !== '')` says (placeholders and the link
 * list do not count), without parsing more of the body than it takes to know. The library
 * list asks this of every article; the first paragraph usually answers it.
 */
export function englishBodyHasText(source: string): boolean {
  const split = splitMarkdown(normaliseLineEnds(source));
  if (split.yaml === null || split.unterminated) return false;
  const raw = splitParagraphs(split.bodyLines, split.bodyLine);
  let end = raw.length;
  while (end > 0 && isLinkList(raw[end - 1]?.lines ?? [])) end--;
  for (let i = 0; i < end; i++) {
    const p = raw[i] as RawParagraph;
    const text = parseBlock(p.lines ?? [p.text]).text;
    if (text !== '' && !isPlaceholder(text)) return true;
  }
  return false;
}

/**
 * The happy path for facts.yaml: js-yaml reads a typical file about eight
 * times faster than the `yaml` package (which `validate` on a large library
 * feels). Files with anchors, aliases or `__proto__` keys, and anything that
 * fails, go through the `yaml` package, which caps aliases and knows lines.
 */
function quickFacts(source: string): FactsFile | null {
  if (/(^|[\s[{,])[&*][^\s]|__proto__|^%/m.test(source)) return null;
  try {
    const result = factsFile.safeParse(jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA }) ?? {});
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** facts.yaml: facts and glossary. */
export function parseFacts(raw: string, file: string): Parsed<FactsFile> {
  const source = normaliseLineEnds(raw);
  // Before js-yaml too: it recurses like any YAML parser.
  const tooDeep = yamlDepthError(source, file);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const quick = quickFacts(source);
  if (quick) return { ok: true, value: cleanStrings(quick), problems: controlCharacterProblems(source, file, { value: quick, text: source, firstLine: 1 }) };
  const yaml = parseYaml(source, file);
  if (!yaml.ok) return yaml;
  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [coded('error', file, 'factsNotMapping', {}, 1)] };
  }
  const reserved = reservedKeyErrors(value, file, yaml.doc, yaml.counter, 1);
  const result = factsFile.safeParse(value);
  if (!result.success || reserved.length > 0) {
    return { ok: false, errors: withReserved(reserved, result.success ? [] : schemaDiagnostics(result.error, file, yaml.doc, yaml.counter, 1)) };
  }
  return { ok: true, value: cleanStrings(result.data), problems: controlCharacterProblems(source, file, { value: result.data, text: source, firstLine: 1 }) };
}

/** Where one entry of a facts.yaml list is: its first line, and the line of each of its keys. */
export interface EntryLines {
  line: number | undefined;
  keys: ReadonlyMap<string, number>;
}

/** Lines of every entry of the top-level `facts` and `glossary` lists (one YAML parse). */
export function listEntryLines(source: string): { facts: EntryLines[]; glossary: EntryLines[] } {
  const yaml = parseYaml(source, 'facts.yaml');
  const lines = (list: 'facts' | 'glossary'): EntryLines[] => {
    if (!yaml.ok) return [];
    const lineAt = (node: unknown) => {
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      return range ? yaml.counter.linePos(range[0]).line : undefined;
    };
    const items = (yaml.doc.get(list, true) as { items?: unknown[] } | undefined)?.items ?? [];
    return items.map((node) => {
      const keys = new Map<string, number>();
      for (const pair of isMap(node) ? node.items : []) {
        const line = lineAt(pair.key);
        if (line !== undefined && isScalar(pair.key) && typeof pair.key.value === 'string' && !keys.has(pair.key.value)) keys.set(pair.key.value, line);
      }
      return { line: lineAt(node), keys };
    });
  };
  return { facts: lines('facts'), glossary: lines('glossary') };
}
