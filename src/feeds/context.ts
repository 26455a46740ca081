/** What every step of a refresh shares: the network settings, the politeness scheduler, the words. */
import { createTranslator, type Translate } from '../i18n/translate.js';
import { DEFAULT_LIMITS, type FetchLimits, type RetryPolicy } from '../net/fetch.js';
import { HostScheduler } from '../net/host-scheduler.js';

/** Network settings a caller may change (tests make them short). */
export interface NetSettings {
  /** Limits for a feed document (larger than a page's: a feed of thousands of items is legitimate). */
  feedLimits: FetchLimits;
  pageLimits: FetchLimits;
  retry: RetryPolicy;
  /** Requests in flight at once, overall (one per host regardless). */
  concurrency: number;
}

export const DEFAULT_NET: NetSettings = {
  feedLimits: { ...DEFAULT_LIMITS, maxBytes: 32 * 1024 * 1024 },
  pageLimits: DEFAULT_LIMITS,
  retry: { retries: 2, baseDelayMs: 1000, maxWaitMs: 30_000 },
  concurrency: 4,
};

export interface RefreshContext {
  net: NetSettings;
  scheduler: HostScheduler;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal | undefined;
  /** Messages (errors, notes written into articles) in this language. */
  t: Translate;
  /** Notes written into article files are always English: a library is shared. */
  fileT: Translate;
  now: () => number;
}

/** A context from the caller's options. */
export function makeRefreshContext(options: { net?: Partial<NetSettings>; env?: NodeJS.ProcessEnv; signal?: AbortSignal; t?: Translate; now?: () => number }): RefreshContext {
  const net = { ...DEFAULT_NET, ...options.net };
  const fileT = createTranslator('en');
  return {
    net,
    scheduler: new HostScheduler(net.concurrency),
    env: options.env ?? process.env,
    signal: options.signal,
    t: options.t ?? fileT,
    fileT,
    now: options.now ?? Date.now,
  };
}
