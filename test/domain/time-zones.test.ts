// isoLocal caches zone offsets per quarter hour; it must still agree with
// Intl at every instant, across daylight-saving changes and odd offsets.
import { describe, expect, it } from 'vitest';
import { isoLocal } from '../../src/domain/time.js';

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
});
