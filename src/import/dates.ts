/**
 * Publication dates as German (and a few other) pages write them, turned into ISO 8601
 * with the Europe/Berlin offset of that day: "4.4.2024, 18:00", "4. Apr. 2024",
 * "Stand: 28.04.2020 17:33 Uhr", "Aktualisiert am 3. März 2021 um 9:15 Uhr", ISO stamps.
 */

/** One date found in a text. */
export interface FoundDate {
  /** Where the date starts in the text, and how long its words are. */
  index: number;
  length: number;
  /** ISO 8601 with offset. */
  iso: string;
  /** False when the text named only the day (the time is then midnight). */
  hasTime: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, januar: 1, jänner: 1, january: 1,
  feb: 2, februar: 2, february: 2,
  mär: 3, mrz: 3, märz: 3, maerz: 3, mar: 3, march: 3,
  apr: 4, april: 4,
  mai: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11,
  dez: 12, dezember: 12, dec: 12, december: 12,
};

const MONTH_WORD = '(Jan(?:uar|uary)?|Jänner|Feb(?:ruar|ruary)?|M(?:ä|ae)rz|Mrz|Mar(?:ch)?|Apr(?:il)?|Mai|May|Jun[ie]?|Jul[iy]?|Aug(?:ust)?|Sept?(?:ember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?)\\.?';
// A time after the date: "18:00", "18.00 Uhr", "um 9:15 Uhr", "| 15:30 Uhr", "- 05:28".
const TIME = '(?:\\s*(?:,|\\||\\/|–|-|um|,\\s*um)?\\s*(\\d{1,2})[:.](\\d{2})(?!\\d)(?::(\\d{2}))?(?:\\s*Uhr)?)?';

const PATTERNS: readonly { re: RegExp; parts: (m: RegExpExecArray) => Parts | null }[] = [
  {
    // ISO 8601 and its relatives: 2024-04-04, 2024-04-04T18:00:00+02:00, "2019-05-15 05:28:29".
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d])/g,
    parts: (m) => ({ y: m[1], mo: m[2], d: m[3], h: m[4], mi: m[5], s: m[6], zone: m[7] }),
  },
  {
    // 4.4.2024, 04.04.24, "28.04.2020 17:33 Uhr".
    re: new RegExp(`(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?![\\d])${TIME}`, 'g'),
    parts: (m) => ({ y: m[3], mo: m[2], d: m[1], h: m[4], mi: m[5], s: m[6] }),
  },
  {
    // 4. Apr. 2024, 4. April 2024, 4 April 2024.
    re: new RegExp(`(?<![\\d])(\\d{1,2})\\.?\\s+${MONTH_WORD}\\s+(\\d{4})(?![\\d])${TIME}`, 'gi'),
    parts: (m) => ({ y: m[3], mo: m[2], d: m[1], h: m[4], mi: m[5], s: m[6] }),
  },
  {
    // April 4, 2024 (English pages and feeds).
    re: new RegExp(`${MONTH_WORD}\\s+(\\d{1,2}),\\s+(\\d{4})(?![\\d])${TIME}`, 'gi'),
    parts: (m) => ({ y: m[3], mo: m[1], d: m[2], h: m[4], mi: m[5], s: m[6] }),
  },
  {
    // 2016年10月14日07:17 (Chinese and Japanese pages).
    re: /(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2}):(\d{2}))?/g,
    parts: (m) => ({ y: m[1], mo: m[2], d: m[3], h: m[4], mi: m[5] }),
  },
];

interface Parts {
  y: string | undefined;
  mo: string | undefined;
  d: string | undefined;
  h?: string | undefined;
  mi?: string | undefined;
  s?: string | undefined;
  zone?: string | undefined;
}

function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const key = text.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toIso(p: Parts): { iso: string; hasTime: boolean } | null {
  let year = Number(p.y);
  if (p.y?.length === 2) year += 2000;
  const month = monthNumber(p.mo ?? '');
  const day = Number(p.d);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const hasTime = p.h !== undefined && p.mi !== undefined;
  const hour = hasTime ? Number(p.h) : 0;
  const minute = hasTime ? Number(p.mi) : 0;
  const second = p.s !== undefined ? Number(p.s) : 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (p.zone !== undefined) {
    const offset = zoneMinutes(p.zone);
    const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
    // A UTC stamp of a German article reads better in German time.
    return { iso: offset === 0 ? berlinIso(instant) : formatIso(instant, offset), hasTime };
  }
  return { iso: berlinWallTime(year, month, day, hour, minute, second), hasTime };
}

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const two = (n: number) => String(n).padStart(2, '0');

/** `instant` (ms since the epoch) as ISO 8601 in the given offset from UTC. */
export function formatIso(instant: number, offsetMinutes: number): string {
  const wall = new Date(instant + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}` +
    `T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

// The CET/CEST rules (and their history) come from the ICU time-zone data that Node ships,
// rather than from a hand-written "last Sunday of March" rule.
let berlinFormat: Intl.DateTimeFormat | undefined;

/** Offset of Europe/Berlin from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: number): number {
  berlinFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });
  const name = berlinFormat.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** An instant as ISO 8601 in German time. */
export function berlinIso(instant: number): string {
  return formatIso(instant, berlinOffsetMinutes(instant));
}

/** A wall-clock time in Germany as ISO 8601 with the offset in force then. */
export function berlinWallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Try summer time first, so the doubled hour in October reads as the earlier one.
  for (const offset of [120, 60]) {
    const instant = wall - offset * 60_000;
    if (berlinOffsetMinutes(instant) === offset) return formatIso(instant, offset);
  }
  // The hour skipped in March: clocks jumped forward, so read it as winter time.
  return berlinIso(wall - 60 * 60_000);
}

/** Every date in `text`, in order; overlapping readings keep the longest. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, parts } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const p = parts(m);
      const result = p && toIso(p);
      if (result) found.push({ index: m.index, length: m[0].trimEnd().length, ...result });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: FoundDate[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last && d.index < last.index + last.length) continue;
    out.push(d);
  }
  return out;
}

/**
 * A date from a metadata field (meta tag, JSON-LD, feed): ISO 8601, RFC 822 or any format
 * findDates knows. Stamps without an offset are read as German time.
 */
export function parseDateValue(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  // RFC 822 ("Tue, 12 Dec 2023 15:20:21 +0100") carries its own zone, which Date.parse reads.
  if (/\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|[A-Z]{1,4})\s*$/.test(text)) {
    const instant = Date.parse(text);
    if (!Number.isNaN(instant)) return berlinIso(instant);
  }
  return findDates(text)[0]?.iso;
}

/** YYYY-MM-DD of an ISO stamp as written (its own offset). */
export function isoDayOf(iso: string): string {
  return iso.slice(0, 10);
}
