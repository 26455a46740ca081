/**
 * Splitting a Markdown file into YAML front matter and body paragraphs.
 * Written by hand (gray-matter and friends do not report line numbers for the
 * body, and we need the line of every paragraph for `file:line` messages).
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ZodError } from 'zod';
import { sanitise } from '../text/sanitize.js';
import { coded, error, type Diagnostic } from './diagnostic.js';
import { issueMessage } from './schema-messages.js';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from './yaml-depth.js';

/** YAML limits: aliases can expand exponentially ("billion laughs"). */
export const YAML_OPTIONS = { maxAliasCount: 50, uniqueKeys: true, prettyErrors: false } as const;

export interface SplitMarkdown {
  /** The YAML between the `---` lines, or null when the file has none. */
  yaml: string | null;
  /** 1-based line where the YAML starts. */
  yamlLine: number;
  /** Lines after the closing `---`. */
  bodyLines: string[];
  /** 1-based line number of bodyLines[0]. */
  bodyLine: number;
  /** True when the opening `---` has no closing line (e.g. a truncated read). */
  unterminated: boolean;
}

/**
 * Line breaks as LF: CRLF (Windows) and a lone CR (old Mac files, some exports) are line
 * breaks too. One CR becomes one LF, so line numbers stay right.
 */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Separates front matter from body; accepts CRLF, lone CR and a byte-order mark. */
export function splitMarkdown(source: string): SplitMarkdown {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return { yaml: null, yamlLine: 1, bodyLines: lines, bodyLine: 1, unterminated: false };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    return { yaml: lines.slice(1).join('\n'), yamlLine: 2, bodyLines: [], bodyLine: lines.length + 1, unterminated: true };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    bodyLines: lines.slice(close + 1),
    bodyLine: close + 2,
    unterminated: false,
  };
}

export interface RawParagraph {
  text: string;
  /** 1-based line where the paragraph starts in its file. */
  line: number;
  /** Its lines, trimmed (block markers such as `- ` live at their starts). */
  lines?: string[];
}

/** Paragraphs are separated by blank lines; lines inside one are joined by spaces. */
export function splitParagraphs(lines: readonly string[], firstLine: number): RawParagraph[] {
  const out: RawParagraph[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      if (current.length > 0) out.push({ text: current.join(' '), line: firstLine + start, lines: current });
      current = [];
      return;
    }
    if (current.length === 0) start = i;
    current.push(line.trim());
  });
  if (current.length > 0) out.push({ text: current.join(' '), line: firstLine + start, lines: current });
  return out;
}

export type YamlResult =
  | { ok: true; value: unknown; doc: Document; counter: LineCounter }
  | { ok: false; errors: Diagnostic[] };

/** What to do about the mistakes curators make most often. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: ' (a value holding ": " must be in quotes)',
};

/** The error for YAML nested deeper than MAX_YAML_DEPTH, or null (checked before any parser runs). */
export function yamlDepthError(source: string, file: string, firstLine = 1): Diagnostic | null {
  const at = yamlTooDeepAt(source);
  if (at === null) return null;
  return error(file, `YAML nested more than ${MAX_YAML_DEPTH} levels deep; not read (a library file needs only a few)`, at + firstLine - 1);
}

/** Parses YAML with capped aliases and nesting; syntax errors come back with their line. */
export function parseYaml(source: string, file: string, firstLine = 1): YamlResult {
  const tooDeep = yamlDepthError(source, file, firstLine);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const counter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter: counter });
  if (doc.errors.length > 0) {
    // The parser can report one mistake several times on a line ("a: b: c" is two nested mappings): say it once.
    const seen = new Set<string>();
    const errors: Diagnostic[] = [];
    for (const e of doc.errors) {
      // With prettyErrors off the parser sets no linePos: find the line from the offset.
      const line = (e.linePos?.[0].line ?? counter.linePos(e.pos[0]).line) + firstLine - 1;
      const message = `YAML: ${firstSentence(e.message)}${YAML_HINTS[e.code] ?? ''}`;
      if (seen.has(`${line}:${message}`)) continue;
      seen.add(`${line}:${message}`);
      errors.push(error(file, message, line));
      if (errors.length === 5) break;
    }
    return { ok: false, errors };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
    return { ok: true, value, doc, counter };
  } catch (cause) {
    return { ok: false, errors: [error(file, `YAML: ${firstSentence(String((cause as Error).message))}`, firstLine)] };
  }
}

/** The line of the YAML node at `path` (or of its nearest existing parent). */
export function lineOfPath(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  firstLine: number,
): number {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + firstLine - 1;
  }
  return firstLine;
}

/** Zod issues as diagnostics in plain words, each on the line of the offending YAML node. */
export function schemaDiagnostics(
  err: ZodError,
  file: string,
  doc: Document,
  counter: LineCounter,
  firstLine: number,
): Diagnostic[] {
  return err.issues.slice(0, 10).map((issue) => {
    // An unknown key is reported on its own line, not on the line of the mapping holding it.
    let at: readonly PropertyKey[] = issue.path;
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) at = [...issue.path, issue.keys[0]];
    // Both languages are worked out here, where the issue is at hand (see the "schema" message).
    return coded('error', file, 'schema', { en: sanitise(issueMessage(issue, 'en')), de: sanitise(issueMessage(issue, 'de')) }, lineOfPath(doc, counter, at, firstLine));
  });
}

function firstSentence(message: string): string {
  // Parser messages may quote the source (a tag, an alias): never pass its controls on.
  return sanitise(message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '').trim() ?? message);
}
