/** Checks on the raw bytes a program wrote to its terminal. */

// What Ink and the program draw with: SGR, cursor moves, erase, and private
// modes (alternate screen, cursor visibility, synchronised output).
// eslint-disable-next-line no-control-regex
const OWN_SEQUENCE = /^\u001B\[[0-9;?]*[mKHJABCDGhl]/;

/**
 * Everything in `bytes` that a terminal would act on beyond drawing: any
 * escape sequence outside the allow-list (OSC, DCS, device-status and
 * device-attribute requests, window operations…), C0 controls other than CR,
 * LF and ESC, C1 controls and bidi controls in the UTF-8 text. Returned as
 * JSON-quoted snippets with some context, for a readable failure.
 */
export function foreignSequences(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  const found: string[] = [];
  const report = (at: number, what: string) => found.push(`${what} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 30))}`);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x1b) {
      const own = OWN_SEQUENCE.exec(text.slice(i, i + 40));
      if (own) {
        i += own[0].length - 1;
        continue;
      }
      report(i, 'foreign escape sequence');
    } else if ((ch < 0x20 && ch !== 0x0a && ch !== 0x0d) || ch === 0x7f) {
      report(i, `C0 control U+${ch.toString(16).padStart(4, '0')}`);
    } else if (ch >= 0x80 && ch <= 0x9f) {
      report(i, `C1 control U+${ch.toString(16).padStart(4, '0')}`);
    } else if (ch === 0x061c || ch === 0x200e || ch === 0x200f || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)) {
      report(i, `bidi control U+${ch.toString(16)}`);
    }
    if (found.length >= 10) break;
  }
  return found;
}
