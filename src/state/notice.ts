/** The passing one-line message of the status bar: shown, and cleared after a while or by the next screen. */
import type { AppState } from './app-state.js';
import type { Effect } from './messages.js';

/** How long a message stays. */
export const NOTICE_MS = 6000;

/** Shows `text` (null clears the line). */
export function showNotice(state: AppState, text: string | null): [AppState, Effect[]] {
  if (text === null) return [state.notice === null ? state : { ...state, notice: null }, []];
  const id = state.notices + 1;
  return [{ ...state, notice: { text, id }, notices: id }, [{ type: 'expireNotice', id, afterMs: NOTICE_MS }]];
}
