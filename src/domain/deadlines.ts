// Deadlines of SPEC §5: contact in clock hours from receipt; resolve and
// call-back in working days, ending 23:59:59 local on the Nth working day
// after the day they start from.
import type { ChaseRow, Complaint, Deadlines, Instant } from './types.js';
import type { Settings } from './settings.js';
import { workdaysBetween, type WorkCalendar } from './workdays.js';
import { HOUR, localDate, yearOf } from './time.js';
import { dueUnder } from './deadline-rule.js';
import { ruleFor } from './steps.js';

export interface Clock {
  settings: Settings;
  calendar: WorkCalendar;
  tz: string;
}

/**
 * Counting starts from the day received; one received on a day off counts
 * from the next working day (SPEC §10's example: Saturday 2026-09-12 with 3
 * working days is due Thursday the 17th; §5's Friday example is unchanged).
 */
export { countingStartDay } from './deadline-rule.js';

export function workdayDeadline(k: Clock, from: Instant, workdays: number): Instant {
  return dueUnder({ unit: 'wd', n: workdays }, from, k.calendar, k.tz)!;
}

type DeadlineFacts = Pick<Complaint, 'severity' | 'kind' | 'category' | 'receivedAt' | 'resolveFrom' | 'resolvedAt' | 'extendedUntil'>;

/** When a step counted from `from` is due for this complaint under the office's procedure; null when it has no deadline. */
export function stepDue(c: Pick<Complaint, 'severity' | 'kind' | 'category'>, step: string, from: Instant, k: Clock): Instant | null {
  return dueUnder(ruleFor(k.settings.procedure, step, c), from, k.calendar, k.tz);
}

/**
 * The contact, resolve and call-back deadlines as the rules give them now.
 * Contact and resolve are always in force (config refuses `none` for them).
 */
export function computeDeadlines(c: DeadlineFacts, k: Clock): Deadlines {
  const resolve = stepDue(c, 'resolve', c.resolveFrom, k)!;
  return {
    contact: stepDue(c, 'contact', c.receivedAt, k)!,
    resolve: c.extendedUntil !== null && c.extendedUntil > resolve ? c.extendedUntil : resolve,
    followUp: c.resolvedAt !== null && c.kind === 'complaint' ? stepDue(c, 'follow_up', c.resolvedAt, k) : null,
  };
}

/**
 * Recomputes only the deadlines still open (SPEC §5: a severity change moves
 * what is not yet done; a deadline already met or missed stays on record).
 */
export function refreshOpenDeadlines(c: Complaint, k: Clock): Deadlines {
  const fresh = computeDeadlines(c, k);
  return {
    contact: c.contactedAt === null ? fresh.contact : c.deadlines.contact,
    resolve: c.resolvedAt === null ? fresh.resolve : c.deadlines.resolve,
    followUp: c.followUp === null || (c.resolvedAt !== null && c.followUp.at < c.resolvedAt) ? fresh.followUp : c.deadlines.followUp,
  };
}

export type DeadlineStep = 'contact' | 'resolve' | 'followUp';

export interface DeadlineStatus {
  step: DeadlineStep;
  due: Instant;
  /** met/late: the step happened; pending/overdue: it has not; void: closed without it. */
  state: 'met' | 'late' | 'pending' | 'overdue' | 'void';
  /** Whole hours to go (pending) or past (late, overdue). */
  hours: number;
  /** Working days to go (pending) or past (late, overdue). */
  workdays: number;
  /** The calendar had no official data for the due date's year. */
  provisional: boolean;
}

/** What a deadline's state depends on: a whole complaint, or a narrow row of one. */
export type DeadlineSubject = Pick<ChaseRow, 'status' | 'deadlines' | 'contactedAt' | 'resolvedAt' | 'followUp'>;

function stepDoneAt(c: DeadlineSubject, step: DeadlineStep): Instant | null {
  if (step === 'contact') return c.contactedAt;
  if (step === 'resolve') return c.resolvedAt;
  return c.followUp && c.resolvedAt !== null && c.followUp.at >= c.resolvedAt ? c.followUp.at : null;
}

export function deadlineStatus(c: DeadlineSubject, step: DeadlineStep, now: Instant, k: Clock): DeadlineStatus | null {
  const due = c.deadlines[step];
  if (due === null) return null;
  const done = stepDoneAt(c, step);
  const dueDate = localDate(due, k.tz);
  const provisional = !k.calendar.covers(yearOf(dueDate));
  // Built whole, one shape for all: `overdue` makes tens of thousands of these.
  const status = (state: DeadlineStatus['state'], hours: number, workdays: number): DeadlineStatus => ({ step, due, provisional, state, hours, workdays });
  const after = (state: 'late' | 'overdue', t: Instant) => status(state, Math.floor((t - due) / HOUR), workdaysBetween(k.calendar, dueDate, localDate(t, k.tz)));
  if (done !== null) return done <= due ? status('met', 0, 0) : after('late', done);
  if (c.status === 'closed') return status('void', 0, 0);
  if (now <= due) return status('pending', Math.ceil((due - now) / HOUR), workdaysBetween(k.calendar, localDate(now, k.tz), dueDate));
  return after('overdue', now);
}

export function deadlineStatuses(c: DeadlineSubject, now: Instant, k: Clock): DeadlineStatus[] {
  return (['contact', 'resolve', 'followUp'] as const)
    .map((s) => deadlineStatus(c, s, now, k))
    .filter((s): s is DeadlineStatus => s !== null);
}
