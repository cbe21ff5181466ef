import { describe, expect, it } from 'vitest';
import {
  addNote, assign, attempt, classify, close, contact, escalate, extend, failedAttemptDays, followUp, register, reopen, resolve,
  subjectOf, type Ctx, type NewComplaint, type Resolution,
  type Closing,
} from '../../src/domain/lifecycle.js';
import { StateError, UsageError } from '../../src/domain/errors.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { weekdayCalendar } from '../../src/domain/workdays.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';
import type { Complaint, Kind } from '../../src/domain/types.js';

const TZ = 'Asia/Shanghai';
const at = (text: string): number => {
  const ms = parseInstant(text, TZ);
  if (ms === null) throw new Error(`bad time ${text}`);
  return ms;
};
const iso = (ms: number | null) => (ms === null ? null : isoLocal(ms, TZ));
const k = (now: string): Ctx => ({ settings: DEFAULT_SETTINGS, calendar: weekdayCalendar, tz: TZ, now: at(now) });

// The story: received Friday 2026-11-20 15:00; steps on the following days.
const RECEIVED = '2026-11-20T15:00:00+08:00';
const MON = '2026-11-23T10:00:00+08:00';
const WED = '2026-11-25T10:00:00+08:00';

function input(over: Partial<NewComplaint> = {}): NewComplaint {
  return {
    receivedAt: at(RECEIVED), channel: 'phone', kind: 'complaint', category: 'property_service', subcategory: 'leak',
    name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501', subject: null,
    description: '卫生间天花板漏水', demand: '尽快维修', receiver: 'li', households: 1, claimFen: null, safety: false, media: false,
    about: null, aboutIsDepartment: false, happenedAt: null, place: null,
    ...over,
  };
}

function registered(over: Partial<NewComplaint> = {}, repeatOf: string | null = null): Complaint {
  return { ...register(input(over), '261120001', repeatOf, k(RECEIVED)).next, id: 1 };
}
const assigned = (over: Partial<NewComplaint> = {}) => assign(registered(over), '工程部', '张工', null, k(RECEIVED)).next;
const RES: Resolution = {
  resolution: '已更换水管', costFen: null, responsible: null, responsiblePerson: null, approvedBy: null, staff: [], cause: null, correctiveAction: null,
};
const resolved = (over: Partial<NewComplaint> = {}) => resolve(assigned(over), RES, k(WED)).next;
const closed = () => followUp(resolved(), { satisfaction: 2, method: 'phone', note: null }, k('2026-11-26T10:00:00+08:00')).next;

function expectError(fn: () => unknown, type: typeof StateError | typeof UsageError, key?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  if (key) expect((caught as StateError).key).toBe(key);
}

describe('register', () => {
  it('starts registered, general, unverified, with deadlines from receipt and a register event', () => {
    const step = register(input(), '261120001', null, k(RECEIVED));
    const c = step.next;
    expect(c).toMatchObject({ ticket: '261120001', status: 'registered', severity: 'general', validity: 'unverified', households: 1 });
    expect(iso(c.deadlines.contact)).toBe('2026-11-21T15:00:00+08:00');
    expect(iso(c.deadlines.resolve)).toBe('2026-11-25T23:59:59+08:00');
    expect(c.deadlines.followUp).toBeNull();
    expect(step.events).toHaveLength(1);
    expect(step.events[0]).toMatchObject({ action: 'register', before: null });
    expect(step.events[0].after).toMatchObject({ ticket: '261120001', status: 'registered' });
  });

  it('defaults the subject to the first 30 characters of the description', () => {
    const long = '业主反映'.repeat(10); // 40 characters
    const c = registered({ description: long });
    expect(Array.from(c.subject)).toHaveLength(30);
    expect(c.subject).toBe(long.slice(0, 30));
    expect(registered({ subject: '漏水' }).subject).toBe('漏水');
    expect(subjectOf('  a\n  b  ')).toBe('a b');
  });

  it('refuses a received time in the future', () => {
    expectError(() => register(input({ receivedAt: at('2026-11-20T15:00:01+08:00') }), '261120001', null, k(RECEIVED)), UsageError, 'register.future');
  });

  it.each([
    [{ safety: true }, null, 'major', '2026-11-20T17:00:00+08:00'],
    [{ media: true }, null, 'major', '2026-11-20T17:00:00+08:00'],
    [{ households: 5 }, null, 'major', '2026-11-20T17:00:00+08:00'],
    [{ claimFen: 2_000_000 }, null, 'major', '2026-11-20T17:00:00+08:00'],
    [{ claimFen: 500_000 }, null, 'important', '2026-11-21T15:00:00+08:00'],
    [{}, '261101001', 'important', '2026-11-21T15:00:00+08:00'],
  ] as const)('%j repeatOf=%s → %s, contact due %s', (over, repeatOf, severity, contactDue) => {
    const c = registered(over, repeatOf);
    expect(c.severity).toBe(severity);
    expect(c.repeatOf).toBe(repeatOf);
    expect(iso(c.deadlines.contact)).toBe(contactDue);
    // important and major: 7 working days to resolve
    expect(iso(c.deadlines.resolve)).toBe('2026-12-01T23:59:59+08:00');
  });
});

