/**
 * The visible text of a DOM as blocks: one per block element (split at <br>), a list (<ul>,
 * <ol>) or a data table as one block with its items or rows, the links inside each block, and
 * whether a block is all bold (how many pages set an interview question). The DOM is walked
 * with an explicit stack, never by recursion, so no nesting depth can overflow the call stack.
 */
import type { Block, BlockLink, BlockTag } from './blocks.js';
import { cleanLine, continues } from './blocks.js';

/** The DOM interface the walker needs (linkedom's nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'input', 'textarea', 'iframe', 'object', 'canvas', 'figure', 'figcaption', 'head', 'title', 'meta', 'link']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'form',
  'address', 'hr', 'br', 'center', 'details', 'summary', 'body', 'html', 'fieldset', 'caption',
]);
const STRONG = new Set(['strong', 'b']);

/** A data table's cells stay short; a layout table holds whole paragraphs. */
const MAX_CELL = 200;

function tagOf(name: string): BlockTag | undefined {
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'item';
  if (name === 'blockquote') return 'quote';
  if (name === 'p') return 'paragraph';
  return undefined;
}

const isElement = (node: DomNode) => node.nodeType === 1;
const nameOf = (node: DomNode) => node.localName ?? '';

function hidden(node: DomNode): boolean {
  const value = node.getAttribute?.('hidden');
  return value !== null && value !== undefined;
}

/**
 * Every node under `root` in document order, without recursion; `descend` says whether to look
 * inside an element (false skips its subtree).
 */
function* descendants(root: DomNode, descend: (el: DomNode) => boolean): Generator<DomNode> {
  const stack: { nodes: ArrayLike<DomNode>; i: number }[] = [{ nodes: root.childNodes, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { nodes: ArrayLike<DomNode>; i: number };
    if (top.i >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.i++] as DomNode;
    yield node;
    if (isElement(node) && descend(node)) stack.push({ nodes: node.childNodes, i: 0 });
  }
}

/** The visible text under `root`, with a space wherever a block or line break separates words. */
function visibleText(root: DomNode, skip: (el: DomNode) => boolean = () => false): string {
  let out = '';
  for (const node of descendants(root, (el) => !SKIP.has(nameOf(el)) && !hidden(el) && !skip(el))) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (isElement(node) && (BLOCK.has(nameOf(node)) || nameOf(node) === 'br')) out += ' ';
  }
  return cleanLine(out);
}

