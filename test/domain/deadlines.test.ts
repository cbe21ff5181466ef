import { describe, expect, it } from 'vitest';
import { addWorkdays, weekdayCalendar, workdaysBetween, type WorkCalendar } from '../../src/domain/workdays.js';
import { computeDeadlines, deadlineStatus, workdayDeadline, type Clock } from '../../src/domain/deadlines.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';
import type { Complaint, Kind, Severity } from '../../src/domain/types.js';

const TZ = 'Asia/Shanghai';
const clock: Clock = { settings: DEFAULT_SETTINGS, calendar: weekdayCalendar, tz: TZ };
const at = (text: string): number => {
  const ms = parseInstant(text, TZ);
  if (ms === null) throw new Error(`bad time ${text}`);
  return ms;
};
const iso = (ms: number | null) => (ms === null ? null : isoLocal(ms, TZ));

function facts(receivedAt: string, severity: Severity, kind: Kind = 'complaint', resolvedAt: string | null = null) {
  return {
    severity, kind, category: null, receivedAt: at(receivedAt), resolveFrom: at(receivedAt),
    resolvedAt: resolvedAt === null ? null : at(resolvedAt), extendedUntil: null,
  };
}

describe('working days over the Monday–Friday calendar', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday + 1 → Monday
    ['2026-11-20', 3, '2026-11-25'],
    ['2026-11-21', 1, '2026-11-23'], // Saturday + 1 → Monday
    ['2026-11-22', 5, '2026-11-27'], // Sunday + 5 → Friday
    ['2026-11-23', 5, '2026-11-30'], // Monday + 5 → next Monday
    ['2026-11-20', 0, '2026-11-20'],
    ['2026-12-30', 3, '2027-01-04'], // across a year end
  ])('addWorkdays(%s, %i) = %s', (from, n, to) => {
    expect(addWorkdays(weekdayCalendar, from, n)).toBe(to);
  });

  it.each([
    ['2026-11-20', '2026-11-25', 3],
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-25', '2026-11-20', 0],
    ['2026-11-21', '2026-11-22', 0], // a weekend
    ['2026-11-20', '2026-11-30', 6],
  ])('workdaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(workdaysBetween(weekdayCalendar, from, to)).toBe(n);
  });

  it('the Monday–Friday calendar covers no year officially', () => {
    expect(weekdayCalendar.covers(2026)).toBe(false);
    expect(weekdayCalendar.isWorkday('2026-11-21')).toBe(false);
    expect(weekdayCalendar.isWorkday('2026-11-23')).toBe(true);
  });

  it('counts on whatever calendar it is given (holidays off, 调休 weekend days on)', () => {
    const holidays = new Set(['2026-11-23', '2026-11-24']);
    const makeup = new Set(['2026-11-22']);
    const cal: WorkCalendar = {
      isWorkday: (d) => makeup.has(d) || (!holidays.has(d) && weekdayCalendar.isWorkday(d)),
      covers: () => true,
    };
    // Sunday 22 is worked, Monday 23 and Tuesday 24 are off: 22, 25, 26.
    expect(addWorkdays(cal, '2026-11-20', 3)).toBe('2026-11-26');
    expect(workdaysBetween(cal, '2026-11-20', '2026-11-26')).toBe(3);
  });
});

