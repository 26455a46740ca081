/**
 * The body of an article file as units: each raw paragraph parsed as a block (see blocks.ts),
 * and the numbered link list that may close the file taken off as links.
 */
import { coded, type Diagnostic } from './diagnostic.js';
import { isLinkList, parseBlock, parseLinkLines, type ArticleLink, type BlockSide } from './blocks.js';
import { splitParagraphs, type RawParagraph } from './front-matter.js';
import { articleLink } from './schema.js';

/** A body unit: its plain text (cleaned), its first line and its block structure. */
export interface BodyParagraph extends RawParagraph {
  shape: BlockSide;
}

export interface ParsedBody {
  paragraphs: BodyParagraph[];
  links: ArticleLink[];
  /** Line of the link list, when there is one. */
  linksLine?: number;
  /** Links that are not http(s) addresses, or repeat a number: dropped, and said why. */
  problems: Diagnostic[];
}

/** Parses body lines (`firstLine` is the file line of lines[0]). */
export function parseBody(lines: readonly string[], firstLine: number, file: string): ParsedBody {
  const raw = splitParagraphs(lines, firstLine);
  // The link list is the run of link-definition paragraphs at the very end.
  let end = raw.length;
  while (end > 0 && isLinkList(raw[end - 1]?.lines ?? [])) end--;
  const paragraphs = raw.slice(0, end).map((p) => {
    const shape = parseBlock(p.lines ?? [p.text]);
    return { text: shape.text, line: p.line, shape };
  });
  const links: ArticleLink[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const p of raw.slice(end)) {
    (p.lines ?? []).forEach((text, i) => {
      const line = p.line + i;
      for (const link of parseLinkLines([text])) {
        const checked = articleLink.safeParse(link);
        if (!checked.success) problems.push(coded('error', file, 'linkNotWeb', { n: link.n }, line));
        else if (seen.has(link.n)) problems.push(coded('error', file, 'linkTwice', { n: link.n }, line));
        else {
          seen.add(link.n);
          links.push(checked.data);
        }
      }
    });
  }
  links.sort((a, b) => a.n - b.n);
  const linksLine = raw[end]?.line;
  return { paragraphs, links, ...(linksLine !== undefined ? { linksLine } : {}), problems };
}
