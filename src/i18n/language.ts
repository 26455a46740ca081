/** Choosing the interface language: --ui-lang, else the locale variables, else English. */

export const UI_LANGUAGES = ['en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Language from LC_ALL, LC_MESSAGES or LANG ("de_DE.UTF-8" → de); C/POSIX and others → en. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): UiLanguage {
  const raw = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  const tag = raw.replace(/[.@].*$/, '').replace('_', '-').toLowerCase();
  const base = tag.split('-')[0] ?? '';
  return isUiLanguage(base) ? base : 'en';
}

/** The --ui-lang value in argv (read before the argument parser, which is itself translated). */
export function languageFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    if (arg === '--ui-lang') return argv[i + 1];
    if (arg.startsWith('--ui-lang=')) return arg.slice('--ui-lang='.length);
  }
  return undefined;
}

/** Intl locale tag for dates and numbers. */
export function intlLocale(language: UiLanguage): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}
