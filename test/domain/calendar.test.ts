// The office calendar as pure functions: the shipped official days under the
// office's overrides, counted on calendar dates — the same answers whatever
// the machine's clock zone, including zones behind UTC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCalendar, explainDayRule, explainDeadline, monthDays, noticingUncovered, type DayMark, type OfficeCalendar,
} from '../../src/domain/calendar.js';
import { officialDays } from '../../src/domain/official-days.js';
import { addWorkdays, workdaysBetween } from '../../src/domain/workdays.js';
import { computeDeadlines, workdayDeadline, type Clock } from '../../src/domain/deadlines.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { addDays, isoLocal, localDate, parseInstant, zonedInstant } from '../../src/domain/time.js';
import { dueUnder } from '../../src/domain/deadline-rule.js';
import { csvRecords, normalizeDate, parseCalendarCsv, parseCalendarIcs, parseKind } from '../../src/domain/calendar-import.js';

const official = buildCalendar(officialDays(), new Map());

function withOverrides(entries: [string, DayMark['kind'], string?][]): OfficeCalendar {
  return buildCalendar(officialDays(), new Map(entries.map(([d, kind, name]) => [d, { kind, name: name ?? null, nameEn: null }])));
}

/** Every table below runs once in Shanghai and once in a zone behind UTC. */
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles'];

