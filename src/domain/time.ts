// Instants, office-local calendar dates and ISO text. Calendar dates are
// handled as 'YYYY-MM-DD' strings with UTC arithmetic, so the answers never
// depend on the machine's own clock zone (TZ).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { Instant } from './types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsCache.set(tz, f);
  }
  return f;
}

interface LocalParts { y: number; mo: number; d: number; h: number; mi: number; s: number }

function intlParts(ms: Instant, tz: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) p[part.type] = part.value;
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

/**
 * Zones whose offset has not changed since `since`: for them no Intl lookup is
 * needed at all. The first Intl.DateTimeFormat of a process costs 10–30 ms
 * (ICU loads its zone data), a third of a command's run, and nearly every
 * office keeps China Standard Time. China ended summer time in 1991; Hong
 * Kong, Macau and Taipei in 1979. A test checks each against Intl, so a tz
 * database that ever changes one of them is noticed.
 */
const CHINA_SINCE = Date.UTC(1992, 0, 1);
const SINCE_1980 = Date.UTC(1980, 0, 1);
export const FIXED_ZONES: ReadonlyMap<string, { since: number; minutes: number }> = new Map([
  ['Asia/Shanghai', { since: CHINA_SINCE, minutes: 480 }],
  ['Asia/Chongqing', { since: CHINA_SINCE, minutes: 480 }],
  ['Asia/Harbin', { since: CHINA_SINCE, minutes: 480 }],
  ['PRC', { since: CHINA_SINCE, minutes: 480 }],
  ['Asia/Hong_Kong', { since: SINCE_1980, minutes: 480 }],
  ['Asia/Macau', { since: SINCE_1980, minutes: 480 }],
  ['Asia/Taipei', { since: SINCE_1980, minutes: 480 }],
  ['UTC', { since: -Infinity, minutes: 0 }],
  ['Etc/UTC', { since: -Infinity, minutes: 0 }],
]);

