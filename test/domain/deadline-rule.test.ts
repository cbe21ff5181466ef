// The deadline grammar of SPEC §11, with due times computed by hand.
import { describe, expect, it } from 'vitest';
import { dueUnder, formatRule, parseRule, staleBefore } from '../../src/domain/deadline-rule.js';
import { weekdayCalendar, type WorkCalendar } from '../../src/domain/workdays.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const at = (text: string) => parseInstant(text, TZ)!;
const due = (rule: string, from: string, cal: WorkCalendar = weekdayCalendar) => {
  const r = dueUnder(parseRule(rule)!, at(from), cal, TZ);
  return r === null ? null : isoLocal(r, TZ);
};

/** Mon–Fri plus one day off (2026-10-01, a Thursday) and one worked Sunday (2026-09-20). */
const official: WorkCalendar = {
  isWorkday: (d) => d === '2026-09-20' || (d !== '2026-10-01' && weekdayCalendar.isWorkday(d)),
  covers: () => true,
};

describe('parseRule', () => {
  it.each([
    ['30m', { unit: 'm', n: 30 }], ['2h', { unit: 'h', n: 2 }], ['3wd', { unit: 'wd', n: 3 }], ['5d', { unit: 'd', n: 5 }],
    ['eod', { unit: 'eod' }], ['none', { unit: 'none' }], [' 24H ', { unit: 'h', n: 24 }],
  ])('%s', (text, rule) => {
    expect(parseRule(text)).toEqual(rule);
    expect(parseRule(formatRule(rule as never))).toEqual(rule);
  });

  it.each(['3x', '-2h', '0h', '2.5h', 'h', '', '251wd', '367d', '999999999', '24'])('refuses %j', (text) => {
    expect(parseRule(text)).toBeNull();
  });

  it('a bare number takes the unit of the setting it was written for', () => {
    expect(parseRule('24', 'h')).toEqual({ unit: 'h', n: 24 });
    expect(parseRule('3', 'wd')).toEqual({ unit: 'wd', n: 3 });
  });
});

describe('dueUnder', () => {
  it('minutes and hours are clock time', () => {
    expect(due('30m', '2026-11-20T23:50:00+08:00')).toBe('2026-11-21T00:20:00+08:00');
    expect(due('2h', '2026-11-21T23:00:00+08:00')).toBe('2026-11-22T01:00:00+08:00');
  });

  it('working days end 23:59:59 on the Nth working day after the day counting starts (SPEC §5)', () => {
    expect(due('3wd', '2026-11-20T15:00:00+08:00')).toBe('2026-11-25T23:59:59+08:00');
    expect(due('3wd', '2026-09-30T15:00:00+08:00', official)).toBe('2026-10-06T23:59:59+08:00'); // 10-01 off: 10-02, 10-05, 10-06
  });

  it('calendar days end 23:59:59 on the Nth day after, days off included', () => {
    expect(due('5d', '2026-11-20T15:00:00+08:00')).toBe('2026-11-25T23:59:59+08:00');
    expect(due('1d', '2026-09-30T15:00:00+08:00', official)).toBe('2026-10-01T23:59:59+08:00');
  });

  it('eod is the end of the working day counting starts on', () => {
    expect(due('eod', '2026-11-20T15:00:00+08:00')).toBe('2026-11-20T23:59:59+08:00');
    expect(due('eod', '2026-11-21T09:00:00+08:00')).toBe('2026-11-23T23:59:59+08:00'); // Saturday → Monday
    expect(due('eod', '2026-10-01T09:00:00+08:00', official)).toBe('2026-10-02T23:59:59+08:00'); // a day off
    expect(due('eod', '2026-09-20T09:00:00+08:00', official)).toBe('2026-09-20T23:59:59+08:00'); // a worked Sunday
  });

  it('none is no deadline', () => {
    expect(due('none', '2026-11-20T15:00:00+08:00')).toBeNull();
  });
});

describe('staleBefore (the weekly progress contact)', () => {
  const since = (rule: string, now: string) => isoLocal(staleBefore(parseRule(rule)!, at(now), weekdayCalendar, TZ), TZ);
  it('a last contact before this instant is past the rule now', () => {
    // 7d: a contact on the 12th is due by the end of the 19th; at 20th 10:00 anything before the 13th is stale.
    expect(since('7d', '2026-11-20T10:00:00+08:00')).toBe('2026-11-13T00:00:00+08:00');
    expect(since('3d', '2026-11-05T20:00:00+08:00')).toBe('2026-11-02T00:00:00+08:00');
    expect(since('2h', '2026-11-05T20:00:00+08:00')).toBe('2026-11-05T18:00:00+08:00');
    // 5wd: a contact on Friday 13th is due by Friday 20th (stale on Monday 23rd); one on Saturday 14th counts from the 16th, due the 23rd.
    expect(since('5wd', '2026-11-23T10:00:00+08:00')).toBe('2026-11-14T00:00:00+08:00');
  });
});
