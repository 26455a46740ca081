/** The provider a command or the reader drafts with, from the config and the environment (for its key). */
import type { TranslateSettings } from '../config/schema.js';
import type { Provider } from './provider.js';
import { DeepLProvider } from './providers/deepl.js';
import { LibreTranslateProvider } from './providers/libretranslate.js';
import { OpenAiProvider } from './providers/openai.js';

export type ProviderChoice =
  | { ok: true; provider: Provider }
  /** No provider in the config: drafting is off, everything else works as without it. */
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'unknown'; name: string; configured: string[] }
  /** Several providers and none chosen (translate.provider or --provider). */
  | { ok: false; reason: 'ambiguous'; configured: string[] }
  /** The provider needs a key and its environment variable is empty. */
  | { ok: false; reason: 'noKey'; name: string; keyEnv: string };

const DEFAULT_TIMEOUT_SECONDS = 30;

/** `name`, else translate.provider, else the only provider configured. */
export function chooseProvider(settings: TranslateSettings, env: NodeJS.ProcessEnv, name?: string): ProviderChoice {
  const configured = Object.keys(settings.providers);
  if (configured.length === 0) return { ok: false, reason: 'none' };
  const chosen = name ?? settings.provider ?? (configured.length === 1 ? configured[0] : undefined);
  if (chosen === undefined) return { ok: false, reason: 'ambiguous', configured };
  const config = Object.hasOwn(settings.providers, chosen) ? settings.providers[chosen] : undefined;
  if (!config) return { ok: false, reason: 'unknown', name: chosen, configured };
  // Secrets only ever come from the environment; an empty variable counts as unset.
  const key = env[config.keyEnv] || undefined;
  const timeoutMs = (config.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const retry = { retries: settings.retries, maxWaitMs: settings.maxRetryWait * 1000 };
  switch (config.type) {
    case 'deepl':
      if (!key) return { ok: false, reason: 'noKey', name: chosen, keyEnv: config.keyEnv };
      return { ok: true, provider: new DeepLProvider({ name: chosen, config, key, retry, timeoutMs }) };
    case 'libretranslate':
      return { ok: true, provider: new LibreTranslateProvider({ name: chosen, config, key, retry, timeoutMs }) };
    case 'openai':
      return { ok: true, provider: new OpenAiProvider({ name: chosen, config, key, retry, timeoutMs }) };
  }
}
