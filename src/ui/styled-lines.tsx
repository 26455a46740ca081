/**
 * Renders styled lines (from src/layout) as Ink text: one <Text> per line,
 * its styles already turned into escape codes. Ink measures and copies every
 * text node on every frame, so one node per line (rather than one per styled
 * piece) is what keeps a key press under a frame's time on a full screen.
 */
import { Box, Text } from 'ink';
import React, { memo } from 'react';
import type { StyledLine } from '../layout/styled-line.js';
import { styledLineToAnsi } from './first-frame.js';

const Line = memo(function Line({ line }: { line: StyledLine }) {
  return <Text wrap="truncate-end">{line.length === 0 ? ' ' : styledLineToAnsi(line)}</Text>;
});

export function StyledLines({ lines }: { lines: readonly StyledLine[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Line key={i} line={line} />
      ))}
    </Box>
  );
}
