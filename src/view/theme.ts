/**
 * Colours by meaning, in one place. The no-colour theme keeps focus visible
 * with markers, inverse and bold, never with colour alone.
 */
import type { TextStyle } from '../layout/styled-line.js';

export type { TextStyle } from '../layout/styled-line.js';

export interface Theme {
  colour: boolean;
  /** The focused sentence or row. */
  focus: TextStyle;
  /** Evidence words of the selected fact. */
  evidence: TextStyle;
  /** Evidence inside the focused sentence. */
  focusEvidence: TextStyle;
  /** Search matches. */
  match: TextStyle;
  muted: TextStyle;
  heading: TextStyle;
  accent: TextStyle;
  warning: TextStyle;
  error: TextStyle;
  border: string | undefined;
  /** Marker drawn in the gutter of focused rows. */
  marker: string;
  /** Marker for unread articles. */
  unread: string;
}

export const COLOUR_THEME: Theme = {
  colour: true,
  focus: { backgroundColor: '#303a4a', color: 'whiteBright' },
  evidence: { color: 'black', backgroundColor: 'yellow' },
  focusEvidence: { color: 'black', backgroundColor: 'yellowBright', bold: true },
  match: { color: 'black', backgroundColor: 'cyan' },
  muted: { dimColor: true },
  heading: { bold: true, color: 'cyanBright' },
  accent: { color: 'cyan' },
  warning: { color: 'yellow' },
  error: { color: 'red', bold: true },
  border: 'gray',
  marker: '▌',
  unread: '●',
};

export const NO_COLOUR_THEME: Theme = {
  colour: false,
  focus: { bold: true },
  evidence: { underline: true },
  focusEvidence: { underline: true, bold: true },
  match: { inverse: true },
  muted: {},
  heading: { bold: true },
  accent: {},
  warning: { bold: true },
  error: { bold: true },
  border: undefined,
  marker: '▌',
  unread: '*',
};

/** Colours for a light background: dark text, pale highlights. */
export const LIGHT_THEME: Theme = {
  colour: true,
  focus: { backgroundColor: '#dce6f5', color: 'black' },
  evidence: { color: 'black', backgroundColor: '#ffe58a' },
  focusEvidence: { color: 'black', backgroundColor: '#ffd23f', bold: true },
  match: { color: 'black', backgroundColor: '#a8e6ef' },
  muted: { color: '#6a6a6a' },
  heading: { bold: true, color: '#0b4f9c' },
  accent: { color: '#0b4f9c' },
  warning: { color: '#8a5300' },
  error: { color: '#b00020', bold: true },
  border: '#9a9a9a',
  marker: '▌',
  unread: '●',
};

/** The theme for colour (or none) on a dark or a light background. */
export function themeFor(colour: boolean, background: 'dark' | 'light' = 'dark'): Theme {
  if (!colour) return NO_COLOUR_THEME;
  return background === 'light' ? LIGHT_THEME : COLOUR_THEME;
}
