/** How the screen should look, from the colour switch, the config's theme and width, and what the terminal says. */
import type { Looks } from '../state/app-state.js';

/** Asks the terminal for its background colour (OSC 11); the answer comes back as input. */
export const ASK_BACKGROUND = '\u001B]11;?\u001B\\';

/**
 * The background COLORFGBG describes ("fg;bg" or "fg;default;bg", set by rxvt, Konsole and
 * others): colours 0–6 and 8 are dark, 7 and 9–15 light. Null when it says nothing.
 */
export function backgroundFromEnv(env: NodeJS.ProcessEnv): 'dark' | 'light' | null {
  const last = (env['COLORFGBG'] ?? '').split(';').pop() ?? '';
  if (!/^\d+$/.test(last)) return null;
  const colour = Number(last);
  return colour === 7 || (colour >= 9 && colour <= 15) ? 'light' : 'dark';
}

export function looksFor(colour: boolean, theme: 'dark' | 'light' | 'auto', width: number | undefined, env: NodeJS.ProcessEnv): Looks {
  const base = { colour, ...(width !== undefined ? { maxWidth: width } : {}) };
  if (theme !== 'auto') return { ...base, background: theme };
  const fromEnv = backgroundFromEnv(env);
  return fromEnv ? { ...base, background: fromEnv } : { ...base, background: 'dark', followTerminal: true };
}
