/** The start screen: one row per article, newest first, with a filter. */
import { Box, Text } from 'ink';
import React from 'react';
import type { LibraryEntry } from '../../content/article.js';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { formatPublished } from '../../i18n/format-date.js';
import type { LibraryState } from '../../state/library-state.js';
import type { View } from '../../state/reader-state.js';
import { displayWidth, padEnd, truncate } from '../../text/display-width.js';
import { keysOf } from '../keymap.js';
import { SearchLine } from '../search-line.js';
import { useUi } from '../ui-context.js';
import { titleFor } from './library-rows.js';

export interface LibraryScreenProps {
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
  /** Note shown under the list (e.g. "searching article texts…"). */
  note?: string;
  /** Width of the widest source name (computed once per library). */
  sourceWidth: number;
}

const STATUS_WIDTH = 12;

interface RowProps {
  entry: LibraryEntry;
  selected: boolean;
  width: number;
  view: View;
  unread: boolean;
  sourceWidth: number;
}

function Row({ entry, selected, width, view, unread, sourceWidth: widest }: RowProps) {
  const { t, language, theme } = useUi();
  const marker = selected ? `${theme.marker} ` : '  ';
  const dot = unread ? `${theme.unread} ` : '  ';
  const rowStyle = selected ? theme.focus : {};
  if (!entry.ok) {
    const first = entry.errors[0];
    const message = `${entry.id} — ${t('ui.library.broken')}: ${first ? formatDiagnostic(first) : ''}`;
    return (
      <Text wrap="truncate-end">
        <Text {...theme.focus} color={selected && theme.colour ? theme.focus.color : undefined} bold={selected}>
          {marker}
        </Text>
        <Text {...theme.error}>{'! '}</Text>
        <Text {...rowStyle} {...theme.error}>{truncate(message, width - 4)}</Text>
      </Text>
    );
  }
  const s = entry.summary;
  const date = formatPublished(s.published, language);
  const dateWidth = Math.max(11, displayWidth(date));
  const sourceWidth = width >= 100 ? Math.min(24, widest) : width >= 70 ? Math.min(12, widest) : 0;
  const statusWidth = width >= 60 ? STATUS_WIDTH : 0;
  const titleWidth = Math.max(8, width - 4 - dateWidth - 1 - (sourceWidth ? sourceWidth + 1 : 0) - (statusWidth ? statusWidth + 1 : 0));
  const status = t(`ui.status.${s.translation}`);
  const statusStyle = s.translation === 'reviewed' ? theme.accent : s.translation === 'draft' ? theme.warning : theme.muted;
  return (
    <Text wrap="truncate-end">
      <Text bold={selected}>{marker}</Text>
      <Text {...theme.accent}>{dot}</Text>
      <Text {...rowStyle} {...theme.muted}>{padEnd(date, dateWidth)} </Text>
      {sourceWidth > 0 && <Text {...rowStyle} {...theme.muted}>{padEnd(s.source, sourceWidth)} </Text>}
      <Text {...rowStyle} bold={selected || unread}>{padEnd(titleFor(entry, view), titleWidth)}</Text>
      {statusWidth > 0 && <Text {...statusStyle}> {padEnd(status, statusWidth)}</Text>}
    </Text>
  );
}

export function LibraryScreen(props: LibraryScreenProps) {
  const { t, theme } = useUi();
  const { entries, visible, state, width, listRows } = props;
  const { list, search } = state;
  const rows = visible.slice(list.scrollTop, list.scrollTop + listRows);
  const heading = `${t('ui.library.title')} · ${props.libraryName} · ${t('ui.library.count', { count: entries.length })}`;
  const position = visible.length === 0 ? '' : t('ui.library.position', { n: list.selected + 1, total: visible.length });
  const keys = t('ui.library.keys', { open: keysOf('open').split(' ')[0], search: '/', help: '?', quit: 'q' });
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.heading} wrap="truncate-end">{truncate(heading, width)}</Text>
      <Box flexDirection="column" height={listRows}>
        {entries.length === 0 ? (
          <Text wrap="wrap">{t('ui.library.empty', { library: props.libraryName })}</Text>
        ) : visible.length === 0 ? (
          <Text {...theme.muted}>{t('ui.library.noMatches', { query: search.query })}</Text>
        ) : (
          rows.map((index, i) => {
            const entry = entries[index] as LibraryEntry;
            return (
              <Row
                key={entry.id}
                entry={entry}
                selected={list.scrollTop + i === list.selected}
                width={width}
                view={props.view}
                unread={entry.ok && !props.read(entry.id)}
                sourceWidth={props.sourceWidth}
              />
            );
          })
        )}
      </Box>
      {search.editing || search.query !== '' ? (
        <SearchLine field={search} width={width} note={props.note} />
      ) : (
        <Text {...theme.muted} wrap="truncate-end">{truncate(props.note ?? '', width)}</Text>
      )}
      <Text {...theme.muted} wrap="truncate-end">{truncate(`${position}${position ? ' · ' : ''}${keys}`, width)}</Text>
    </Box>
  );
}
