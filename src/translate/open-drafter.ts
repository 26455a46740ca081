/** One call for the reader, the translate command and feed refreshes: the configured provider with its cache. */
import type { Settings } from '../config/settings.js';
import type { Translate } from '../i18n/translate.js';
import { draftCacheDir } from '../storage/app-dirs.js';
import { sanitise } from '../text/sanitize.js';
import { chooseProvider, type ProviderChoice } from './choose-provider.js';
import type { Drafter } from './draft-article.js';
import { DraftCache } from './draft-cache.js';

export type DrafterResult = { ok: true; drafter: Drafter } | Exclude<ProviderChoice, { ok: true }>;

/** The drafter for `name` (else translate.provider, else the only provider), or why there is none. */
export function openDrafter(settings: Settings, env: NodeJS.ProcessEnv, name?: string): DrafterResult {
  const choice = chooseProvider(settings.translate, env, name);
  if (!choice.ok) return choice;
  return { ok: true, drafter: { provider: choice.provider, cache: new DraftCache(draftCacheDir(env)) } };
}

/** Why no drafter could be opened, as a message and a hint (how to set one up), in the interface language. */
export function describeNoDrafter(result: Exclude<ProviderChoice, { ok: true }>, t: Translate, configFile: string): { message: string; hint?: string } {
  switch (result.reason) {
    case 'none':
      return { message: t('translate.noProvider'), hint: t('translate.noProviderHint', { file: sanitise(configFile) }) };
    case 'unknown':
      return { message: t('translate.unknownProvider', { name: sanitise(result.name), configured: result.configured.join(', ') }) };
    case 'ambiguous':
      return { message: t('translate.ambiguous', { configured: result.configured.join(', ') }) };
    case 'noKey':
      return { message: t('translate.noKey', { provider: result.name, keyEnv: result.keyEnv }) };
  }
}
