/**
 * DeepL through its official client, deepl-node: sentences as separate texts of one request
 * (so the pairing is exact), the paragraph as unbilled context, the article's glossary as a
 * DeepL glossary made for the draft and deleted after it.
 */
import { createHash, randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type * as DeepL from 'deepl-node';
import type { DeepLConfig } from '../../config/schema.js';
import type { GlossaryEntry } from '../../content/schema.js';
import { DraftError } from '../draft-error.js';
import { statusError } from '../http.js';
import type { Provider, ProviderSession, SentenceBatch } from '../provider.js';
import { parseRetryAfter, withRetries, type RetryOptions } from '../retry.js';

const FREE = 'https://api-free.deepl.com';
const GLOSSARY_PREFIX = 'newsbridge ';
const PRO = 'https://api.deepl.com';

export interface DeepLOptions {
  name: string;
  config: DeepLConfig;
  key: string;
  retry: Omit<RetryOptions, 'provider' | 'signal'>;
  timeoutMs: number;
}

/**
 * The Retry-After of the last 429 from `host`. deepl-node hides response headers and only
 * knows its own backoff, so the reply is watched on Node's http diagnostics channel.
 */
function watchRetryAfter(host: string): { last: () => string | undefined; stop: () => void } {
  let value: string | undefined;
  const listener = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (request.host === host && response.statusCode === 429) value = String(response.headers['retry-after'] ?? '');
  };
  dc.subscribe('http.client.response.finish', listener);
  return { last: () => value, stop: () => dc.unsubscribe('http.client.response.finish', listener) };
}

/** A usable DeepL glossary: one English term per German term, no tabs or line breaks. */
function glossaryEntries(glossary: readonly GlossaryEntry[]): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const { de, en } of glossary) {
    const source = de.trim();
    const target = en.trim();
    if (source === '' || target === '' || /[\t\r\n]/.test(source + target) || Object.hasOwn(entries, source)) continue;
    entries[source] = target;
  }
  return entries;
}

/** What one session set up at DeepL: glossary content hash → glossary id. */
interface SessionState {
  glossaries: Map<string, string>;
}

export class DeepLProvider implements Provider {
  readonly type = 'deepl';
  readonly name: string;
  readonly model: string;
  readonly endpoint: string;
  readonly variant: string;
  private readonly o: DeepLOptions;
  private client: Promise<{ deepl: typeof DeepL; translator: DeepL.Translator }> | null = null;
  private swept: Promise<void> | null = null;

  constructor(o: DeepLOptions) {
    this.o = o;
    this.name = o.name;
    this.model = o.config.model ?? 'default';
    this.endpoint = o.config.serverUrl ?? (o.config.plan === 'free' ? FREE : o.config.plan === 'pro' ? PRO : o.key.endsWith(':fx') ? FREE : PRO);
    this.variant = `${o.config.target}|${o.config.formality}|${o.config.context ? 'context' : ''}`;
  }

  private connect() {
    // The client (and axios with it) is loaded only when DeepL is used.
    this.client ??= import('deepl-node').then((loaded) => {
      // A CommonJS package: in the bundle its exports arrive only as the default export.
      const deepl = (typeof loaded.Translator === 'function' ? loaded : loaded.default) as typeof DeepL;
      return { deepl, translator: new deepl.Translator(this.o.key, { serverUrl: this.endpoint, maxRetries: 0, minTimeout: this.o.timeoutMs, sendPlatformInfo: false }) };
    });
    return this.client;
  }

  /** One call to DeepL with its errors as DraftErrors, retried on 429 and 5xx. */
  private async call<T>(run: (translator: DeepL.Translator) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const { deepl, translator } = await this.connect();
    const watch = watchRetryAfter(new URL(this.endpoint).hostname);
    try {
      return await withRetries(async () => {
        try {
          return await abortable(run(translator), signal, this.name);
        } catch (cause) {
          throw this.draftError(cause, deepl, watch.last());
        }
      }, { ...this.o.retry, provider: this.name, signal });
    } finally {
      watch.stop();
    }
  }

