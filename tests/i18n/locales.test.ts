import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { languageFromArgv, languageFromEnvironment } from '../../src/i18n/language.js';

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('locales', () => {
  it('name no key twice (JSON would keep only the last, silently)', () => {
    for (const lang of ['en', 'de']) {
      const text = readFileSync(path.join(import.meta.dirname, `../../locales/${lang}.json`), 'utf8');
      // YAML reads JSON and, unlike JSON.parse, refuses a key that comes twice in one object.
      expect(() => void parseYaml(text), lang).not.toThrow();
    }
  });

  it('have the same keys in English and German', () => {
    expect(flatten(de).sort()).toEqual(flatten(en).sort());
  });

  it('contain every key the code uses', () => {
    const keys = new Set(flatten(en).map((k) => k.replace(/_(one|other)$/, '')));
    const src = path.resolve(import.meta.dirname, '../../src');
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:cli|ui|keys|import|safety|config|translate|feeds)\.[A-Za-z0-9_.]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const k of used) expect(keys.has(k), k).toBe(true);
  });

  it('have no empty strings', () => {
    for (const [name, file] of [['en', en], ['de', de]] as const) {
      const walk = (v: unknown, p: string): void => {
        if (typeof v === 'string') expect(v.trim(), `${name}:${p}`).not.toBe('');
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
      };
      walk(file, '');
    }
  });
});

describe('language choice', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, else English', () => {
    expect(languageFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(languageFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LC_MESSAGES: 'de_AT@euro' })).toBe('de');
    expect(languageFromEnvironment({ LANG: 'C' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({})).toBe('en');
  });

  it('reads --ui-lang before the argument parser', () => {
    expect(languageFromArgv(['list', '--ui-lang', 'de'])).toBe('de');
    expect(languageFromArgv(['--ui-lang=en'])).toBe('en');
    expect(languageFromArgv(['show', '--', '--ui-lang', 'de'])).toBeUndefined();
  });
});
