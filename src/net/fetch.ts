/**
 * The one HTTP client of newsbridge (import of a URL, feeds, full-text pages): undici's fetch
 * through an agent that honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY (Node's own fetch ignores
 * them), a User-Agent naming newsbridge, a timeout, a size cap enforced while the body streams
 * in, redirects followed by hand (so they can be counted and kept to http/https), a content-type
 * check, conditional requests, and bounded retries on 429/5xx that honour Retry-After.
 * Failures come back as FetchError with a code the caller turns into one readable line.
 */
import type * as UndiciModule from 'undici';
import type { Dispatcher } from 'undici';
import { USER_AGENT } from './version.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** Retries on 429 and 5xx: how many, the first pause (doubled each time), and the longest wait accepted. */
export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxWaitMs: number;
}

export const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 0, maxWaitMs: 0 };

export type FetchErrorCode =
  | 'badUrl'
  | 'badRedirect'
  | 'offline'
  | 'refused'
  | 'timeout'
  | 'tooLarge'
  | 'tooManyRedirects'
  | 'httpStatus'
  | 'retryLater'
  | 'badContentType'
  | 'aborted'
  | 'network';

/** A failed fetch, with what the message needs. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly detail: string = '',
    /** For `retryLater`: when the server said to come back (ms since the epoch). */
    readonly retryAt?: number,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'FetchError';
  }
}

export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  /** The address after redirects. */
  url: string;
  etag?: string;
  lastModified?: string;
}

/** A conditional request answered "304 Not Modified". */
export interface NotModified {
  notModified: true;
  url: string;
}

export interface FetchOptions {
  /** Validators from the last answer: sent as If-None-Match / If-Modified-Since. */
  validators?: { etag?: string; lastModified?: string };
  signal?: AbortSignal;
  /** Where the proxy variables are read (default: the process's environment). */
  env?: NodeJS.ProcessEnv;
  retry?: RetryPolicy;
  /** The Accept header. */
  accept?: string;
  /** Told before each retry: which attempt comes next and how long it waits first. */
  onRetry?: (attempt: number, waitMs: number, status: number) => void;
}

const ACCEPT_ANY = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8';
export const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5';

const ACCEPTED = /^(text\/html|application\/xhtml\+xml|application\/(x-)?(rss|atom|rdf)\+xml|application\/xml|text\/xml|text\/plain)\b/i;

