/** Renders styled lines (from src/layout) as Ink text, one <Text> per line. */
import { Box, Text } from 'ink';
import React from 'react';
import type { StyledLine } from '../layout/styled-line.js';

export function StyledLines({ lines }: { lines: readonly StyledLine[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((s, j) => (
                <Text key={j} {...s.style}>
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
