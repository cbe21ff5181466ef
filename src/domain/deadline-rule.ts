// The deadline grammar of SPEC §11: how long a step may take, as an office
// writes it. `30m` minutes and `2h` hours are clock time from the start;
// `3wd` ends 23:59:59 on the 3rd working day after the day counting starts
// (§5: received on a day off, counting starts on the next working day); `5d`
// ends 23:59:59 on the 5th calendar day after; `eod` is the end of the
// working day on which counting starts; `none` sets no deadline.
import type { Instant } from './types.js';
import { addDays, endOfLocalDay, localDate, HOUR, zonedInstant } from './time.js';
import { addWorkdays, type WorkCalendar } from './workdays.js';

export type DeadlineRule =
  | { unit: 'm' | 'h' | 'wd' | 'd'; n: number }
  | { unit: 'eod' }
  | { unit: 'none' };

/** The most each unit may say: a year, in its own unit (a year of working days is about 250). */
export const RULE_MAXIMUM: Record<'m' | 'h' | 'wd' | 'd', number> = { m: 366 * 24 * 60, h: 366 * 24, wd: 250, d: 366 };

const MINUTE = 60_000;

/**
 * Reads a rule: `30m`, `2h`, `3wd`, `5d`, `eod`, `none`. A bare number takes
 * `bareUnit` (the unit an older setting such as contact_hours was written
 * in). Null when it is not a rule, or is 0, negative or past a year.
 */
export function parseRule(text: string, bareUnit: 'h' | 'wd' | null = null): DeadlineRule | null {
  const v = text.trim().toLowerCase();
  if (v === 'none') return { unit: 'none' };
  if (v === 'eod') return { unit: 'eod' };
  const m = /^(\d{1,7})\s*(m|h|wd|d)?$/.exec(v);
  if (!m) return null;
  const unit = (m[2] ?? bareUnit) as 'm' | 'h' | 'wd' | 'd' | null;
  const n = Number(m[1]);
  if (unit === null || n < 1 || n > RULE_MAXIMUM[unit]) return null;
  return { unit, n };
}

export function formatRule(r: DeadlineRule): string {
  return r.unit === 'none' || r.unit === 'eod' ? r.unit : `${r.n}${r.unit}`;
}

/** The first working day on or after a date. */
export function countingStartDay(cal: WorkCalendar, date: string): string {
  let d = date;
  while (!cal.isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** When a step counted from `from` is due under the rule; null for `none`. */
export function dueUnder(rule: DeadlineRule, from: Instant, cal: WorkCalendar, tz: string): Instant | null {
  switch (rule.unit) {
    case 'none': return null;
    case 'm': return from + rule.n * MINUTE;
    case 'h': return from + rule.n * HOUR;
    case 'd': return endOfLocalDay(addDays(localDate(from, tz), rule.n), tz);
    case 'eod': return endOfLocalDay(countingStartDay(cal, localDate(from, tz)), tz);
    case 'wd': return endOfLocalDay(addWorkdays(cal, countingStartDay(cal, localDate(from, tz)), rule.n), tz);
  }
}

/**
 * For a step that repeats (the weekly progress contact, 每周至少联系一次): the
 * instant before which its last doing is past the rule now. Clock rules
 * count back from now; day rules find the latest local day whose start, as
 * the last contact, would already be due before now.
 */
export function staleBefore(rule: DeadlineRule, now: Instant, cal: WorkCalendar, tz: string): Instant {
  if (rule.unit === 'none') return Number.MIN_SAFE_INTEGER;
  if (rule.unit === 'm') return now - rule.n * MINUTE;
  if (rule.unit === 'h') return now - rule.n * HOUR;
  let day = localDate(now, tz);
  // A contact on `day` is due after now: step back until one is not (at most a year and a bit).
  for (let i = 0; i < 800; i++) {
    if (dueUnder(rule, zonedInstant(day, '00:00:00', tz), cal, tz)! < now) return zonedInstant(addDays(day, 1), '00:00:00', tz);
    day = addDays(day, -1);
  }
  return Number.MIN_SAFE_INTEGER;
}
