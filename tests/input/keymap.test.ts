import { readFileSync } from 'node:fs';
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate.js';
import { KEYMAP, commandFor, keyLabel, type Command, type KeyScope } from '../../src/input/keymap.js';
import { KEYS_END, KEYS_START, keysMarkdown } from '../../src/input/keys-markdown.js';
import { splitKeys } from '../../src/ui/paced-stdin.js';
import { withUncookedEnter } from '../../src/ui/split-keys.js';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

const ALL_COMMANDS: Record<Command, true> = {
  down: true, up: true, top: true, bottom: true, halfDown: true, halfUp: true, pageDown: true, pageUp: true,
  open: true, back: true, nextArticle: true, prevArticle: true, cycleView: true, toggleFacts: true, switchTab: true,
  toggleUnit: true, reveal: true, search: true, searchNext: true, searchPrev: true, openUrl: true, edit: true,
  help: true, quit: true, quitNow: true,
};

const key = (over: Partial<Key> = {}): Key => ({
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false,
  end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false,
  meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over,
});

describe('key table', () => {
  it('gives every command at least one key and a description in both languages', () => {
    for (const command of Object.keys(ALL_COMMANDS) as Command[]) {
      const binding = KEYMAP.find((b) => b.command === command);
      expect(binding, command).toBeDefined();
      expect(binding?.keys.length, command).toBeGreaterThan(0);
      const name = binding?.description.split('.')[1] ?? '';
      expect((en.keys as Record<string, string>)[name], `en ${command}`).toBeTruthy();
      expect((de.keys as Record<string, string>)[name], `de ${command}`).toBeTruthy();
    }
  });

  it('never gives one key two commands in the same place', () => {
    for (const scope of ['list', 'reader', 'panel'] as KeyScope[]) {
      const seen = new Map<string, Command>();
      for (const b of KEYMAP.filter((x) => x.scopes.includes(scope) || x.scopes.includes('global'))) {
        for (const k of b.keys) {
          const label = keyLabel(k);
          expect(seen.get(label), `${scope}: ${label}`).toBeUndefined();
          seen.set(label, b.command);
        }
      }
    }
  });

  it('matches the keys of DESIGN.md, arrows included', () => {
    expect(commandFor('j', key(), 'reader')).toBe('down');
    expect(commandFor('', key({ downArrow: true }), 'reader')).toBe('down');
    expect(commandFor('d', key({ ctrl: true }), 'reader')).toBe('halfDown');
    expect(commandFor(' ', key(), 'list')).toBe('pageDown');
    expect(commandFor('', key({ home: true }), 'list')).toBe('top');
    expect(commandFor('G', key({ shift: true }), 'reader')).toBe('bottom');
    expect(commandFor('', key({ backspace: true }), 'reader')).toBe('back');
    expect(commandFor('J', key({ shift: true }), 'reader')).toBe('nextArticle');
    expect(commandFor('J', key({ shift: true }), 'list')).toBeNull();
    expect(commandFor('c', key({ ctrl: true }), 'list')).toBe('quitNow');
    expect(commandFor('x', key(), 'reader')).toBeNull();
  });

  it('takes a burst of keys one by one (split before Ink sees them), and a cooked Enter as Enter', () => {
    const seen: [string, boolean][] = [];
    for (const k of [...splitKeys('jjK'), '\n']) withUncookedEnter(k, key(), (input, pressed) => seen.push([input, pressed.return]));
    expect(seen).toEqual([['j', false], ['j', false], ['K', false], ['\r', true]]);
    expect(commandFor('\r', key({ return: true }), 'list')).toBe('open');
  });

  it('is what the README lists', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf(KEYS_START) + KEYS_START.length, readme.indexOf(KEYS_END)).trim();
    const t = createTranslator('en');
    expect(block, 'run npm run keys').toBe(keysMarkdown((k) => t(k as 'keys.down')));
  });
});
