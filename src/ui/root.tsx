/**
 * The only React in the program: draws the frame of the program's state.
 * Ink is the writer that diffs one frame against the last; all input,
 * state and layout live outside React (src/state, src/view).
 */
import { Box, Text } from 'ink';
import React, { memo, useMemo, useSyncExternalStore } from 'react';
import type { AppState } from '../state/app-state.js';
import { frameText } from '../view/frame-text.js';

/** The program as the screen sees it: its state, and word when it changes. */
export interface Store {
  getState: () => AppState;
  subscribe: (listener: () => void) => () => void;
}

// One text node per line, its styles already escape codes: Ink measures and copies every node on
// every frame, so one node per line (not per styled piece) keeps a key press under a frame's time.
const Line = memo(function Line({ text }: { text: string }) {
  return <Text wrap="truncate-end">{text === '' ? ' ' : text}</Text>;
});

export function Root({ store, trueColour }: { store: Store; trueColour: boolean }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const lines = useMemo(() => frameText(state, trueColour), [state, trueColour]);
  return (
    <Box flexDirection="column">
      {lines.map((text, i) => (
        <Line key={i} text={text} />
      ))}
    </Box>
  );
}
