/**
 * Changing the YAML front matter of a Markdown file while keeping the body byte for byte and
 * the YAML's comments and layout (the `yaml` package's document model re-writes only what
 * was changed).
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { YAML_OPTIONS } from './front-matter.js';

/**
 * `source` with its front matter changed by `change` (which says whether it changed
 * anything). A file without front matter gets one; front matter that does not parse is
 * left alone (null), since writing over it could lose what a person wrote.
 */
export function editFrontMatter(source: string, change: (doc: Document) => boolean): string | null {
  // The file's own line ends: CRLF, LF, or a lone CR (old Mac files).
  const newline = source.includes('\r\n') ? '\r\n' : source.includes('\n') || !source.includes('\r') ? '\n' : '\r';
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const hasFrontMatter = lines[0]?.trimEnd() === '---';
  const close = hasFrontMatter ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1;
  if (hasFrontMatter && close < 0) return null;
  const yaml = hasFrontMatter ? lines.slice(1, close).join('\n') : '';
  const doc = parseDocument(yaml, YAML_OPTIONS);
  if (doc.errors.length > 0) return null;
  if (!change(doc)) return source;
  keepMachineLast(doc);
  const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  const front = ['---', ...(text === '' || text === '{}' ? [] : text.split('\n')), '---'];
  const body = hasFrontMatter ? lines.slice(close + 1) : ['', ...lines];
  return [...front, ...body].join(newline);
}

/** The `machine:` marks stay below the fields a person reads first (title, dek). */
function keepMachineLast(doc: Document): void {
  if (!isMap(doc.contents)) return;
  const items = doc.contents.items;
  const at = items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'machine');
  if (at >= 0 && at < items.length - 1) items.push(...items.splice(at, 1));
}

/** article.en.md without the machine mark `key` (a paragraph number, "title" or "dek"); unchanged when it has none. */
export function dropMachineMark(source: string, key: string): string {
  const edited = editFrontMatter(source, (doc) => {
    if (!doc.hasIn(['machine', key])) return false;
    doc.deleteIn(['machine', key]);
    const rest = doc.get('machine') as { items?: unknown[] } | undefined;
    if (!rest?.items || rest.items.length === 0) doc.delete('machine');
    return true;
  });
  return edited ?? source;
}
