/** Keys of the help screen: its settings picker and the scrolling key list. */
import { commandFor } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { withPreferences } from '../storage/reading-state.js';
import { prefsOf, type AppState } from './app-state.js';
import type { View } from './reader-state.js';
import { setPrefs } from './prefs-update.js';
import type { Update } from './steps.js';

/** The settings help lists, in order: those without a key of their own, and closing. */
export const SETTINGS = ['view', 'learner', 'unit', 'language', 'close'] as const;
export type Setting = (typeof SETTINGS)[number];

const VIEWS: readonly View[] = ['both', 'de', 'en'];

/** Rows a page key scrolls the key list by. */
export const helpPage = (rows: number) => Math.max(1, rows - 10);

export function updateHelp(state: AppState, key: KeyPress, at: number): Update {
  const help = state.help;
  if (!help) return [state, []];
  const command = commandFor(key, 'list', state.keymap);
  const page = helpPage(state.size.rows);
  const withHelp = (change: Partial<typeof help>): Update => [{ ...state, help: { ...help, ...change } }, []];
  switch (command) {
    case 'down':
      return withHelp({ selected: (help.selected + 1) % SETTINGS.length });
    case 'up':
      return withHelp({ selected: (help.selected + SETTINGS.length - 1) % SETTINGS.length });
    case 'open':
      return applySetting(state, SETTINGS[help.selected] ?? 'close', at);
    case 'help':
    case 'quit':
    case 'back':
      return [{ ...state, help: null }, []];
    case 'pageDown':
    case 'halfDown':
      return withHelp({ scroll: help.scroll + page });
    case 'pageUp':
    case 'halfUp':
      return withHelp({ scroll: Math.max(0, help.scroll - page) });
    case 'top':
      return withHelp({ scroll: 0 });
    case 'bottom':
      return withHelp({ scroll: state.keymap.length });
    default:
      return [state, []];
  }
}

function applySetting(state: AppState, setting: Setting, at: number): Update {
  const prefs = prefsOf(state);
  switch (setting) {
    case 'view':
      return setPrefs(state, { view: VIEWS[(VIEWS.indexOf(prefs.view) + 1) % VIEWS.length] ?? 'both' }, at);
    case 'learner':
      return setPrefs(state, { learner: !prefs.learner }, at);
    case 'unit':
      return setPrefs(state, { unit: prefs.unit === 'sentence' ? 'paragraph' : 'sentence' }, at);
    case 'language': {
      const language = state.language === 'en' ? 'de' : 'en';
      const stored = withPreferences(state.stored, { uiLanguage: language }, at);
      return [{ ...state, language, stored }, [{ type: 'save', stored }]];
    }
    case 'close':
      return [{ ...state, help: null }, []];
    default: {
      const never: never = setting;
      return never;
    }
  }
}
