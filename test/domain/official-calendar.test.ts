// The shipped data (the `chinese-days` package) checked day by day against the
// State Council's notices, written out by hand from the notices themselves:
// 国务院办公厅关于2024年 / 2025年 / 2026年部分节假日安排的通知.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../src/domain/time.js';
import { buildCalendar } from '../../src/domain/calendar.js';
import { isNewerData, officialDays, OFFICIAL_VERSION, officialFromPackage } from '../../src/domain/official-days.js';

interface Arrangement {
  /** The holiday as the notice names it. */
  name: string;
  /** 放假: first and last day off, inclusive. */
  off: [string, string];
  /** 上班: the weekend days made working days (调休补班). */
  work: string[];
}

/** The notices, item by item. */
const NOTICES: Record<number, Arrangement[]> = {
  // 国务院办公厅关于2024年部分节假日安排的通知
  2024: [
    { name: '元旦', off: ['2024-01-01', '2024-01-01'], work: [] }, // 1月1日放假，与周末连休
    { name: '春节', off: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'] }, // 2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班
    { name: '清明节', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] }, // 4月4日至6日放假调休，共3天。4月7日（周日）上班
    { name: '劳动节', off: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'] }, // 5月1日至5日放假调休，共5天。4月28日（周日）、5月11日（周六）上班
    { name: '端午节', off: ['2024-06-10', '2024-06-10'], work: [] }, // 6月10日放假，与周末连休
    { name: '中秋节', off: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'] }, // 9月15日至17日放假调休，共3天。9月14日（周六）上班
    { name: '国庆节', off: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'] }, // 10月1日至7日放假调休，共7天。9月29日（周日）、10月12日（周六）上班
  ],
  // 国务院办公厅关于2025年部分节假日安排的通知
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] }, // 1月1日（周三）放假1天，不调休
    { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] }, // 1月28日（除夕、周二）至2月4日（正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] }, // 4月4日（周五）至6日（周日）放假，共3天
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] }, // 5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] }, // 5月31日（周六）至6月2日（周一）放假，共3天
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] }, // 10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班
  ],
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] }, // 1月1日至3日放假，1月4日（周日）上班
    { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] }, // 2月15日至23日放假共9天，2月14日（周六）、2月28日（周六）上班
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] }, // 4月4日至6日
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] }, // 5月1日至5日，5月9日（周六）上班
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] }, // 6月19日至21日
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] }, // 9月25日至27日
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] }, // 10月1日至7日，9月20日（周日）、10月10日（周六）上班
  ],
};

/** Day counts the notices state ("共N天"), as a check on the fixture itself. */
const STATED_LENGTHS: Record<string, number> = {
  '2024 春节': 8, '2024 清明节': 3, '2024 劳动节': 5, '2024 中秋节': 3, '2024 国庆节': 7,
  '2025 春节': 8, '2025 清明节': 3, '2025 劳动节': 5, '2025 端午节': 3, '2025 国庆节、中秋节': 8,
  '2026 元旦': 3, '2026 春节': 9, '2026 清明节': 3, '2026 劳动节': 5, '2026 端午节': 3, '2026 中秋节': 3, '2026 国庆节': 7,
};

type Expect = { kind: 'holiday' | 'workday'; name: string };

function expected(year: number): Map<string, Expect> {
  const out = new Map<string, Expect>();
  for (const a of NOTICES[year]) {
    for (let d = a.off[0]; d <= a.off[1]; d = addDays(d, 1)) out.set(d, { kind: 'holiday', name: a.name });
    for (const d of a.work) out.set(d, { kind: 'workday', name: a.name });
  }
  return out;
}

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d);
  return out;
}

describe('the hand-written notices (the fixture checks itself)', () => {
  it.each(Object.entries(STATED_LENGTHS))('%s lasts the %i days the notice states', (key, days) => {
    const [year, name] = key.split(' ');
    const a = NOTICES[Number(year)].find((x) => x.name === name)!;
    let n = 0;
    for (let d = a.off[0]; d <= a.off[1]; d = addDays(d, 1)) n++;
    expect(n).toBe(days);
  });

  it('every 调休 working day is a Saturday or Sunday', () => {
    for (const year of [2024, 2025, 2026]) {
      for (const a of NOTICES[year]) for (const d of a.work) expect([0, 6], `${d} (${a.name})`).toContain(dayOfWeek(d));
    }
  });
});