describe('classify', () => {
  it('sets category, subcategory and validity', () => {
    const { next, events } = classify(registered(), { category: 'construction_quality', subcategory: 'leak', validity: 'valid' }, null, k(MON));
    expect(next).toMatchObject({ category: 'construction_quality', subcategory: 'leak', validity: 'valid' });
    expect(events[0].action).toBe('classify');
    expect(events[0].before).toEqual({ category: 'property_service', validity: 'unverified' });
  });

  it.each(['invalid', 'malicious'] as const)('marking %s needs a reason', (validity) => {
    expectError(() => classify(registered(), { validity }, null, k(MON)), UsageError, 'classify.validityReason');
    const { next } = classify(registered(), { validity, reason: '重复登记' }, null, k(MON));
    expect(next.validity).toBe(validity);
    expect(next.validityReason).toBe('重复登记');
  });

  it('raising severity recomputes open deadlines from the original start', () => {
    const { next } = classify(registered(), { severity: 'major' }, null, k(MON));
    expect(next.severity).toBe('major');
    expect(iso(next.deadlines.contact)).toBe('2026-11-20T17:00:00+08:00');
    expect(iso(next.deadlines.resolve)).toBe('2026-12-01T23:59:59+08:00');
  });

  it('a deadline already met stays on record when severity changes', () => {
    const contacted = contact(registered(), null, k('2026-11-20T16:00:00+08:00')).next;
    const { next } = classify(contacted, { severity: 'major' }, null, k(MON));
    expect(next.deadlines.contact).toBe(contacted.deadlines.contact);
  });

  it('lowering severity needs a reason, and then the rules do not raise it again by themselves', () => {
    const repeat = registered({}, '261101001');
    expect(repeat.severity).toBe('important');
    expectError(() => classify(repeat, { severity: 'general' }, null, k(MON)), UsageError, 'classify.lowerReason');
    const { next } = classify(repeat, { severity: 'general', reason: '非同一问题' }, null, k(MON));
    expect(next.severity).toBe('general');
    expect(iso(next.deadlines.resolve)).toBe('2026-11-25T23:59:59+08:00');
  });

  it('a lowered severity stays lowered when something else is classified later', () => {
    const major = registered({ safety: true });
    const lowered = classify(major, { severity: 'general', reason: '隐患已排除' }, null, k(MON)).next;
    expect(lowered.severity).toBe('general');
    const later = classify(lowered, { subcategory: 'repair', validity: 'valid' }, null, k(WED)).next;
    expect(later.severity).toBe('general');
    const repeat = classify(registered({}, '261101001'), { severity: 'general', reason: '非同一问题' }, null, k(MON)).next;
    expect(classify(repeat, { validity: 'valid' }, null, k(WED)).next.severity).toBe('general');
  });

  it('a newly found repeat raises a general complaint to important', () => {
    const { next } = classify(registered({ category: null }), { category: 'property_service' }, '261101001', k(MON));
    expect(next.repeatOf).toBe('261101001');
    expect(next.severity).toBe('important');
  });

  it('cannot classify a closed complaint', () => {
    expectError(() => classify(closed(), { category: 'other' }, null, k(MON)), StateError, 'state.notAllowed');
  });
});

