/** A library, a config naming a fake provider, and the environment that finds them, for drafting tests. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/parse-config.js';
import type { Settings } from '../../src/config/settings.js';
import { loadArticle } from '../../src/content/load-article.js';
import type { Article } from '../../src/content/article.js';
import { chooseProvider } from '../../src/translate/choose-provider.js';
import { DraftCache } from '../../src/translate/draft-cache.js';
import type { Drafter } from '../../src/translate/draft-article.js';
import { factsFile, germanFile, makeLibrary, tempDir, type ArticleFixture } from '../helpers/library.js';

export const ID = 'neue-bruecke';
export const SECRET = 'sk-test-7f3a9c1e5b2d4f60:fx';

export interface DraftEnv {
  lib: string;
  root: { real: string };
  env: NodeJS.ProcessEnv;
  config: string;
  cache: string;
  state: string;
  settings: Settings;
  en: () => string;
  article: () => Promise<Article>;
  drafter: (name?: string) => Drafter;
}

/** `translate:` YAML (indented under it) with a provider per server, and a library with one article. */
export function draftEnv(translateYaml: string, articles: Record<string, ArticleFixture> = { [ID]: { de: germanFile(), facts: factsFile() } }): DraftEnv {
  const lib = makeLibrary(articles);
  const dir = tempDir();
  const config = path.join(dir, 'config.yaml');
  const text = `translate:\n${translateYaml.replace(/^/gm, '  ')}\n`;
  writeFileSync(config, text);
  const parsed = parseConfig(text, { shown: config, absolute: config });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const cache = tempDir();
  const state = tempDir();
  const env: NodeJS.ProcessEnv = { NEWSBRIDGE_CONFIG: config, NEWSBRIDGE_CACHE_DIR: cache, NEWSBRIDGE_STATE_DIR: state, DEEPL_AUTH_KEY: SECRET, OPENAI_API_KEY: SECRET, LIBRETRANSLATE_API_KEY: SECRET };
  const root = { real: lib };
  return {
    lib,
    root,
    env,
    config,
    cache,
    state,
    settings: parsed.settings,
    en: () => readFileSync(path.join(lib, ID, 'article.en.md'), 'utf8'),
    article: async () => {
      const loaded = await loadArticle(root, ID);
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
      return loaded.article;
    },
    drafter: (name) => {
      const choice = chooseProvider(parsed.settings.translate, env, name);
      if (!choice.ok) throw new Error(choice.reason);
      return { provider: choice.provider, cache: new DraftCache(cache) };
    },
  };
}

/** Every file's text under `dirs` (to look for a secret). */
export function allText(...dirs: string[]): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(`${full}\n${readFileSync(full, 'utf8')}`);
    }
  };
  dirs.forEach(walk);
  return out.join('\n');
}
