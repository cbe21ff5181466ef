// Deadlines of SPEC §5: contact in clock hours from receipt; resolve and
// call-back in working days, ending 23:59:59 local on the Nth working day
// after the day they start from.
import type { ChaseRow, Complaint, Deadlines, Instant } from './types.js';
import type { Settings } from './settings.js';
import { workdaysBetween, type WorkCalendar } from './workdays.js';
import { dateOfDay, HOUR, localDate, localDay, yearOf } from './time.js';
import { dueUnder } from './deadline-rule.js';
import { COLUMN_STEPS, ruleFor, stepJsonKey, stepsInForce, type StepDef, type StepState } from './steps.js';
import type { ReportUp } from './report-up.js';

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

type DeadlineFacts = Pick<Complaint, 'severity' | 'kind' | 'category' | 'receivedAt' | 'resolveFrom' | 'resolvedAt' | 'extendedUntil'>
  & { earlier?: Complaint['earlier'] };

/** A due no later than the case's own earlier deadline for that step, when one was set. */
export function capped(due: Instant | null, earlier: { due: Instant } | undefined): Instant | null {
  return earlier && (due === null || earlier.due < due) ? earlier.due : due;
}

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
  const e = c.earlier ?? {};
  return {
    contact: capped(stepDue(c, 'contact', c.receivedAt, k), e.contact)!,
    resolve: c.extendedUntil !== null && c.extendedUntil > resolve ? c.extendedUntil : capped(resolve, e.resolve)!,
    followUp: c.resolvedAt !== null && c.kind === 'complaint' ? capped(stepDue(c, 'follow_up', c.resolvedAt, k), e.follow_up) : null,
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
  /** The step's JSON name (siteCheck, followUp…). */
  step: string;
  /** The step's key in the procedure (site_check, follow_up…): its label and settings. */
  key: string;
  due: Instant;
  /** met/late: the step happened; pending/overdue: it has not; void: closed without it. */
  state: 'met' | 'late' | 'pending' | 'overdue' | 'void';
  /** Whole hours to go (pending) or past (late, overdue). */
  hours: number;
  /** Working days to go (pending) or past (late, overdue). */
  workdays: number;
  /** The calendar had no official data for the due date's year. */
  provisional: boolean;
  /** For a report up: to whom and how. */
  role?: string;
  via?: string;
}

/** What a deadline's state depends on: a whole complaint, or a narrow row of one (whose steps are those owed). */
export type DeadlineSubject = Pick<ChaseRow, 'status' | 'deadlines' | 'contactedAt' | 'resolvedAt' | 'followUp'>
  & { steps?: Record<string, StepState>; reportUps?: readonly ReportUp[] };

/** The due of any step of a complaint: a column's, or the procedure's other steps'. */
export function dueOfStep(c: Pick<Complaint, 'deadlines' | 'steps'>, key: string): Instant | null {
  const column = COLUMN_STEPS[key as keyof typeof COLUMN_STEPS];
  return column ? c.deadlines[column] : c.steps[key]?.due ?? null;
}

function stepDoneAt(c: DeadlineSubject, step: DeadlineStep): Instant | null {
  if (step === 'contact') return c.contactedAt;
  if (step === 'resolve') return c.resolvedAt;
  return c.followUp && c.resolvedAt !== null && c.followUp.at >= c.resolvedAt ? c.followUp.at : null;
}

/**
 * What a deadline's state needs of the local day it falls on, worked out once
 * per calendar and day: the morning chase asks for a hundred thousand
 * deadlines on a few hundred days, and counting working days afresh for each
 * (dates as text, lookups by year) was a good part of its time.
 */
interface DayFacts {
  date: string;
  /** The calendar had no official data for the day's year. */
  provisional: boolean;
  /** Working days from this day to a later one (by day number), as counted so far. */
  workdaysTo: Map<number, number>;
}

const daysByCalendar = new WeakMap<WorkCalendar, Map<number, DayFacts>>();

function dayFacts(cal: WorkCalendar, day: number): DayFacts {
  let byDay = daysByCalendar.get(cal);
  if (!byDay) daysByCalendar.set(cal, (byDay = new Map()));
  let facts = byDay.get(day);
  if (facts === undefined) {
    const date = dateOfDay(day);
    byDay.set(day, (facts = { date, provisional: !cal.covers(yearOf(date)), workdaysTo: new Map() }));
  }
  return facts;
}