/**
 * Zone offsets change only on quarter-hour boundaries, so one Intl lookup per
 * zone and quarter hour serves every instant in it: exports, imports and the
 * overdue list format hundreds of thousands of times, and Intl is slow.
 */
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** Offset of the zone at that instant, in minutes east of UTC. */
export function offsetMinutes(ms: Instant, tz: string): number {
  const fixed = FIXED_ZONES.get(tz);
  if (fixed !== undefined && ms >= fixed.since) return fixed.minutes;
  let byBucket = offsets.get(tz);
  if (!byBucket) offsets.set(tz, (byBucket = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let off = byBucket.get(bucket);
  if (off === undefined) {
    const at = bucket * QUARTER_HOUR;
    const p = intlParts(at, tz);
    off = Math.round((Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - at) / 60_000);
    if (byBucket.size > 100_000) byBucket.clear();
    byBucket.set(bucket, off);
  }
  return off;
}

function localParts(ms: Instant, tz: string): LocalParts {
  const d = new Date(ms + offsetMinutes(ms, tz) * 60_000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "00" to "59": hours, minutes and seconds as ISO text writes them. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => pad(n));
const offsetTexts = new Map<number, string>();
/** Local times whose year has four digits, as dateOfDay writes it (toISOString pads and signs others). */
const FOUR_DIGIT_YEARS = { from: Date.UTC(1000, 0, 1), to: Date.UTC(10000, 0, 1) };

/**
 * ISO 8601 with the office's offset, e.g. 2026-09-12T10:00:00+08:00. The
 * date comes from its day number and the time of day by arithmetic, with no
 * Date object: `overdue` and exports write hundreds of thousands of these,
 * nearly every one a different instant.
 */
export function isoLocal(ms: Instant, tz: string): string {
  const off = offsetMinutes(ms, tz);
  const local = ms + off * 60_000;
  let offText = offsetTexts.get(off);
  if (offText === undefined) offsetTexts.set(off, (offText = formatOffset(off)));
  if (!(local >= FOUR_DIGIT_YEARS.from && local < FOUR_DIGIT_YEARS.to)) {
    const p = localParts(ms, tz);
    return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${offText}`;
  }
  const day = Math.floor(local / DAY);
  const second = Math.floor((local - day * DAY) / 1000);
  return `${dateOfDay(day)}T${TWO_DIGITS[Math.floor(second / 3600)]}:${TWO_DIGITS[Math.floor(second / 60) % 60]}:${TWO_DIGITS[second % 60]}${offText}`;
}

/**
 * Local dates by day number (days since 1970-01-01 on the local wall clock):
 * `overdue` and exports ask for the dates of tens of thousands of instants,
 * most of them on the same few hundred days.
 */
const datesByDay = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), made once per day. */
export function dateOfDay(day: number): string {
  let date = datesByDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    if (datesByDay.size > 100_000) datesByDay.clear();
    datesByDay.set(day, date);
  }
  return date;
}

/** The office-local day of an instant, as a day number (days since 1970-01-01 on the local wall clock). */
export function localDay(ms: Instant, tz: string): number {
  return Math.floor((ms + offsetMinutes(ms, tz) * 60_000) / DAY);
}

/** The office-local calendar date of an instant. */
export function localDate(ms: Instant, tz: string): string {
  return dateOfDay(localDay(ms, tz));
}

/** 'YYYY-MM-DD HH:mm' in the office zone, for human output. */
export function localDateTime(ms: Instant, tz: string): string {
  const p = localParts(ms, tz);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
}

/** The instant of a local wall-clock time in the zone. */
export function zonedInstant(date: string, time: string, tz: string): Instant {
  const fixed = FIXED_ZONES.get(tz);
  if (fixed !== undefined) {
    const wall = Date.parse(`${date}T${time}Z`);
    const at = wall - fixed.minutes * 60_000;
    if (at >= fixed.since) return at;
  }
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm:ss', tz).valueOf();
}

/** 23:59:59 local time on that date: when a working-day deadline ends (SPEC §5). */
export function endOfLocalDay(date: string, tz: string): Instant {
  return zonedInstant(date, '23:59:59', tz);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const digitsAt = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
};

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/**
 * The one shape the program writes (isoLocal, export), 2026-09-12T10:00:00+08:00,
 * read without regular expressions or string building: re-importing 100,000
 * exported rows reads 600,000 such cells, and the general way spent half a
 * second on them. Returns what the general way would (Date.parse of a valid
 * ISO time with its offset), or null for anything else.
 */
export function isoOffsetInstant(s: string): Instant | null {
  if (s.length !== 25) return null;
  const sign = s.charCodeAt(19);
  if (
    s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 || s.charCodeAt(22) !== 58 || (sign !== 43 && sign !== 45)
  ) return null;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  const sec = digitsAt(s, 17, 2);
  const oh = digitsAt(s, 20, 2);
  const om = digitsAt(s, 23, 2);
  // Years before 1000 (Date.UTC reads 0–99 as 1900–1999) and unusual offsets are left to Date.parse.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || oh < 0 || oh > 14 || om < 0 || om > 59) return null;
  if (d > daysInMonth(y, mo)) return null;
  const offset = (oh * 60 + om) * 60_000;
  return Date.UTC(y, mo - 1, d, h, mi, sec) - (sign === 43 ? offset : -offset);
}

/**
 * Parses an ISO 8601 date or date-time. Without an offset it is office-local
 * time (SPEC §8); a bare date means its start. Returns null when malformed.
 */
export function parseInstant(text: string, tz: string): Instant | null {
  const s = text.trim();
  const written = isoOffsetInstant(s);
  if (written !== null) return written;
  if (DATE_RE.test(s)) return isValidDate(s) ? zonedInstant(s, '00:00:00', tz) : null;
  const m = DATETIME_RE.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidDate(date) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return null;
  if (m[7]) {
    const ms = Date.parse(s.replace(' ', 'T'));
    return Number.isNaN(ms) ? null : ms;
  }
  return zonedInstant(date, `${m[4]}:${m[5]}:${m[6] ?? '00'}`, tz);
}

/** Days are counted on the proleptic calendar in UTC: pure date arithmetic. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function isValidTimeZone(tz: string): boolean {
  if (FIXED_ZONES.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