/** An http(s) link's address (relative ones resolved later, against the page's address). */
function linkOf(el: DomNode): BlockLink | undefined {
  const href = el.getAttribute?.('href')?.trim();
  if (!href || /^(#|javascript:|mailto:|tel:|data:)/i.test(href)) return undefined;
  const text = visibleText(el);
  return text ? { text, url: href } : undefined;
}

function linksUnder(root: DomNode): BlockLink[] {
  const out: BlockLink[] = [];
  for (const node of descendants(root, (el) => !SKIP.has(nameOf(el)))) {
    if (isElement(node) && nameOf(node) === 'a') {
      const link = linkOf(node);
      if (link) out.push(link);
    }
  }
  return out;
}

/** A <ul>/<ol> as one block: each <li> an item (a nested list's items follow their parent's). */
function listBlock(list: DomNode): Omit<Block, 'line'> | undefined {
  const items: string[] = [];
  const isList = (el: DomNode) => nameOf(el) === 'ul' || nameOf(el) === 'ol';
  for (const node of descendants(list, (el) => !SKIP.has(nameOf(el)) && !hidden(el))) {
    if (isElement(node) && nameOf(node) === 'li') {
      const text = visibleText(node, isList);
      if (text !== '') items.push(text);
    }
  }
  // A list of one item is layout (a dek or a button in an <li>), read as the block it holds.
  if (items.length < 2) return undefined;
  const links = linksUnder(list);
  return { text: items.join(' '), tag: 'item', items, ...(links.length > 0 ? { links } : {}) };
}

/** A <table> of data as one block of rows; undefined for a layout table (nested tables, long cells, one column). */
function tableBlock(table: DomNode): Omit<Block, 'line'> | undefined {
  const rows: string[][] = [];
  let header = false;
  for (const node of descendants(table, (el) => !SKIP.has(nameOf(el)) && nameOf(el) !== 'tr')) {
    if (!isElement(node)) continue;
    const name = nameOf(node);
    if (name === 'table' || name === 'ul' || name === 'ol' || name === 'p' && (node.textContent ?? '').length > MAX_CELL) return undefined;
    if (name !== 'tr') continue;
    const cells = Array.from(node.childNodes).filter((c) => isElement(c) && (nameOf(c) === 'td' || nameOf(c) === 'th'));
    if (rows.length === 0) header = cells.length > 0 && cells.every((c) => nameOf(c) === 'th');
    const texts = cells.map((c) => visibleText(c));
    if (texts.some((t) => t.length > MAX_CELL) || [...descendants(node, () => true)].some((n) => isElement(n) && nameOf(n) === 'table')) return undefined;
    if (texts.some((t) => t !== '')) rows.push(texts);
  }
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || columns < 2) return undefined;
  const links = linksUnder(table);
  return { text: rows.map((r) => r.join(' ')).join(' '), rows, header, ...(links.length > 0 ? { links } : {}) };
}

interface Frame {
  nodes: ArrayLike<DomNode>;
  i: number;
  /** Inside how many <strong>/<b>. */
  strong: number;
  inherited: BlockTag | undefined;
  onExit?: () => void;
}

/** The visible text of `root` as blocks. */
export function domToBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let strongChars = 0;
  let links: BlockLink[] = [];
  let tag: BlockTag | undefined;
  let afterBreak = false;
  const flush = () => {
    const text = cleanLine(buffer);
    const last = blocks[blocks.length - 1];
    const strong = text !== '' && strongChars >= cleanLine(buffer).replace(/\s/g, '').length * 0.9;
    // Lines broken with <br> inside a sentence belong together; a <br> between items does not join them.
    if (text !== '' && afterBreak && last && !last.items && !last.rows && continues(last.text, text)) {
      last.text = `${last.text} ${text}`;
      if (links.length > 0) last.links = [...(last.links ?? []), ...links];
      if (!strong) delete last.strong;
    } else if (text !== '') {
      blocks.push({ text, line: blocks.length + 1, ...(tag ? { tag } : {}), ...(strong ? { strong } : {}), ...(links.length > 0 ? { links } : {}) });
    }
    buffer = '';
    strongChars = 0;
    links = [];
    afterBreak = false;
  };
  const push = (block: Omit<Block, 'line'>) => blocks.push({ ...block, line: blocks.length + 1 });
  const stack: Frame[] = [{ nodes: [root], i: 0, strong: 0, inherited: undefined }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.i >= frame.nodes.length) {
      stack.pop();
      frame.onExit?.();
      continue;
    }
    const node = frame.nodes[frame.i++] as DomNode;
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      buffer += text;
      if (frame.strong > 0) strongChars += text.replace(/\s/g, '').length;
      continue;
    }
    if (!isElement(node)) continue;
    const name = nameOf(node);
    if (SKIP.has(name) || hidden(node)) continue;
    if (name === 'br') {
      flush();
      afterBreak = true;
      continue;
    }
    if (name === 'a') {
      const link = linkOf(node);
      if (link) links.push(link);
    }
    const strong = frame.strong + (STRONG.has(name) ? 1 : 0);
    if (!BLOCK.has(name)) {
      stack.push({ nodes: node.childNodes, i: 0, strong, inherited: frame.inherited });
      continue;
    }
    const structured = name === 'ul' || name === 'ol' ? listBlock(node) : name === 'table' ? tableBlock(node) : undefined;
    if (structured) {
      flush();
      push(structured);
      continue;
    }
    flush();
    // A paragraph inside a quotation is part of the quotation.
    const own = frame.inherited === 'quote' && name === 'p' ? 'quote' : (tagOf(name) ?? frame.inherited);
    const outer = frame.inherited;
    tag = own;
    stack.push({
      nodes: node.childNodes,
      i: 0,
      strong,
      inherited: own,
      onExit: () => {
        flush();
        tag = outer;
      },
    });
  }
  flush();
  return blocks;
}
