/**
 * Keys written as text ("j", "PgDn", "Ctrl-D"), as a config file names them, and the key
 * table with a user's remapping applied. Pure: input matching itself stays in keymap.ts.
 */
import { KEYMAP, keyLabel, type Binding, type Command, type KeyScope, type KeySpec, type NamedKey } from './keymap.js';

/** Names a person may write for each named key (compared without case); the help labels work too. */
const NAMES: Record<string, NamedKey> = {
  up: 'up', '↑': 'up',
  down: 'down', '↓': 'down',
  left: 'left', '←': 'left',
  right: 'right', '→': 'right',
  pgup: 'pageUp', pageup: 'pageUp',
  pgdn: 'pageDown', pgdown: 'pageDown', pagedown: 'pageDown',
  home: 'home',
  end: 'end',
  enter: 'enter', return: 'enter',
  esc: 'escape', escape: 'escape',
  backspace: 'backspace',
  tab: 'tab',
  space: 'space',
};

const CTRL = /^(?:ctrl|control|c)[-+](.+)$/i;

/**
 * The key a text names: one printable character ("j", "?", "G"), a key name ("Down", "↓",
 * "PgDn", "Enter", "Esc", "Space"…), or Ctrl with a letter or a key name ("Ctrl-D",
 * "Ctrl+PgDn", "C-d"). Null when it names no key the reader can tell apart.
 */
export function parseKeySpec(text: string): KeySpec | null {
  if (text === ' ') return { name: 'space' };
  const trimmed = text.trim();
  const ctrl = CTRL.exec(trimmed);
  if (ctrl) {
    const rest = ctrl[1] ?? '';
    if (/^[a-z]$/i.test(rest)) return { ctrlChar: rest.toLowerCase() };
    const name = NAMES[rest.toLowerCase()];
    return name ? { name, ctrl: true } : null;
  }
  const name = NAMES[trimmed.toLowerCase()];
  if (name) return { name };
  const chars = [...trimmed];
  // One visible character; whitespace and controls are not keys anyone can bind in a config file.
  if (chars.length !== 1 || /[\p{C}\s]/u.test(trimmed)) return null;
  return { char: trimmed };
}

/** One string per distinct key, for telling whether two specs are the same key. */
export function keyId(spec: KeySpec): string {
  return keyLabel(spec);
}

/** New keys for some commands; a command not named keeps its keys. */
export type KeyRemap = Partial<Record<Command, readonly KeySpec[]>>;

/** Ctrl-C always quits: the terminal must be given back whatever the config says. */
export const RESERVED_QUIT: KeySpec = { ctrlChar: 'c' };

/** The key table with `remap` applied (Ctrl-C stays on quitNow). */
export function remapKeymap(remap: KeyRemap, keymap: readonly Binding[] = KEYMAP): Binding[] {
  return keymap.map((binding) => {
    const keys = remap[binding.command];
    if (!keys) return binding;
    const kept = binding.command === 'quitNow' && !keys.some((k) => keyId(k) === keyId(RESERVED_QUIT)) ? [...keys, RESERVED_QUIT] : keys;
    return { ...binding, keys: kept };
  });
}

/** Two commands that one key would trigger in the same places. */
export interface KeyConflict {
  key: string;
  commands: [Command, Command];
  scopes: Exclude<KeyScope, 'global'>[];
}

const PLACES: readonly Exclude<KeyScope, 'global'>[] = ['list', 'reader', 'panel'];

/** Every key bound to two commands in one scope (a global binding counts in every scope), once per pair. */
export function keyConflicts(keymap: readonly Binding[]): KeyConflict[] {
  const found = new Map<string, KeyConflict>();
  for (const scope of PLACES) {
    const seen = new Map<string, Command>();
    for (const binding of keymap) {
      if (!binding.scopes.includes(scope) && !binding.scopes.includes('global')) continue;
      for (const spec of binding.keys) {
        const id = keyId(spec);
        const other = seen.get(id);
        if (other === undefined) seen.set(id, binding.command);
        else if (other !== binding.command) {
          const pair = `${id}\0${other}\0${binding.command}`;
          const known = found.get(pair);
          if (known) known.scopes.push(scope);
          else found.set(pair, { key: id, commands: [other, binding.command], scopes: [scope] });
        }
      }
    }
  }
  return [...found.values()];
}

/** Every command of the key table, in its order. */
export function commandNames(keymap: readonly Binding[] = KEYMAP): Command[] {
  return keymap.map((b) => b.command);
}
