// The office's working-day calendar (SPEC §5): mainland China's official days
// (statutory holidays off, 调休 weekend days on) under the office's own
// overrides, Monday–Friday for any other day. A year the State Council's
// notice is not loaded for is provisional: its statutory days off, which the
// law fixes, stand in for the notice (no 调休, which no rule predicts).
// Pure: dates are 'YYYY-MM-DD' strings and every answer is date arithmetic,
// whatever the machine's zone.
import { statutoryDays } from './statutory-days.js';
import { addDays, dayOfWeek, yearOf } from './time.js';
import { countingStartDay } from './deadline-rule.js';
import type { WorkCalendar } from './workdays.js';

export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** One marked day: a holiday (off) or a working day, with its name. */
export interface DayMark {
  kind: DayKind;
  /** The name in Chinese (国庆节), or the office's own text; null when none was given. */
  name: string | null;
  /** The English name, when the data has one (official days only). */
  nameEn: string | null;
}

/** The State Council's arrangements the program ships, as data. */
export interface OfficialDays {
  days: ReadonlyMap<string, DayMark>;
  /** The years the data covers, inclusive; null when there is none. */
  years: { first: number; last: number } | null;
}

/**
 * Why a day is or is not a working day: `weekday` Monday–Friday, `weekend`
 * Saturday–Sunday, `holiday` marked off, `workday` marked on (a worked
 * weekend, 调休补班, when it falls on a Saturday or Sunday).
 */
export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'workday';

export interface DayInfo {
  date: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  workday: boolean;
  reason: DayReason;
  /**
   * Where the mark comes from; null for an ordinary weekday or weekend.
   * `statutory`: a day off by law in a provisional year.
   */
  source: 'official' | 'office' | 'statutory' | null;
  name: string | null;
  nameEn: string | null;
  /** The official mark underneath an office override, if any. */
  official: DayMark | null;
  /** The year's notice is not loaded: its working days are a guess (see Provisional). */
  provisional: boolean;
}

/**
 * How a year without its State Council notice is counted: `statutory`
 * weekends and the statutory days off; `weekends` only weekends, where the
 * statutory rules or their lunar data do not reach.
 */
export type Provisional = 'statutory' | 'weekends';

export interface OfficeCalendar extends WorkCalendar {
  /** Everything known about one date. */
  day(date: string): DayInfo;
  /** How a year is guessed; null when its notice is loaded (covers(year)). */
  provisional(year: number): Provisional | null;
  /** The years of official data, inclusive; null when there is none. */
  readonly years: { first: number; last: number } | null;
}

