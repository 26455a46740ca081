/**
 * A frame as terminal text: the lines Ink draws for a state, and the first
 * frame written before Ink and React have loaded (so this module must not
 * import them).
 */
import type { AppState } from '../state/app-state.js';
import { appFrame } from './app-frame.js';
import { styledLineToAnsi } from './ansi.js';
import { themeFor } from './theme.js';

/** Lines as terminal text, for Ink and for the first frame written without it alike. */
export function frameText(state: AppState, trueColour: boolean): string[] {
  return appFrame(state, themeFor(state.looks.colour, state.looks.background)).map((line) => styledLineToAnsi(line, trueColour));
}
