/** Why a draft could not be made, as a kind the CLI and the reader turn into one line naming the provider. */

export type DraftErrorKind =
  /** 401/403: the key is wrong, missing or not allowed. */
  | 'auth'
  /** DeepL's 456 (or a service saying the quota is used up). */
  | 'quota'
  /** 429 after the bounded retries (or a Retry-After longer than we wait). */
  | 'rateLimited'
  | 'timeout'
  /** Connection refused, unknown host, reset. */
  | 'unreachable'
  /** A reply that is not exactly one sentence per sentence sent. */
  | 'badReply'
  /** 5xx after the retries. */
  | 'server'
  /** Another 4xx: the provider refused the request (its message, cleaned, in `detail`). */
  | 'refused'
  | 'aborted';

export class DraftError extends Error {
  constructor(
    readonly kind: DraftErrorKind,
    /** The provider's name in the config. */
    readonly provider: string,
    readonly details: {
      status?: number;
      /** Seconds the provider asked to wait. */
      retryAfter?: number;
      /** The provider's own words (cleaned, secrets removed). */
      detail?: string;
      /** The environment variable of the key (its name, never its value). */
      keyEnv?: string;
      endpoint?: string;
      /** Sentences sent, for a reply of the wrong shape. */
      expected?: number;
    } = {},
  ) {
    super(`${provider}: ${kind}${details.status ? ` (HTTP ${details.status})` : ''}`);
    this.name = 'DraftError';
  }
}
