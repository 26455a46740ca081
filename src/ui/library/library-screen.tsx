/** The start screen: one row per article, newest first, with a filter (lines from libraryFrame). */
import React from 'react';
import { libraryFrame, type LibraryFrameInput } from '../../layout/library-frame.js';
import { StyledLines } from '../styled-lines.js';
import { useUi } from '../ui-context.js';

export type LibraryScreenProps = Omit<LibraryFrameInput, 't' | 'language' | 'theme'>;

export function LibraryScreen(props: LibraryScreenProps) {
  const { t, language, theme } = useUi();
  return <StyledLines lines={libraryFrame({ ...props, t, language, theme })} />;
}
