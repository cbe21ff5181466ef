// Working-day arithmetic over a calendar. Every deadline in the program is
// counted here, against the WorkCalendar interface, so the official Chinese
// calendar can replace the Monday–Friday one without touching any caller.
import { addDays, dayOfWeek } from './time.js';

export interface WorkCalendar {
  /** Is this 'YYYY-MM-DD' a working day? */
  isWorkday(date: string): boolean;
  /** Does the calendar's data cover that year (false: Monday–Friday guess)? */
  covers(year: number): boolean;
}

/** Monday–Friday, no holidays. */
export const weekdayCalendar: WorkCalendar = {
  isWorkday: (date) => {
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  },
  covers: () => false,
};

/** The Nth working day strictly after `from` (n ≥ 1); `from` itself for n ≤ 0. */
export function addWorkdays(cal: WorkCalendar, from: string, n: number): string {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) left--;
  }
  return d;
}

/**
 * Running counts of working days through each day of a year, per calendar
 * object: `overdue` measures thousands of deadlines, some of them long past,
 * and walking day by day as strings cost seconds. A calendar is rebuilt (a new
 * object) whenever its days change, so the cache never goes stale.
 */
const prefixes = new WeakMap<WorkCalendar, Map<number, Int32Array>>();

function yearPrefix(cal: WorkCalendar, year: number): Int32Array {
  let byYear = prefixes.get(cal);
  if (!byYear) prefixes.set(cal, (byYear = new Map()));
  let p = byYear.get(year);
  if (!p) {
    const days = dayIndex(`${year}-12-31`) + 1;
    p = new Int32Array(days + 1);
    let d = `${year}-01-01`;
    for (let i = 0; i < days; i++, d = addDays(d, 1)) p[i + 1] = p[i] + (cal.isWorkday(d) ? 1 : 0);
    byYear.set(year, p);
  }
  return p;
}

/** 0 for 1 January. */
function dayIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  return (Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000;
}

/** Answers of throughDay per calendar and date: the same few hundred dates come up again and again. */
const throughDays = new WeakMap<WorkCalendar, Map<string, number>>();

/** Working days from 1 January of its year through `date` inclusive. */
function throughDay(cal: WorkCalendar, date: string): number {
  let byDate = throughDays.get(cal);
  if (!byDate) throughDays.set(cal, (byDate = new Map()));
  let n = byDate.get(date);
  if (n === undefined) {
    n = yearPrefix(cal, Number(date.slice(0, 4)))[dayIndex(date) + 1];
    byDate.set(date, n);
  }
  return n;
}

/**
 * Days walked one by one per calendar. A `show` asks for a handful of short
 * spans: walking them costs a few microseconds where a year's running counts
 * cost a millisecond (a tenth of what the command does beyond starting).
 * Once the days walked would have paid for a year's counts, they are built.
 */
const walked = new WeakMap<WorkCalendar, number>();
const WALK_BUDGET = 366;

/** Working days d with from < d ≤ to; 0 when to ≤ from. */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  if (to <= from) return 0;
  const fy = Number(from.slice(0, 4));
  const ty = Number(to.slice(0, 4));
  if (fy === ty && !prefixes.get(cal)?.has(fy)) {
    const span = dayIndex(to) - dayIndex(from);
    const spent = walked.get(cal) ?? 0;
    if (spent + span <= WALK_BUDGET) {
      walked.set(cal, spent + span);
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) n++;
      return n;
    }
  }
  let n = throughDay(cal, to) - throughDay(cal, from);
  for (let y = fy; y < ty; y++) n += yearPrefix(cal, y).at(-1)!;
  return n;
}