describe('deadlines (SPEC §5)', () => {
  it('received Friday 2026-11-20 15:00, 3 working days → Wednesday 2026-11-25 23:59:59+08:00', () => {
    expect(iso(workdayDeadline(clock, at('2026-11-20T15:00:00+08:00'), 3))).toBe('2026-11-25T23:59:59+08:00');
    const d = computeDeadlines(facts('2026-11-20T15:00:00+08:00', 'general'), clock);
    expect(iso(d.resolve)).toBe('2026-11-25T23:59:59+08:00');
    expect(iso(d.contact)).toBe('2026-11-21T15:00:00+08:00');
    expect(d.followUp).toBeNull();
  });

  it.each([
    // severity, contact (clock hours), resolve (working days from receipt)
    ['general', '2026-11-21T15:00:00+08:00', '2026-11-25T23:59:59+08:00'],
    ['important', '2026-11-21T15:00:00+08:00', '2026-12-01T23:59:59+08:00'],
    ['major', '2026-11-20T17:00:00+08:00', '2026-12-01T23:59:59+08:00'],
  ] as const)('%s: contact by %s, resolve by %s', (severity, contact, resolve) => {
    const d = computeDeadlines(facts('2026-11-20T15:00:00+08:00', severity), clock);
    expect(iso(d.contact)).toBe(contact);
    expect(iso(d.resolve)).toBe(resolve);
  });

  it.each([
    // call-back counts working days from resolvedAt (Wednesday 2026-11-25)
    ['general', '2026-12-02T23:59:59+08:00'], // 5 working days
    ['important', '2026-12-04T23:59:59+08:00'], // 7
    ['major', '2026-11-27T23:59:59+08:00'], // 2
  ] as const)('%s: call-back due %s', (severity, followUp) => {
    const d = computeDeadlines(facts('2026-11-20T15:00:00+08:00', severity, 'complaint', '2026-11-25T10:00:00+08:00'), clock);
    expect(iso(d.followUp)).toBe(followUp);
  });

  it.each(['suggestion', 'inquiry', 'praise'] as const)('a resolved %s owes no call-back', (kind) => {
    const d = computeDeadlines(facts('2026-11-20T15:00:00+08:00', 'general', kind, '2026-11-25T10:00:00+08:00'), clock);
    expect(d.followUp).toBeNull();
  });

  it('counts from the office-local date, not the UTC date', () => {
    // 00:30 Friday in Shanghai is still Thursday in UTC.
    const d = computeDeadlines(facts('2026-11-20T00:30:00+08:00', 'general'), clock);
    expect(iso(d.resolve)).toBe('2026-11-25T23:59:59+08:00');
    // 23:30 Friday in Shanghai (15:30 UTC) is the same office day.
    expect(iso(computeDeadlines(facts('2026-11-20T23:30:00+08:00', 'general'), clock).resolve)).toBe('2026-11-25T23:59:59+08:00');
  });

  it('an agreed extension replaces the resolve deadline when later', () => {
    const later = { ...facts('2026-11-20T15:00:00+08:00', 'general'), extendedUntil: at('2026-12-10T23:59:59+08:00') };
    expect(iso(computeDeadlines(later, clock).resolve)).toBe('2026-12-10T23:59:59+08:00');
  });

  it('uses configured deadlines', () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.procedure.rules.general = { contact: { unit: 'h', n: 4 }, resolve: { unit: 'wd', n: 1 }, follow_up: { unit: 'wd', n: 1 } };
    const d = computeDeadlines(facts('2026-11-20T15:00:00+08:00', 'general'), { ...clock, settings });
    expect(iso(d.contact)).toBe('2026-11-20T19:00:00+08:00');
    expect(iso(d.resolve)).toBe('2026-11-23T23:59:59+08:00');
  });

  it('SPEC §10 example: received Saturday 2026-09-12 10:00 → resolve 2026-09-17T23:59:59+08:00', () => {
    const d = computeDeadlines(facts('2026-09-12T10:00:00+08:00', 'general'), clock);
    expect(iso(d.contact)).toBe('2026-09-13T10:00:00+08:00');
    expect(iso(d.resolve)).toBe('2026-09-17T23:59:59+08:00');
  });
});

describe('deadlineStatus', () => {
  const base = (over: Partial<Complaint>): Complaint => ({
    id: 1, ticket: '261120001', receivedAt: at('2026-11-20T15:00:00+08:00'), channel: 'phone', kind: 'complaint',
    category: null, subcategory: null, severity: 'general', validity: 'unverified', validityReason: null, status: 'assigned',
    complainant: { name: '王女士', phone: null, estate: null, unit: null }, subject: 's', description: 'd', demand: null,
    receiver: 'li', department: null, assignee: null, households: 1, claimFen: null, safety: false, media: false,
    deadlines: { contact: at('2026-11-21T15:00:00+08:00'), resolve: at('2026-11-25T23:59:59+08:00'), followUp: null },
    resolveFrom: at('2026-11-20T15:00:00+08:00'), extendedUntil: null, contactedAt: null, lastContactAt: null,
    resolvedAt: null, resolution: null, costFen: null, payments: [], responsible: null, responsiblePerson: null, approvedBy: null,
    approvalLevel: null, followUp: null, attempts: [], closedAt: null, closeReason: null, duplicateOf: null, repeatOf: null, flagged: false, disagreedTalks: 0, assignedAt: null, steps: {}, reportUps: [], earlier: {},
    approvals: [], audits: [], group: null, about: null, happenedAt: null, place: null, possiblyInvalid: false, cause: null, correctiveAction: null,
    ...over,
  });

  it('pending before the due time, with hours and working days to go', () => {
    const s = deadlineStatus(base({}), 'resolve', at('2026-11-23T09:00:00+08:00'), clock)!;
    expect(s.state).toBe('pending');
    expect(s.workdays).toBe(2);
    expect(s.provisional).toBe(true);
  });

  it('overdue after it, counting working days past', () => {
    const s = deadlineStatus(base({}), 'resolve', at('2026-11-30T09:00:00+08:00'), clock)!;
    expect(s.state).toBe('overdue');
    expect(s.workdays).toBe(3); // 26, 27, 30
  });

  it('met when the step happened at the due time exactly, late one second after', () => {
    const due = at('2026-11-25T23:59:59+08:00');
    expect(deadlineStatus(base({ resolvedAt: due, status: 'resolved' }), 'resolve', due + 86_400_000, clock)!.state).toBe('met');
    expect(deadlineStatus(base({ resolvedAt: due + 1000, status: 'resolved' }), 'resolve', due + 86_400_000, clock)!.state).toBe('late');
  });

  it('void when closed without the step', () => {
    const s = deadlineStatus(base({ status: 'closed', closedAt: at('2026-11-21T09:00:00+08:00') }), 'contact', at('2026-11-30T09:00:00+08:00'), clock)!;
    expect(s.state).toBe('void');
  });

  it('no status for a deadline that does not exist', () => {
    expect(deadlineStatus(base({}), 'followUp', at('2026-11-30T09:00:00+08:00'), clock)).toBeNull();
  });
});
