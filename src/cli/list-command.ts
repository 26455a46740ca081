/** `newsbridge list [--json]`: one line per article, newest first. */
import type { LibraryEntry } from '../content/article.js';
import { showDiagnostic } from '../content/diagnostic.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { cacheDir } from '../storage/app-dirs.js';
import { isoDay } from '../i18n/format-date.js';
import { showControls } from '../text/sanitize.js';
import { jsonDocument } from './json-output.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
  unread?: boolean;
  feed?: string;
  since?: string;
}

/** JSON shape of one library entry (stable: scripts rely on it). */
export function entryJson(entry: LibraryEntry): unknown {
  if (!entry.ok) {
    return { id: entry.id, ok: false, errors: entry.errors.map((e) => ({ file: e.file, line: e.line ?? null, message: e.message })) };
  }
  const s = entry.summary;
  return {
    id: s.id,
    ok: true,
    title: s.title,
    source: s.source,
    published: s.published,
    url: s.url ?? null,
    translation: s.translation,
    feed: s.feed ?? null,
  };
}

/** Plain-text lines of the library listing. */
export function listLines(entries: readonly LibraryEntry[], ctx: CommandContext): string[] {
  return entries.map((entry) => {
    if (!entry.ok) {
      const first = entry.errors[0];
      // A folder name is shown with its controls made visible, so it can be found and renamed.
      return `${'?'.padEnd(10)}  ${showControls(entry.id)}  ${ctx.t('cli.brokenRow')}: ${first ? showDiagnostic(first) : ''}`;
    }
    const s = entry.summary;
    const status = ctx.t(`cli.status_${s.translation}`);
    const title = ctx.language === 'en' && s.title.en ? s.title.en : s.title.de;
    return `${isoDay(s.published, ctx.language).padEnd(10)}  ${s.id}  [${status}]  ${s.source} · ${title}`;
  });
}

export async function listCommand(options: ListOptions, ctx: CommandContext): Promise<number> {
  const { root, shown, flag } = await requireLibrary(ctx, options);
  const filter = options.unread || options.feed !== undefined || options.since !== undefined ? await (await import('./list-filter.js')).listFilter(root, options, flag, ctx) : null;
  const listed = await listLibraryIndexed(root, cacheDir(ctx.env));
  const { saveIndex } = listed;
  const entries = filter ? listed.entries.filter(filter) : listed.entries;
  if (options.json) ctx.out(jsonDocument('list', 1, { articles: entries.map(entryJson) }));
  // An empty filtered list is an answer, not an empty library.
  else if (entries.length === 0 && !filter) ctx.err(`${ctx.t('cli.emptyLibrary', { library: shown })}\n`);
  else if (entries.length > 0) ctx.out(`${listLines(entries, ctx).join('\n')}\n`);
  await saveIndex();
  return 0;
}
