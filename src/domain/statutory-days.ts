// The days off fixed by law (《全国年节及纪念日放假办法》, as revised in 2024,
// in force from 2025): 元旦 1 January; 春节 除夕 and 正月初一 to 初三; 清明;
// 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3 October. For a year
// whose State Council notice is not loaded these are the calendar's holidays
// — provisionally: the notice adds bridging days and the weekends worked for
// them (调休), which no rule predicts, so none are invented here.
import type { DayMark } from './calendar.js';
import { lunarToSolar, qingming, QINGMING_YEARS } from './lunar.js';
import { addDays } from './time.js';

/** The years the rules apply to and the lunar and 清明 data compute. */
export const STATUTORY_YEARS = { first: 2025, last: QINGMING_YEARS.last } as const;

// Names as the official data spells them, so a day reads the same before and after the notice.
const NAMES = {
  newYear: ['元旦', "New Year's Day"],
  spring: ['春节', 'Spring Festival'],
  qingming: ['清明', 'Tomb-sweeping Day'],
  labour: ['劳动节', 'Labour Day'],
  dragonBoat: ['端午', 'Dragon Boat Festival'],
  midAutumn: ['中秋', 'Mid-autumn Festival'],
  national: ['国庆节', 'National Day'],
} as const;

const byYear = new Map<number, ReadonlyMap<string, DayMark>>();

/** The statutory days off of a year, by date; null outside STATUTORY_YEARS. Computed once per year. */
export function statutoryDays(year: number): ReadonlyMap<string, DayMark> | null {
  if (year < STATUTORY_YEARS.first || year > STATUTORY_YEARS.last) return null;
  let days = byYear.get(year);
  if (!days) byYear.set(year, (days = compute(year)));
  return days;
}

function compute(year: number): Map<string, DayMark> {
  const out = new Map<string, DayMark>();
  const add = (date: string, [name, nameEn]: readonly [string, string]) => {
    const had = out.get(date);
    // Two festivals on one date (中秋 on 1 October) are one day off, under both names.
    out.set(date, had
      ? { kind: 'holiday', name: `${had.name}、${name}`, nameEn: `${had.nameEn}, ${nameEn}` }
      : { kind: 'holiday', name, nameEn });
  };
  const y = String(year);
  add(`${y}-01-01`, NAMES.newYear);
  const chuyi = lunarToSolar(year, 1, 1)!;
  // 除夕 is the day before 初一: 腊月三十, or 廿九 when the twelfth month is short.
  for (let i = -1; i <= 2; i++) add(addDays(chuyi, i), NAMES.spring);
  add(qingming(year)!, NAMES.qingming);
  add(`${y}-05-01`, NAMES.labour);
  add(`${y}-05-02`, NAMES.labour);
  add(lunarToSolar(year, 5, 5)!, NAMES.dragonBoat);
  add(lunarToSolar(year, 8, 15)!, NAMES.midAutumn);
  for (const d of ['01', '02', '03']) add(`${y}-10-${d}`, NAMES.national);
  return out;
}
