/** i18next set up synchronously for a command-line program (no react-i18next on Node 20). */
import i18next, { type TFunction } from 'i18next';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { intlLocale, type UiLanguage } from './language.js';

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

export { intlLocale };

const numberFormats = new Map<UiLanguage, Intl.NumberFormat>();

/** A count in the UI language ("10,000" / "10.000"); the formatter is made once per language. */
export function formatCount(n: number, language: UiLanguage): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language));
    numberFormats.set(language, format);
  }
  return format.format(n);
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
