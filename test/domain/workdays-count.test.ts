// workdaysBetween counts with per-year running totals; it must agree with a
// plain day-by-day walk everywhere, across year ends and over many years.
import { describe, expect, it } from 'vitest';
import { workdaysBetween, weekdayCalendar, type WorkCalendar } from '../../src/domain/workdays.js';
import { addDays } from '../../src/domain/time.js';

function walk(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) n++;
  return n;
}

// Holidays on some dates, worked weekends on others: not Monday–Friday.
const odd: WorkCalendar = {
  isWorkday: (d) => (d.endsWith('-01') || d.endsWith('-15') ? false : d.endsWith('-06') ? true : weekdayCalendar.isWorkday(d)),
  covers: () => true,
};

describe('workdaysBetween', () => {
  const pairs: [string, string][] = [
    ['2025-12-30', '2026-01-05'], ['2024-02-28', '2024-03-01'], ['2023-06-01', '2026-06-01'],
    ['2026-11-20', '2026-11-25'], ['2026-11-25', '2026-11-20'], ['2026-01-01', '2026-01-01'], ['2019-12-31', '2020-01-01'],
  ];
  for (let i = 0; i < 40; i++) {
    const from = addDays('2020-01-01', (i * 97) % 2000);
    pairs.push([from, addDays(from, (i * 53) % 900)]);
  }
  it.each(pairs)('%s → %s agrees with a day-by-day walk', (from, to) => {
    for (const cal of [weekdayCalendar, odd]) expect(workdaysBetween(cal, from, to)).toBe(walk(cal, from, to));
  });
});
