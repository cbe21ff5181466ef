// Correcting what was taken down at intake (SPEC §13 `edit`): a mistyped
// phone, a wrong received time. Pure: the command reads and saves.
import type { Channel, Complaint, Instant } from './types.js';
import { OPEN_STATUSES } from './types.js';
import { UsageError } from './errors.js';
import { computeDeadlines } from './deadlines.js';
import { diff, subjectOf, withRules, withSteps, type Ctx, type Step } from './lifecycle.js';
import { localDateTime } from './time.js';

/** The facts of intake a person may correct, as the domain holds them. */
export interface IntakeFacts {
  name: string;
  phone: string | null;
  estate: string | null;
  unit: string | null;
  subject: string;
  description: string;
  demand: string | null;
  channel: Channel;
  receivedAt: Instant;
  households: number;
  claimFen: number | null;
  safety: boolean;
  media: boolean;
  /** The incident's facts (SPEC §12): whom it is about, when and where it happened. */
  about: string | null;
  happenedAt: Instant | null;
  place: string | null;
}

export type IntakeField = keyof IntakeFacts;

/**
 * How each fact is read from and written to a complaint, in the order the
 * desk offers them. A fact added to intake later is one line here (and its
 * flag one line in commands/edit.ts).
 */
const FACTS: { [F in IntakeField]: { get(c: Complaint): IntakeFacts[F]; set(c: Complaint, v: IntakeFacts[F]): Complaint } } = {
  name: { get: (c) => c.complainant.name, set: (c, name) => ({ ...c, complainant: { ...c.complainant, name } }) },
  phone: { get: (c) => c.complainant.phone, set: (c, phone) => ({ ...c, complainant: { ...c.complainant, phone } }) },
  estate: { get: (c) => c.complainant.estate, set: (c, estate) => ({ ...c, complainant: { ...c.complainant, estate } }) },
  unit: { get: (c) => c.complainant.unit, set: (c, unit) => ({ ...c, complainant: { ...c.complainant, unit } }) },
  subject: { get: (c) => c.subject, set: (c, subject) => ({ ...c, subject }) },
  description: { get: (c) => c.description, set: (c, description) => ({ ...c, description }) },
  demand: { get: (c) => c.demand, set: (c, demand) => ({ ...c, demand }) },
  channel: { get: (c) => c.channel, set: (c, channel) => ({ ...c, channel }) },
  receivedAt: { get: (c) => c.receivedAt, set: (c, receivedAt) => ({ ...c, receivedAt }) },
  households: { get: (c) => c.households, set: (c, households) => ({ ...c, households }) },
  claimFen: { get: (c) => c.claimFen, set: (c, claimFen) => ({ ...c, claimFen }) },
  safety: { get: (c) => c.safety, set: (c, safety) => ({ ...c, safety }) },
  media: { get: (c) => c.media, set: (c, media) => ({ ...c, media }) },
  about: { get: (c) => c.about, set: (c, about) => ({ ...c, about }) },
  happenedAt: { get: (c) => c.happenedAt, set: (c, happenedAt) => ({ ...c, happenedAt }) },
  place: { get: (c) => c.place, set: (c, place) => ({ ...c, place }) },
};

export const INTAKE_FIELDS = Object.keys(FACTS) as IntakeField[];

export function intakeValue<F extends IntakeField>(c: Complaint, field: F): IntakeFacts[F] {
  return FACTS[field].get(c);
}

/** The complaint holding the given facts (nothing else recomputed: see edit()). */
export function withFacts(c: Complaint, facts: Partial<IntakeFacts>): Complaint {
  let next = c;
  for (const f of INTAKE_FIELDS) if (facts[f] !== undefined) next = FACTS[f].set(next, facts[f] as never);
  return next;
}

/** The given facts that differ from the complaint's. */
export function changedFacts(c: Complaint, changes: Partial<IntakeFacts>): Partial<IntakeFacts> {
  const out: Partial<IntakeFacts> = {};
  for (const f of INTAKE_FIELDS) {
    const v = changes[f];
    if (v !== undefined && v !== FACTS[f].get(c)) (out as Record<string, unknown>)[f] = v;
  }
  return out;
}

/**
 * The complaint with its intake facts corrected. The rules of severity are
 * applied again (they only raise it; on a closed complaint without moving
 * any deadline); a moved received time moves the deadlines counted from it.
 * `repeatOf`: an earlier complaint the corrected caller repeats, found by the
 * caller of this function.
 */
export function edit(c: Complaint, changes: Partial<IntakeFacts>, reason: string, repeatOf: string | null, k: Ctx): Step {
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'edit' });
  const given = changedFacts(c, changes);
  if (!Object.keys(given).length) throw new UsageError('edit.nothing');
  if (given.name !== undefined && !given.name.trim()) throw new UsageError('edit.empty', { field: 'name' });
  if (given.description !== undefined && !given.description.trim()) throw new UsageError('edit.empty', { field: 'description' });
  let next = withFacts(c, given);
  // A subject left empty, or one that was the description's opening, follows the description.
  if (given.subject !== undefined && !given.subject.trim()) next = { ...next, subject: subjectOf(next.description) };
  else if (given.description !== undefined && given.subject === undefined && c.subject === subjectOf(c.description)) {
    next = { ...next, subject: subjectOf(next.description) };
  }
  if (given.receivedAt !== undefined) next = movedReceipt(c, next, k);
  next = { ...next, repeatOf: c.repeatOf ?? repeatOf };
  if (OPEN_STATUSES.includes(c.status)) next = withRules(next, k);
  else next = withRules(next, k, { moveDeadlines: false });
  return { next, events: [{ action: 'edit', ...diff(c, next), note: reason.trim() }] };
}

/**
 * A corrected received time: never in the future, never after a step already
 * taken; the contact deadline, the resolve deadline (unless a reopening
 * restarted it) and the steps counted from receipt move with it.
 */
function movedReceipt(c: Complaint, next: Complaint, k: Ctx): Complaint {
  const at = next.receivedAt;
  if (at > k.now) throw new UsageError('edit.receivedFuture', { at: localDateTime(at, k.tz) });
  const firstStep = [c.contactedAt, c.assignedAt, c.resolvedAt, c.closedAt].filter((x): x is Instant => x !== null);
  if (firstStep.length && at > Math.min(...firstStep)) {
    throw new UsageError('edit.receivedAfterStep', { ticket: c.ticket, at: localDateTime(at, k.tz), step: localDateTime(Math.min(...firstStep), k.tz) });
  }
  const moved: Complaint = { ...next, resolveFrom: c.resolveFrom === c.receivedAt ? at : c.resolveFrom };
  const fresh = computeDeadlines(moved, k);
  return withSteps({ ...moved, deadlines: { contact: fresh.contact, resolve: fresh.resolve, followUp: c.deadlines.followUp } }, k);
}