export function isoWeekday(date: string): number {
  return dayOfWeek(date) || 7;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * The calendar the deadlines count on. A date is a working day when an office
 * override says so; else an official holiday is off and an official 调休 day
 * is on; else, in a year the official data does not cover, a statutory day is
 * off; else Monday–Friday. A year is covered (its notice loaded) when the
 * official data covers it, or when the office has marked every statutory day
 * of it, as importing the notice with `calendar import` does; one office day
 * alone does not cover a year. Each year's answer is worked out once.
 */
export function buildCalendar(official: OfficialDays, overrides: ReadonlyMap<string, DayMark>): OfficeCalendar {
  const years = official.years;
  const officialCovers = (year: number) => years !== null && year >= years.first && year <= years.last;
  const byYear = new Map<number, { statutory: ReadonlyMap<string, DayMark> | null; provisional: Provisional | null }>();
  const yearInfo = (year: number) => {
    let info = byYear.get(year);
    if (!info) {
      const statutory = officialCovers(year) ? null : statutoryDays(year);
      const loaded = officialCovers(year) || (statutory !== null && [...statutory.keys()].every((d) => overrides.has(d)));
      info = { statutory, provisional: loaded ? null : statutory ? 'statutory' : 'weekends' };
      byYear.set(year, info);
    }
    return info;
  };
  const statutoryMark = (date: string) => yearInfo(yearOf(date)).statutory?.get(date);
  const covers = (year: number) => yearInfo(year).provisional === null;
  const day = (date: string): DayInfo => {
    const weekday = isoWeekday(date);
    const off = official.days.get(date) ?? null;
    const mine = overrides.get(date) ?? null;
    const law = off ? undefined : statutoryMark(date);
    const mark = mine ?? off ?? law;
    const provisional = !covers(yearOf(date));
    if (!mark) {
      const weekend = weekday >= 6;
      return { date, weekday, workday: !weekend, reason: weekend ? 'weekend' : 'weekday', source: null, name: null, nameEn: null, official: null, provisional };
    }
    return {
      date, weekday, workday: mark.kind === 'workday', reason: mark.kind, source: mine ? 'office' : off ? 'official' : 'statutory',
      name: mark.name, nameEn: mark.nameEn, official: off, provisional,
    };
  };
  return {
    isWorkday: (date) => {
      const mark = overrides.get(date) ?? official.days.get(date) ?? statutoryMark(date);
      if (mark) return mark.kind === 'workday';
      return !isWeekend(date);
    },
    covers,
    provisional: (year) => yearInfo(year).provisional,
    day,
    years,
  };
}

/**
 * The same calendar, telling `onUncovered` the first time (per year) it is
 * asked about a date of a provisional year — so a deadline counted without
 * the State Council's notice never goes unmentioned.
 */
export function noticingUncovered(cal: OfficeCalendar, onUncovered: (year: number, how: Provisional) => void): OfficeCalendar {
  const told = new Set<number>();
  const check = (date: string) => {
    const year = yearOf(date);
    if (told.has(year)) return;
    const how = cal.provisional(year);
    if (how) {
      told.add(year);
      onUncovered(year, how);
    }
  };
  return {
    isWorkday: (date) => {
      check(date);
      return cal.isWorkday(date);
    },
    covers: (year) => cal.covers(year),
    provisional: (year) => cal.provisional(year),
    day: (date) => {
      check(date);
      return cal.day(date);
    },
    years: cal.years,
  };
}

export interface CountedDay extends DayInfo {
  /** It counted towards the deadline. */
  counted: boolean;
  /** Its number among the counted days (1…n); null when skipped. */
  count: number | null;
}

export interface DeadlineCount {
  /** The day counting starts after (the day of receipt, or of resolving). */
  from: string;
  workdays: number;
  /** The Nth working day after `from`: the deadline ends 23:59:59 on it. */
  due: string;
  /** Every day after `from` up to `due`, counted or skipped, and why. */
  days: CountedDay[];
  /** Some day of the count lies in a provisional year. */
  provisional: boolean;
}

/** How `addWorkdays(cal, from, n)` counts, day by day (for `calendar explain`). */
export function explainDeadline(cal: OfficeCalendar, from: string, n: number): DeadlineCount {
  const days: CountedDay[] = [];
  let count = 0;
  for (let d = from; count < n;) {
    d = addDays(d, 1);
    const info = cal.day(d);
    if (info.workday) count++;
    days.push({ ...info, counted: info.workday, count: info.workday ? count : null });
  }
  const due = days.length ? days[days.length - 1].date : from;
  return { from, workdays: Math.max(0, n), due, days, provisional: !cal.covers(yearOf(due)) || days.some((d) => d.provisional) };
}

/**
 * How a day rule of SPEC §11 counts from a start date, day by day, as
 * `dueUnder` counts it: `wd` the Nth working day after the counting-start
 * day (a start on a day off moves to the next working day); `d` the Nth
 * calendar day after the start date, every day counted; `eod` the
 * counting-start day itself, the days off before it skipped.
 */
export interface DayRuleCount {
  unit: 'wd' | 'd' | 'eod';
  /** Days counted to the due (eod: 1, the counting-start day). */
  n: number;
  /** The local date of what the step counts from. */
  start: string;
  /** The day counting starts on: `start`, or the next working day for wd and eod. */
  from: string;
  /** The deadline ends 23:59:59 on it. */
  due: string;
  /** wd, d: every day after `from` up to `due`; eod: `start` up to `from`. */
  days: CountedDay[];
  provisional: boolean;
}

export function explainDayRule(cal: OfficeCalendar, rule: { unit: 'wd' | 'd'; n: number } | { unit: 'eod' }, start: string): DayRuleCount {
  if (rule.unit === 'wd') {
    const from = countingStartDay(cal, start);
    const x = explainDeadline(cal, from, rule.n);
    return { unit: 'wd', n: x.workdays, start, from, due: x.due, days: x.days, provisional: x.provisional };
  }
  const days: CountedDay[] = [];
  let from = start;
  if (rule.unit === 'd') {
    for (let i = 1; i <= rule.n; i++) days.push({ ...cal.day(addDays(start, i)), counted: true, count: i });
  } else {
    from = countingStartDay(cal, start);
    for (let d = start; d <= from; d = addDays(d, 1)) {
      const info = cal.day(d);
      days.push({ ...info, counted: info.workday, count: info.workday ? 1 : null });
    }
  }
  const due = rule.unit === 'd' ? addDays(start, rule.n) : from;
  const n = rule.unit === 'd' ? rule.n : 1;
  return { unit: rule.unit, n, start, from, due, days, provisional: !cal.covers(yearOf(due)) || days.some((d) => d.provisional) };
}

/** Every day of a month (month 1–12). */
export function monthDays(cal: OfficeCalendar, year: number, month: number): DayInfo[] {
  const out: DayInfo[] = [];
  const prefix = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  for (let d = `${prefix}-01`; d.startsWith(prefix); d = addDays(d, 1)) out.push(cal.day(d));
  return out;
}
