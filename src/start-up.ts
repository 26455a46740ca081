/**
 * Loaded by bin/newsbridge.js before the program itself, as a file of its own (dist/start-up.js),
 * so what it starts covers the whole program: the module compile cache (Node ≥ 22), and on a
 * terminal ICU's data loading in a worker thread (see src/cli/warm-intl.ts).
 */
import { warmIntl } from './cli/warm-intl.js';
import { enableCompileCache } from './compile-cache.js';
import { intlLocale, isUiLanguage, languageFromArgv, languageFromEnvironment } from './i18n/language.js';

enableCompileCache();
// On a terminal the output formats dates and numbers (the reader's first frame among them).
// The language as run.ts finds it (a language kept in the reader's preferences is not read here).
if (process.stdout.isTTY) {
  const asked = languageFromArgv(process.argv.slice(2));
  warmIntl(intlLocale(asked !== undefined && isUiLanguage(asked) ? asked : languageFromEnvironment(process.env)));
}
