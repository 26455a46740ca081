/** What a terminal shows for some bytes: xterm's headless terminal, compared cell by cell. */
import xterm from '@xterm/headless';

export type Screen = InstanceType<typeof xterm.Terminal>;

/** A terminal of `columns`×`rows` after `bytes` were written to it. */
export async function screenOf(bytes: string, columns: number, rows: number): Promise<Screen> {
  // convertEol: a terminal's output processing turns a line feed into CR LF (ONLCR is on in raw mode too).
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  await new Promise<void>((resolve) => term.write(bytes, resolve));
  return term;
}

/** The screen's text; a blank written and a cell never written look the same. */
export function screenText(term: Screen): string {
  const buffer = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => (buffer.getLine(y)?.translateToString() ?? '').trimEnd()).join('\n');
}

/** Every cell as its text and attributes (colours, bold, dim, italic, underline, inverse), row by row. */
export function screenCells(term: Screen): string[][] {
  const buffer = term.buffer.active;
  const out: string[][] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(y);
    const row: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      const c = line?.getCell(x);
      if (!c) continue;
      row.push([c.getChars() || ' ', c.getFgColorMode(), c.getFgColor(), c.getBgColorMode(), c.getBgColor(), c.isBold(), c.isDim(), c.isItalic(), c.isUnderline(), c.isInverse()].join(':'));
    }
    out.push(row);
  }
  return out;
}

/** Cells that differ between two screens, as "row,column: a ≠ b" (the first ten). */
export function screenDifferences(a: Screen, b: Screen): string[] {
  const left = screenCells(a);
  const right = screenCells(b);
  const out: string[] = [];
  left.forEach((row, y) =>
    row.forEach((cell, x) => {
      const other = right[y]?.[x];
      if (cell !== other && out.length < 10) out.push(`${y},${x}: ${cell} ≠ ${other ?? '-'}`);
    }),
  );
  return out;
}
