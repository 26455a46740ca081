/**
 * Drawing styled lines straight to the terminal, without Ink: the library
 * screen's first frame goes out this way while Ink and React are still
 * loading, and Ink's own first render then draws the same lines over it.
 */
import type { StyledLine } from '../layout/styled-line.js';
import type { TextStyle } from '../layout/styled-line.js';

const FOREGROUND: Record<string, number> = {
  black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90, grey: 90,
  blackBright: 90, redBright: 91, greenBright: 92, yellowBright: 93, blueBright: 94, magentaBright: 95, cyanBright: 96, whiteBright: 97,
};

function rgbToAnsi256(r: number, g: number, b: number): number {
  if (r === g && g === b) {
    if (r < 8) return 16;
    if (r > 248) return 231;
    return Math.round(((r - 8) / 247) * 24) + 232;
  }
  return 16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5);
}

function colour(value: string, background: boolean, trueColour: boolean): string {
  const named = FOREGROUND[value];
  if (named !== undefined) return String(named + (background ? 10 : 0));
  const hex = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (!hex) return '';
  const [r, g, b] = [hex[1], hex[2], hex[3]].map((h) => parseInt(h ?? '0', 16)) as [number, number, number];
  const base = background ? 48 : 38;
  return trueColour ? `${base};2;${r};${g};${b}` : `${base};5;${rgbToAnsi256(r, g, b)}`;
}

/** The SGR escape that turns `style` on ('' for no style). */
export function sgr(style: TextStyle, trueColour = false): string {
  const codes: string[] = [];
  if (style.bold) codes.push('1');
  if (style.dimColor) codes.push('2');
  if (style.italic) codes.push('3');
  if (style.underline) codes.push('4');
  if (style.inverse) codes.push('7');
  if (style.color) codes.push(colour(style.color, false, trueColour));
  if (style.backgroundColor) codes.push(colour(style.backgroundColor, true, trueColour));
  const list = codes.filter(Boolean);
  return list.length === 0 ? '' : `\u001B[${list.join(';')}m`;
}

/** One line as terminal text, styles reset after every piece. */
export function styledLineToAnsi(line: StyledLine, trueColour = false): string {
  return line
    .map((s) => {
      const on = sgr(s.style, trueColour);
      return on ? `${on}${s.text}\u001B[0m` : s.text;
    })
    .join('');
}

/** The lines as terminal text, one per row. */
export function styledLinesToAnsi(lines: readonly StyledLine[], trueColour = false): string {
  return lines.map((line) => styledLineToAnsi(line, trueColour)).join('\n');
}
