/**
 * What the terminal sends, as key presses. Pure: the terminal session feeds
 * it bytes, and every key it returns becomes one message of the program.
 *
 * Written here rather than taken from a package: the message loop must see
 * every key of a read on its own, in order, with a lone Esc told apart from
 * the start of an escape sequence split across two reads. Ink's parser hands
 * a handler a pasted run of letters as one "key"; readline's emitKeypressEvents
 * needs a stream and a timer of its own.
 */

/** The keys with names (the key table binds them; a terminal sends them as escape sequences). */
export type NamedKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'backspace'
  | 'tab'
  | 'space';

/** One key press: a printable character (`input`) or a named key, with its modifiers. */
export interface KeyPress {
  /** The character typed ('' for a named key; the letter for Ctrl-letter). */
  input: string;
  /** An answer of the terminal to a question the program asked (OSC), not a key: its text. */
  report?: string;
  name: NamedKey | 'delete' | 'shiftTab' | null;
  ctrl: boolean;
  meta: boolean;
}

// A terminal's report (OSC, up to BEL or ST); a whole escape sequence: CSI (ESC [ … final, also ESC [ [ A), SS3 (ESC O x), ESC ESC … (Alt with a
// sequence). Anything else is one character (a code point). ESC followed by a character in the same
// read is Esc, then that character: the reader binds no Alt keys, and "Esc ?" typed fast must open help.
// eslint-disable-next-line no-control-regex
const TOKEN = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B{1,2}(?:\[\[?[0-?]*[ -/]*[@-~]|O[ -~])?|[\s\S]/gu;

// The start of an escape sequence that a read may have cut: kept until the next read or a short wait.
// eslint-disable-next-line no-control-regex
const UNFINISHED = /\u001B\][^\u0007\u001B]*\u001B?$|\u001B{1,2}(?:\[\[?[0-?]*[ -/]*|O)?$/u;

/** Splits what the terminal sent into key tokens; an unfinished escape sequence at the end is returned apart. */
export function splitKeys(chunk: string): { tokens: string[]; rest: string } {
  const cut = UNFINISHED.exec(chunk);
  const whole = cut ? chunk.slice(0, cut.index) : chunk;
  return { tokens: whole.match(TOKEN) ?? [], rest: cut ? cut[0] : '' };
}

const CSI_FINAL: Record<string, NamedKey> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Record<string, NamedKey | 'delete'> = {
  '1': 'home', '7': 'home', '4': 'end', '8': 'end', '5': 'pageUp', '6': 'pageDown', '3': 'delete',
};

const press = (input: string, name: KeyPress['name'] = null, ctrl = false, meta = false): KeyPress => ({ input, name, ctrl, meta });

/** xterm's modifier parameter (1 + shift·1 + alt·2 + ctrl·4). */
function modifiers(param: string | undefined): { ctrl: boolean; meta: boolean } {
  const n = Number(param ?? '1') - 1;
  return { ctrl: n > 0 && (n & 4) !== 0, meta: n > 0 && (n & 2) !== 0 };
}

/** The key one token stands for. */
export function parseKey(token: string): KeyPress {
  if (token === '\r' || token === '\n') return press('', 'enter'); // '\n': typed before raw mode was on
  if (token === '\t') return press('', 'tab');
  if (token === ' ') return press(' ', 'space');
  if (token === '\u007F' || token === '\b') return press('', 'backspace');
  if (token === '\u001B' || token === '\u001B\u001B') return press('', 'escape');
  // A terminal's answer (the background colour asked for at start): "ESC ] … BEL" or "… ESC \\".
  if (token.startsWith('\u001B]')) {
    const end = token.endsWith('\u0007') ? 1 : 2;
    return { ...press('', null, false, true), report: token.slice(2, token.length - end) };
  }
  if (token.startsWith('\u001B')) {
    const meta = token.startsWith('\u001B\u001B');
    const body = token.slice(meta ? 2 : 1);
    const csi = /^\[\[?([0-9;]*)([~A-Za-z])$/.exec(body);
    if (csi) {
      const [params = '', final = ''] = [csi[1], csi[2]];
      const parts = params.split(';');
      const mod = modifiers(parts[1]);
      if (final === 'Z') return press('', 'shiftTab');
      const name = final === '~' ? CSI_TILDE[parts[0] ?? ''] : CSI_FINAL[final];
      // A sequence for a key the reader has no use for (F5, Insert…) is no key at all.
      return name ? press('', name, mod.ctrl, mod.meta || meta) : press('', null, false, true);
    }
    const ss3 = /^O([A-DHF])$/.exec(body);
    if (ss3) return press('', CSI_FINAL[ss3[1] ?? ''] ?? null, false, meta);
    return body === '' ? press('', 'escape') : press('', null, false, true);
  }
  const code = token.codePointAt(0) ?? 0;
  // Ctrl-A … Ctrl-Z (Tab, Enter and Backspace were taken above).
  if (code >= 1 && code <= 26) return press(String.fromCharCode(code + 96), null, true);
  if (code < 32 || (code >= 0x7f && code <= 0x9f)) return press('', null, true);
  return press(token);
}

/**
 * Decodes terminal input across reads: `push` returns the keys of a chunk,
 * holding back an escape sequence the chunk cut short; `flush` gives up
 * waiting for the rest of it (a lone Esc is then Esc).
 */
export class KeyDecoder {
  private pending = '';

  push(chunk: string): KeyPress[] {
    const { tokens, rest } = splitKeys(this.pending + chunk);
    this.pending = rest;
    return tokens.map(parseKey);
  }

  /** True while the end of the last read may be the start of an escape sequence. */
  get waiting(): boolean {
    return this.pending !== '';
  }

  flush(): KeyPress[] {
    const text = this.pending;
    this.pending = '';
    if (text === '') return [];
    // What was held is whole as far as it goes: a lone Esc, or Esc followed by what came.
    return (text.match(TOKEN) ?? []).map(parseKey);
  }
}