describe('assign and transfer', () => {
  it('the first assign hands it to a department; a second one is a transfer', () => {
    const first = assign(registered(), '工程部', '张工', '请尽快', k(MON));
    expect(first.next).toMatchObject({ status: 'assigned', department: '工程部', assignee: '张工' });
    expect(first.events[0]).toMatchObject({ action: 'assign', note: '请尽快' });
    const second = assign(first.next, '秩序部', null, null, k(MON));
    expect(second.next).toMatchObject({ status: 'assigned', department: '秩序部', assignee: null });
    expect(second.events[0].action).toBe('transfer');
    expect(second.events[0].before).toEqual({ department: '工程部', assignee: '张工' });
    expect(second.events[0].after).toEqual({ department: '秩序部', assignee: null });
  });

  it('the same department and person again is refused', () => {
    expectError(() => assign(assigned(), '工程部', '张工', null, k(MON)), StateError, 'assign.same');
  });

  it('cannot assign a resolved or closed complaint', () => {
    expectError(() => assign(resolved(), '秩序部', null, null, k(MON)), StateError, 'state.notAllowed');
    expectError(() => assign(closed(), '秩序部', null, null, k(MON)), StateError, 'state.notAllowed');
  });
});

describe('contact and note', () => {
  it('the first contact sets contactedAt; later ones only the last contact', () => {
    const first = contact(assigned(), '已电话联系', k(MON)).next;
    expect(iso(first.contactedAt)).toBe('2026-11-23T10:00:00+08:00');
    const second = contact(first, null, k(WED)).next;
    expect(second.contactedAt).toBe(first.contactedAt);
    expect(second.lastContactAt).toBe(at(WED));
  });

  it('cannot contact about a closed complaint', () => {
    expectError(() => contact(closed(), null, k(WED)), StateError);
  });

  it('a note needs text and is recorded as is', () => {
    expectError(() => addNote(assigned(), '   ', k(MON)), UsageError, 'note.empty');
    const { next, events } = addNote(assigned(), ' 维修工已到场 ', k(MON));
    expect(events).toEqual([{ action: 'note', before: null, after: null, note: '维修工已到场' }]);
    // A note is internal: only contact with the complainant resets the weekly contact (SPEC §11).
    expect(next.lastContactAt).toBe(assigned().lastContactAt);
  });
});

describe('resolve', () => {
  it('a complaint waits for its call-back, due from resolvedAt', () => {
    const { next, events } = resolve(assigned(), RES, k(WED));
    expect(next.status).toBe('resolved');
    expect(next.resolvedAt).toBe(at(WED));
    expect(next.resolution).toBe('已更换水管');
    expect(iso(next.deadlines.followUp)).toBe('2026-12-02T23:59:59+08:00');
    expect(next.deadlines.resolve).toBe(assigned().deadlines.resolve);
    expect(events[0].action).toBe('resolve');
  });

  it('a registered complaint may be resolved directly (answered on the spot)', () => {
    expect(resolve(registered(), RES, k(RECEIVED)).next.status).toBe('resolved');
  });

  it.each(['suggestion', 'inquiry', 'praise'] as const)('resolving a %s closes it, with no call-back owed', (kind: Kind) => {
    const { next } = resolve(registered({ kind }), RES, k(WED));
    expect(next.status).toBe('closed');
    expect(next.closedAt).toBe(at(WED));
    expect(next.deadlines.followUp).toBeNull();
    expectError(() => followUp(next, { satisfaction: 1, method: 'phone', note: null }, k(WED)), StateError);
  });

  it('cannot resolve a resolved or closed complaint', () => {
    expectError(() => resolve(resolved(), RES, k(WED)), StateError, 'state.notAllowed');
    expectError(() => resolve(closed(), RES, k(WED)), StateError, 'state.notAllowed');
  });

  it('needs a resolution', () => {
    expectError(() => resolve(assigned(), { ...RES, resolution: '  ' }, k(WED)), UsageError, 'resolve.resolutionRequired');
  });

  it.each([
    [10_000, 'department_head'],
    [499_999, 'department_head'],
    [500_000, 'general_manager'],
    [680_000, 'general_manager'],
    [2_000_000, 'compensation_committee'],
  ] as const)('a cost of %i fen needs approval by the %s', (costFen, level) => {
    expectError(() => resolve(assigned(), { ...RES, costFen }, k(WED)), UsageError, 'resolve.approvalRequired');
    const { next } = resolve(assigned(), { ...RES, costFen, approvedBy: '李总' }, k(WED));
    expect(next.costFen).toBe(costFen);
    expect(next.approvedBy).toBe('李总');
    expect(next.approvalLevel).toBe(level);
  });

  it('no cost needs no approval', () => {
    const { next } = resolve(assigned(), { ...RES, costFen: 0 }, k(WED));
    expect(next.approvalLevel).toBeNull();
    expect(next.approvedBy).toBeNull();
  });
});