describe.each(ZONES)('with the machine clock zone TZ=%s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('really runs in that zone', () => {
    // Los Angeles is 7–8 hours behind UTC; Shanghai 8 ahead.
    const offset = new Date('2026-10-01T12:00:00Z').getTimezoneOffset();
    expect(offset).toBe(zone === 'Asia/Shanghai' ? -480 : 420);
  });

  // [date, working day?, why]
  it.each([
    // Spring Festival 2025: 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班
    ['2025-01-24', true, 'Friday'],
    ['2025-01-26', true, 'worked Sunday before 春节'],
    ['2025-01-27', true, 'Monday'],
    ['2025-01-28', false, '除夕'],
    ['2025-01-29', false, '春节'],
    ['2025-02-03', false, '春节 Monday'],
    ['2025-02-04', false, '春节 last day, a Tuesday'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, 'worked Saturday after 春节'],
    ['2025-02-09', false, 'ordinary Sunday'],
    // Spring Festival 2026: 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班
    ['2026-02-13', true, 'Friday'],
    ['2026-02-14', true, 'worked Saturday'],
    ['2026-02-15', false, '春节 first day, a Sunday'],
    ['2026-02-17', false, '春节'],
    ['2026-02-20', false, '春节 Friday'],
    ['2026-02-23', false, '春节 last day, a Monday'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'worked Saturday'],
    ['2026-03-01', false, 'ordinary Sunday'],
    // Labour Day 2025: 5月1日至5日放假，4月27日（周日）上班
    ['2025-04-27', true, 'worked Sunday'],
    ['2025-04-30', true, 'Wednesday'],
    ['2025-05-01', false, '劳动节'],
    ['2025-05-05', false, '劳动节 Monday'],
    ['2025-05-06', true, 'Tuesday'],
    ['2025-05-10', false, 'ordinary Saturday'],
    // Labour Day 2026: 5月1日至5日放假，5月9日（周六）上班
    ['2026-04-30', true, 'Thursday'],
    ['2026-05-01', false, '劳动节'],
    ['2026-05-04', false, '劳动节 Monday'],
    ['2026-05-05', false, '劳动节 Tuesday'],
    ['2026-05-06', true, 'Wednesday'],
    ['2026-05-09', true, 'worked Saturday'],
    ['2026-05-10', false, 'ordinary Sunday'],
    // Mid-Autumn 2025 falls inside National Day (10月6日); 2026: 9月25日至27日
    ['2025-10-06', false, '中秋 2025'],
    ['2026-09-24', true, 'Thursday'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-09-26', false, '中秋 Saturday'],
    ['2026-09-27', false, '中秋 Sunday'],
    ['2026-09-28', true, 'Monday'],
    // National Day 2025: 10月1日至8日，9月28日（周日）、10月11日（周六）上班
    ['2025-09-28', true, 'worked Sunday'],
    ['2025-09-30', true, 'Tuesday'],
    ['2025-10-01', false, '国庆节'],
    ['2025-10-08', false, '国庆节 last day, a Wednesday'],
    ['2025-10-09', true, 'Thursday'],
    ['2025-10-11', true, 'worked Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    // National Day 2026: 10月1日至7日，9月20日（周日）、10月10日（周六）上班
    ['2026-09-19', false, 'ordinary Saturday'],
    ['2026-09-20', true, 'worked Sunday'],
    ['2026-09-30', true, 'Wednesday'],
    ['2026-10-01', false, '国庆节'],
    ['2026-10-05', false, '国庆节 Monday'],
    ['2026-10-07', false, '国庆节 last day'],
    ['2026-10-08', true, 'Thursday'],
    ['2026-10-10', true, 'worked Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    // Year ends
    ['2024-12-31', true, 'Tuesday'],
    ['2025-01-01', false, '元旦 2025'],
    ['2025-12-31', true, 'Wednesday'],
    ['2026-01-01', false, '元旦 2026'],
    ['2026-01-03', false, '元旦 Saturday'],
    ['2026-01-04', true, 'worked Sunday after 元旦'],
    ['2026-12-31', true, 'Thursday'],
    // Beyond the data: weekends and the statutory days off (provisional)
    ['2027-01-01', false, 'uncovered Friday, 元旦 by law'],
    ['2027-01-02', false, 'uncovered Saturday'],
    ['2027-01-04', true, 'uncovered Monday: no 调休 invented'],
    ['2027-10-01', false, 'uncovered Friday, 国庆 by law'],
    ['2027-10-04', true, 'uncovered Monday after 国庆 1–3 October'],
    ['2027-02-05', false, '除夕 2027, a Friday'],
    ['2027-02-08', false, '初三 2027, a Monday'],
    ['2027-02-09', true, '初四 2027'],
    ['2027-04-05', false, '清明 2027, a Monday'],
    ['2027-06-09', false, '端午 2027, a Wednesday'],
    ['2027-09-15', false, '中秋 2027, a Wednesday'],
    ['2028-04-04', false, '清明 2028, a Tuesday'],
    ['2100-01-01', true, 'past the statutory data: Monday–Friday'],
  ])('%s is a working day: %s (%s)', (date, workday) => {
    expect(official.isWorkday(date)).toBe(workday);
    expect(official.day(date).workday).toBe(workday);
  });

  // [from, n, due]
  it.each([
    ['2026-09-30', 3, '2026-10-10'], // afternoon before National Day: 10-08, 10-09, then worked Saturday
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-09-18', 1, '2026-09-20'], // Friday + 1 → the worked Sunday
    ['2026-09-24', 1, '2026-09-28'], // over Mid-Autumn
    ['2026-09-24', 5, '2026-10-09'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-12', 7, '2026-02-28'],
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-30', 1, '2025-05-06'],
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-04-30', 4, '2026-05-09'],
    ['2026-04-03', 1, '2026-04-07'], // 清明 4月4日至6日
    ['2026-06-18', 1, '2026-06-22'], // 端午 6月19日至21日
    ['2024-12-31', 1, '2025-01-02'], // across a year end
    ['2025-12-31', 1, '2026-01-04'], // into the worked Sunday after 元旦 2026
    ['2025-12-31', 2, '2026-01-05'],
    ['2026-11-20', 3, '2026-11-25'], // SPEC §5's example
    ['2026-12-30', 3, '2027-01-05'], // into an uncovered year: 12-31, then 元旦 2027-01-01 skipped, 01-04, 01-05
    ['2027-02-04', 3, '2027-02-11'], // 春节 2027: 除夕 02-05 to 初三 02-08 off, then 02-09, 02-10, 02-11
    ['2027-06-08', 1, '2027-06-10'], // over 端午 2027
    ['2027-09-14', 1, '2027-09-16'], // over 中秋 2027
    ['2028-04-03', 1, '2028-04-05'], // over 清明 2028
    ['2027-09-30', 1, '2027-10-04'], // 国庆 2027: only 1–3 October, no bridging days guessed
    ['2026-10-01', 0, '2026-10-01'],
  ])('addWorkdays(%s, %i) = %s', (from, n, due) => {
    expect(addWorkdays(official, from, n)).toBe(due);
    expect(explainDeadline(official, from, n).due).toBe(due);
  });

  it.each([
    ['2026-02-13', '2026-02-28', 6], // 14th, 24th–27th, 28th
    ['2026-09-30', '2026-10-10', 3],
    ['2025-09-30', '2025-10-12', 3],
    ['2026-10-10', '2026-09-30', 0],
  ])('workdaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(workdaysBetween(official, from, to)).toBe(n);
  });

  it('a complaint received 2026-09-30 15:00 is due 2026-10-10 23:59:59+08:00, the day a Chinese office counts by hand', () => {
    const k: Clock = { settings: DEFAULT_SETTINGS, calendar: official, tz: 'Asia/Shanghai' };
    const at = parseInstant('2026-09-30T15:00', 'Asia/Shanghai')!;
    const d = computeDeadlines({ severity: 'general', kind: 'complaint', category: null, receivedAt: at, resolveFrom: at, resolvedAt: null, extendedUntil: null }, k);
    expect(isoLocal(d.resolve, 'Asia/Shanghai')).toBe('2026-10-10T23:59:59+08:00');
    expect(isoLocal(d.contact, 'Asia/Shanghai')).toBe('2026-10-01T15:00:00+08:00');
    // Received late in the evening in Shanghai (still 30 September), whatever the machine's zone.
    const late = parseInstant('2026-09-30T23:30:00+08:00', 'Asia/Shanghai')!;
    expect(isoLocal(workdayDeadline(k, late, 1), 'Asia/Shanghai')).toBe('2026-10-08T23:59:59+08:00');
  });
});

describe('coverage and the uncovered-year fallback', () => {
  it('covers the years of the official data, and no others', () => {
    expect(official.covers(2024)).toBe(true);
    expect(official.covers(2025)).toBe(true);
    expect(official.covers(2026)).toBe(true);
    expect(official.covers(2004)).toBe(true);
    expect(official.covers(2003)).toBe(false);
    expect(official.covers(2027)).toBe(false);
    expect(official.day('2027-03-01').provisional).toBe(true);
    expect(official.day('2026-03-02').provisional).toBe(false);
  });

  it('an override in an uncovered year counts, but does not make the year covered', () => {
    const cal = withOverrides([['2027-01-01', 'holiday', '元旦']]);
    expect(cal.isWorkday('2027-01-01')).toBe(false);
    expect(cal.covers(2027)).toBe(false);
    expect(addWorkdays(cal, '2026-12-30', 2)).toBe('2027-01-04');
    expect(explainDeadline(cal, '2026-12-30', 2).provisional).toBe(true);
    expect(explainDeadline(cal, '2026-12-28', 2).provisional).toBe(false);
  });

  it('tells once per uncovered year, and never for covered years', () => {
    const told: number[] = [];
    const cal = noticingUncovered(official, (y) => told.push(y));
    addWorkdays(cal, '2026-09-30', 3);
    expect(told).toEqual([]);
    addWorkdays(cal, '2026-12-30', 10);
    addWorkdays(cal, '2027-02-01', 3);
    cal.day('2027-05-01');
    expect(told).toEqual([2027]);
    cal.isWorkday('2030-01-01');
    expect(told).toEqual([2027, 2030]);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.covers(2026)).toBe(true);
  });

  it('says how a provisional year is counted: statutory days from 2025 on, weekends only where the rules or the lunar data do not reach', () => {
    const told: [number, string][] = [];
    const cal = noticingUncovered(official, (y, how) => told.push([y, how]));
    cal.isWorkday('2027-03-01');
    cal.isWorkday('2100-03-01');
    cal.isWorkday('2003-03-03');
    expect(told).toEqual([[2027, 'statutory'], [2100, 'weekends'], [2003, 'weekends']]);
    expect(official.provisional(2026)).toBeNull();
    expect(official.provisional(2099)).toBe('statutory');
  });

  it('a statutory day of a provisional year is marked as such, and the day shows it', () => {
    expect(official.day('2027-01-01')).toMatchObject({
      workday: false, reason: 'holiday', source: 'statutory', name: '元旦', nameEn: "New Year's Day", official: null, provisional: true,
    });
    expect(official.day('2027-01-04')).toMatchObject({ workday: true, reason: 'weekday', source: null, provisional: true });
    // A covered year answers from the official data only.
    expect(official.day('2026-10-07')).toMatchObject({ workday: false, source: 'official', provisional: false });
  });

  it('an office day beats a statutory one', () => {
    const cal = withOverrides([['2027-01-01', 'workday', '值班']]);
    expect(cal.isWorkday('2027-01-01')).toBe(true);
    expect(cal.day('2027-01-01')).toMatchObject({ source: 'office', official: null });
  });

  it('the notice loaded with calendar import (every statutory day marked by the office) makes the year covered', () => {
    const notice: [string, DayMark['kind'], string][] = [
      ['2027-01-01', 'holiday', '元旦'], ['2027-01-02', 'holiday', '元旦'], ['2027-01-03', 'holiday', '元旦'],
      ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d): [string, DayMark['kind'], string] => [`2027-02-${d}`, 'holiday', '春节']),
      ['2027-02-14', 'workday', '春节'],
      ['2027-04-03', 'holiday', '清明'], ['2027-04-04', 'holiday', '清明'], ['2027-04-05', 'holiday', '清明'],
      ...['01', '02', '03', '04', '05'].map((d): [string, DayMark['kind'], string] => [`2027-05-${d}`, 'holiday', '劳动节']),
      ['2027-06-09', 'holiday', '端午'], ['2027-09-15', 'holiday', '中秋'],
      ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, DayMark['kind'], string] => [`2027-10-${d}`, 'holiday', '国庆节']),
    ];
    const loaded = withOverrides(notice);
    expect(loaded.covers(2027)).toBe(true);
    expect(loaded.provisional(2027)).toBeNull();
    expect(loaded.day('2027-03-01').provisional).toBe(false);
    expect(addWorkdays(loaded, '2027-02-04', 1)).toBe('2027-02-14');
    // One statutory day short of the notice: still provisional.
    expect(withOverrides(notice.filter(([d]) => d !== '2027-10-03')).covers(2027)).toBe(false);
  });
});

