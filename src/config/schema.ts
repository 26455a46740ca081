/**
 * The one source of truth for config.yaml: a zod schema, the TypeScript types inferred from
 * it, and (through `npm run schema`) schema/config.schema.json for editors.
 */
import { z } from 'zod';
import { parseKeySpec } from '../input/key-spec.js';
import { KEYMAP, type Command } from '../input/keymap.js';

const text = z.string().trim().min(1);

/** A command line: one string split at spaces ("code -w"), or a list of arguments. */
const commandLine = z
  .union([text, z.array(text).min(1)])
  .describe('A command: a string split at spaces, or a list of its arguments; never run through a shell');

/** The name of an environment variable that holds a secret (never the secret itself). */
const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable, like DEEPL_AUTH_KEY');

const httpUrl = z.url({ protocol: /^https?$/ });

const keyText = z.string().refine((k) => parseKeySpec(k) !== null, {
  message: 'is not a key: write one character, a key name (Enter, Esc, Tab, Space, Up, PgDn, Home…) or Ctrl- with a letter or key name',
});
const keyList = z.union([keyText, z.array(keyText).min(1)]);

/** One optional entry per command of the key table, so editors can offer the names. */
const keysSection = z
  .object(Object.fromEntries(KEYMAP.map((b) => [b.command, keyList.optional()])) as Record<Command, z.ZodOptional<typeof keyList>>)
  .strict()
  .describe('New keys for commands of the key table (a command not named keeps its keys)');

export const PROVIDER_NAME = /^[a-z][a-z0-9-]{0,31}$/;

const common = {
  timeout: z.number().positive().max(600).optional().describe('Seconds to wait for one reply (default 30)'),
};

export const deeplProvider = z
  .object({
    type: z.literal('deepl'),
    keyEnv: envName.default('DEEPL_AUTH_KEY').describe('Environment variable holding the DeepL key'),
    plan: z.enum(['free', 'pro']).optional().describe('Endpoint: api-free.deepl.com or api.deepl.com (default: from the key, ":fx" keys are free)'),
    serverUrl: httpUrl.optional().describe('Another server speaking the DeepL API (overrides plan)'),
    formality: z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']).default('default'),
    model: z.enum(['quality_optimized', 'prefer_quality_optimized', 'latency_optimized']).optional().describe("DeepL's model_type"),
    target: z.enum(['en-GB', 'en-US']).default('en-GB'),
    glossary: z.boolean().default(true).describe("Send the article's glossary (facts.yaml) as a DeepL glossary"),
    context: z.boolean().default(true).describe('Send the German paragraph as context (not billed)'),
    ...common,
  })
  .strict();

export const libreTranslateProvider = z
  .object({
    type: z.literal('libretranslate'),
    url: httpUrl.describe('The LibreTranslate server, e.g. http://localhost:5000'),
    keyEnv: envName.default('LIBRETRANSLATE_API_KEY').describe('Environment variable holding the API key, if the server needs one'),
    ...common,
  })
  .strict();

export const openAiProvider = z
  .object({
    type: z.literal('openai'),
    baseUrl: httpUrl.describe('Server root; requests go to {baseUrl}/v1/chat/completions'),
    model: text.describe('Model name, e.g. llama3.1:8b or gpt-4o-mini'),
    keyEnv: envName.default('OPENAI_API_KEY').describe('Environment variable holding the API key, if the server needs one'),
    temperature: z.number().min(0).max(2).default(0),
    ...common,
  })
  .strict();

export const providerConfig = z.discriminatedUnion('type', [deeplProvider, libreTranslateProvider, openAiProvider]);

export const translateSection = z
  .object({
    provider: z.string().regex(PROVIDER_NAME, 'must be the name of one of the providers below').optional().describe('The provider `translate` uses without --provider (default: the only one)'),
    providers: z
      .record(z.string().regex(PROVIDER_NAME, 'a provider name is lower-case letters, digits and hyphens'), providerConfig)
      .default({}),
    retries: z.int().min(0).max(10).default(3).describe('Retries after a 429 (rate-limited) or 5xx reply'),
    maxRetryWait: z.number().min(0).max(3600).default(60).describe('Longest Retry-After, in seconds, that is waited for'),
  })
  .strict();

export const feedsDefaults = z
  .object({
    fullText: z.boolean().default(true).describe("Fetch the linked page's full text when a feed carries only a teaser"),
    translate: z.enum(['off', 'auto']).default('off').describe('Make machine drafts of new feed articles after a refresh'),
    draftBudget: z.int().min(0).default(20000).describe('Most German characters sent for drafts per refresh'),
    provider: z.string().regex(PROVIDER_NAME).optional().describe('Provider for feed drafts (default: translate.provider)'),
  })
  .strict();

export const configFile = z
  .object({
    library: text.optional().describe('Default library folder (~ and paths relative to this file work)'),
    theme: z.enum(['dark', 'light', 'auto']).optional().describe('Colours for a dark or light terminal, or auto from its background'),
    width: z.int().min(20).max(1000).optional().describe('Maximum width of text, in columns'),
    browser: commandLine.optional().describe('Opens URLs; "%s" stands for the URL, else it comes last'),
    editor: commandLine.optional().describe('Edits an English paragraph; the file comes last'),
    keys: keysSection.optional(),
    translate: translateSection.optional(),
    feeds: feedsDefaults.optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFile>;
export type ProviderConfig = z.infer<typeof providerConfig>;
export type DeepLConfig = z.infer<typeof deeplProvider>;
export type LibreTranslateConfig = z.infer<typeof libreTranslateProvider>;
export type OpenAiConfig = z.infer<typeof openAiProvider>;
export type TranslateSettings = z.infer<typeof translateSection>;
export type FeedsDefaults = z.infer<typeof feedsDefaults>;
