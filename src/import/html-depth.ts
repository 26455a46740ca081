/**
 * A cap on how deeply HTML may nest before it is parsed. Parsing and walking a DOM nested
 * 100,000 levels deep takes linkedom tens of seconds (its time grows faster than the depth)
 * and Readability's recursion overflows the stack; no real page nests more than a few dozen
 * levels. So the markup is scanned once, linearly, and tags opened beyond the cap are dropped
 * (with their closing tags): the text inside them is kept, flattened into the element at the
 * cap. A lexical scan, not a parser: it only needs to count well enough to bound the depth.
 */

/** The deepest element nesting imported as it is. */
export const MAX_HTML_DEPTH = 256;

// Elements that never have children, and those whose end tag is implied by the next sibling
// (counting them would make a page of unclosed <p> look deep).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'bgsound', 'frame', 'image', '!doctype']);
const IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'colgroup', 'caption']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// A comment, or a tag with its attributes (quoted values may hold ">").
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w:-]*|!doctype)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

export interface CappedHtml {
  html: string;
  /** The deepest nesting the scan counted. */
  depth: number;
  /** True when tags beyond the cap were dropped. */
  flattened: boolean;
}

/** `html` with its nesting held to `max` levels (unchanged when it nests no deeper). */
export function capHtmlDepth(html: string, max = MAX_HTML_DEPTH): CappedHtml {
  let depth = 0;
  let deepest = 0;
  const drop: [number, number][] = [];
  let lower: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue;
    const closing = m[1] === '/';
    const selfClosing = /\/\s*$/.test(m[3] ?? '');
    if (!closing && RAW_TEXT.has(name)) {
      // Skip to the end tag: what a script holds is not markup.
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, TOKEN.lastIndex);
      const close = end < 0 ? -1 : html.indexOf('>', end);
      TOKEN.lastIndex = close < 0 ? html.length : close + 1;
      continue;
    }
    if (VOID.has(name) || IMPLIED.has(name) || selfClosing) continue;
    if (closing) {
      if (depth > max) drop.push([m.index, m.index + m[0].length]);
      depth = Math.max(0, depth - 1);
      continue;
    }
    depth++;
    if (depth > deepest) deepest = depth;
    if (depth > max) drop.push([m.index, m.index + m[0].length]);
  }
  if (drop.length === 0) return { html, depth: deepest, flattened: false };
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of drop) {
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), depth: deepest, flattened: true };
}