describe('office overrides over the official days', () => {
  it('an office holiday beats an official 调休 workday, and an office workday an official holiday', () => {
    const cal = withOverrides([['2026-10-10', 'holiday', '调休取消'], ['2026-10-02', 'workday', '值班']]);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-10-02')).toBe(true);
    expect(cal.day('2026-10-10')).toMatchObject({
      workday: false, reason: 'holiday', source: 'office', name: '调休取消', official: { kind: 'workday', name: '国庆节' },
    });
    expect(cal.day('2026-10-02')).toMatchObject({ workday: true, reason: 'workday', source: 'office' });
  });

  it('an office holiday on an ordinary weekday moves the deadline (2026-10-09 off → due 10-12)', () => {
    const cal = withOverrides([['2026-10-09', 'holiday', '台风停工']]);
    expect(addWorkdays(cal, '2026-09-30', 3)).toBe('2026-10-12');
  });

  it('an office workday on an ordinary weekend counts', () => {
    const cal = withOverrides([['2026-11-21', 'workday']]);
    expect(addWorkdays(cal, '2026-11-20', 1)).toBe('2026-11-21');
    expect(cal.day('2026-11-21')).toMatchObject({ reason: 'workday', source: 'office', name: null, official: null });
  });

  it('days without a mark are weekdays or weekends', () => {
    expect(official.day('2026-11-20')).toMatchObject({ weekday: 5, workday: true, reason: 'weekday', source: null });
    expect(official.day('2026-11-22')).toMatchObject({ weekday: 7, workday: false, reason: 'weekend', source: null });
  });
});

