/**
 * POSTing JSON to a provider with a timeout, and turning every failure into a DraftError:
 * the status says what went wrong, the body only adds a cleaned detail, never a secret.
 */
import { DraftError } from './draft-error.js';
import { providerDetail } from './redact.js';
import { parseRetryAfter } from './retry.js';

export interface PostOptions {
  provider: string;
  timeoutMs: number;
  /** Values never to show (the API key). */
  secrets: readonly string[];
  keyEnv?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** A reply larger than this is no translation of a paragraph. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** The message a JSON error body carries ({error: {message}}, {error: "…"}, {message}, {detail}). */
function bodyMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const error = b['error'];
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>)['message'] === 'string') return (error as Record<string, string>)['message'];
  for (const key of ['message', 'detail']) if (typeof b[key] === 'string') return b[key];
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The DraftError for a non-2xx reply. */
export function statusError(status: number, body: unknown, retryAfter: string | null, o: PostOptions): DraftError {
  const message = bodyMessage(body);
  const detail = message === undefined ? undefined : providerDetail(message, o.secrets);
  const base = { status, ...(detail ? { detail } : {}), ...(o.keyEnv ? { keyEnv: o.keyEnv } : {}) };
  if (status === 401 || status === 403) return new DraftError('auth', o.provider, base);
  if (status === 456) return new DraftError('quota', o.provider, base);
  if (status === 429) {
    // OpenAI says "insufficient_quota" with a 429: waiting will not help.
    if (/quota|billing/i.test(message ?? '')) return new DraftError('quota', o.provider, base);
    const seconds = parseRetryAfter(retryAfter);
    return new DraftError('rateLimited', o.provider, { ...base, ...(seconds !== undefined ? { retryAfter: seconds } : {}) });
  }
  if (status >= 500) return new DraftError('server', o.provider, base);
  return new DraftError('refused', o.provider, base);
}

/** The reason a request never got a reply. */
export function transportError(cause: unknown, o: PostOptions, endpoint: string): DraftError {
  if (o.signal?.aborted) return new DraftError('aborted', o.provider);
  const name = (cause as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new DraftError('timeout', o.provider, { endpoint });
  return new DraftError('unreachable', o.provider, { endpoint });
}

/** POSTs `body` as JSON and returns the parsed JSON reply; throws a DraftError for anything else. */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, o: PostOptions): Promise<unknown> {
  const endpoint = new URL(url).origin;
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body), signal, redirect: 'error' });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_REPLY_BYTES) throw new DraftError('badReply', o.provider);
    text = await response.text();
  } catch (cause) {
    if (cause instanceof DraftError) throw cause;
    throw transportError(cause, o, endpoint);
  }
  const parsed = parseJson(text);
  if (!response.ok) throw statusError(response.status, parsed, response.headers.get('retry-after'), o);
  if (parsed === undefined) throw new DraftError('badReply', o.provider);
  return parsed;
}
