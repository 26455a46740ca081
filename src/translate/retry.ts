/** Bounded retries for 429 and 5xx replies, honouring Retry-After. */
import { DraftError } from './draft-error.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** The longest wait (ms) accepted; a longer Retry-After fails at once, saying how long. */
  maxWaitMs: number;
  signal?: AbortSignal | undefined;
  provider: string;
}

/** Resolves after `ms`, or rejects as aborted when the signal fires first. */
export function sleep(ms: number, signal: AbortSignal | undefined, provider: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DraftError('aborted', provider));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DraftError('aborted', provider));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/**
 * Runs `attempt`, trying again after a rate-limited or server-error DraftError: after the
 * reply's Retry-After when it gave one, else 1, 2, 4… seconds; at most `retries` times.
 */
export async function withRetries<T>(attempt: () => Promise<T>, o: RetryOptions): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (cause) {
      if (!(cause instanceof DraftError) || (cause.kind !== 'rateLimited' && cause.kind !== 'server') || tries >= o.retries) throw cause;
      const asked = cause.details.retryAfter;
      const waitMs = asked !== undefined ? asked * 1000 : Math.min(o.maxWaitMs, 1000 * 2 ** tries);
      if (waitMs > o.maxWaitMs) throw cause;
      await sleep(waitMs, o.signal, o.provider);
    }
  }
}