describe('follow-up (回访)', () => {
  const THU = '2026-11-26T10:00:00+08:00';

  it.each([1, 2, 3])('satisfaction %i closes it', (satisfaction) => {
    const { next, events } = followUp(resolved(), { satisfaction, method: 'visit', note: '满意' }, k(THU));
    expect(next.status).toBe('closed');
    expect(next.closedAt).toBe(at(THU));
    expect(next.followUp).toEqual({ at: at(THU), method: 'visit', satisfaction, note: '满意' });
    expect(events.map((e) => e.action)).toEqual(['follow-up']);
  });

  it.each([
    [4, 'general', 'important', '2026-12-07T23:59:59+08:00', false], // 7 working days from Thursday
    [5, 'general', 'important', '2026-12-07T23:59:59+08:00', false],
    [4, 'important', 'major', '2026-12-07T23:59:59+08:00', false],
    [4, 'major', 'major', '2026-12-07T23:59:59+08:00', true],
    [5, 'major', 'major', '2026-12-07T23:59:59+08:00', true],
  ] as const)('satisfaction %i on a %s complaint reopens it as %s, resolve due %s, flagged %s', (satisfaction, from, to, due, flagged) => {
    const over = from === 'important' ? { claimFen: 500_000 } : from === 'major' ? { safety: true } : {};
    const before = resolved(over);
    expect(before.severity).toBe(from);
    const { next, events } = followUp(before, { satisfaction, method: 'phone', note: '仍有渗水' }, k(THU));
    expect(next.status).toBe('assigned');
    expect(next.department).toBe('工程部');
    expect(next.severity).toBe(to);
    expect(next.flagged).toBe(flagged);
    expect(next.resolvedAt).toBeNull();
    expect(next.resolveFrom).toBe(at(THU));
    expect(iso(next.deadlines.resolve)).toBe(due);
    expect(next.deadlines.followUp).toBeNull();
    expect(next.followUp?.satisfaction).toBe(satisfaction);
    expect(events.map((e) => e.action)).toEqual(['follow-up', 'reopen']);
  });

  it.each([0, 6, 2.5])('satisfaction %d is refused', (satisfaction) => {
    expectError(() => followUp(resolved(), { satisfaction, method: 'phone', note: null }, k(THU)), UsageError, 'followUp.satisfaction');
  });

  it('cannot call back a complaint that is not resolved', () => {
    expectError(() => followUp(registered(), { satisfaction: 1, method: 'phone', note: null }, k(THU)), StateError, 'state.notAllowed');
    expectError(() => followUp(assigned(), { satisfaction: 1, method: 'phone', note: null }, k(THU)), StateError, 'state.notAllowed');
    expectError(() => followUp(closed(), { satisfaction: 1, method: 'phone', note: null }, k(THU)), StateError, 'state.notAllowed');
  });

  it('a failed attempt is logged and leaves it resolved', () => {
    const { next, events } = attempt(resolved(), 'no_answer', null, k(THU));
    expect(next.status).toBe('resolved');
    expect(next.attempts).toEqual([{ at: at(THU), outcome: 'no_answer', note: null }]);
    expect(events[0]).toMatchObject({ action: 'follow-up-attempt', after: { outcome: 'no_answer' } });
    expectError(() => attempt(assigned(), 'no_answer', null, k(THU)), StateError);
  });
});

