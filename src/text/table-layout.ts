/**
 * A table as lines of text: in columns when they fit the width, else as "label: value" rows
 * (the header's cell as the label, or the row's first cell when there is no header). Widths
 * are display widths, so CJK and emoji cells keep the columns straight.
 */
import { displayWidth, padEnd } from './display-width.js';
import { wrapText } from './wrap.js';

const GAP = '  ';

/** Lines of `rows` at most `width` columns wide (undefined: no limit). */
export function layoutTable(rows: readonly (readonly string[])[], header: boolean, width: number | undefined): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (columns === 0) return [];
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns - 1);
  if (width === undefined || total <= width) return inColumns(rows, header, widths);
  return asLabelledRows(rows, header, width);
}

function inColumns(rows: readonly (readonly string[])[], header: boolean, widths: readonly number[]): string[] {
  const line = (cells: readonly string[]) => widths.map((w, c) => padEnd(cells[c] ?? '', w)).join(GAP).trimEnd();
  const out = rows.map(line);
  if (header && out.length > 0) out.splice(1, 0, widths.map((w) => '─'.repeat(w)).join(GAP));
  return out;
}

/** Each row as its cells one under the other, each after its label; rows apart by a blank line. */
function asLabelledRows(rows: readonly (readonly string[])[], header: boolean, width: number): string[] {
  const labels = header ? (rows[0] ?? []) : [];
  const body = header ? rows.slice(1) : rows;
  const out: string[] = [];
  if (header && body.length === 0) return wrapped(labels.join(' · '), width, '');
  body.forEach((row, r) => {
    if (r > 0) out.push('');
    if (header) {
      row.forEach((cell, c) => {
        const label = labels[c] ?? '';
        out.push(...wrapped(label ? `${label}: ${cell}` : cell, width, '  '));
      });
    } else {
      const [first = '', ...rest] = row;
      out.push(...wrapped(rest.length > 0 ? `${first}: ${rest.join(' · ')}` : first, width, '  '));
    }
  });
  return out;
}

/** `text` wrapped to `width`, lines after the first indented by `indent`. */
function wrapped(text: string, width: number, indent: string): string[] {
  const first = wrapText(text, width);
  if (first.length <= 1 || indent === '') return first.map((l) => l.text);
  const head = first[0]?.text ?? '';
  const rest = text.slice(first[0]?.end ?? 0).trim();
  return [head, ...wrapText(rest, Math.max(1, width - indent.length)).map((l) => `${indent}${l.text}`)];
}
