/**
 * Removes everything from untrusted text that a terminal would interpret:
 * escape sequences (CSI, OSC, DCS, …) as whole sequences, C0/C1 controls,
 * DEL and bidirectional controls. Tabs and newlines become spaces unless kept.
 */

// Whole escape sequences first, so no "[31m" residue is left once ESC is gone.
// CSI: ESC [ params intermediates final; OSC/DCS/SOS/PM/APC: ESC X … (BEL | ESC \ | end);
// two-character escapes: ESC followed by one byte in 0x20–0x7E.
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u001B\[[0-?]*[ -/]*[@-~]?|\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B[ -~]?|\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u009D\u0098\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)/g;

// C0 except tab/newline/CR, DEL, C1, bidi embeddings/overrides/isolates/marks,
// and the interlinear annotation / object replacement helpers.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;

// Unpaired UTF-16 surrogates cannot be encoded; show them as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface SanitiseOptions {
  /** Keep line breaks (for multi-line text such as a whole file); default false. */
  keepNewlines?: boolean;
}

// Anything any of the replacements below would touch (surrogates: paired ones too, to keep the test simple).
// Most texts contain none of it and are returned as they are, which is most of the cost of listing.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK_KEEPING_NEWLINES = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uD800-\uDFFF]/;

/** Strips terminal-active content from `input`; the result is safe to print. */
export function sanitise(input: string, options: SanitiseOptions = {}): string {
  if (!(options.keepNewlines ? NEEDS_WORK_KEEPING_NEWLINES : NEEDS_WORK).test(input)) return input;
  let out = input.replace(ESCAPE_SEQUENCE, '').replace(LONE_SURROGATE, '\uFFFD');
  out = options.keepNewlines ? out.replace(/\r\n?/g, '\n') : out.replace(/[\r\n]+/g, ' ');
  return out.replace(/\t/g, ' ').replace(CONTROL, '');
}

/**
 * How many characters sanitise() would remove from `input` (escape sequences whole, controls
 * one by one; tabs and line breaks, which become spaces, do not count): what an import reports
 * instead of dropping text silently.
 */
export function countRemoved(input: string): number {
  if (!NEEDS_WORK.test(input)) return 0;
  const withoutSequences = input.replace(ESCAPE_SEQUENCE, '');
  const controls = withoutSequences.replace(/[\t\r\n]/g, '').match(CONTROL)?.length ?? 0;
  return input.length - withoutSequences.length + controls;
}

/** True when `input` holds anything sanitise() would remove (for validate). */
export function hasControlCharacters(input: string): boolean {
  if (!NEEDS_WORK.test(input)) return false;
  ESCAPE_SEQUENCE.lastIndex = 0;
  CONTROL.lastIndex = 0;
  const found = ESCAPE_SEQUENCE.test(input) || CONTROL.test(input.replace(/[\t\r\n]/g, ''));
  ESCAPE_SEQUENCE.lastIndex = 0;
  CONTROL.lastIndex = 0;
  return found;
}

// Everything sanitise() removes character by character, plus tab, newline, CR and ESC.
const INVISIBLE_OR_ACTIVE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;

const ACTIVE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;

const escapeCode = (ch: string) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Makes control and bidi characters visible as `\uXXXX` instead of removing
 * them, for names the user must be able to find again (a folder, a YAML key).
 */
export function showControls(input: string): string {
  return input.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE_OR_ACTIVE, escapeCode);
}

/**
 * JSON for a terminal or a pipe: like JSON.stringify, but C1 controls, DEL and
 * bidi controls (which JSON allows raw inside strings) are written as `\uXXXX`
 * escapes too, so no byte of the output is terminal-active. Parses back to the
 * same value.
 */
export function terminalSafeJson(value: unknown, indent = 2): string {
  // JSON.stringify already escapes C0 inside strings (the newlines left are its layout);
  // the rest can only occur inside strings, where an escape means the same.
  return JSON.stringify(value, null, indent).replace(ACTIVE_IN_JSON, escapeCode);
}
