// parseInstant's fast reader of the times the program writes must give
// exactly what Date.parse gives for them, and leave everything else to the
// general way.
import { describe, expect, it } from 'vitest';
import { parseCellTime } from '../../src/domain/import-rows.js';
import { isoFormatter } from '../../src/domain/csv-columns.js';
import { isoOffsetInstant, parseInstant } from '../../src/domain/time.js';

/** The general way for a valid time with an offset, without the fast reader. */
const general = (text: string) => Date.parse(text);

const TZ = 'Asia/Shanghai';

describe('isoOffsetInstant, the fast reader inside parseInstant', () => {
  it('reads what export writes, in several zones and years, as Date.parse does', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC']) {
      const iso = isoFormatter(tz);
      for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 86_399_001 * 7 + 1_234_000) {
        const text = iso(ms);
        expect(isoOffsetInstant(text)).toBe(general(text));
        expect(parseInstant(text, tz)).toBe(general(text));
        expect(isoOffsetInstant(text)).toBe(Math.floor(ms / 1000) * 1000);
      }
    }
  });

  it.each([
    '2024-02-29T23:59:59+08:00', '2026-12-31T00:00:00-05:00', '2026-01-01T00:00:00+00:00', '2026-06-30T12:30:45+05:45',
    '2026-03-01T00:00:00+14:00', '1000-01-01T00:00:00+00:00', '9999-12-31T23:59:59-12:00', '2000-02-29T08:00:00+08:00',
    '2026-04-30T08:00:00+08:00', '2026-01-31T08:00:00+08:00',
  ])('agrees with Date.parse on %s', (text) => {
    expect(isoOffsetInstant(text)).not.toBeNull();
    expect(isoOffsetInstant(text)).toBe(general(text));
  });

  it.each([
    '2026-02-29T10:00:00+08:00', '1900-02-29T10:00:00+08:00', '2100-02-29T10:00:00+08:00', '2026-04-31T10:00:00+08:00', '2026-11-31T10:00:00+08:00', '2026-13-01T10:00:00+08:00', '2026-00-10T10:00:00+08:00',
    '2026-09-12T24:00:00+08:00', '2026-09-12T10:60:00+08:00', '2026-09-12T10:00:60+08:00', '2026-09-12T10:00:00+15:00',
    '2026-09-12T10:00:00+08:60', '2026-09-12 10:00:00+08:00', '2026-09-12T10:00:00Z', '2026-09-12T10:00:00+0800',
    '2026-09-12T10:00+08:00', '0099-09-12T10:00:00+08:00', '2026-9-12T10:00:00+08:00 ', '2026-0a-12T10:00:00+08:00',
    '２０２６-09-12T10:00:00+08:00', '',
  ])('leaves %j to the general parser', (text) => {
    expect(isoOffsetInstant(text)).toBeNull();
  });

  it('does not change what parseCellTime accepts or refuses', () => {
    for (const text of ['2026-02-29T10:00:00+08:00', '2026-09-12T24:00:00+08:00', '2026-09-12T10:00:00+15:00', ' 2026-09-12T10:00:00+08:00 ']) {
      expect(parseCellTime(text, TZ)).toBe(parseInstant(text.trim(), TZ));
    }
  });
});
