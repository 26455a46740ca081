/** The visible slice of the article's rows: German and English columns side by side. */
import { Box } from 'ink';
import React from 'react';
import { readerLines, type ReaderLinesInput } from '../../layout/reader-lines.js';
import { StyledLines } from '../styled-lines.js';
import { useUi } from '../ui-context.js';

export type { MarksFor, ParagraphMarks } from '../../layout/reader-lines.js';

export type TextRowsProps = Omit<ReaderLinesInput, 'theme'>;

export function TextRows(props: TextRowsProps) {
  const { theme } = useUi();
  return (
    <Box flexDirection="column" height={props.height}>
      <StyledLines lines={readerLines({ ...props, theme })} />
    </Box>
  );
}
