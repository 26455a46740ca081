/** The one-line search field at the bottom of a screen. */
import { Text } from 'ink';
import React from 'react';
import type { SearchField } from '../state/search-field.js';
import { truncate } from '../text/display-width.js';
import { useUi } from './ui-context.js';

export function SearchLine({ field, width, note }: { field: SearchField; width: number; note?: string | undefined }) {
  const { t, theme } = useUi();
  const cursor = field.editing ? '█' : '';
  const hint = field.editing ? t('ui.search.editingHint') : t('ui.search.doneHint');
  const text = `/${field.query}${cursor}  ${note ? `${note} · ` : ''}${hint}`;
  return (
    <Text {...(field.editing ? theme.accent : theme.muted)} wrap="truncate-end">
      {truncate(text, width)}
    </Text>
  );
}