describe('explainDeadline: day by day', () => {
  it('lists every day after the start up to the due day, counted or skipped, and why', () => {
    const x = explainDeadline(official, '2026-09-30', 3);
    expect(x).toMatchObject({ from: '2026-09-30', workdays: 3, due: '2026-10-10', provisional: false });
    expect(x.days.map((d) => [d.date, d.counted, d.count, d.reason, d.name])).toEqual([
      ['2026-10-01', false, null, 'holiday', '国庆节'],
      ['2026-10-02', false, null, 'holiday', '国庆节'],
      ['2026-10-03', false, null, 'holiday', '国庆节'],
      ['2026-10-04', false, null, 'holiday', '国庆节'],
      ['2026-10-05', false, null, 'holiday', '国庆节'],
      ['2026-10-06', false, null, 'holiday', '国庆节'],
      ['2026-10-07', false, null, 'holiday', '国庆节'],
      ['2026-10-08', true, 1, 'weekday', null],
      ['2026-10-09', true, 2, 'weekday', null],
      ['2026-10-10', true, 3, 'workday', '国庆节'],
    ]);
  });

  it('skips ordinary weekends as weekends', () => {
    const x = explainDeadline(official, '2026-11-20', 3);
    expect(x.days.map((d) => `${d.date}:${d.reason}:${d.count ?? '-'}`)).toEqual([
      '2026-11-21:weekend:-', '2026-11-22:weekend:-', '2026-11-23:weekday:1', '2026-11-24:weekday:2', '2026-11-25:weekday:3',
    ]);
  });

  it('zero working days: due the same day, nothing listed', () => {
    expect(explainDeadline(official, '2026-10-01', 0)).toMatchObject({ due: '2026-10-01', days: [] });
  });
});

