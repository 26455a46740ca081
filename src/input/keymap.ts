/**
 * The one table of commands → keys → descriptions. It drives input matching,
 * the help overlay and the README's key list (scripts/keys-markdown.ts).
 */
import type { KeyPress, NamedKey } from './keys.js';

export type { NamedKey } from './keys.js';

/** Where a binding applies. */
export type KeyScope = 'global' | 'list' | 'reader' | 'panel';

export type Command =
  | 'down'
  | 'up'
  | 'top'
  | 'bottom'
  | 'halfDown'
  | 'halfUp'
  | 'pageDown'
  | 'pageUp'
  | 'open'
  | 'back'
  | 'nextArticle'
  | 'prevArticle'
  | 'cycleView'
  | 'toggleFacts'
  | 'switchTab'
  | 'toggleUnit'
  | 'reveal'
  | 'search'
  | 'searchNext'
  | 'searchPrev'
  | 'openUrl'
  | 'edit'
  | 'help'
  | 'quit'
  | 'quitNow'
  | 'suspend'
  | 'refresh'
  | 'nextUnread'
  | 'markAllRead'
  | 'undoMarkAll'
  | 'pickFeed';

/** A key: a printable character, or a named key with optional Ctrl. */
export type KeySpec = { char: string } | { name: NamedKey; ctrl?: boolean } | { ctrlChar: string };


export interface Binding {
  command: Command;
  scopes: readonly KeyScope[];
  keys: readonly KeySpec[];
  /** i18n key of the description shown in help. */
  description: `keys.${Command}`;
}

const MOVE: readonly KeyScope[] = ['list', 'reader', 'panel'];
const c = (char: string): KeySpec => ({ char });
const n = (name: NamedKey): KeySpec => ({ name });
const ctrl = (ctrlChar: string): KeySpec => ({ ctrlChar });

/** Every command with its keys, in the order help shows them. */
export const KEYMAP: readonly Binding[] = [
  { command: 'down', scopes: MOVE, keys: [c('j'), n('down')], description: 'keys.down' },
  { command: 'up', scopes: MOVE, keys: [c('k'), n('up')], description: 'keys.up' },
  { command: 'top', scopes: MOVE, keys: [c('g'), n('home')], description: 'keys.top' },
  { command: 'bottom', scopes: MOVE, keys: [c('G'), n('end')], description: 'keys.bottom' },
  { command: 'halfDown', scopes: MOVE, keys: [c('d'), ctrl('d')], description: 'keys.halfDown' },
  { command: 'halfUp', scopes: MOVE, keys: [c('u'), ctrl('u')], description: 'keys.halfUp' },
  { command: 'pageDown', scopes: MOVE, keys: [n('pageDown'), n('space')], description: 'keys.pageDown' },
  { command: 'pageUp', scopes: MOVE, keys: [n('pageUp')], description: 'keys.pageUp' },
  { command: 'open', scopes: ['list', 'reader', 'panel'], keys: [n('enter'), c('l'), n('right')], description: 'keys.open' },
  { command: 'back', scopes: ['reader', 'panel', 'list'], keys: [n('escape'), c('h'), n('left'), n('backspace')], description: 'keys.back' },
  { command: 'nextArticle', scopes: ['reader', 'panel'], keys: [c('J')], description: 'keys.nextArticle' },
  { command: 'prevArticle', scopes: ['reader', 'panel'], keys: [c('K')], description: 'keys.prevArticle' },
  { command: 'cycleView', scopes: ['list', 'reader', 'panel'], keys: [c('t')], description: 'keys.cycleView' },
  { command: 'toggleFacts', scopes: ['reader', 'panel'], keys: [c('f')], description: 'keys.toggleFacts' },
  { command: 'switchTab', scopes: ['panel'], keys: [n('tab')], description: 'keys.switchTab' },
  { command: 'toggleUnit', scopes: ['reader', 'panel'], keys: [c('s')], description: 'keys.toggleUnit' },
  { command: 'reveal', scopes: ['reader', 'panel'], keys: [c('r')], description: 'keys.reveal' },
  { command: 'search', scopes: ['list', 'reader'], keys: [c('/')], description: 'keys.search' },
  { command: 'searchNext', scopes: ['list', 'reader'], keys: [c('n')], description: 'keys.searchNext' },
  { command: 'searchPrev', scopes: ['list', 'reader'], keys: [c('N')], description: 'keys.searchPrev' },
  { command: 'openUrl', scopes: ['list', 'reader', 'panel'], keys: [c('o')], description: 'keys.openUrl' },
  { command: 'edit', scopes: ['reader', 'panel'], keys: [c('e')], description: 'keys.edit' },
  { command: 'refresh', scopes: ['list'], keys: [c('R')], description: 'keys.refresh' },
  { command: 'pickFeed', scopes: ['list'], keys: [c('F')], description: 'keys.pickFeed' },
  { command: 'nextUnread', scopes: ['list', 'reader', 'panel'], keys: [c('U')], description: 'keys.nextUnread' },
  { command: 'markAllRead', scopes: ['list'], keys: [c('A')], description: 'keys.markAllRead' },
  { command: 'undoMarkAll', scopes: ['list'], keys: [c('Z')], description: 'keys.undoMarkAll' },
  { command: 'help', scopes: ['global'], keys: [c('?')], description: 'keys.help' },
  { command: 'quit', scopes: ['global'], keys: [c('q')], description: 'keys.quit' },
  { command: 'quitNow', scopes: ['global'], keys: [c('Q'), ctrl('c')], description: 'keys.quitNow' },
  { command: 'suspend', scopes: ['global'], keys: [ctrl('z')], description: 'keys.suspend' },
];

function matches(spec: KeySpec, key: KeyPress): boolean {
  if ('ctrlChar' in spec) return key.ctrl && key.name === null && key.input.toLowerCase() === spec.ctrlChar;
  if ('name' in spec) return key.name === spec.name && (spec.ctrl ?? false) === key.ctrl;
  return key.name === null && !key.ctrl && !key.meta && key.input === spec.char;
}

/** The command a key press means in `scope` (global bindings apply everywhere), or null. */
export function commandFor(key: KeyPress, scope: Exclude<KeyScope, 'global'>, keymap: readonly Binding[] = KEYMAP): Command | null {
  for (const binding of keymap) {
    if (!binding.scopes.includes(scope) && !binding.scopes.includes('global')) continue;
    if (binding.keys.some((spec) => matches(spec, key))) return binding.command;
  }
  return null;
}

const NAMED_LABELS: Record<NamedKey, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  backspace: 'Backspace',
  tab: 'Tab',
  space: 'Space',
};

/** How a key is written in help: "j", "↓", "Ctrl-D". */
export function keyLabel(spec: KeySpec): string {
  if ('ctrlChar' in spec) return `Ctrl-${spec.ctrlChar.toUpperCase()}`;
  if ('name' in spec) return `${spec.ctrl ? 'Ctrl-' : ''}${NAMED_LABELS[spec.name]}`;
  return spec.char;
}
