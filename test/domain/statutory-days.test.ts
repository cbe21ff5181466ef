// The statutory days off of 《全国年节及纪念日放假办法》 (as revised in 2024,
// in force from 2025), computed for the years the State Council's notice is
// not yet loaded: checked against dates known from almanacs, against every
// year of the shipped official data, and 清明 against the sun itself.
import { describe, expect, it } from 'vitest';
import { lunarToSolar, qingming } from '../../src/domain/lunar.js';
import { statutoryDays, STATUTORY_YEARS } from '../../src/domain/statutory-days.js';
import { officialDays } from '../../src/domain/official-days.js';
import { buildCalendar, isWeekend } from '../../src/domain/calendar.js';

const official = officialDays();
const isOfficialHoliday = (date: string) => official.days.get(date)?.kind === 'holiday';

describe('lunar dates and 清明', () => {
  it.each([
    ['春节 2027', () => lunarToSolar(2027, 1, 1), '2027-02-06'],
    ['春节 2028', () => lunarToSolar(2028, 1, 1), '2028-01-26'],
    ['春节 2030', () => lunarToSolar(2030, 1, 1), '2030-02-03'],
    ['春节 2025', () => lunarToSolar(2025, 1, 1), '2025-01-29'],
    ['春节 2026', () => lunarToSolar(2026, 1, 1), '2026-02-17'],
    ['端午 2027', () => lunarToSolar(2027, 5, 5), '2027-06-09'],
    ['中秋 2027', () => lunarToSolar(2027, 8, 15), '2027-09-15'],
    ['中秋 2028 (after the leap fifth month)', () => lunarToSolar(2028, 8, 15), '2028-10-03'],
    ['端午 2028', () => lunarToSolar(2028, 5, 5), '2028-05-28'],
    ['清明 2027', () => qingming(2027), '2027-04-05'],
    ['清明 2028', () => qingming(2028), '2028-04-04'],
    ['清明 2026', () => qingming(2026), '2026-04-05'],
  ])('%s is %s', (_name, f, date) => {
    expect(f()).toBe(date);
  });

  it('matches every year of the shipped official data: 初一, 清明, 端午 and 中秋 are never official working days (2008–2026)', () => {
    // (The data lists a festival's weekend days only some years: a Saturday 端午 2012-06-23 is off without being listed.)
    const calendar = buildCalendar(official, new Map());
    for (let y = 2008; y <= official.years!.last; y++) {
      for (const date of [lunarToSolar(y, 1, 1)!, qingming(y)!, lunarToSolar(y, 5, 5)!, lunarToSolar(y, 8, 15)!]) {
        expect(calendar.isWorkday(date), `${y}: ${date}`).toBe(false);
        expect(isOfficialHoliday(date) || isWeekend(date), `${y}: ${date}`).toBe(true);
      }
    }
  });

  it('stays within the seasons the festivals can fall in, every year it computes', () => {
    for (let y = 2000; y <= STATUTORY_YEARS.last; y++) {
      const md = (d: string | null) => d!.slice(5);
      expect(md(lunarToSolar(y, 1, 1)) >= '01-21' && md(lunarToSolar(y, 1, 1)) <= '02-20', `春节 ${y}`).toBe(true);
      expect(md(lunarToSolar(y, 5, 5)) >= '05-26' && md(lunarToSolar(y, 5, 5)) <= '06-25', `端午 ${y}`).toBe(true);
      expect(md(lunarToSolar(y, 8, 15)) >= '09-07' && md(lunarToSolar(y, 8, 15)) <= '10-08', `中秋 ${y}`).toBe(true);
      expect(['04-03', '04-04', '04-05', '04-06']).toContain(md(qingming(y)));
    }
  });

  it('清明 is the Beijing date the sun reaches longitude 15°, 2000–2099 (an independent check, Meeus ch. 25)', () => {
    const rad = Math.PI / 180;
    const longitude = (jd: number) => {
      const t = (jd - 2451545) / 36525;
      const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
      const m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * rad;
      const c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
      const omega = (125.04 - 1934.136 * t) * rad;
      return (((l0 + c - 0.00569 - 0.00478 * Math.sin(omega)) % 360) + 360) % 360;
    };
    let checked = 0;
    for (let y = 2000; y <= 2099; y++) {
      // Bisect between 1 and 8 April (UTC) for longitude 15°.
      let lo = Date.UTC(y, 3, 1) / 86_400_000 + 2440587.5;
      let hi = lo + 7;
      while (hi - lo > 1e-6) {
        const mid = (lo + hi) / 2;
        if (longitude(mid) < 15) lo = mid;
        else hi = mid;
      }
      const beijing = (lo - 2440587.5) * 86_400_000 + 8 * 3_600_000;
      const minuteOfDay = (beijing / 60_000) % 1440;
      // The low-precision series is good to about a quarter of an hour: too close to midnight to judge.
      if (minuteOfDay < 30 || minuteOfDay > 1410) continue;
      expect(qingming(y), String(y)).toBe(new Date(beijing).toISOString().slice(0, 10));
      checked++;
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('knows nothing outside the lunar data or the 清明 constants', () => {
    expect(lunarToSolar(2101, 1, 1)).toBeNull();
    expect(lunarToSolar(1899, 1, 1)).toBeNull();
    expect(qingming(2100)).toBeNull();
    expect(qingming(1999)).toBeNull();
  });
});

describe('the statutory days of a year', () => {
  const dates = (y: number) => [...statutoryDays(y)!.keys()].sort();

  it('2027: 元旦, 除夕 to 初三, 清明, 1–2 May, 端午, 中秋, 1–3 October — 13 days', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
    expect(statutoryDays(2027)!.get('2027-02-05')).toEqual({ kind: 'holiday', name: '春节', nameEn: 'Spring Festival' });
    expect(statutoryDays(2027)!.get('2027-01-01')).toEqual({ kind: 'holiday', name: '元旦', nameEn: "New Year's Day" });
  });

  it('除夕 is the last day of the twelfth month, 廿九 when that month is short', () => {
    // Lunar 2025's twelfth month has 29 days: 除夕 2026-02-16 is 腊月廿九, as the 2026 notice says.
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
    expect(lunarToSolar(2026, 1, 1)).toBe('2026-02-17');
    expect(statutoryDays(2026)!.get('2026-02-16')?.name).toBe('春节');
    expect(statutoryDays(2026)!.has('2026-02-15')).toBe(false);
    // Lunar 2029's has 30: 除夕 2030-02-02 is 腊月三十.
    expect(lunarToSolar(2029, 12, 30)).toBe('2030-02-02');
    expect(statutoryDays(2030)!.get('2030-02-02')?.name).toBe('春节');
    expect(statutoryDays(2030)!.has('2030-02-01')).toBe(false);
  });

  it('a festival on another statutory day is one day off with both names', () => {
    // 中秋 2031 falls on 1 October.
    expect(lunarToSolar(2031, 8, 15)).toBe('2031-10-01');
    expect(statutoryDays(2031)!.size).toBe(12);
    expect(statutoryDays(2031)!.get('2031-10-01')).toEqual({ kind: 'holiday', name: '中秋、国庆节', nameEn: 'Mid-autumn Festival, National Day' });
  });

  it('are among the official holidays of 2025 and 2026, with the same names', () => {
    for (const y of [2025, 2026]) {
      for (const [date, mark] of statutoryDays(y)!) {
        expect(official.days.get(date), `${y}: ${date}`).toEqual({ kind: 'holiday', name: mark.name, nameEn: mark.nameEn });
      }
    }
  });

  it('apply from 2025, when the revised rules took effect, to the last year the data computes', () => {
    expect(STATUTORY_YEARS).toEqual({ first: 2025, last: 2099 });
    expect(statutoryDays(2024)).toBeNull();
    expect(statutoryDays(2100)).toBeNull();
    expect(statutoryDays(2099)!.size).toBeGreaterThanOrEqual(12);
  });

  it('computes a year once', () => {
    expect(statutoryDays(2027)).toBe(statutoryDays(2027));
  });
});
