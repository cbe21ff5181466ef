// Report maths: periods in the office zone, ISO weeks, rates, median and mean,
// working days to resolve, and the report built from counts.
import { describe, expect, it } from 'vitest';
import {
  buildReport, countMap, isSnapshotPeriod, isoWeekOf, mean, median, monthPeriod, parseMonth, parseWeek, previousMonth,
  previousWeek, rangePeriod, rate, resolveWorkdays, trendMonths, weekPeriod, type ReportCounts,
} from '../../src/domain/report.js';
import { weekdayCalendar } from '../../src/domain/workdays.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const at = (s: string) => parseInstant(s, TZ)!;

describe('periods', () => {
  it('a month runs from local midnight of its first day to local midnight after its last', () => {
    const p = monthPeriod('2026-10', TZ);
    expect(p).toMatchObject({ kind: 'monthly', fromDate: '2026-10-01', toDate: '2026-10-31', label: '2026-10' });
    expect(isoLocal(p.from, TZ)).toBe('2026-10-01T00:00:00+08:00');
    expect(isoLocal(p.to, TZ)).toBe('2026-11-01T00:00:00+08:00');
    expect(monthPeriod('2028-02', TZ).toDate).toBe('2028-02-29');
    expect(monthPeriod('2026-12', TZ).toDate).toBe('2026-12-31');
  });

  it('the default month is the previous one in the office zone, across a year end', () => {
    expect(previousMonth(at('2026-11-01T00:30:00+08:00'), TZ)).toBe('2026-10');
    // 31 Oct 17:00 UTC is already 1 November in Shanghai.
    expect(previousMonth(Date.parse('2026-10-31T17:00:00Z'), TZ)).toBe('2026-10');
    expect(previousMonth(at('2027-01-03T09:00:00+08:00'), TZ)).toBe('2026-12');
  });

  it('ISO weeks: labels, Mondays, week 53 and the previous week', () => {
    expect(isoWeekOf('2026-10-26')).toEqual({ year: 2026, week: 44 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(parseWeek('2026-W44')).toBe('2026-10-26');
    expect(parseWeek('2026-W53')).toBe('2026-12-28');
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2026-44')).toBeNull();
    const w = weekPeriod('2026-W44', TZ);
    expect(w).toMatchObject({ fromDate: '2026-10-26', toDate: '2026-11-01', label: '2026-W44' });
    expect(previousWeek(at('2026-11-04T09:00:00+08:00'), TZ)).toBe('2026-W44');
    expect(previousWeek(at('2027-01-06T09:00:00+08:00'), TZ)).toBe('2026-W53');
  });

  it('months parse strictly; ranges need from ≤ to', () => {
    expect(parseMonth('2026-10')).toBe('2026-10-01');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-1')).toBeNull();
    expect(rangePeriod('2026-01-01', '2026-01-01', TZ).label).toBe('2026-01-01..2026-01-01');
    expect(() => rangePeriod('2026-02-01', '2026-01-01', TZ)).toThrow(RangeError);
  });

  it('the trend is the 12 months ending with the period\'s last month', () => {
    const months = trendMonths(rangePeriod('2026-01-15', '2026-02-10', TZ), TZ);
    expect(months).toHaveLength(12);
    expect(months[0].month).toBe('2025-03');
    expect(months[11].month).toBe('2026-02');
    expect(isoLocal(months[11].from, TZ)).toBe('2026-02-01T00:00:00+08:00');
    expect(isoLocal(months[11].to, TZ)).toBe('2026-03-01T00:00:00+08:00');
    for (let i = 1; i < 12; i++) expect(months[i].from).toBe(months[i - 1].to);
  });

  it('only an ended month is kept as a snapshot', () => {
    const oct = monthPeriod('2026-10', TZ);
    expect(isSnapshotPeriod(oct, at('2026-10-31T23:59:59+08:00'))).toBe(false);
    expect(isSnapshotPeriod(oct, at('2026-11-01T00:00:00+08:00'))).toBe(true);
    expect(isSnapshotPeriod(weekPeriod('2026-W44', TZ), at('2027-01-01'))).toBe(false);
    expect(isSnapshotPeriod(rangePeriod('2026-10-01', '2026-10-31', TZ), at('2027-01-01'))).toBe(false);
  });
});

describe('figures', () => {
  it.each([
    [0, 0, null], [0, 4, 0], [3, 4, 0.75], [1, 3, 0.3333], [2, 3, 0.6667], [5, 5, 1],
  ])('rate(%i, %i) = %s', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });

  it('median and mean; null when there is nothing', () => {
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 2])).toBe(1.67);
  });

  it('working days to resolve count local dates, received → resolved', () => {
    // Friday 20 Nov 2026 → Wednesday 25 Nov: Mon, Tue, Wed.
    expect(resolveWorkdays(weekdayCalendar, at('2026-11-20T15:00'), at('2026-11-25T09:00'), TZ)).toBe(3);
    expect(resolveWorkdays(weekdayCalendar, at('2026-11-20T09:00'), at('2026-11-20T18:00'), TZ)).toBe(0);
    // 23:30 UTC on the 19th is the 20th in Shanghai.
    expect(resolveWorkdays(weekdayCalendar, Date.parse('2026-11-19T23:30:00Z'), at('2026-11-23T09:00'), TZ)).toBe(1);
  });

  it('count maps keep every known key and put missing values under none', () => {
    expect(countMap([{ key: 'b', n: 1 }, { key: null, n: 2 }, { key: 'a', n: 1 }], ['x'])).toEqual({ x: 0, none: 2, a: 1, b: 1 });
  });

  it('count maps order ties by code point, the same on every machine whatever its locale', () => {
    // localeCompare put a栋 before B栋, as a locale's dictionary order would.
    const keys = Object.keys(countMap([{ key: '物业部', n: 1 }, { key: 'a栋', n: 1 }, { key: '工程部', n: 1 }, { key: 'B栋', n: 1 }, { key: '客服', n: 2 }]));
    expect(keys).toEqual(['客服', 'B栋', 'a栋', '工程部', '物业部']);
  });

  it('builds a report of zeros and nulls from empty counts', () => {
    const empty: ReportCounts = {
      received: 0, byKind: [], byCategory: [], bySubcategory: [], bySeverity: [], byChannel: [], byDepartment: [], byEstate: [],
      invalid: 0, contacted: 0, contactedOnTime: 0, resolved: 0, resolvedOnTime: 0, extended: 0, resolveSpans: [],
      followUpsOwed: 0, followedUp: 0, satisfaction: [], repeats: 0, escalated: 0, major: [], groups: [], compensationFen: [], closedWithoutCallBack: [], stepCounts: [], reportUps: { n: 0, onTime: 0 },
      openAtEnd: 0, overdueAtEnd: 0, trend: [],
    };
    const r = buildReport(monthPeriod('2026-10', TZ), empty, weekdayCalendar, TZ, '2026-11-02T09:00:00+08:00');
    expect(r).toMatchObject({
      period: { kind: 'monthly', from: '2026-10-01', to: '2026-10-31', label: '2026-10' },
      contactedOnTimeRate: null, resolvedOnTimeRate: null, followUpRate: null, satisfactionRate: null,
      medianResolveWorkdays: null, meanResolveWorkdays: null,
      satisfaction: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, compensation: { total: 0, byDepartment: {} },
      bySeverity: { general: 0, important: 0, major: 0 },
    });
  });

  it('turns fen into yuan and spans into working days', () => {
    const counts: ReportCounts = {
      received: 2, byKind: [{ key: 'complaint', n: 2 }], byCategory: [], bySubcategory: [], bySeverity: [], byChannel: [], byDepartment: [], byEstate: [],
      invalid: 0, contacted: 2, contactedOnTime: 1, resolved: 2, resolvedOnTime: 1, extended: 0,
      resolveSpans: [
        { receivedAt: at('2026-11-20T15:00'), resolvedAt: at('2026-11-25T09:00'), n: 1 },
        { receivedAt: at('2026-11-23T15:00'), resolvedAt: at('2026-11-24T09:00'), n: 1 },
      ],
      followUpsOwed: 2, followedUp: 2, satisfaction: [{ score: 1, n: 3 }, { score: 5, n: 1 }], repeats: 0, escalated: 0,
      major: [], groups: [], compensationFen: [{ key: '工程部', fen: 120_050 }, { key: null, fen: 100 }],
      closedWithoutCallBack: [{ key: 'duplicate', n: 2 }, { key: 'unreachable', n: 1 }],
      stepCounts: [{ key: 'resolve', n: 4, onTime: 3 }, { key: 'site_check', n: 2, onTime: 2 }],
      reportUps: { n: 2, onTime: 1 },
      openAtEnd: 0, overdueAtEnd: 0, trend: [],
    };
    const r = buildReport(monthPeriod('2026-11', TZ), counts, weekdayCalendar, TZ, 'x');
    expect(r.medianResolveWorkdays).toBe(2);
    expect(r.meanResolveWorkdays).toBe(2);
    expect(r.satisfactionRate).toBe(0.75);
    expect(r.followUpRate).toBe(1);
    expect(r.compensation).toEqual({ total: 1201.5, byDepartment: { 工程部: 1200.5, none: 1 } });
    expect(r.closedWithoutCallBack).toEqual({ invalid: 0, duplicate: 2, withdrawn: 0, merged: 0, unreachable: 1 });
    expect(r.snapshot).toBeNull();
    expect(r.steps).toEqual({
      contact: { due: 0, onTime: 0, onTimeRate: null }, resolve: { due: 4, onTime: 3, onTimeRate: 0.75 },
      followUp: { due: 0, onTime: 0, onTimeRate: null },
    });
  });
});
