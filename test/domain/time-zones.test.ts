// isoLocal caches zone offsets per quarter hour; it must still agree with
// Intl at every instant, across daylight-saving changes and odd offsets.
import { describe, expect, it } from 'vitest';
import { FIXED_ZONES, isoLocal, offsetMinutes, zonedInstant } from '../../src/domain/time.js';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

function viaIntl(ms: number, tz: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const off = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${off}`;
}

describe('isoLocal', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  it.each(zones)('agrees with Intl in %s around the year, minute by minute near changes', (tz) => {
    const start = Date.UTC(2026, 0, 1);
    // Every 7 h 13 min through 2026 hits all hours; plus each minute around the 2026 DST changes.
    const instants: number[] = [];
    for (let t = start; t < start + 366 * 86_400_000; t += 26_000_000 + 13 * 60_000) instants.push(t);
    for (const change of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 4, 15), Date.UTC(2026, 9, 3, 15)]) {
      for (let m = -90; m <= 90; m++) instants.push(change + m * 60_000 + 7_000);
    }
    for (const t of instants) expect(isoLocal(t, tz)).toBe(viaIntl(t, tz));
  });

  it('writes instants before 1970, at midnight and at the last second of a day, and years of other than four digits', () => {
    expect(isoLocal(-1, 'UTC')).toBe('1969-12-31T23:59:59+00:00');
    expect(isoLocal(Date.UTC(1965, 5, 30, 16, 0, 0, 999), 'Asia/Kolkata')).toBe(viaIntl(Date.UTC(1965, 5, 30, 16, 0, 0, 999), 'Asia/Kolkata'));
    expect(isoLocal(Date.parse('2026-11-20T23:59:59.999+08:00'), 'Asia/Shanghai')).toBe('2026-11-20T23:59:59+08:00');
    expect(isoLocal(Date.parse('2026-11-21T00:00:00+08:00'), 'Asia/Shanghai')).toBe('2026-11-21T00:00:00+08:00');
    expect(isoLocal(Date.UTC(10000, 0, 1, 1), 'UTC')).toBe('10000-01-01T01:00:00+00:00');
    expect(isoLocal(Date.UTC(999, 11, 31, 23, 59, 59), 'UTC')).toBe('999-12-31T23:59:59+00:00');
  });
});

describe('zones with a fixed offset (answered without Intl)', () => {
  const zones = [...FIXED_ZONES.keys()];
  it.each(zones)('%s: the fixed offset is what Intl says, every 5 days from its start to 2100', (tz) => {
    const { since, minutes } = FIXED_ZONES.get(tz)!;
    const from = Math.max(since, Date.UTC(1970, 0, 1));
    for (let t = from; t < Date.UTC(2100, 0, 1); t += 5 * 86_400_000 + 3_607_000) {
      expect(isoLocal(t, tz)).toBe(viaIntl(t, tz));
      expect(offsetMinutes(t, tz)).toBe(minutes);
    }
  });

  it.each(zones)('%s: local wall-clock times map to the same instant as dayjs.tz', (tz) => {
    for (const [date, time] of [['2026-11-20', '23:59:59'], ['2000-02-29', '00:00:00'], ['1995-06-30', '12:34:56'], ['2099-12-31', '08:00:00']]) {
      expect(zonedInstant(date, time, tz)).toBe(dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm:ss', tz).valueOf());
    }
  });

  it('before a zone became fixed, Intl is still asked (Shanghai kept summer time in 1988)', () => {
    expect(isoLocal(Date.UTC(1988, 6, 1, 4), 'Asia/Shanghai')).toBe('1988-07-01T13:00:00+09:00');
    expect(zonedInstant('1988-07-01', '13:00:00', 'Asia/Shanghai')).toBe(Date.UTC(1988, 6, 1, 4));
  });
});
