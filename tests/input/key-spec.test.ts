import { describe, expect, it } from 'vitest';
import { keyConflicts, parseKeySpec, remapKeymap } from '../../src/input/key-spec.js';
import { KEYMAP, keyLabel } from '../../src/input/keymap.js';

describe('key specs written as text', () => {
  it('reads characters, key names and Ctrl combinations', () => {
    expect(parseKeySpec('j')).toEqual({ char: 'j' });
    expect(parseKeySpec('G')).toEqual({ char: 'G' });
    expect(parseKeySpec('?')).toEqual({ char: '?' });
    expect(parseKeySpec('PgDn')).toEqual({ name: 'pageDown' });
    expect(parseKeySpec('pagedown')).toEqual({ name: 'pageDown' });
    expect(parseKeySpec('↓')).toEqual({ name: 'down' });
    expect(parseKeySpec('Esc')).toEqual({ name: 'escape' });
    expect(parseKeySpec('Return')).toEqual({ name: 'enter' });
    expect(parseKeySpec(' ')).toEqual({ name: 'space' });
    expect(parseKeySpec('Ctrl-D')).toEqual({ ctrlChar: 'd' });
    expect(parseKeySpec('ctrl+d')).toEqual({ ctrlChar: 'd' });
    expect(parseKeySpec('C-x')).toEqual({ ctrlChar: 'x' });
    expect(parseKeySpec('Ctrl-PgDn')).toEqual({ name: 'pageDown', ctrl: true });
  });

  it('refuses what names no key', () => {
    for (const bad of ['', 'jj', 'Ctrl-', 'Ctrl-1', 'Hyper-x', '\u0007', '\t', 'PageSideways']) expect(parseKeySpec(bad), JSON.stringify(bad)).toBeNull();
  });

  it('reads back every label that help shows', () => {
    for (const binding of KEYMAP) for (const spec of binding.keys) expect(parseKeySpec(keyLabel(spec))).toEqual(spec);
  });
});

describe('remapping the key table', () => {
  it('has no conflicts by default', () => {
    expect(keyConflicts(KEYMAP)).toEqual([]);
  });

  it('replaces the keys of the commands named and keeps the others', () => {
    const table = remapKeymap({ edit: [{ char: 'E' }], down: [{ char: 'n' }] });
    expect(table.find((b) => b.command === 'edit')?.keys).toEqual([{ char: 'E' }]);
    expect(table.find((b) => b.command === 'up')?.keys).toEqual(KEYMAP.find((b) => b.command === 'up')?.keys);
    // n is searchNext's key in the list and the reader, not in the facts panel.
    expect(keyConflicts(table)).toEqual([{ key: 'n', commands: ['down', 'searchNext'], scopes: ['list', 'reader'] }]);
  });

  it('counts a global key in every scope, and keeps Ctrl-C on quitNow', () => {
    const table = remapKeymap({ quitNow: [{ char: 'x' }], toggleFacts: [{ char: 'q' }] });
    expect(table.find((b) => b.command === 'quitNow')?.keys).toEqual([{ char: 'x' }, { ctrlChar: 'c' }]);
    expect(keyConflicts(table).map((c) => `${c.key} ${c.commands.join('/')} ${c.scopes.join('+')}`)).toEqual(['q toggleFacts/quit reader+panel']);
  });
});
