/** Dates shown as the article gives them: in its own UTC offset, formatted with Intl. */
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { intlLocale } from './language.js';
import type { UiLanguage } from './language.js';

/** What an article without a publication date shows where its date would be. */
export function undatedWord(language: UiLanguage): string {
  return (language === 'de' ? de : en).article.undated;
}

const OFFSET = /([+-])(\d{2}):?(\d{2})$|Z$/;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: UiLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(language), {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    });
    cache.set(key, f);
  }
  return f;
}

/** The wall-clock time of an ISO 8601 timestamp in its own offset, as a Date in UTC. */
function wallClock(iso: string): Date | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const m = OFFSET.exec(iso);
  const minutes = m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(time + minutes * 60_000);
}

/** "4 Apr 2024" / "04.04.2024" (and the time with `withTime`) in the UI language; "undated" without a date. */
export function formatPublished(iso: string | null | undefined, language: UiLanguage, withTime = false): string {
  if (iso === null || iso === undefined || iso === '') return undatedWord(language);
  const date = wallClock(iso);
  return date ? formatter(language, withTime).format(date) : iso;
}

const widest = new Map<UiLanguage, number>();

/**
 * The widest date formatPublished() can give in `language` (a two-digit day in
 * each month; month names differ in length, "Sept" against "May"), so that a
 * column of dates is as wide on every row.
 */
export function widestPublished(language: UiLanguage, width: (text: string) => number): number {
  let w = widest.get(language);
  if (w === undefined) {
    w = Math.max(
      width(undatedWord(language)),
      ...Array.from({ length: 12 }, (_, month) => width(formatter(language, false).format(new Date(Date.UTC(2000, month, 28))))),
    );
    widest.set(language, w);
  }
  return w;
}

/** YYYY-MM-DD of the article's own wall clock (for plain listings); "undated" without a date. */
export function isoDay(iso: string | null | undefined, language: UiLanguage = 'en'): string {
  if (iso === null || iso === undefined || iso === '') return undatedWord(language);
  const date = wallClock(iso);
  return date ? date.toISOString().slice(0, 10) : iso.slice(0, 10);
}
