/** Metadata strings (titles, deks, names) made plain: character references decoded, text cleaned. */
import { decodeHTML } from 'entities';
import { cleanLine } from './blocks.js';

/**
 * JSON-LD, some meta tags, feed titles and text dumps carry "&#8211;" or "&amp;uuml;" as
 * written, which no parser decodes there; they are decoded (twice at most: "&amp;#8211;" is an
 * escaped reference meant as "–"), then the text is cleaned like every imported line.
 */
export function metaText(value: string): string {
  let text = value;
  for (let i = 0; i < 2 && /&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text); i++) text = decodeHTML(text);
  return cleanLine(text);
}
