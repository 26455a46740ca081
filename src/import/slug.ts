/** Article ids for imported articles: `YYYY-MM-DD-<title-slug>`, German letters spelled out. */
import { ID_PATTERN } from '../content/schema.js';

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };

/** Lower-case ASCII words joined by hyphens ("Müller & Söhne" → "mueller-soehne"). */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[äöüßÄÖÜẞ]/g, (c) => GERMAN[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts a slug to `max` characters, at a hyphen where one is near. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  const hyphen = head.lastIndexOf('-');
  return (hyphen >= max / 2 ? head.slice(0, hyphen) : head).replace(/-+$/, '');
}

/**
 * `YYYY-MM-DD-<slug of the title>`, at most 80 characters. A title with no Latin letters
 * (a Chinese headline) falls back to "artikel".
 */
export function articleIdFor(title: string, published: string | undefined): string {
  const day = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : '';
  const slug = slugify(title) || 'artikel';
  const id = day ? `${day}-${cut(slug, 80 - day.length - 1)}` : cut(slug, 80);
  return ID_PATTERN.test(id) ? id : 'artikel';
}
