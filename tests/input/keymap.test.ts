import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate.js';
import { KEYMAP, commandFor, keyLabel, type Command, type KeyScope } from '../../src/input/keymap.js';
import { KEYS_END, KEYS_START, keysMarkdown } from '../../src/input/keys-markdown.js';
import { KeyDecoder, parseKey } from '../../src/input/keys.js';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

const ALL_COMMANDS: Record<Command, true> = {
  down: true, up: true, top: true, bottom: true, halfDown: true, halfUp: true, pageDown: true, pageUp: true,
  open: true, back: true, nextArticle: true, prevArticle: true, cycleView: true, toggleFacts: true, switchTab: true,
  toggleUnit: true, reveal: true, search: true, searchNext: true, searchPrev: true, openUrl: true, edit: true,
  help: true, quit: true, quitNow: true, suspend: true,
  refresh: true, pickFeed: true, nextUnread: true, markAllRead: true, undoMarkAll: true,
};

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
    const command = (bytes: string, scope: 'list' | 'reader') => commandFor(parseKey(bytes), scope);
    expect(command('j', 'reader')).toBe('down');
    expect(command('\u001B[B', 'reader')).toBe('down');
    expect(command('\u001BOB', 'reader')).toBe('down');
    expect(command('\u0004', 'reader')).toBe('halfDown');
    expect(command(' ', 'list')).toBe('pageDown');
    expect(command('\u001B[H', 'list')).toBe('top');
    expect(command('\u001B[1~', 'list')).toBe('top');
    expect(command('\u001B[4~', 'list')).toBe('bottom');
    expect(command('G', 'reader')).toBe('bottom');
    expect(command('\u007F', 'reader')).toBe('back');
    expect(command('J', 'reader')).toBe('nextArticle');
    expect(command('J', 'list')).toBeNull();
    expect(command('\u0003', 'list')).toBe('quitNow');
    expect(command('\u001A', 'reader')).toBe('suspend');
    expect(command('x', 'reader')).toBeNull();
  });

  it('takes a burst of keys one by one, a cooked Enter as Enter, and waits for an escape sequence cut by a read', () => {
    const decoder = new KeyDecoder();
    const names = (keys: ReturnType<typeof decoder.push>) => keys.map((k) => k.name ?? k.input);
    expect(names(decoder.push('jjK\n'))).toEqual(['j', 'j', 'K', 'enter']);
    expect(names(decoder.push('/Süd😀'))).toEqual(['/', 'S', 'ü', 'd', '😀']);
    expect(names(decoder.push('\u001B[5~j\u001B'))).toEqual(['pageUp', 'j']);
    expect(decoder.waiting).toBe(true);
    expect(names(decoder.push('[A'))).toEqual(['up']);
    expect(names(decoder.push('\u001B'))).toEqual([]);
    expect(names(decoder.flush())).toEqual(['escape']);
    expect(names(decoder.push('\u001B\u001B[A'))).toEqual(['up']);
    // Esc and a key typed fast arrive in one read: both count.
    expect(names(decoder.push('\u001B?jj'))).toEqual(['escape', '?', 'j', 'j']);
  });

  it('is what the README lists', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf(KEYS_START) + KEYS_START.length, readme.indexOf(KEYS_END)).trim();
    const t = createTranslator('en');
    expect(block, 'run npm run keys').toBe(keysMarkdown((k) => t(k as 'keys.down')));
  });
});