describe('close', () => {
  const attempts = (c: Complaint, times: string[]) => times.reduce((x, t) => attempt(x, 'no_answer', null, k(t)).next, c);

  const why = (reason: Closing['reason'], note: string | null = null, of: string | null = null): Closing => ({ reason, note, of });

  it('an open complaint entered by mistake closes as invalid, which marks it invalid with the reason', () => {
    const { next, events } = close(registered(), why('invalid', '误登记'), k(MON));
    expect(next).toMatchObject({ status: 'closed', closeReason: 'invalid', closedAt: at(MON), validity: 'invalid', validityReason: '误登记' });
    expect(events[0]).toMatchObject({ action: 'close', note: '误登记' });
  });

  it('closing as invalid needs the reason in words, unless already found invalid', () => {
    expectError(() => close(registered(), why('invalid'), k(MON)), UsageError, 'classify.validityReason');
    const invalid = classify(registered(), { validity: 'invalid', reason: '误登记' }, null, k(MON)).next;
    expect(close(invalid, why('invalid'), k(MON)).next).toMatchObject({ closeReason: 'invalid', validityReason: '误登记' });
  });

  it('a duplicate names the complaint it duplicates, never itself', () => {
    expectError(() => close(registered(), why('duplicate'), k(MON)), UsageError, 'close.duplicateOf');
    expectError(() => close(registered(), why('duplicate', null, registered().ticket), k(MON)), UsageError, 'close.ofItself');
    expect(close(registered(), why('duplicate', null, '261120009'), k(MON)).next)
      .toMatchObject({ status: 'closed', closeReason: 'duplicate', duplicateOf: '261120009' });
  });

  it('withdrawn and merged close an open complaint before it is resolved', () => {
    expect(close(assigned(), why('withdrawn', '业主撤诉'), k(MON)).next).toMatchObject({ closeReason: 'withdrawn', duplicateOf: null });
    expect(close(assigned(), why('merged', null, '261120009'), k(MON)).next).toMatchObject({ closeReason: 'merged', duplicateOf: '261120009' });
  });

  it('a resolved complaint is owed its call-back: withdrawn, duplicate or merged do not end it', () => {
    for (const reason of ['withdrawn', 'duplicate', 'merged'] as const) {
      expectError(() => close(resolved(), why(reason, null, '261120009'), k(WED)), StateError, 'close.callBackOwed');
    }
  });

  it('unreachable is only for a complaint awaiting its call-back', () => {
    expectError(() => close(assigned(), why('unreachable'), k(WED)), StateError, 'close.unreachableNotOwed');
  });

  it('unreachable needs failed attempts on 3 different days', () => {
    const sameDay = attempts(resolved(), ['2026-11-26T09:00:00+08:00', '2026-11-26T14:00:00+08:00', '2026-11-26T18:00:00+08:00']);
    expect(failedAttemptDays(sameDay, TZ)).toBe(1);
    expectError(() => close(sameDay, why('unreachable'), k('2026-11-26T19:00:00+08:00')), StateError, 'close.unreachableAttempts');
    const twoDays = attempts(resolved(), ['2026-11-26T09:00:00+08:00', '2026-11-27T09:00:00+08:00']);
    expectError(() => close(twoDays, why('unreachable'), k('2026-11-27T19:00:00+08:00')), StateError, 'close.unreachableAttempts');
    const threeDays = attempts(resolved(), ['2026-11-26T09:00:00+08:00', '2026-11-27T09:00:00+08:00', '2026-11-30T09:00:00+08:00']);
    expect(failedAttemptDays(threeDays, TZ)).toBe(3);
    const { next } = close(threeDays, why('unreachable'), k('2026-11-30T19:00:00+08:00'));
    expect(next).toMatchObject({ status: 'closed', closeReason: 'unreachable', followUp: null });
  });

  it('days are office-local: 23:30 and 00:30 Shanghai time are two days', () => {
    const c = attempts(resolved(), ['2026-11-26T23:30:00+08:00', '2026-11-27T00:30:00+08:00']);
    expect(failedAttemptDays(c, TZ)).toBe(2);
  });

  it('a resolved complaint marked invalid may be closed without a call-back', () => {
    const invalid = classify(resolved(), { validity: 'malicious', reason: '恶意投诉' }, null, k(WED)).next;
    expect(close(invalid, why('withdrawn'), k(WED)).next.status).toBe('closed');
  });

  it('cannot close a closed complaint', () => {
    expectError(() => close(closed(), why('withdrawn'), k(WED)), StateError, 'state.notAllowed');
  });
});

