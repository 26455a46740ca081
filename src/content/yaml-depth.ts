/**
 * A cap on how deeply YAML may nest, checked before any parser sees the text. The parsers
 * (yaml, js-yaml) compose nodes recursively: tens of thousands of `[` exhaust the stack, and
 * near its end V8 can abort the whole process (a failed RegExp compile is fatal, not a
 * catchable error). No library file needs more than a few levels.
 */
import { Lexer } from 'yaml';

/** Deepest nesting accepted: levels of flow brackets plus columns of block indentation. */
export const MAX_YAML_DEPTH = 100;

/**
 * The 1-based line (counted from the text's first line) where nesting first exceeds
 * `max`, or null when it never does. Linear in the text; the yaml package's lexer, which is a
 * loop and not recursive, decides what is quoted, a comment or structure.
 */
export function yamlTooDeepAt(text: string, max = MAX_YAML_DEPTH): number | null {
  if (!mayBeTooDeep(text, max)) return null;
  let line = 1;
  let flow = 0;
  let atLineStart = true;
  let block = 0;
  for (const token of new Lexer().lex(text)) {
    const first = token.charCodeAt(0);
    // The lexer's own markers (document start, scalar start…) are single control characters.
    if (token.length === 1 && first < 32 && first !== 9 && first !== 10) continue;
    if (token === '\n' || token === '\r\n') {
      line++;
      atLineStart = true;
      if (flow === 0) block = 0;
      continue;
    }
    // Comments and scalars may span lines: count the line breaks inside them.
    if (token.length > 1) {
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
    }
    if (token === '[' || token === '{') {
      flow++;
      if (flow + block > max) return line;
      continue;
    }
    if (token === ']' || token === '}') {
      flow = Math.max(0, flow - 1);
      continue;
    }
    if (flow > 0) continue;
    if (/^[ \t]+$/.test(token)) {
      if (atLineStart) block = token.length;
    } else if (token === '-' || token === '?' || token === ':') {
      // Compact nesting on one line ("- - - x", "? - x") adds a level per indicator.
      block += 2;
      atLineStart = false;
    } else {
      atLineStart = false;
    }
    if (block > max) return line;
  }
  return null;
}

/**
 * A quick upper bound: every bracket in the text, wherever it is, plus the longest run of
 * indentation and indicators at a line start. Files under the cap by this measure skip the lexer.
 */
function mayBeTooDeep(text: string, max: number): boolean {
  let brackets = 0;
  let lead = 0;
  let longest = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) brackets++;
    if (c === 10) {
      leading = true;
      lead = 0;
    } else if (leading && (c === 32 || c === 9 || c === 45 || c === 63 || c === 58)) {
      lead++;
      if (lead > longest) longest = lead;
    } else {
      leading = false;
    }
  }
  return brackets + longest * 2 > max;
}
