/** A failed download as one line for a person, in the interface language. */
import type { Translate } from '../i18n/translate.js';
import { DEFAULT_LIMITS, type FetchError, type FetchLimits } from './fetch.js';
import { sanitise } from '../text/sanitize.js';

/** The message for `error` raised while fetching `address` (everything from the network is sanitised). */
export function fetchErrorText(error: FetchError, address: string, t: Translate, limits: FetchLimits = DEFAULT_LIMITS): string {
  const url = sanitise(address);
  const host = sanitise(/^https?:\/\/([^/?#]+)/i.exec(address)?.[1] ?? address);
  const detail = sanitise(error.detail);
  switch (error.code) {
    case 'badUrl':
      return t('import.badUrl', { url: detail || url });
    case 'badRedirect':
      return t('import.badRedirect', { url, target: detail });
    case 'offline':
      return t('import.offline', { host });
    case 'refused':
      return t('import.refused', { host });
    case 'network':
      return t('import.network', { host });
    case 'timeout':
      return t('import.timeout', { url, seconds: limits.timeoutMs / 1000 });
    case 'tooLarge':
      return t('import.tooLargeUrl', { url, mb: Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10 });
    case 'tooManyRedirects':
      return t('import.tooManyRedirects', { url, max: limits.maxRedirects });
    case 'httpStatus':
      return t('import.httpStatus', { url, status: detail });
    case 'retryLater':
      return t('import.retryLater', { url, status: detail, seconds: Math.max(1, Math.ceil(((error.retryAt ?? Date.now()) - Date.now()) / 1000)) });
    case 'badContentType':
      return t('import.badContentType', { url, type: detail });
    case 'aborted':
      return t('import.aborted', { url });
  }
}