describe('monthDays', () => {
  it('gives every day of the month, with ISO weekdays', () => {
    const feb = monthDays(official, 2026, 2);
    expect(feb).toHaveLength(28);
    expect(feb[0]).toMatchObject({ date: '2026-02-01', weekday: 7 });
    expect(monthDays(official, 2024, 2)).toHaveLength(29);
    expect(monthDays(official, 2026, 12).at(-1)!.date).toBe('2026-12-31');
  });
});

// ── import files ────────────────────────────────────────────────────────────

describe('calendar import: CSV', () => {
  it('reads a header and rows, quoted names with commas, a BOM, CRLF and spreadsheet dates', () => {
    const text = '\ufeffdate,kind,name\r\n2026-10-09,holiday,台风停工\r\n2026/10/11,workday,"调休, 补班"\r\n2027-1-1,休,元旦\r\n\r\n';
    const r = parseCalendarCsv(text);
    expect(r.problems).toEqual([]);
    expect(r.days).toEqual([
      { date: '2026-10-09', kind: 'holiday', name: '台风停工', line: 2 },
      { date: '2026-10-11', kind: 'workday', name: '调休, 补班', line: 3 },
      { date: '2027-01-01', kind: 'holiday', name: '元旦', line: 4 },
    ]);
  });

  it('accepts Chinese headers, any column order, no name column', () => {
    const r = parseCalendarCsv('类型,日期\n班,2026-11-21\n');
    expect(r).toEqual({ days: [{ date: '2026-11-21', kind: 'workday', name: null, line: 2 }], problems: [] });
  });

  it('removes the formula guard an export adds', () => {
    expect(parseCalendarCsv("date,kind,name\n2026-11-20,holiday,'=停电\n").days[0].name).toBe('=停电');
  });

  it('collects every problem with its line number and keeps no day of a bad row', () => {
    const r = parseCalendarCsv([
      'date,kind,name',
      '2026-13-01,holiday,x', // 2
      '2026-10-11,maybe,', // 3
      '2026-10-12,holiday,a', // 4
      '2026-10-12,workday,b', // 5: conflicts with 4
      '2026-10-13,holiday,a,extra', // 6
      '2026-10-14,holiday,' + '长'.repeat(51), // 7
    ].join('\n'));
    expect(r.problems.map((p) => [p.line, p.key])).toEqual([
      [2, 'calendar.row.date'], [3, 'calendar.row.kind'], [5, 'calendar.row.conflict'], [6, 'calendar.row.columns'], [7, 'calendar.row.name'],
    ]);
    expect(r.problems[2].params).toMatchObject({ date: '2026-10-12', other: 4 });
  });

  it('refuses a file without a header, an empty file, and an unclosed quote', () => {
    expect(parseCalendarCsv('2026-10-09,holiday,台风\n').problems[0]).toMatchObject({ line: 1, key: 'calendar.row.header' });
    expect(parseCalendarCsv('').problems[0].key).toBe('calendar.import.empty');
    expect(parseCalendarCsv('date,kind\n').problems[0].key).toBe('calendar.import.empty');
    expect(parseCalendarCsv('date,kind,name\n2026-10-09,holiday,"台风\n').problems[0]).toMatchObject({ line: 2, key: 'calendar.row.quote' });
  });

  it('the same day twice with the same kind is kept once', () => {
    const r = parseCalendarCsv('date,kind,name\n2026-10-09,holiday,a\n2026-10-09,holiday,b\n');
    expect(r.problems).toEqual([]);
    expect(r.days).toEqual([{ date: '2026-10-09', kind: 'holiday', name: 'a', line: 2 }]);
  });

  it('parses records with the line each starts on', () => {
    expect(csvRecords('a,"b\nc"\nd,e').records).toEqual([{ line: 1, cells: ['a', 'b\nc'] }, { line: 3, cells: ['d', 'e'] }]);
    expect(csvRecords('date,kind\n2026-10-09,"holiday"x\n').problem).toMatchObject({ line: 2, key: 'calendar.row.csv' });
  });

  it.each([
    ['2026-10-09', '2026-10-09'], ['2026/10/9', '2026-10-09'], ['2026.1.2', '2026-01-02'],
    ['2026-02-30', null], ['20261009', null], ['', null],
  ])('normalizeDate(%s) = %s', (text, date) => {
    expect(normalizeDate(text)).toBe(date);
  });

  it.each([['holiday', 'holiday'], ['HOLIDAY', 'holiday'], ['休', 'holiday'], ['workday', 'workday'], ['班', 'workday'], ['上班', 'workday'], ['x', null]])(
    'parseKind(%s) = %s', (text, kind) => {
      expect(parseKind(text)).toBe(kind);
    },
  );
});