/** True for an http(s) URL given on the command line. */
export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function networkCode(cause: unknown): FetchErrorCode {
  const inner = (cause as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  const code = inner?.code ?? inner?.errors?.[0]?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'offline';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return 'refused';
  return 'network';
}

type Undici = typeof UndiciModule;
let undici: Undici | undefined;
const dispatchers = new Map<string, Dispatcher>();

/** The agent for these proxy settings (one per distinct setting, kept for the process's life). */
async function dispatcherFor(env: NodeJS.ProcessEnv): Promise<{ fetch: Undici['fetch']; dispatcher: Dispatcher }> {
  if (!undici) {
    // A CommonJS module: bundled, its exports may sit on `default`.
    const mod = (await import('undici')) as Undici & { default?: Undici };
    undici = typeof mod.Agent === 'function' ? mod : (mod.default ?? mod);
  }
  // Empty strings, not undefined: undici would otherwise read process.env itself.
  const httpProxy = env['http_proxy'] || env['HTTP_PROXY'] || '';
  const httpsProxy = env['https_proxy'] || env['HTTPS_PROXY'] || '';
  const noProxy = env['no_proxy'] || env['NO_PROXY'] || '';
  const key = `${httpProxy}\n${httpsProxy}\n${noProxy}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    dispatcher = httpProxy || httpsProxy ? new undici.EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy }) : new undici.Agent();
    dispatchers.set(key, dispatcher);
  }
  return { fetch: undici.fetch, dispatcher };
}

type UndiciResponse = Awaited<ReturnType<Undici['fetch']>>;

async function readCapped(response: UndiciResponse, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw new FetchError('tooLarge', String(maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done || !value) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the download at once: a lying or missing Content-Length must not fill memory.
      await reader.cancel().catch(() => undefined);
      controller.abort();
      throw new FetchError('tooLarge', String(maxBytes));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** A status worth asking again for: too many requests, or the server's trouble. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** Retry-After as milliseconds from `now` (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Answer of one attempt: a document, 304, or a status to retry. */
type Attempt = Fetched | NotModified | { retry: number; statusText: string; waitMs?: number };

async function attempt(start: URL, limits: FetchLimits, options: FetchOptions): Promise<Attempt> {
  const { fetch, dispatcher } = await dispatcherFor(options.env ?? process.env);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const outer = options.signal;
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const failed = (cause: unknown, host: string): FetchError => {
    if (cause instanceof FetchError) return cause;
    if (outer?.aborted) return new FetchError('aborted');
    if (controller.signal.aborted) return new FetchError('timeout', String(limits.timeoutMs / 1000));
    return new FetchError(networkCode(cause), host);
  };
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        // Name the address actually refused: after a redirect it is not the one the user gave.
        throw new FetchError(redirects === 0 ? 'badUrl' : 'badRedirect', url.href);
      }
      const headers: Record<string, string> = { accept: options.accept ?? ACCEPT_ANY, 'user-agent': USER_AGENT };
      if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
      if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
      let response: UndiciResponse;
      try {
        response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers, dispatcher });
      } catch (cause) {
        throw failed(cause, url.host);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (redirects >= limits.maxRedirects) throw new FetchError('tooManyRedirects', String(limits.maxRedirects));
        try {
          url = new URL(location, url);
        } catch {
          throw new FetchError('badRedirect', location);
        }
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { notModified: true, url: url.href };
      }
      if (RETRYABLE.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const waitMs = retryAfterMs(response.headers.get('retry-after'));
        return { retry: response.status, statusText: response.statusText, ...(waitMs !== undefined ? { waitMs } : {}) };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError('httpStatus', `${response.status} ${response.statusText}`.trim());
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      if (contentType && !ACCEPTED.test(contentType.trim())) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError('badContentType', contentType.split(';')[0] ?? contentType);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, limits.maxBytes, controller);
      } catch (cause) {
        throw failed(cause, url.host);
      }
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      return { bytes, url: url.href, ...(contentType ? { contentType } : {}), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    }
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Downloads `address` within `limits`; with validators, a 304 comes back as NotModified.
 * 429 and 5xx are asked again per `options.retry`, waiting as Retry-After says; a wait
 * longer than the policy accepts fails at once with `retryLater` and the time to come back.
 */
export async function fetchResource(address: string, limits: FetchLimits = DEFAULT_LIMITS, options: FetchOptions = {}): Promise<Fetched | NotModified> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError('badUrl', address);
  }
  const policy = options.retry ?? NO_RETRY;
  for (let tried = 0; ; tried++) {
    if (options.signal?.aborted) throw new FetchError('aborted');
    const result = await attempt(url, limits, options);
    if (!('retry' in result)) return result;
    const status = result.retry;
    const waitMs = result.waitMs ?? policy.baseDelayMs * 2 ** tried;
    if (result.waitMs !== undefined && result.waitMs > policy.maxWaitMs) {
      throw new FetchError('retryLater', `${status}`, Date.now() + result.waitMs);
    }
    if (tried >= policy.retries) throw new FetchError('httpStatus', `${status} ${result.statusText}`.trim());
    options.onRetry?.(tried + 1, waitMs, status);
    await pause(Math.min(waitMs, policy.maxWaitMs), options.signal);
  }
}

/** Downloads `address` within `limits` (no validators, so never NotModified). */
export async function fetchDocument(address: string, limits: FetchLimits = DEFAULT_LIMITS, options: Omit<FetchOptions, 'validators'> = {}): Promise<Fetched> {
  const result = await fetchResource(address, limits, options);
  if ('notModified' in result) throw new FetchError('httpStatus', '304 Not Modified');
  return result;
}