/** Working days after the deadline's day through the day of `t` (SPEC §5's "overdue by N working days"). */
function workdaysPast(k: Clock, dueDay: DayFacts, t: Instant): number {
  const day = localDay(t, k.tz);
  let n = dueDay.workdaysTo.get(day);
  if (n === undefined) dueDay.workdaysTo.set(day, (n = workdaysBetween(k.calendar, dueDay.date, dateOfDay(day))));
  return n;
}

/** Built whole, one shape for all: `overdue` makes tens of thousands of these. */
function status(step: string, key: string, due: Instant, provisional: boolean, state: DeadlineStatus['state'], hours: number, workdays: number): DeadlineStatus {
  return { step, key, due, provisional, state, hours, workdays };
}

function statusOf(key: string, due: Instant | null, done: Instant | null, closed: boolean, now: Instant, k: Clock, overdueOnly = false): DeadlineStatus | null {
  if (due === null) return null;
  if (overdueOnly && (done !== null || closed || now <= due)) return null;
  const step = stepJsonKey(key);
  const dueDay = dayFacts(k.calendar, localDay(due, k.tz));
  const { provisional } = dueDay;
  if (done !== null) {
    return done <= due ? status(step, key, due, provisional, 'met', 0, 0)
      : status(step, key, due, provisional, 'late', Math.floor((done - due) / HOUR), workdaysPast(k, dueDay, done));
  }
  if (closed) return status(step, key, due, provisional, 'void', 0, 0);
  if (now <= due) return status(step, key, due, provisional, 'pending', Math.ceil((due - now) / HOUR), workdaysBetween(k.calendar, localDate(now, k.tz), dueDay.date));
  return status(step, key, due, provisional, 'overdue', Math.floor((now - due) / HOUR), workdaysPast(k, dueDay, now));
}

/** The step key of each deadline the complaint row holds (followUp → follow_up). */
const STEP_KEY_OF = Object.fromEntries(Object.entries(COLUMN_STEPS).map(([key, column]) => [column, key])) as Record<DeadlineStep, string>;

export function deadlineStatus(c: DeadlineSubject, step: DeadlineStep, now: Instant, k: Clock, overdueOnly = false): DeadlineStatus | null {
  return statusOf(STEP_KEY_OF[step], c.deadlines[step], stepDoneAt(c, step), c.status === 'closed', now, k, overdueOnly);
}

export interface StatusesOptions {
  /** The steps in force, when the caller has them: the chase asks for thousands of complaints under one procedure. */
  steps?: readonly StepDef[];
  /** Only those past due and not done (the chase): no working days counted for the rest. */
  overdueOnly?: boolean;
}

/**
 * Every deadline of a complaint in the procedure's order (dispatch, contact,
 * site check, plan, resolve, feedback, call-back, the office's own), each
 * with its state; steps switched off are left out.
 */
export function deadlineStatuses(c: DeadlineSubject, now: Instant, k: Clock, o: StatusesOptions = {}): DeadlineStatus[] {
  const closed = c.status === 'closed';
  const only = o.overdueOnly ?? false;
  const out: DeadlineStatus[] = [];
  for (const def of o.steps ?? stepsInForce(k.settings.procedure)) {
    const own = COLUMN_STEPS[def.key as keyof typeof COLUMN_STEPS];
    const st = own ? deadlineStatus(c, own, now, k, only) : c.steps?.[def.key] ? statusOf(def.key, c.steps[def.key].due, c.steps[def.key].doneAt, closed, now, k, only) : null;
    if (st) out.push(st);
  }
  // Reports up count from reaching the severity, whatever the complaint's state since: owed until made.
  for (const r of c.reportUps ?? []) {
    const st = statusOf('report_up', r.due, r.doneAt, false, now, k, only);
    if (st) out.push({ ...st, step: 'reportUp', role: r.role, via: r.via });
  }
  return out;
}

/**
 * The deadline a list shows for a complaint: the earliest of those still owed
 * (past due or pending); null when none is (closed, or every step done).
 */
export function nextDeadline(statuses: readonly DeadlineStatus[]): DeadlineStatus | null {
  let next: DeadlineStatus | null = null;
  for (const d of statuses) if ((d.state === 'pending' || d.state === 'overdue') && (next === null || d.due < next.due)) next = d;
  return next;
}
