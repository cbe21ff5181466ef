// Taking back a complaint's last step (SPEC §13 `undo`). The timeline is
// append-only: the undo is an event of its own that names the events it takes
// back, which stay in the timeline marked as undone and count in no figure.
// Pure: the command reads the complaint and its timeline, and saves.
import type { Complaint, DomainEvent, Instant } from './types.js';
import { StateError, UsageError } from './errors.js';
import { diff, withSteps, type Ctx } from './lifecycle.js';
import { reportLevelsOf } from './report-up.js';
import { COLUMN_STEPS } from './steps.js';

export interface TimelineEvent extends DomainEvent {
  id: number;
  at: Instant;
}

/** The steps a person takes on a complaint, each of which may be taken back. */
export const UNDOABLE_ACTIONS: readonly string[] = [
  'classify', 'assign', 'transfer', 'contact', 'step', 'report-up', 'resolve', 'follow-up', 'follow-up-attempt',
  'close', 'reopen', 'escalate', 'extend', 'edit', 'deadline',
];

/**
 * Events a step records after its own, as its consequence: the reopening of
 * an unsatisfied call-back, the raise after a third failed round of talks.
 * They go with the step.
 */
function isConsequence(e: TimelineEvent): boolean {
  return (e.action === 'reopen' && e.note === 'unsatisfied') || (e.action === 'escalate' && !!e.note?.startsWith('disagreed_talks_'));
}

/** The ids an undo event took back: from `undid` through `through`. */
export function undoneIds(events: readonly TimelineEvent[]): Set<number> {
  const out = new Set<number>();
  for (const e of events) {
    if (e.action !== 'undo' || !e.after) continue;
    const from = Number(e.after.undid);
    const through = Number(e.after.through ?? e.after.undid);
    for (const x of events) if (x.id >= from && x.id <= through) out.add(x.id);
  }
  return out;
}

/** The last step not yet undone: its event and its consequences, oldest first; null when there is none. */
export function lastStep(events: readonly TimelineEvent[]): TimelineEvent[] | null {
  const undone = undoneIds(events);
  const live = events.filter((e) => !undone.has(e.id) && UNDOABLE_ACTIONS.includes(e.action));
  const group: TimelineEvent[] = [];
  for (let i = live.length - 1; i >= 0; i--) {
    group.unshift(live[i]);
    if (!isConsequence(live[i])) return group;
  }
  return null;
}

/** What the database keeps as rows of their own that the undone step wrote: the caller marks them taken back. */
export interface Taken {
  followUp: boolean;
  attempt: boolean;
  payment: boolean;
}

export interface Undo {
  next: Complaint;
  events: DomainEvent[];
  taken: Taken;
}

/**
 * The complaint as it was before its last step, with the undo event. The
 * step's own before-values are put back; what follows from them (steps of the
 * procedure, reports up no longer owed, the last contact) is worked out again.
 */
export function undo(c: Complaint, events: readonly TimelineEvent[], reason: string, k: Ctx): Undo {
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'undo' });
  const group = lastStep(events);
  if (!group) throw new StateError('undo.nothing', { ticket: c.ticket });
  const primary = group[0];
  // A report up made is a record of a call or a letter that happened: the database keeps it as made.
  if (primary.action === 'report-up') throw new StateError('undo.reportUp', { ticket: c.ticket });
  const taken: Taken = { followUp: false, attempt: false, payment: false };
  let next: Complaint = c;
  for (const e of [...group].reverse()) next = putBack(next, e, events, taken);
  if (group.some((e) => e.action === 'contact' || e.action === 'follow-up')) {
    const undone = new Set([...undoneIds(events), ...group.map((e) => e.id)]);
    const contacts = events.filter((e) => !undone.has(e.id) && (e.action === 'contact' || e.action === 'follow-up'));
    next = { ...next, lastContactAt: contacts.length ? contacts[contacts.length - 1].at : null };
  }
  next = withSteps(next, k);
  // Reports up owed for a level the complaint is no longer at are owed no more.
  const levels = reportLevelsOf(next);
  next = { ...next, reportUps: next.reportUps.map((r) => (r.doneAt === null && r.due !== null && !levels.includes(r.level) ? { ...r, due: null } : r)) };
  const event: DomainEvent = { action: 'undo', ...diff(c, next), note: reason.trim() };
  event.after = { ...event.after, undid: primary.id, through: group[group.length - 1].id, step: primary.action };
  return { next, events: [event], taken };
}

function putBack(c: Complaint, e: TimelineEvent, events: readonly TimelineEvent[], taken: Taken): Complaint {
  if (e.action === 'step') {
    const step = String(e.after?.step);
    return { ...c, steps: { ...c.steps, [step]: { due: c.steps[step]?.due ?? null, doneAt: null, note: null } } };
  }
  if (e.action === 'follow-up-attempt') {
    taken.attempt = true;
    return { ...c, attempts: c.attempts.slice(0, -1) };
  }
  if (e.action === 'deadline') return withoutEarlier(c, e, events);
  const next = { ...c, ...(e.before as Partial<Complaint> | null) } as Complaint;
  if (e.action === 'follow-up') taken.followUp = true;
  if (e.action === 'resolve' && e.after?.payment) {
    taken.payment = true;
    return { ...next, payments: c.payments.slice(0, -1) };
  }
  return next;
}

/** An earlier deadline taken back: the one set before it for that step (if any) stands again, and the due it replaced. */
function withoutEarlier(c: Complaint, e: TimelineEvent, events: readonly TimelineEvent[]): Complaint {
  const step = String(e.before?.step);
  const undone = undoneIds(events);
  const prior = events.filter((x) => x.id < e.id && x.action === 'deadline' && !undone.has(x.id) && x.after?.step === step).pop();
  const earlier = { ...c.earlier };
  if (prior) earlier[step] = { due: Number(prior.after!.due), reason: prior.note ?? '' };
  else delete earlier[step];
  const due = (e.before?.due ?? null) as Instant | null;
  const column = COLUMN_STEPS[step as keyof typeof COLUMN_STEPS];
  if (column) return { ...c, earlier, deadlines: { ...c.deadlines, [column]: due } };
  return { ...c, earlier, steps: { ...c.steps, [step]: { ...c.steps[step], due } } };
}
