/** A (self-hosted) LibreTranslate server: POST /translate with every sentence of a paragraph as one `q` array. */
import type { LibreTranslateConfig } from '../../config/schema.js';
import { DraftError } from '../draft-error.js';
import { postJson } from '../http.js';
import type { Provider, ProviderSession, SentenceBatch } from '../provider.js';
import { withRetries, type RetryOptions } from '../retry.js';

export interface LibreTranslateOptions {
  name: string;
  config: LibreTranslateConfig;
  key: string | undefined;
  retry: Omit<RetryOptions, 'provider' | 'signal'>;
  timeoutMs: number;
}

export class LibreTranslateProvider implements Provider {
  readonly type = 'libretranslate';
  readonly name: string;
  readonly model = 'libretranslate';
  readonly endpoint: string;
  readonly variant: string;
  private readonly o: LibreTranslateOptions;

  constructor(o: LibreTranslateOptions) {
    this.o = o;
    this.name = o.name;
    const url = new URL(o.config.url);
    this.endpoint = url.origin + url.pathname.replace(/\/$/, '');
    // Another server may run other models: the address is part of what makes a draft.
    this.variant = this.endpoint;
  }

  async translate(batch: SentenceBatch): Promise<string[]> {
    if (batch.sentences.length === 0) return [];
    const body = { q: [...batch.sentences], source: 'de', target: 'en', format: 'text', ...(this.o.key ? { api_key: this.o.key } : {}) };
    const post = { provider: this.name, timeoutMs: this.o.timeoutMs, secrets: this.o.key ? [this.o.key] : [], keyEnv: this.o.config.keyEnv, signal: batch.signal };
    const reply = await withRetries(() => postJson(`${this.endpoint}/translate`, body, {}, post), { ...this.o.retry, provider: this.name, signal: batch.signal });
    const texts = (reply as { translatedText?: unknown } | null)?.translatedText;
    if (!Array.isArray(texts) || texts.length !== batch.sentences.length || texts.some((t) => typeof t !== 'string')) {
      throw new DraftError('badReply', this.name, { expected: batch.sentences.length });
    }
    return texts as string[];
  }

  /** Nothing is set up at the server: a session only translates. */
  session(): ProviderSession {
    return { translate: (batch) => this.translate(batch), close: () => Promise.resolve() };
  }
}
