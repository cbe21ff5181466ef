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

/** Working days d with from < d ≤ to; 0 when to ≤ from. */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) n++;
  return n;
}