  private draftError(cause: unknown, deepl: typeof DeepL, retryAfter: string | undefined): unknown {
    if (cause instanceof DraftError) return cause;
    const keyEnv = { keyEnv: this.o.config.keyEnv };
    const secrets = [this.o.key];
    if (cause instanceof deepl.AuthorizationError) return new DraftError('auth', this.name, { status: 403, ...keyEnv });
    if (cause instanceof deepl.QuotaExceededError) return new DraftError('quota', this.name, { status: 456 });
    if (cause instanceof deepl.TooManyRequestsError) {
      const seconds = parseRetryAfter(retryAfter);
      return new DraftError('rateLimited', this.name, { status: 429, ...(seconds !== undefined ? { retryAfter: seconds } : {}) });
    }
    if (cause instanceof deepl.ConnectionError) {
      const code = (cause.error as { code?: string } | undefined)?.code;
      return new DraftError(code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'timeout' : 'unreachable', this.name, { endpoint: this.endpoint });
    }
    if (cause instanceof deepl.DeepLError) {
      // Other statuses reach us only as text: "Unexpected status code: 401 …", "Bad request, message: …".
      const status = Number(/status code: (\d{3})/.exec(cause.message)?.[1] ?? (/^Bad request/.test(cause.message) ? 400 : /^Service unavailable/.test(cause.message) ? 503 : /^Glossary not found|^Not found/.test(cause.message) ? 404 : 0));
      const message = /message: (.*?)(?:, detail: |, content: |$)/.exec(cause.message)?.[1];
      if (status > 0) return statusError(status, message ? { message } : undefined, null, { provider: this.name, timeoutMs: 0, secrets, keyEnv: this.o.config.keyEnv });
      return new DraftError('badReply', this.name);
    }
    return new DraftError('unreachable', this.name, { endpoint: this.endpoint });
  }

  /**
   * The id of a DeepL glossary holding `glossary`, made once per session under a name of its
   * own (sessions side by side must not delete each other's), and deleted when it closes.
   */
  private async glossaryId(state: SessionState, glossary: readonly GlossaryEntry[], signal: AbortSignal | undefined): Promise<string | undefined> {
    const entries = glossaryEntries(glossary);
    if (!this.o.config.glossary || Object.keys(entries).length === 0) return undefined;
    const hash = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
    const known = state.glossaries.get(hash);
    if (known) return known;
    this.swept ??= this.sweepLeftovers(signal);
    await this.swept;
    const { deepl } = await this.connect();
    const name = `${GLOSSARY_PREFIX}${hash} ${randomBytes(4).toString('hex')}`;
    const id = (await this.call((t) => t.createGlossary(name, 'de', 'en', new deepl.GlossaryEntries({ entries })), signal)).glossaryId;
    state.glossaries.set(hash, id);
    return id;
  }

  /**
   * Glossaries newsbridge made more than a day ago are leftovers of runs that were killed
   * before their clean-up: deleted once per provider, best effort, so none pile up in the account.
   */
  private async sweepLeftovers(signal: AbortSignal | undefined): Promise<void> {
    const listed = await this.call((t) => t.listGlossaries(), signal);
    const { translator } = await this.connect();
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    const old = listed.filter((g) => g.name.startsWith(GLOSSARY_PREFIX) && g.creationTime.getTime() < dayAgo);
    await Promise.all(old.map((g) => translator.deleteGlossary(g.glossaryId).catch(() => undefined)));
  }

  session(): ProviderSession {
    const state: SessionState = { glossaries: new Map() };
    return { translate: (batch) => this.translate(state, batch), close: () => this.close(state) };
  }

  private async translate(state: SessionState, batch: SentenceBatch): Promise<string[]> {
    if (batch.sentences.length === 0) return [];
    const glossary = await this.glossaryId(state, batch.glossary, batch.signal);
    const { config } = this.o;
    const options: DeepL.TranslateTextOptions = {
      ...(config.formality !== 'default' ? { formality: config.formality } : {}),
      ...(glossary ? { glossary } : {}),
      ...(config.context && batch.context ? { context: batch.context } : {}),
      ...(config.model ? { modelType: config.model } : {}),
    };
    const results = await this.call((t) => t.translateText([...batch.sentences], 'de', config.target, options), batch.signal);
    if (!Array.isArray(results) || results.length !== batch.sentences.length || results.some((r) => typeof r?.text !== 'string')) {
      throw new DraftError('badReply', this.name, { expected: batch.sentences.length });
    }
    return results.map((r) => r.text);
  }

  private async close(state: SessionState): Promise<void> {
    if (!this.client || state.glossaries.size === 0) return;
    const { translator } = await this.client;
    const ids = [...state.glossaries.values()];
    state.glossaries.clear();
    // Best effort: one left behind is swept a day later.
    await Promise.all(ids.map((id) => translator.deleteGlossary(id).catch(() => undefined)));
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (deepl-node takes no signal: its reply is then ignored). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, provider: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DraftError('aborted', provider));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DraftError('aborted', provider));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
