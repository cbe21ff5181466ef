// The JSON shape of a complaint (SPEC §10): enum keys in English, times with
// the office's offset, money in yuan. This shape is the scripting contract.
import type { Complaint, Instant, Payment } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import type { StoredEvent } from '../storage/events.js';
import { isoLocal } from '../domain/time.js';
import { stepJsonKey } from '../domain/steps.js';
import { dueOfStep } from '../domain/deadlines.js';
import { fenToYuan } from '../domain/money.js';
import { presentFields } from './event-values.js';

const iso = (ms: Instant | null, tz: string) => (ms === null ? null : isoLocal(ms, tz));
const money = (fen: number | null) => (fen === null ? null : fenToYuan(fen));

/**
 * `steps` are the procedure's steps in force, in order (SPEC §11: `deadlines`
 * has one key per step in force, camelCase, null when not yet due).
 */
export function complaintJson(c: Complaint, tz: string, steps: readonly string[] = ['contact', 'resolve', 'follow_up']) {
  return {
    ticket: c.ticket,
    receivedAt: iso(c.receivedAt, tz),
    channel: c.channel,
    kind: c.kind,
    category: c.category,
    subcategory: c.subcategory,
    severity: c.severity,
    validity: c.validity,
    status: c.status,
    complainant: { ...c.complainant },
    subject: c.subject,
    description: c.description,
    demand: c.demand,
    receiver: c.receiver,
    department: c.department,
    assignee: c.assignee,
    households: c.households,
    claim: money(c.claimFen),
    safety: c.safety,
    media: c.media,
    deadlines: deadlinesJson(c, tz, steps),
    contactedAt: iso(c.contactedAt, tz),
    resolvedAt: iso(c.resolvedAt, tz),
    resolution: c.resolution,
    cost: money(c.costFen),
    responsible: c.responsible,
    approvedBy: c.approvedBy,
    followUp: c.followUp && {
      at: iso(c.followUp.at, tz), method: c.followUp.method, satisfaction: c.followUp.satisfaction, note: c.followUp.note,
    },
    closedAt: iso(c.closedAt, tz),
    closeReason: c.closeReason,
    repeatOf: c.repeatOf,
    // Beyond the minimal shape of §10: facts the office also records.
    validityReason: c.validityReason,
    responsiblePerson: c.responsiblePerson,
    approvalLevel: c.approvalLevel,
    extendedUntil: iso(c.extendedUntil, tz),
    flagged: c.flagged,
    /** Every cost recorded (SPEC §12); `cost` is their sum. */
    payments: c.payments.map((p) => paymentJson(p, tz)),
    /** Reports up owed and made (SPEC §11). */
    reportUps: c.reportUps.map((r) => ({
      role: r.role, via: r.via, due: iso(r.due, tz), doneAt: iso(r.doneAt, tz), level: r.level, to: r.to, note: r.note,
    })),
    duplicateOf: c.duplicateOf,
    /** Rounds of talks that ended without agreement (SPEC §11). */
    disagreedTalks: c.disagreedTalks,
    // Accountability (SPEC §12).
    about: c.about,
    happenedAt: iso(c.happenedAt, tz),
    place: c.place,
    possiblyInvalid: c.possiblyInvalid,
    cause: c.cause,
    correctiveAction: c.correctiveAction,
    approvals: c.approvals.map((a) => ({
      at: isoLocal(a.at, tz), amount: fenToYuan(a.amountFen), approvalLevel: a.approvalLevel, approvedBy: a.approvedBy, reviewedBy: a.reviewedBy, note: a.note,
    })),
    audits: c.audits.map((a) => ({ at: isoLocal(a.at, tz), by: a.by, result: a.result, note: a.note })),
    group: c.group && { id: c.group.id, reason: c.group.reason, tickets: c.group.tickets },
  };
}

function deadlinesJson(c: Complaint, tz: string, steps: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(steps.map((key) => [stepJsonKey(key), iso(dueOfStep(c, key), tz)]));
}

export function paymentJson(p: Payment, tz: string) {
  return {
    at: isoLocal(p.at, tz), amount: fenToYuan(p.amountFen), responsible: p.responsible,
    responsiblePerson: p.responsiblePerson, approvalLevel: p.approvalLevel, approvedBy: p.approvedBy, reviewedBy: p.reviewedBy,
  };
}

export function deadlineStatusJson(d: DeadlineStatus, tz: string) {
  return {
    step: d.step, due: isoLocal(d.due, tz), state: d.state, hours: d.hours, workdays: d.workdays, provisional: d.provisional,
    ...(d.role ? { role: d.role, via: d.via } : {}),
  };
}

export function eventJson(e: StoredEvent, tz: string) {
  const json = { id: e.id, at: isoLocal(e.at, tz), actor: e.actor, action: e.action, before: presentFields(e.before, tz), after: presentFields(e.after, tz), note: e.note };
  // Only on an event a later undo took back: every other event keeps its shape.
  return e.undone ? { ...json, undone: true } : json;
}