describe('reopen, escalate, extend', () => {
  it('reopen brings a resolved or closed complaint back one level up, with a new resolve deadline from now', () => {
    const THU = '2026-11-26T10:00:00+08:00';
    for (const c of [resolved(), closed()]) {
      const { next, events } = reopen(c, '业主反映再次漏水', k(THU));
      expect(next).toMatchObject({ status: 'assigned', severity: 'important', resolvedAt: null, closedAt: null, closeReason: null });
      expect(iso(next.deadlines.resolve)).toBe('2026-12-07T23:59:59+08:00');
      expect(events[0]).toMatchObject({ action: 'reopen', note: '业主反映再次漏水' });
    }
    expectError(() => reopen(assigned(), 'x', k(THU)), StateError, 'state.notAllowed');
    expectError(() => reopen(resolved(), ' ', k(THU)), UsageError, 'reason.required');
  });

  it('escalate raises one level by default, or to a named level; never sideways or down', () => {
    const one = escalate(assigned(), null, '业主情绪激动', k(MON)).next;
    expect(one.severity).toBe('important');
    expect(iso(one.deadlines.resolve)).toBe('2026-12-01T23:59:59+08:00');
    const major = escalate(assigned(), 'major', '业主已向12345投诉', k(MON)).next;
    expect(major.severity).toBe('major');
    expectError(() => escalate(major, null, 'again', k(MON)), StateError, 'escalate.notHigher');
    expectError(() => escalate(one, 'general', 'down', k(MON)), StateError, 'escalate.notHigher');
    expectError(() => escalate(assigned(), null, '', k(MON)), UsageError, 'reason.required');
    expectError(() => escalate(closed(), null, 'x', k(MON)), StateError, 'state.notAllowed');
  });

  it('extend sets a later resolve deadline agreed with the complainant', () => {
    const until = at('2026-12-10T23:59:59+08:00');
    const { next, events } = extend(assigned(), until, '需厂家更换配件', '王女士', k(MON));
    expect(next.extendedUntil).toBe(until);
    expect(next.deadlines.resolve).toBe(until);
    expect(events[0].note).toContain('王女士');
    expectError(() => extend(assigned(), at('2026-11-24T23:59:59+08:00'), 'r', 'a', k(MON)), UsageError, 'extend.notLater');
    expectError(() => extend(assigned(), until, 'r', ' ', k(MON)), UsageError, 'extend.reasonAgreed');
    expectError(() => extend(resolved(), until, 'r', 'a', k(WED)), StateError, 'state.notAllowed');
  });
});

describe('the whole way through', () => {
  it('register → classify → assign → transfer → contact → resolve → follow-up 2 → closed', () => {
    let c = registered();
    c = classify(c, { validity: 'valid' }, null, k(RECEIVED)).next;
    c = assign(c, '工程部', '张工', null, k(RECEIVED)).next;
    c = assign(c, '秩序部', '刘队', null, k(MON)).next;
    c = contact(c, null, k(MON)).next;
    c = resolve(c, RES, k(WED)).next;
    c = followUp(c, { satisfaction: 2, method: 'phone', note: null }, k('2026-11-26T10:00:00+08:00')).next;
    expect(c).toMatchObject({ status: 'closed', department: '秩序部', assignee: '刘队', validity: 'valid', closeReason: 'followed_up' });
    expect(c.contactedAt! <= c.deadlines.contact).toBe(false); // contacted Monday, due Saturday 15:00: late
    expect(c.resolvedAt! <= c.deadlines.resolve).toBe(true);
  });
});
