/** A DraftError as one line naming the provider, in the interface language; never a secret (DraftError holds none). */
import type { Translate } from '../i18n/translate.js';
import { sanitise } from '../text/sanitize.js';
import type { DraftError } from './draft-error.js';

export function describeDraftError(error: DraftError, t: Translate): string {
  const d = error.details;
  const common = {
    provider: sanitise(error.provider),
    status: d.status ?? '',
    keyEnv: d.keyEnv ?? '',
    endpoint: sanitise(d.endpoint ?? ''),
    detail: sanitise(d.detail ?? ''),
    seconds: d.retryAfter === undefined ? '' : String(Math.ceil(d.retryAfter)),
    count: d.expected ?? 0,
  };
  switch (error.kind) {
    case 'auth':
      return t(d.keyEnv ? 'translate.error.auth' : 'translate.error.authNoEnv', common);
    case 'quota':
      return t('translate.error.quota', common);
    case 'rateLimited':
      return t(d.retryAfter !== undefined ? 'translate.error.rateLimitedWait' : 'translate.error.rateLimited', common);
    case 'timeout':
      return t('translate.error.timeout', common);
    case 'unreachable':
      return t('translate.error.unreachable', common);
    case 'badReply':
      return t(d.expected ? 'translate.error.badReply' : 'translate.error.badReplyBare', common);
    case 'server':
      return t('translate.error.server', common);
    case 'refused':
      return t(d.detail ? 'translate.error.refused' : 'translate.error.refusedBare', common);
    case 'aborted':
      return t('translate.error.aborted', common);
  }
}
