/** Small steps shared by the screens' updates. */
import { translatorFor, type Translate } from '../i18n/translate.js';
import { screenLayout } from '../layout/screen-layout.js';
import type { AppState } from './app-state.js';
import type { Effect } from './messages.js';

/** The next state and the effects to run. */
export type Update = [AppState, Effect[]];

/** Ends the program (the runtime saves and gives the terminal back). */
export function quit(state: AppState): Update {
  return [{ ...state, quitting: true }, [{ type: 'quit' }]];
}

/** The translator of the state's interface language. */
export function tOf(state: Pick<AppState, 'language'>): Translate {
  return translatorFor(state.language);
}

/** The terminal is too small to read in: only quitting works. */
export function isTooSmall(state: Pick<AppState, 'size'>): boolean {
  return screenLayout(state.size.columns, state.size.rows, 'both', false).tooSmall;
}
