/**
 * The settings a config file gives, resolved (paths absolute, commands split, keys parsed) and
 * with defaults filled in. No zod here: the program reads these without loading the parser.
 */
import type { KeyRemap } from '../input/key-spec.js';
import type { FeedsDefaults, TranslateSettings } from './schema.js';

export type Theme = 'dark' | 'light' | 'auto';

export interface Settings {
  /** Default library folder (absolute); --library and NEWSBRIDGE_LIBRARY come first. */
  library?: string;
  /** Colours: the reader's theme (today's colours are the dark theme). */
  theme: Theme;
  /** Maximum width of text in columns (reader and `show` on a terminal); none = the terminal's. */
  width?: number;
  /** Browser command as an argument vector ("%s" = the URL); $BROWSER comes first. */
  browser?: string[];
  /** Editor command as an argument vector; $VISUAL / $EDITOR come first. */
  editor?: string[];
  /** New keys for commands of the key table (see remapKeymap in src/input/key-spec.ts). */
  keys: KeyRemap;
  translate: TranslateSettings;
  feeds: FeedsDefaults;
}

/** What the program uses when there is no config file (kept equal to the schema's defaults by a test). */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'dark',
  keys: {},
  translate: { providers: {}, retries: 3, maxRetryWait: 60 },
  feeds: { fullText: true, translate: 'off', draftBudget: 20000 },
};

/** The config file as the program sees it. */
export interface LoadedConfig {
  /** Where the config file is (or would be). */
  file: string;
  exists: boolean;
  settings: Settings;
}
