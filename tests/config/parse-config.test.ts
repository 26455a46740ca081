import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_NAME, configJsonSchema } from '../../src/config/json-schema.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { feedsDefaults, translateSection } from '../../src/config/schema.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { formatDiagnostic } from '../../src/content/diagnostic.js';

const place = { shown: 'config.yaml', absolute: '/home/ada/.config/newsbridge/config.yaml', home: '/home/ada' };

function problems(text: string): string[] {
  const parsed = parseConfig(text, place);
  return parsed.ok ? [] : parsed.errors.map(formatDiagnostic);
}

describe('config.yaml', () => {
  it('gives every setting, resolved: paths absolute, commands split, keys parsed', () => {
    const parsed = parseConfig(
      [
        'library: ~/news',
        'theme: light',
        'width: 100',
        'browser: w3m -o confirm_qq=false',
        'editor: [code, --wait]',
        'keys:',
        '  edit: E',
        '  halfDown: [d, Ctrl-D, Ctrl-PgDn]',
        'translate:',
        '  provider: deepl',
        '  providers:',
        '    deepl: { type: deepl, plan: free, formality: prefer_less }',
        '    ollama: { type: openai, baseUrl: "http://127.0.0.1:11434", model: "llama3.1:8b" }',
        'feeds:',
        '  translate: auto',
        '  draftBudget: 5000',
      ].join('\n'),
      place,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const s = parsed.settings;
    expect(s.library).toBe('/home/ada/news');
    expect(s.theme).toBe('light');
    expect(s.width).toBe(100);
    expect(s.browser).toEqual(['w3m', '-o', 'confirm_qq=false']);
    expect(s.editor).toEqual(['code', '--wait']);
    expect(s.keys).toEqual({ edit: [{ char: 'E' }], halfDown: [{ char: 'd' }, { ctrlChar: 'd' }, { name: 'pageDown', ctrl: true }] });
    expect(s.translate.providers['deepl']).toMatchObject({ type: 'deepl', keyEnv: 'DEEPL_AUTH_KEY', formality: 'prefer_less', glossary: true, target: 'en-GB' });
    expect(s.translate.providers['ollama']).toMatchObject({ type: 'openai', keyEnv: 'OPENAI_API_KEY', model: 'llama3.1:8b', temperature: 0 });
    expect(s.feeds).toEqual({ fullText: true, translate: 'auto', draftBudget: 5000 });
  });

  it('resolves a relative library against the config file’s folder', () => {
    const parsed = parseConfig('library: articles', place);
    expect(parsed.ok && parsed.settings.library).toBe(path.resolve('/home/ada/.config/newsbridge/articles'));
  });

  it('is the defaults when empty, and the hand-written defaults equal the schema’s', () => {
    const parsed = parseConfig('# nothing yet\n', place);
    expect(parsed.ok && parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(translateSection.parse({})).toEqual(DEFAULT_SETTINGS.translate);
    expect(feedsDefaults.parse({})).toEqual(DEFAULT_SETTINGS.feeds);
  });

  it('says what is wrong as file:line: message, in plain words', () => {
    expect(
      problems(
        [
          'theme: blue', //                        1
          'width: 10', //                          2
          'keys:', //                              3
          '  down: [j, "Ctrl-"]', //               4
          '  frobnicate: x', //                    5
          'translate:', //                         6
          '  providers:', //                       7
          '    deepl:', //                         8
          '      type: deepl', //                  9
          '      formality: polite', //            10
          '    local:', //                         11
          '      type: openai', //                 12
          '      baseUrl: localhost', //           13
          '    other: { type: google }', //        14
          'colour: red', //                        15
        ].join('\n'),
      ),
    ).toEqual([
      'config.yaml:1: theme must be one of "dark", "light", "auto"',
      'config.yaml:2: width must be 20 or more',
      'config.yaml:4: keys of "down": "Ctrl-" is not a key: write one character, a key name (Enter, Esc, Tab, Space, Up, PgDn, Home…) or Ctrl- with a letter or key name',
      'config.yaml:5: unknown setting "frobnicate" in keys',
      'config.yaml:10: provider "deepl": formality must be one of "default", "more", "less", "prefer_more", "prefer_less"',
      'config.yaml:12: provider "local": model: missing',
      'config.yaml:13: provider "local": baseUrl must be a web address starting with http:// or https://',
      'config.yaml:14: type must be one of "deepl", "libretranslate", "openai"',
      'config.yaml:15: unknown setting "colour"',
    ]);
  });

  it('reports YAML mistakes with their line, and a file that is not a mapping', () => {
    expect(problems('theme: dark\nwidth: [80\n')[0]).toMatch(/^config\.yaml:\d: YAML: /);
    expect(problems('- just\n- a list\n')).toEqual(['config.yaml:1: the config must be a YAML mapping (setting: value lines)']);
  });

  it('refuses a secret written into the file without repeating it', () => {
    const found = problems('translate:\n  providers:\n    deepl:\n      type: deepl\n      authKey: 0123-secret-4567:fx\n');
    expect(found).toEqual(['config.yaml:5: "authKey": secrets are never read from the config file: put the key in an environment variable and name that variable in keyEnv']);
    expect(found.join('\n')).not.toContain('secret-4567');
  });

  it('reports a key bound to two commands, and Ctrl-C given away', () => {
    expect(problems('keys:\n  edit: j\n')).toEqual(['config.yaml:2: key "j" is bound to both "down" and "edit" in the reader and the facts panel']);
    expect(problems('keys:\n  toggleFacts: q\n  down: Ctrl-C\n')).toEqual([
      'config.yaml:2: key "q" is bound to both "toggleFacts" and "quit" in the reader and the facts panel',
      'config.yaml:3: keys of "down": Ctrl-C always quits and cannot be given to another command',
    ]);
    // Moving a key away first is no conflict.
    expect(problems('keys:\n  down: [n, Down]\n  searchNext: ","\n')).toEqual([]);
  });

  it('checks that the providers named exist', () => {
    expect(problems('translate:\n  provider: deepl\nfeeds:\n  provider: ollama\n')).toEqual([
      'config.yaml:2: provider "deepl" is not configured (none is configured under translate.providers)',
      'config.yaml:4: provider "ollama" is not configured (none is configured under translate.providers)',
    ]);
  });
});

describe('schema/config.schema.json', () => {
  it('matches the zod schema (run `npm run schema` when this fails)', () => {
    const onDisk = readFileSync(new URL(`../../schema/${CONFIG_SCHEMA_NAME}`, import.meta.url), 'utf8');
    expect(onDisk).toBe(configJsonSchema());
    const json = JSON.parse(onDisk) as { properties: { keys: { properties: Record<string, unknown> } } };
    expect(Object.keys(json.properties.keys.properties)).toContain('edit');
  });
});
