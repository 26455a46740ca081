/**
 * Fetching a page or feed to import: global fetch with a timeout, a size cap enforced while
 * the body streams in, redirects followed by hand (so they can be counted and kept to
 * http/https), and a content-type check. Failures come back as FetchError with a code the
 * command turns into one readable line.
 */

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export type FetchErrorCode =
  | 'badUrl'
  | 'offline'
  | 'refused'
  | 'timeout'
  | 'tooLarge'
  | 'tooManyRedirects'
  | 'httpStatus'
  | 'badContentType'
  | 'network';

/** A failed fetch, with what the message needs. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly detail: string = '',
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
}

const ACCEPTED = /^(text\/html|application\/xhtml\+xml|application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml|text\/plain)\b/i;

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

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
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
      await reader.cancel();
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

/** Downloads `address` within `limits`. */
export async function fetchDocument(address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError('badUrl', address);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('badUrl', url.href);
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8' },
        });
      } catch (cause) {
        if (controller.signal.aborted) throw new FetchError('timeout', String(limits.timeoutMs / 1000));
        throw new FetchError(networkCode(cause), url.host);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (redirects >= limits.maxRedirects) throw new FetchError('tooManyRedirects', String(limits.maxRedirects));
        url = new URL(response.headers.get('location') ?? '', url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError('httpStatus', `${response.status} ${response.statusText}`.trim());
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      if (contentType && !ACCEPTED.test(contentType.trim())) {
        await response.body?.cancel();
        throw new FetchError('badContentType', contentType.split(';')[0] ?? contentType);
      }
      try {
        const bytes = await readCapped(response, limits.maxBytes, controller);
        return { bytes, url: url.href, ...(contentType ? { contentType } : {}) };
      } catch (cause) {
        if (cause instanceof FetchError) throw cause;
        if (controller.signal.aborted) throw new FetchError('timeout', String(limits.timeoutMs / 1000));
        throw new FetchError('network', url.host);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
