// Three failed rounds of talks (SPEC §11, 002 "三次沟通仍不能协调一致"):
// `contact --outcome disagreed` counts; reaching rule.disagreed_talks raises a
// general complaint to important, with an escalate event naming the reason.
import { describe, expect, it } from 'vitest';
import { assign, contact, register, type Ctx, type NewComplaint } from '../../src/domain/lifecycle.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings.js';
import { weekdayCalendar } from '../../src/domain/workdays.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';
import type { Complaint, TalkOutcome } from '../../src/domain/types.js';

const TZ = 'Asia/Shanghai';
const at = (text: string): number => parseInstant(text, TZ)!;
const iso = (ms: number | null) => (ms === null ? null : isoLocal(ms, TZ));
const k = (now: string, settings: Settings = DEFAULT_SETTINGS): Ctx => ({ settings, calendar: weekdayCalendar, tz: TZ, now: at(now) });

// Received Friday 2026-11-20 15:00: general resolves by Wed 11-25, important (7 working days) by Tue 12-01.
const RECEIVED = '2026-11-20T15:00:00+08:00';
const MON = '2026-11-23T10:00:00+08:00';
const GENERAL_RESOLVE = '2026-11-25T23:59:59+08:00';
const IMPORTANT_RESOLVE = '2026-12-01T23:59:59+08:00';

const input = (over: Partial<NewComplaint> = {}): NewComplaint => ({
  receivedAt: at(RECEIVED), channel: 'phone', kind: 'complaint', category: 'property_service', subcategory: 'leak',
  name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501', subject: null,
  description: '卫生间天花板漏水', demand: '赔偿', receiver: 'li', households: 1, claimFen: null, safety: false, media: false,
  about: null, aboutIsDepartment: false, happenedAt: null, place: null, ...over,
});
const assigned = (over: Partial<NewComplaint> = {}): Complaint =>
  assign({ ...register(input(over), '261120001', null, k(RECEIVED)).next, id: 1 }, '工程部', null, null, k(RECEIVED)).next;

/** Contacts in a row, each returning its step; the complaint after each is the next one's start. */
function talks(c: Complaint, outcomes: (TalkOutcome | null)[], settings?: Settings) {
  const steps = [];
  for (const outcome of outcomes) {
    const step = contact(c, null, k(MON, settings), outcome);
    steps.push(step);
    c = step.next;
  }
  return steps;
}

describe('rounds of talks', () => {
  it('records the outcome on the contact event, and counts only disagreed rounds', () => {
    const [agreed, disagreed, plain] = talks(assigned(), ['agreed', 'disagreed', null]);
    expect(agreed.events).toHaveLength(1);
    expect(agreed.events[0].after).toMatchObject({ outcome: 'agreed' });
    expect(agreed.next.disagreedTalks).toBe(0);
    expect(disagreed.events[0].after).toMatchObject({ outcome: 'disagreed', disagreedTalks: 1 });
    expect(disagreed.events[0].before).toMatchObject({ disagreedTalks: 0 });
    expect(plain.events[0].after ?? {}).not.toHaveProperty('outcome');
    expect(plain.next.disagreedTalks).toBe(1);
  });

  it.each([
    ['1st disagreed', ['disagreed'], 1, 'general'],
    ['2nd disagreed', ['disagreed', 'disagreed'], 2, 'general'],
    ['3rd disagreed', ['disagreed', 'disagreed', 'disagreed'], 3, 'important'],
    ['agreed in between does not reset', ['disagreed', 'agreed', 'disagreed', 'agreed', 'disagreed'], 3, 'important'],
    ['agreed rounds alone', ['agreed', 'agreed', 'agreed'], 0, 'general'],
  ] as const)('%s → %i counted, %s', (_what, outcomes, count, severity) => {
    const steps = talks(assigned(), [...outcomes]);
    const last = steps[steps.length - 1].next;
    expect(last.disagreedTalks).toBe(count);
    expect(last.severity).toBe(severity);
    // Only the round that reached the threshold carries a second event.
    expect(steps.slice(0, -1).every((s) => s.events.length === 1)).toBe(true);
  });

  it('the 3rd disagreed round raises general to important, with an escalate event and important deadlines', () => {
    const before = talks(assigned(), ['disagreed', 'disagreed'])[1].next;
    expect(iso(before.deadlines.resolve)).toBe(GENERAL_RESOLVE);
    const { next, events } = contact(before, '业主仍要求全额赔偿', k(MON), 'disagreed');
    expect(next.severity).toBe('important');
    expect(iso(next.deadlines.resolve)).toBe(IMPORTANT_RESOLVE);
    expect(events.map((e) => e.action)).toEqual(['contact', 'escalate']);
    expect(events[0]).toMatchObject({ note: '业主仍要求全额赔偿', after: { outcome: 'disagreed', disagreedTalks: 3 } });
    expect(events[0].after).not.toHaveProperty('severity');
    expect(events[1]).toMatchObject({ note: 'disagreed_talks_3', before: { severity: 'general' }, after: { severity: 'important' } });
  });

  it('an important or major complaint is not raised further', () => {
    for (const over of [{ claimFen: 500_000 }, { safety: true }]) {
      const start = assigned(over);
      const steps = talks(start, ['disagreed', 'disagreed', 'disagreed', 'disagreed']);
      const last = steps[3].next;
      expect(last.severity).toBe(start.severity);
      expect(last.deadlines).toEqual(start.deadlines);
      expect(last.disagreedTalks).toBe(4);
      expect(steps.every((s) => s.events.length === 1)).toBe(true);
    }
  });

  it('the setting rule.disagreed_talks moves the threshold', () => {
    const two: Settings = { ...DEFAULT_SETTINGS, disagreedTalks: 2 };
    const steps = talks(assigned(), ['disagreed', 'disagreed'], two);
    expect(steps[1].next.severity).toBe('important');
    expect(steps[1].events[1]).toMatchObject({ action: 'escalate', note: 'disagreed_talks_2' });
    const five: Settings = { ...DEFAULT_SETTINGS, disagreedTalks: 5 };
    const s5 = talks(assigned(), ['disagreed', 'disagreed', 'disagreed', 'disagreed', 'disagreed'], five);
    expect(s5[3].next.severity).toBe('general');
    expect(s5[4].next.severity).toBe('important');
  });

  it('a general complaint already past the threshold (the setting was lowered) is raised at its next disagreed round', () => {
    const past = talks(assigned(), ['disagreed', 'disagreed', 'disagreed'], { ...DEFAULT_SETTINGS, disagreedTalks: 5 })[2].next;
    expect(past.severity).toBe('general');
    const { next, events } = contact(past, null, k(MON, { ...DEFAULT_SETTINGS, disagreedTalks: 2 }), 'disagreed');
    expect(next.severity).toBe('important');
    expect(events[1].note).toBe('disagreed_talks_2');
    // An agreed round is no failed round: it raises nothing.
    expect(contact(past, null, k(MON, { ...DEFAULT_SETTINGS, disagreedTalks: 2 }), 'agreed').next.severity).toBe('general');
  });
});