describe('calendar import: iCalendar', () => {
  const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR', ''].join('\r\n');
  const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

  it('spreads an all-day event from DTSTART to the day before DTEND; 班 or workday in the summary makes working days', () => {
    const r = parseCalendarIcs(ics(
      event('DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271004', 'SUMMARY:国庆节(休)'),
      event('DTSTART;VALUE=DATE:20270926', 'SUMMARY:国庆节(班)'),
      event('DTSTART:20271009', 'DURATION:P1D', 'SUMMARY:Office workday'),
    ));
    expect(r.problems).toEqual([]);
    expect(r.days.map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2027-09-26', 'workday', '国庆节'],
      ['2027-10-01', 'holiday', '国庆节'],
      ['2027-10-02', 'holiday', '国庆节'],
      ['2027-10-03', 'holiday', '国庆节'],
      ['2027-10-09', 'workday', 'Office workday'],
    ]);
  });

  it('unfolds long lines and unescapes text', () => {
    const r = parseCalendarIcs(ics(event('DTSTART;VALUE=DATE:20271111', 'SUMMARY:Office closed\\, moving', ' day')));
    expect(r.days).toEqual([{ date: '2027-11-11', kind: 'holiday', name: 'Office closed, movingday', line: 4 }]);
  });

  it('refuses timed, repeating, backwards and endless events, naming their lines', () => {
    const r = parseCalendarIcs(ics(
      event('DTSTART:20271001T090000Z', 'SUMMARY:meeting'), // lines 3–6
      event('DTSTART;VALUE=DATE:20271001', 'RRULE:FREQ=YEARLY', 'SUMMARY:x'), // 7–11
      event('DTSTART;VALUE=DATE:20271005', 'DTEND;VALUE=DATE:20271001', 'SUMMARY:x'), // 12–16
      event('DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20290101', 'SUMMARY:x'), // 17–21
      event('SUMMARY:no start'), // 22–24
    ));
    expect(r.problems.map((p) => [p.line, p.key])).toEqual([
      [4, 'calendar.ics.timed'], [7, 'calendar.ics.repeat'], [14, 'calendar.ics.range'], [18, 'calendar.ics.long'], [22, 'calendar.ics.noStart'],
    ]);
    expect(r.days).toEqual([]);
  });

  it('a file without events is a problem', () => {
    expect(parseCalendarIcs(ics()).problems[0].key).toBe('calendar.import.noEvents');
  });
});

describe('explainDayRule: the day rules of the procedure, day by day', () => {
  it('ends on the day dueUnder gives, for every start from September to the end of October', () => {
    const rules = [{ unit: 'wd', n: 1 }, { unit: 'wd', n: 3 }, { unit: 'd', n: 1 }, { unit: 'd', n: 5 }, { unit: 'eod' }] as const;
    for (let day = '2026-09-01'; day <= '2026-10-31'; day = addDays(day, 1)) {
      for (const rule of rules) {
        const due = dueUnder(rule, zonedInstant(day, '15:00:00', 'Asia/Shanghai'), official, 'Asia/Shanghai')!;
        expect(explainDayRule(official, rule, day).due, `${day} ${rule.unit}`).toBe(localDate(due, 'Asia/Shanghai'));
      }
    }
  });

  it('d counts every calendar day; eod lists the days off before the counting-start day', () => {
    expect(explainDayRule(official, { unit: 'd', n: 3 }, '2026-09-30').days.map((d) => `${d.date}:${d.count}`))
      .toEqual(['2026-10-01:1', '2026-10-02:2', '2026-10-03:3']);
    const eod = explainDayRule(official, { unit: 'eod' }, '2026-10-06');
    expect(eod).toMatchObject({ start: '2026-10-06', from: '2026-10-08', due: '2026-10-08' });
    expect(eod.days.map((d) => `${d.date}:${d.count ?? '-'}`)).toEqual(['2026-10-06:-', '2026-10-07:-', '2026-10-08:1']);
    // Received on a day off, working days count after the next working day, as dueUnder counts them.
    const wd = explainDayRule(official, { unit: 'wd', n: 1 }, '2026-09-12');
    expect(wd).toMatchObject({ start: '2026-09-12', from: '2026-09-14', due: '2026-09-15' });
  });
});
