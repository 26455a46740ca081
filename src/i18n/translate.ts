/** i18next set up synchronously for a command-line program (no react-i18next on Node 20). */
import i18next, { type TFunction } from 'i18next';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import type { UiLanguage } from './language.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export type Translate = TFunction;

/** A `t` function for `language`, ready on the next line. */
export function createTranslator(language: UiLanguage): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: language,
    resources: { en: { translation: en }, de: { translation: de } },
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance.t;
}

const translators = new Map<UiLanguage, Translate>();

/** The one translator of a language, made on first use and kept (frames and updates ask for it often). */
export function translatorFor(language: UiLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    t = createTranslator(language);
    translators.set(language, t);
  }
  return t;
}