describe.each([2024, 2025, 2026])('the package data for %i, day by day against the notice', (year) => {
  const want = expected(year);
  const cal = buildCalendar(officialDays(), new Map());

  it('the year is covered', () => {
    expect(cal.covers(year)).toBe(true);
  });

  it('marks exactly the days the notice names, each with the notice\'s kind and holiday', () => {
    const mismatches: string[] = [];
    for (const d of daysOf(year)) {
      const got = officialDays().days.get(d);
      const exp = want.get(d);
      if (!exp && !got) continue;
      if (!exp || !got) {
        mismatches.push(`${d}: notice ${exp ? `${exp.kind} ${exp.name}` : 'nothing'}, package ${got ? `${got.kind} ${got.name}` : 'nothing'}`);
        continue;
      }
      // The package names days 清明/端午/中秋 where the notice says 清明节…; 2025's 10月6日 is 中秋 inside 国庆节、中秋节.
      if (got.kind !== exp.kind || !got.name || !exp.name.includes(got.name)) {
        mismatches.push(`${d}: notice ${exp.kind} ${exp.name}, package ${got.kind} ${got.name}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the working day the notice gives, for every day of the year', () => {
    const wrong: string[] = [];
    for (const d of daysOf(year)) {
      const exp = want.get(d);
      const workday = exp ? exp.kind === 'workday' : dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
      if (cal.isWorkday(d) !== workday) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the shipped data', () => {
  it('covers 2004 through at least 2026', () => {
    expect(officialDays().years!.first).toBe(2004);
    expect(officialDays().years!.last).toBeGreaterThanOrEqual(2026);
  });

  it('carries Chinese and English names', () => {
    expect(officialDays().days.get('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节', nameEn: 'National Day' });
    expect(officialDays().days.get('2026-02-14')).toEqual({ kind: 'workday', name: '春节', nameEn: 'Spring Festival' });
  });

  it('has a version naming the package and its data', () => {
    expect(OFFICIAL_VERSION).toMatch(/^chinese-days@\d+\.\d+\.\d+#[0-9a-f]{8}$/);
  });

  it('reads the package\'s "English,中文,n" values; a date in both maps is a working day', () => {
    const o = officialFromPackage({
      holidays: { '2030-10-01': 'National Day,国庆节,3', '2030-10-02': 'National Day,国庆节,3' },
      workdays: { '2030-10-02': 'National Day,国庆节,3' },
    });
    expect(o.years).toEqual({ first: 2030, last: 2030 });
    expect(o.days.get('2030-10-01')).toEqual({ kind: 'holiday', name: '国庆节', nameEn: 'National Day' });
    expect(o.days.get('2030-10-02')!.kind).toBe('workday');
    expect(officialFromPackage({ holidays: {}, workdays: {} }).years).toBeNull();
  });

  it('only the package\'s data files and data tables are imported, never its date functions', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const imports: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/from '(chinese-days[^']*)'/g)) imports.push(m[1]);
      }
    };
    walk(src);
    expect(imports.sort()).toEqual([
      'chinese-days/dist/chinese-days.json', 'chinese-days/package.json',
      // The lunar months and the solar-term constants: tables with no code (src/domain/lunar.ts).
      'chinese-days/src/solar_lunar/constants.js', 'chinese-days/src/solar_terms/constants.js',
    ]);
  });
});

describe('isNewerData: re-seed only when the program brings newer data', () => {
  it.each([
    ['chinese-days@1.5.7#aaaaaaaa', null, true],
    ['chinese-days@1.5.7#aaaaaaaa', 'chinese-days@1.5.6#aaaaaaaa', true],
    ['chinese-days@1.5.7#aaaaaaaa', 'chinese-days@1.10.0#bbbbbbbb', false],
    ['chinese-days@2.0.0#aaaaaaaa', 'chinese-days@1.10.0#bbbbbbbb', true],
    ['chinese-days@1.5.7#aaaaaaaa', 'chinese-days@1.5.7#aaaaaaaa', false],
    ['chinese-days@1.5.7#aaaaaaaa', 'chinese-days@1.5.7#bbbbbbbb', true],
    ['chinese-days@1.5.7#aaaaaaaa', 'garbage', true],
  ])('ours %s, stored %s → %s', (ours, stored, newer) => {
    expect(isNewerData(ours, stored)).toBe(newer);
  });
});
