/** What a translation provider does for newsbridge: German sentences in, as many English sentences out. */
import type { GlossaryEntry } from '../content/schema.js';

export type ProviderType = 'deepl' | 'libretranslate' | 'openai';

/** One request's worth of sentences (a paragraph, a title or a dek). */
export interface SentenceBatch {
  /** German sentences, in order. */
  sentences: readonly string[];
  /** The whole German paragraph they come from (DeepL takes it as unbilled context). */
  context?: string;
  /** The article's glossary; each provider uses what it can. */
  glossary: readonly GlossaryEntry[];
  signal?: AbortSignal;
}

export interface Provider {
  /** The provider's name in the config file (goes into the machine mark). */
  readonly name: string;
  readonly type: ProviderType;
  /** Model or engine (goes into the machine mark and the cache key). */
  readonly model: string;
  /** Where requests go, without credentials, for --dry-run and messages. */
  readonly endpoint: string;
  /** Settings that change the output (formality, target…) for the cache key; never a secret. */
  readonly variant: string;
  /**
   * A session for one article's draft: what it sets up at the provider (a DeepL glossary) is
   * its own, so drafts running side by side (the reader, a feed refresh) never share it.
   */
  session(): ProviderSession;
}

export interface ProviderSession {
  /** Exactly one English sentence per German sentence, or a DraftError. */
  translate(batch: SentenceBatch): Promise<string[]>;
  /** Removes what the session set up at the provider; safe to call twice. */
  close(): Promise<void>;
}
