/** A screen line as styled pieces: what every frame is made of, drawn by Ink or straight to the terminal. */

/** How a piece of text looks; colours by name or #rrggbb. */
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
  italic?: boolean;
}

export interface Segment {
  text: string;
  style: TextStyle;
}

export type StyledLine = Segment[];

export const seg = (text: string, style: TextStyle = {}): Segment => ({ text, style });
