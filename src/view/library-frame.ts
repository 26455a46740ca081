/**
 * The library screen as styled lines, computed without React: the Ink
 * component renders these lines, and the first frame is drawn from them
 * before Ink has even loaded (see src/ui/first-frame.ts).
 */
import path from 'node:path';
import type { LibraryEntry } from '../content/article.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { formatPublished, widestPublished } from '../i18n/format-date.js';
import type { UiLanguage } from '../i18n/language.js';
import type { Translate } from '../i18n/translate.js';
import type { LibraryState } from '../state/library-state.js';
import type { View } from '../state/reader-state.js';
import type { SearchField } from '../state/search-field.js';
import { displayWidth, padEnd, truncate } from '../text/display-width.js';
import type { Theme } from './theme.js';
import { seg, type StyledLine } from '../layout/styled-line.js';

export interface LibraryFrameInput {
  entries: readonly LibraryEntry[];
  /** Indices into `entries` that pass the filter, in order. */
  visible: readonly number[];
  state: LibraryState;
  view: View;
  read: (id: string) => boolean;
  width: number;
  /** Rows for the list itself. */
  listRows: number;
  libraryName: string;
  /** Note shown under the list (a warning, "searching article texts…"). */
  note: string | undefined;
  /** Width of the widest source name. */
  sourceWidth: number;
  /**
   * How many articles the whole library has, when `entries` holds only the
   * newest of them (a first frame drawn from the index's head).
   */
  total?: number;
  /** Nothing is known of the library yet (a cold start, before its folders are counted): no count, no "empty". */
  starting?: boolean;
  /** Unread articles (of the feed shown, or of all), when known. */
  unread?: number;
  /** The feed shown, when one is chosen: its name, and how many articles it has. */
  feed?: { name: string; articles: number };
  t: Translate;
  language: UiLanguage;
  theme: Theme;
}

const STATUS_WIDTH = 12;

/** The title in the reading language (English falls back to German). */
export function titleFor(entry: LibraryEntry, view: View): string {
  if (!entry.ok) return entry.id;
  const { title } = entry.summary;
  return view === 'de' ? title.de : (title.en ?? title.de);
}

function row(entry: LibraryEntry, selected: boolean, unread: boolean, o: LibraryFrameInput): StyledLine {
  const { t, theme, width } = o;
  const marker = seg(selected ? `${theme.marker} ` : '  ', selected ? { ...theme.accent, bold: true } : {});
  const focus = selected ? theme.focus : {};
  if (!entry.ok) {
    const first = entry.errors[0];
    const problem = first ? formatDiagnostic(first) : '';
    // The row already names the library and the article: its files are shown from the folder on.
    const folder = `${o.libraryName}${path.sep}${entry.id}${path.sep}`;
    const message = `${entry.id} — ${t('ui.library.broken')}: ${problem.startsWith(folder) ? problem.slice(folder.length) : problem}`;
    return [marker, seg('! ', theme.error), seg(truncate(message, width - 4), { ...focus, ...theme.error })];
  }
  const s = entry.summary;
  const date = formatPublished(s.published, o.language);
  const dateWidth = Math.max(widestPublished(o.language, displayWidth), displayWidth(date));
  const sourceWidth = width >= 100 ? Math.min(24, o.sourceWidth) : width >= 70 ? Math.min(12, o.sourceWidth) : 0;
  const statusWidth = width >= 60 ? STATUS_WIDTH : 0;
  const titleWidth = Math.max(8, width - 4 - dateWidth - 1 - (sourceWidth ? sourceWidth + 1 : 0) - (statusWidth ? statusWidth + 1 : 0));
  const statusStyle = s.translation === 'reviewed' ? theme.accent : s.translation === 'draft' ? theme.warning : theme.muted;
  const line: StyledLine = [
    marker,
    seg(unread ? `${theme.unread} ` : '  ', theme.accent),
    seg(`${padEnd(date, dateWidth)} `, { ...focus, ...theme.muted }),
  ];
  if (sourceWidth > 0) line.push(seg(`${padEnd(s.source, sourceWidth)} `, { ...focus, ...theme.muted }));
  line.push(seg(padEnd(titleFor(entry, o.view), titleWidth), { ...focus, bold: selected || unread }));
  if (statusWidth > 0) line.push(seg(` ${padEnd(t(`ui.status.${s.translation}`), statusWidth)}`, statusStyle));
  return line;
}

/** The search field line. */
export function searchLine(field: SearchField, width: number, note: string | undefined, t: Translate, theme: Theme): StyledLine {
  const cursor = field.editing ? '█' : '';
  const hint = field.editing ? t('ui.search.editingHint') : t('ui.search.doneHint');
  const text = `/${field.query}${cursor}  ${note ? `${note} · ` : ''}${hint}`;
  return [seg(truncate(text, width), field.editing ? theme.accent : theme.muted)];
}

/** Every line of the library screen: heading, `listRows` rows, a note or search line, the status line. */
export function libraryFrame(o: LibraryFrameInput): StyledLine[] {
  const { entries, visible, state, width, listRows, t, theme } = o;
  const { list, search } = state;
  const count = t('ui.library.count', { count: o.feed?.articles ?? o.total ?? entries.length });
  const unread = o.unread ? ` · ${t('ui.library.unread', { count: o.unread })}` : '';
  const heading = `${t('ui.library.title')} · ${o.libraryName}${o.feed ? ` · ${o.feed.name}` : ''}${o.starting ? '' : ` · ${count}${unread}`}`;
  const lines: StyledLine[] = [[seg(truncate(heading, width), theme.heading)]];
  if (o.starting) {
    // Rows come with the first articles read.
  } else if (entries.length === 0) {
    lines.push([seg(truncate(t('ui.library.empty', { library: o.libraryName }), width))]);
  } else if (visible.length === 0) {
    lines.push([seg(truncate(t('ui.library.noMatches', { query: search.query }), width), theme.muted)]);
  } else {
    for (let i = list.scrollTop; i < Math.min(visible.length, list.scrollTop + listRows); i++) {
      const entry = entries[visible[i] as number] as LibraryEntry;
      lines.push(row(entry, i === list.selected, entry.ok && !o.read(entry.id), o));
    }
  }
  while (lines.length < listRows + 1) lines.push([]);
  lines.push(search.editing || search.query !== '' ? searchLine(search, width, o.note, t, theme) : [seg(truncate(o.note ?? '', width), theme.muted)]);
  const position = visible.length === 0 ? '' : t('ui.library.position', { n: list.selected + 1, total: o.total ?? visible.length });
  const keys = t('ui.library.keys', { open: 'Enter', search: '/', help: '?', quit: 'q' });
  lines.push([seg(truncate(`${position}${position ? ' · ' : ''}${keys}`, width), theme.muted)]);
  return lines;
}
