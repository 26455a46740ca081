/** The one-line search field at the bottom of a screen. */
import React from 'react';
import { searchLine } from '../layout/library-frame.js';
import type { SearchField } from '../state/search-field.js';
import { StyledLines } from './styled-lines.js';
import { useUi } from './ui-context.js';

export function SearchLine({ field, width, note }: { field: SearchField; width: number; note?: string | undefined }) {
  const { t, theme } = useUi();
  return <StyledLines lines={[searchLine(field, width, note, t, theme)]} />;
}
