/** A screen line as styled pieces: what Ink renders, and what the first frame is drawn from. */
import type { TextStyle } from '../ui/theme.js';

export interface Segment {
  text: string;
  style: TextStyle;
}

export type StyledLine = Segment[];

export const seg = (text: string, style: TextStyle = {}): Segment => ({ text, style });
