// The Chinese lunar calendar and the solar term 清明, as far as the statutory
// holidays need them: the Gregorian date of a lunar month and day, and of
// 清明. Only the `chinese-days` package's tables are used — its functions
// mix the machine's clock zone into date arithmetic — and the arithmetic
// here is on day numbers, the same in every zone. The tables reach lunar
// years 1900–2100 and, for 清明, the 21st century's constant (2000–2099).
import { LUNAR_INFO } from 'chinese-days/src/solar_lunar/constants.js';
import { SOLAR_TERMS_C_NUMS, SOLAR_TERMS_DELTA } from 'chinese-days/src/solar_terms/constants.js';
import { dateOfDay } from './time.js';

const FIRST_LUNAR_YEAR = 1900;
const LAST_LUNAR_YEAR = FIRST_LUNAR_YEAR + LUNAR_INFO.length - 1;
/** 正月初一 of lunar 1900, as days since 1970-01-01. */
const EPOCH_DAY = Date.UTC(1900, 0, 31) / 86_400_000;

// Each table entry: bit 16 the leap month's length (30 days when set), bits
// 15…4 months 1…12 (30 days when set), bits 3…0 the leap month (0: none).
const leapMonth = (info: number) => info & 0xf;
const monthLength = (info: number, month: number) => (info & (0x10000 >> month) ? 30 : 29);
const leapLength = (info: number) => (leapMonth(info) ? (info & 0x10000 ? 30 : 29) : 0);

function yearLength(info: number): number {
  let days = leapLength(info);
  for (let m = 1; m <= 12; m++) days += monthLength(info, m);
  return days;
}

let newYears: Int32Array | undefined;
/** 正月初一 of each lunar year, as a day number: summed once, on first use. */
function newYearDay(year: number): number {
  if (!newYears) {
    newYears = new Int32Array(LUNAR_INFO.length);
    let day = EPOCH_DAY;
    for (let i = 0; i < LUNAR_INFO.length; i++) {
      newYears[i] = day;
      day += yearLength(LUNAR_INFO[i]);
    }
  }
  return newYears[year - FIRST_LUNAR_YEAR];
}

/**
 * The Gregorian date of a day of an ordinary (not leap) lunar month, e.g.
 * (2027, 8, 15) → 中秋 '2027-09-15'; null outside the table's years.
 */
export function lunarToSolar(year: number, month: number, day: number): string | null {
  if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) return null;
  const info = LUNAR_INFO[year - FIRST_LUNAR_YEAR];
  let offset = day - 1;
  for (let m = 1; m < month; m++) offset += monthLength(info, m);
  // A leap month follows the month it repeats.
  if (leapMonth(info) && leapMonth(info) < month) offset += leapLength(info);
  return dateOfDay(newYearDay(year) + offset);
}

/** The years `qingming` answers for: the 21st century's constant. */
export const QINGMING_YEARS = { first: 2000, last: 2099 } as const;

/**
 * 清明, the day the sun reaches longitude 15° (Beijing time): the almanac
 * formula ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ for 4 April ± a day, with the package's
 * constant and its table of exceptions; null outside 2000–2099.
 */
export function qingming(year: number): string | null {
  if (year < QINGMING_YEARS.first || year > QINGMING_YEARS.last) return null;
  const y = year % 100;
  const c = SOLAR_TERMS_C_NUMS.pure_brightness[1];
  const delta = (SOLAR_TERMS_DELTA as Record<string, number>)[`${year}_pure_brightness`] ?? 0;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4) + delta;
  return `${year}-04-${String(day).padStart(2, '0')}`;
}
