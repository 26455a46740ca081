/** Shown instead of the screens when the terminal is too small to read in. */
import { Text } from 'ink';
import React from 'react';
import { MIN_COLUMNS, MIN_ROWS } from '../layout/screen-layout.js';
import { wrapText } from '../text/wrap.js';
import { useUi } from './ui-context.js';

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const { t, theme } = useUi();
  const text = t('ui.tooSmall', { columns, rows, minColumns: MIN_COLUMNS, minRows: MIN_ROWS });
  const lines = wrapText(text, Math.max(1, columns)).slice(0, Math.max(1, rows - 1));
  return <Text {...theme.warning}>{lines.map((l) => l.text).join('\n')}</Text>;
}
