// The lifecycle of SPEC §2 as pure functions: each takes a complaint, its
// input and the clock, and returns the next state with the events to record,
// or throws StateError / UsageError. No I/O here.
import type {
  ApprovalLevel, AttemptOutcome, AuditResult, Category, Channel, CloseReason, Complaint, DomainEvent, FollowUpMethod, Instant, Kind, Payment, Severity,
  Status, TalkOutcome, Validity,
} from './types.js';
import { approvalLeft, checkApprovers, type StaffMember } from './approval.js';
import { nextSeverity, OPEN_STATUSES, severityRank } from './types.js';
import { StateError, UsageError } from './errors.js';
import { computeDeadlines, dueOfStep, refreshOpenDeadlines, stepDue, type Clock } from './deadlines.js';
import { knownStep, LIFECYCLE_STEPS, refreshSteps, resetResolutionSteps } from './steps.js';
import { makeReportUp, newlyOwed, type ReportVia } from './report-up.js';
import { dueUnder } from './deadline-rule.js';
import { approvalLevel, isLongOpenImportant, ruledSeverity } from './severity.js';
import { localDate, localDateTime } from './time.js';

export interface Ctx extends Clock {
  now: Instant;
}

export interface Step {
  next: Complaint;
  events: DomainEvent[];
}

/** Fields left out of before/after diffs: derived or recorded elsewhere. */
const UNDIFFED = new Set(['id', 'attempts', 'lastContactAt', 'payments', 'steps', 'reportUps', 'earlier', 'approvals', 'audits', 'group']);

/** The changed top-level fields of a complaint, as an event's before → after. */
export function diff(prev: Complaint, next: Complaint): Pick<DomainEvent, 'before' | 'after'> {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof Complaint)[]) {
    if (UNDIFFED.has(key)) continue;
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) {
      before[key] = prev[key];
      after[key] = next[key];
    }
  }
  return { before, after };
}

function event(action: string, prev: Complaint, next: Complaint, note: string | null = null): DomainEvent {
  return { action, ...diff(prev, next), note };
}

function requireStatus(c: Complaint, action: string, allowed: readonly Status[]): void {
  if (!allowed.includes(c.status)) {
    throw new StateError('state.notAllowed', { action, ticket: c.ticket, status: c.status, allowed: allowed.join('|') });
  }
}


/**
 * Applies the fact-based severity rules and moves open deadlines if severity
 * rose; `moveDeadlines: false` (a closed complaint corrected) raises only the
 * severity: nothing is owed on a closed case.
 */
export function withRules(c: Complaint, k: Ctx, o: { moveDeadlines?: boolean } = {}): Complaint {
  const severity = ruledSeverity(c.severity, c, k.settings);
  if (severity === c.severity) return c;
  return o.moveDeadlines === false ? { ...c, severity } : withSeverity(c, severity, k);
}

function withSeverity(c: Complaint, severity: Severity, k: Ctx): Complaint {
  const next = { ...c, severity };
  return withReportUps(c, withSteps({ ...next, deadlines: refreshOpenDeadlines(next, k) }, k), k);
}

/** Reaching a severity (or 特大) owes its reports up, each due within its rule from now. */
function withReportUps(prev: Complaint | null, next: Complaint, k: Ctx): Complaint {
  const owed = newlyOwed(prev, next, k.settings.procedure.reportUps, k.now, (rule, from) => dueUnder(rule, from, k.calendar, k.tz));
  return owed.length ? { ...next, reportUps: [...next.reportUps, ...owed] } : next;
}

/** The procedure's other steps counted afresh for what the complaint is now (steps.ts refreshSteps). */
export function withSteps(c: Complaint, k: Clock): Complaint {
  return { ...c, steps: refreshSteps(c, k.settings.procedure, (step, from) => stepDue(c, step, from, k)) };
}

// ── register ────────────────────────────────────────────────────────────────

export interface NewComplaint {
  receivedAt: Instant;
  channel: Channel;
  kind: Kind;
  category: Category | null;
  subcategory: string | null;
  name: string;
  phone: string | null;
  estate: string | null;
  unit: string | null;
  subject: string | null;
  description: string;
  demand: string | null;
  receiver: string;
  households: number;
  claimFen: number | null;
  safety: boolean;
  media: boolean;
  /** The person or department complained about, when and where it happened (SPEC §12). */
  about: string | null;
  /** `about` names one of the office's departments rather than a person. */
  aboutIsDepartment: boolean;
  happenedAt: Instant | null;
  place: string | null;
}

/**
 * A complaint about a person (not a department) raised more than the set
 * months after the incident: possibly invalid (001#14 "對企業或員工服務態度不滿
 * 在一個月以後提出來的" is an invalid complaint). Flagged for a person to
 * decide, never invalidated by itself.
 */
export function isLateAboutPerson(f: Pick<NewComplaint, 'about' | 'aboutIsDepartment' | 'happenedAt' | 'receivedAt'>, months: number): boolean {
  if (!f.about || f.aboutIsDepartment || f.happenedAt === null) return false;
  const limit = new Date(f.happenedAt);
  limit.setUTCMonth(limit.getUTCMonth() + months);
  return f.receivedAt > limit.getTime();
}

export function subjectOf(description: string): string {
  return Array.from(description.trim().replace(/\s+/g, ' ')).slice(0, 30).join('');
}

export function register(input: NewComplaint, ticket: string, repeatOf: string | null, k: Ctx): Step {
  if (input.receivedAt > k.now) throw new UsageError('register.future', { at: localDate(input.receivedAt, k.tz) });
  if (input.happenedAt !== null && input.happenedAt > input.receivedAt) {
    throw new UsageError('register.happenedAfter', { at: localDateTime(input.happenedAt, k.tz), received: localDateTime(input.receivedAt, k.tz) });
  }
  const base: Complaint = {
    id: 0,
    ticket,
    receivedAt: input.receivedAt,
    channel: input.channel,
    kind: input.kind,
    category: input.category,
    subcategory: input.subcategory,
    severity: 'general',
    validity: 'unverified',
    validityReason: null,
    status: 'registered',
    complainant: { name: input.name, phone: input.phone, estate: input.estate, unit: input.unit },
    subject: input.subject?.trim() || subjectOf(input.description),
    description: input.description,
    demand: input.demand,
    receiver: input.receiver,
    department: null,
    assignee: null,
    households: input.households,
    claimFen: input.claimFen,
    safety: input.safety,
    media: input.media,
    deadlines: { contact: 0, resolve: 0, followUp: null },
    resolveFrom: input.receivedAt,
    extendedUntil: null,
    contactedAt: null,
    lastContactAt: null,
    resolvedAt: null,
    resolution: null,
    costFen: null,
    payments: [],
    responsible: null,
    responsiblePerson: null,
    approvedBy: null,
    approvalLevel: null,
    followUp: null,
    attempts: [],
    closedAt: null,
    closeReason: null,
    duplicateOf: null,
    repeatOf,
    flagged: false,
    disagreedTalks: 0,
    assignedAt: null,
    steps: {},
    reportUps: [],
    earlier: {},
    approvals: [],
    audits: [],
    group: null,
    about: input.about,
    happenedAt: input.happenedAt,
    place: input.place,
    possiblyInvalid: isLateAboutPerson(input, k.settings.lateAboutPersonMonths),
    cause: null,
    correctiveAction: null,
  };
  const severity = ruledSeverity('general', base, k.settings);
  const next = withReportUps(null, withSteps({ ...base, severity, deadlines: computeDeadlines({ ...base, severity }, k) }, k), k);
  const { id: _id, attempts: _a, lastContactAt: _l, payments: _p, steps: _s, reportUps: _r, earlier: _e, approvals: _ap, audits: _au, group: _g, ...after } = next;
  return { next, events: [{ action: 'register', before: null, after, note: null }] };
}

// ── classify ────────────────────────────────────────────────────────────────

export interface Classification {
  kind?: Kind;
  category?: Category;
  subcategory?: string;
  severity?: Severity;
  validity?: Validity;
  reason?: string;
}

export function classify(c: Complaint, input: Classification, repeatOf: string | null, k: Ctx): Step {
  requireStatus(c, 'classify', OPEN_STATUSES);
  const reason = input.reason?.trim() || null;
  if ((input.validity === 'invalid' || input.validity === 'malicious') && !reason) {
    throw new UsageError('classify.validityReason', { validity: input.validity });
  }
  if (input.severity && severityRank(input.severity) < severityRank(c.severity) && !reason) {
    throw new UsageError('classify.lowerReason', { from: c.severity, to: input.severity });
  }
  let next: Complaint = {
    ...c,
    kind: input.kind ?? c.kind,
    category: input.category ?? c.category,
    subcategory: input.subcategory ?? c.subcategory,
    validity: input.validity ?? c.validity,
    validityReason: input.validity ? reason : c.validityReason,
    repeatOf: c.repeatOf ?? repeatOf,
  };
  if (input.severity && input.severity !== c.severity) next = withSeverity(next, input.severity, k);
  // Rules raise severity again only for a new fact (a repeat found now), so a
  // level a person lowered with a reason stays lowered.
  if (next.repeatOf !== c.repeatOf) next = withRules(next, k);
  if (next.kind !== c.kind || next.category !== c.category) next = withSteps({ ...next, deadlines: refreshOpenDeadlines(next, k) }, k);
  return { next, events: [event('classify', c, next, reason)] };
}

// ── assign / transfer ───────────────────────────────────────────────────────

export function assign(c: Complaint, department: string, assignee: string | null, note: string | null, k: Ctx): Step {
  requireStatus(c, 'assign', ['registered', 'assigned']);
  if (c.department === department && c.assignee === assignee) {
    throw new StateError('assign.same', { ticket: c.ticket, department });
  }
  // 001#1 "對原接待個人的投訴…原接待員工不得參與": not handled by the person it is about.
  if (assignee !== null && c.about !== null && assignee === c.about) {
    throw new StateError('assign.aboutPerson', { ticket: c.ticket, person: assignee });
  }
  // The first assignment is the dispatch (派单); steps counted from it start now.
  const next = withSteps({ ...c, status: 'assigned', department, assignee, assignedAt: c.assignedAt ?? k.now }, k);
  return { next, events: [event(c.department === null ? 'assign' : 'transfer', c, next, note)] };
}

// ── contact / note ──────────────────────────────────────────────────────────

/**
 * A contact with the complainant, optionally a round of talks with its
 * outcome (SPEC §11). Rounds that end without agreement are counted (an
 * agreed round does not reset the count: 002 counts the rounds, "三次沟通仍不能
 * 协调一致"); a disagreed round at or past the setting's threshold raises a
 * general complaint to important, recorded as an escalate event of its own
 * with the fixed reason `disagreed_talks_<threshold>`. At or past, not only
 * at: a threshold lowered later still applies at the next failed round.
 */
export function contact(c: Complaint, note: string | null, k: Ctx, outcome: TalkOutcome | null = null): Step {
  requireStatus(c, 'contact', OPEN_STATUSES);
  const disagreedTalks = c.disagreedTalks + (outcome === 'disagreed' ? 1 : 0);
  const next: Complaint = { ...c, contactedAt: c.contactedAt ?? k.now, lastContactAt: k.now, disagreedTalks };
  const contacted = event('contact', c, next, note);
  if (outcome) contacted.after = { ...contacted.after, outcome };
  const threshold = k.settings.disagreedTalks;
  if (outcome !== 'disagreed' || disagreedTalks < threshold || c.severity !== 'general') return { next, events: [contacted] };
  const raised = withSeverity(next, 'important', k);
  return { next: raised, events: [contacted, event('escalate', next, raised, disagreedTalksReason(threshold))] };
}

/** The fixed reason of a raise by failed rounds of talks; the timeline shows it translated. */
export function disagreedTalksReason(threshold: number): string {
  return `disagreed_talks_${threshold}`;
}

/**
 * A progress note is internal: it is not contact with the complainant, so it
 * does not reset the weekly progress contact (SPEC §11, 每周至少联系一次).
 */
export function addNote(c: Complaint, text: string, _k: Ctx): Step {
  if (!text.trim()) throw new UsageError('note.empty');
  return { next: c, events: [{ action: 'note', before: null, after: null, note: text.trim() }] };
}

// ── resolve ─────────────────────────────────────────────────────────────────

export interface Resolution {
  resolution: string;
  costFen: number | null;
  /** The department found at fault; null keeps the one recorded before. */
  responsible: string | null;
  responsiblePerson: string | null;
  /** The people named as approving (审批) and reviewing (审核), as typed; null: an approval given before (approve). */
  approvedBy: string | null;
  /** The office's people with their roles: once any approval role is held, approvers must be among them. */
  staff: readonly StaffMember[];
  /** Why it happened and what was changed (null keeps what an earlier resolve recorded). */
  cause: string | null;
  correctiveAction: string | null;
}

/** The sum of the payments, or null when there are none. */
export function costOf(payments: readonly Payment[]): number | null {
  return payments.length ? payments.reduce((sum, p) => sum + p.amountFen, 0) : null;
}

export function resolve(c: Complaint, r: Resolution, k: Ctx): Step {
  requireStatus(c, 'resolve', ['registered', 'assigned']);
  if (!r.resolution.trim()) throw new UsageError('resolve.resolutionRequired');
  if (r.responsiblePerson && !r.responsible && !c.responsible) throw new UsageError('resolve.personWithoutDept');
  const responsible = r.responsible ?? c.responsible;
  // A new department at fault does not keep the person named for the old one.
  const responsiblePerson = r.responsiblePerson ?? (r.responsible && r.responsible !== c.responsible ? null : c.responsiblePerson);
  const cost = r.costFen !== null && r.costFen > 0 ? r.costFen : null;
  let payments = c.payments;
  let approval: Pick<Complaint, 'approvedBy' | 'approvalLevel'> = { approvedBy: c.approvedBy, approvalLevel: c.approvalLevel };
  if (cost !== null) {
    // The authority needed is that of everything paid on the complaint: paying
    // in instalments does not get round 核决权限.
    const level = approvalLevel((costOf(c.payments) ?? 0) + cost, k.settings);
    const who = r.approvedBy?.trim()
      ? { ...checkApprovers(r.approvedBy, level, cost, responsible ?? c.department, r.staff), approvalLevel: level }
      : approvedBefore(c, cost, level, k);
    payments = [...c.payments, { at: k.now, amountFen: cost, responsible, responsiblePerson, ...who }];
    approval = { approvedBy: who.approvedBy, approvalLevel: who.approvalLevel };
  }
  let next: Complaint = {
    ...c,
    // Answering the complainant with the resolution is a contact (on-the-spot answers above all).
    contactedAt: c.contactedAt ?? k.now,
    resolvedAt: k.now,
    resolution: r.resolution.trim(),
    payments,
    costFen: costOf(payments),
    responsible,
    responsiblePerson,
    ...approval,
    cause: r.cause?.trim() || c.cause,
    correctiveAction: r.correctiveAction?.trim() || c.correctiveAction,
  };
  if (c.kind === 'complaint') {
    // A complaint is owed a call-back (投诉回访率 100%).
    next = { ...next, status: 'resolved' };
    // Steps counted from the resolution (feedback to the desk) start now.
    next = withSteps({ ...next, deadlines: { ...c.deadlines, followUp: computeDeadlines(next, k).followUp } }, k);
  } else {
    // Resolving a suggestion, inquiry or praise answers it and closes it.
    next = { ...next, status: 'closed', closedAt: k.now, closeReason: 'answered' };
  }
  const e = event('resolve', c, next);
  if (payments !== c.payments) e.after = { ...e.after, payment: payments[payments.length - 1] };
  return { next, events: [e] };
}

/**
 * A cost with no approver named: the approval given before the work covers
 * it up to its amount (SPEC §12); above it, or with none, it is refused.
 */
function approvedBefore(c: Complaint, cost: number, level: ApprovalLevel, k: Ctx) {
  const left = approvalLeft(c.approvals, c.payments);
  if (!left) throw new UsageError('resolve.approvalRequired', { level, cost });
  if (cost > left.leftFen) {
    throw new StateError('resolve.aboveApproval', {
      ticket: c.ticket, cost, left: Math.max(left.leftFen, 0), approved: left.approval.amountFen, at: localDateTime(left.approval.at, k.tz),
    });
  }
  const { approvalLevel: lvl, approvedBy, reviewedBy } = left.approval;
  return { approvalLevel: lvl, approvedBy, reviewedBy };
}

// ── approval before the work, spot checks, group complaints (SPEC §12) ──────

export interface ApprovalInput {
  amountFen: number;
  /** The people named, as typed (approver and reviewers). */
  by: string;
  note: string | null;
  staff: readonly StaffMember[];
}

/**
 * Compensation approved before the work (the plan step, 002 "审批整改方案"):
 * the authority needed is that of everything paid so far and this amount.
 */
export function approve(c: Complaint, a: ApprovalInput, k: Ctx): Step {
  requireStatus(c, 'approve', ['registered', 'assigned']);
  if (!(a.amountFen > 0)) throw new UsageError('approve.amount');
  const level = approvalLevel((costOf(c.payments) ?? 0) + a.amountFen, k.settings);
  if (!a.by.trim()) throw new UsageError('approve.by', { level });
  const who = checkApprovers(a.by, level, a.amountFen, c.responsible ?? c.department, a.staff);
  const approval = { at: k.now, amountFen: a.amountFen, approvalLevel: level, ...who, note: a.note };
  const next: Complaint = { ...c, approvals: [...c.approvals, approval] };
  return {
    next,
    events: [{ action: 'approve', before: null, after: { amountFen: a.amountFen, approvalLevel: level, approvedBy: who.approvedBy, reviewedBy: who.reviewedBy }, note: a.note }],
  };
}

/**
 * A spot check of the handling (000 "主任負責對投訴處理情況的抽查及回訪"), on a
 * resolved or closed complaint. A fail reopens it one level up, as an
 * unsatisfied call-back does.
 */
export function audit(c: Complaint, result: AuditResult, note: string, by: string, k: Ctx): Step {
  requireStatus(c, 'audit', ['resolved', 'closed']);
  if (!note.trim()) throw new UsageError('audit.note');
  const checked: Complaint = { ...c, audits: [...c.audits, { at: k.now, by, result, note: note.trim() }] };
  const events: DomainEvent[] = [{ action: 'audit', before: null, after: { result }, note: note.trim() }];
  if (result === 'pass') return { next: checked, events };
  const reopened = reopenState(checked, k, true);
  events.push(event('reopen', checked, reopened, AUDIT_FAILED));
  return { next: reopened, events };
}

/** The fixed reason of a reopening by a failed spot check; the timeline shows it translated. */
export const AUDIT_FAILED = 'audit_failed';

/**
 * Links an open complaint into a confirmed group complaint (群诉) and raises
 * it to major (002 "同一项目相同的投诉涉及5户以上" is a major complaint). The
 * group's size is checked over all its complaints (groups.ts).
 */
export function joinGroup(c: Complaint, group: { id: number; reason: string; tickets: string[] }, k: Ctx): Step {
  requireStatus(c, 'group', OPEN_STATUSES);
  if (c.group) throw new StateError('group.already', { ticket: c.ticket, group: c.group.id });
  const grouped: Complaint = { ...c, group: group };
  const next = c.severity === 'major' ? grouped : withSeverity(grouped, 'major', k);
  const e = event('group', c, next, group.reason);
  e.after = { ...e.after, group: group.id };
  return { next, events: [e] };
}

// ── follow-up (回访) ─────────────────────────────────────────────────────────

export interface CallBack {
  satisfaction: number;
  method: FollowUpMethod;
  note: string | null;
}

function requireCallBackOwed(c: Complaint, action: string): void {
  requireStatus(c, action, ['resolved']);
  if (c.kind !== 'complaint') throw new StateError('followUp.notOwed', { ticket: c.ticket, kind: c.kind });
}

export function followUp(c: Complaint, cb: CallBack, k: Ctx): Step {
  requireCallBackOwed(c, 'follow-up');
  if (!Number.isInteger(cb.satisfaction) || cb.satisfaction < 1 || cb.satisfaction > 5) {
    throw new UsageError('followUp.satisfaction', { value: cb.satisfaction });
  }
  const called: Complaint = { ...c, followUp: { at: k.now, method: cb.method, satisfaction: cb.satisfaction, note: cb.note }, lastContactAt: k.now };
  if (cb.satisfaction <= 3) {
    const next: Complaint = { ...called, status: 'closed', closedAt: k.now, closeReason: 'followed_up' };
    return { next, events: [event('follow-up', c, next, cb.note)] };
  }
  // 不满意 / 很不满意: one level up, back to the department, new deadlines.
  const events: DomainEvent[] = [event('follow-up', c, called, cb.note)];
  const reopened = reopenState(called, k, true);
  events.push(event('reopen', called, reopened, 'unsatisfied'));
  return { next: reopened, events };
}

export function attempt(c: Complaint, outcome: AttemptOutcome, note: string | null, k: Ctx): Step {
  requireCallBackOwed(c, 'follow-up');
  const next: Complaint = { ...c, attempts: [...c.attempts, { at: k.now, outcome, note }] };
  return { next, events: [{ action: 'follow-up-attempt', before: null, after: { outcome }, note }] };
}

/** Failed call-back attempts on different office-local days since the latest resolve. */
export function failedAttemptDays(c: Complaint, tz: string): number {
  const since = c.resolvedAt ?? 0;
  return new Set(c.attempts.filter((a) => a.at >= since).map((a) => localDate(a.at, tz))).size;
}

// ── a step of the office's procedure (SPEC §11) ───────────────────────────────

/**
 * Records a step the lifecycle does not record itself (site check, plan,
 * feedback, an office's own). Late is recorded as late, never refused.
 */
export function recordStep(c: Complaint, step: string, note: string | null, k: Ctx): Step {
  requireStatus(c, 'step', OPEN_STATUSES);
  const p = k.settings.procedure;
  if (LIFECYCLE_STEPS.includes(step)) throw new UsageError('step.byLifecycle', { step });
  if (!knownStep(p, step)) throw new UsageError('step.unknown', { step, known: p.custom.map((d) => d.key).join(', ') });
  if (p.off.includes(step)) throw new UsageError('step.off', { step });
  const prev = c.steps[step];
  if (prev?.doneAt != null) throw new StateError('step.done', { ticket: c.ticket, step, at: prev.doneAt });
  const state = prev ?? { due: null, doneAt: null, note: null };
  const next: Complaint = { ...c, steps: { ...c.steps, [step]: { ...state, doneAt: k.now, note } } };
  return { next, events: [{ action: 'step', before: null, after: { step, due: state.due }, note }] };
}

/** Records a report up made (`complaints report-up`): the one owed of that role and way, else one made unowed. */
export function reportUp(c: Complaint, to: string, via: ReportVia, note: string | null, k: Ctx): Step {
  if (!to.trim()) throw new UsageError('reportUp.to');
  const next: Complaint = { ...c, reportUps: makeReportUp(c.reportUps, to.trim(), via, note, k.now) };
  const made = next.reportUps.find((r, i) => r.doneAt !== (c.reportUps[i]?.doneAt ?? null))!;
  return { next, events: [{ action: 'report-up', before: null, after: { role: made.role, to: made.to, via, due: made.due }, note }] };
}

/**
 * A case-specific earlier deadline for one step (001#13 限期解决), with a
 * reason: it must come before the deadline in force (a later one for resolve
 * is `extend`, agreed with the complainant).
 */
export function setEarlierDeadline(c: Complaint, step: string, due: Instant, reason: string, k: Ctx): Step {
  requireStatus(c, 'deadline', OPEN_STATUSES);
  const p = k.settings.procedure;
  if (!knownStep(p, step) || p.off.includes(step)) throw new UsageError('step.unknown', { step, known: p.custom.map((d) => d.key).join(', ') });
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'deadline' });
  const current = dueOfStep(c, step);
  if (current !== null && due >= current) throw new UsageError('deadline.notEarlier', { step, due: localDateTime(due, k.tz), current: localDateTime(current, k.tz) });
  const earlier = { ...c.earlier, [step]: { due, reason: reason.trim() } };
  const base: Complaint = { ...c, earlier };
  const next = withSteps({ ...base, deadlines: refreshOpenDeadlines(base, k) }, k);
  return { next, events: [{ action: 'deadline', before: { step, due: current }, after: { step, due }, note: reason.trim() }] };
}

// ── reopen / close / escalate / extend ─────────────────────────────────────

function reopenState(c: Complaint, k: Ctx, unsatisfied: boolean): Complaint {
  const raised = nextSeverity(c.severity);
  const flagged = c.flagged || (unsatisfied && c.severity === 'major');
  const base: Complaint = {
    ...c,
    status: 'assigned',
    severity: raised,
    flagged,
    resolveFrom: k.now,
    extendedUntil: null,
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
  };
  const d = computeDeadlines(base, k);
  const steps = resetResolutionSteps(base, k.settings.procedure);
  return withReportUps(c, withSteps({ ...base, steps, deadlines: { contact: c.deadlines.contact, resolve: d.resolve, followUp: null } }, k), k);
}

export function reopen(c: Complaint, reason: string, k: Ctx): Step {
  requireStatus(c, 'reopen', ['resolved', 'closed']);
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'reopen' });
  const next = reopenState(c, k, false);
  return { next, events: [event('reopen', c, next, reason.trim())] };
}

export interface Closing {
  reason: CloseReason;
  /** Why, in words: required when closing as invalid a complaint not yet marked so. */
  note: string | null;
  /** The ticket duplicated (required for `duplicate`) or merged into (optional for `merged`). */
  of: string | null;
}

/**
 * Closing without a satisfied call-back (SPEC §13): only for a fixed reason.
 * A resolved complaint owed its call-back closes only as unreachable (after
 * failed attempts on 3 different days) or as invalid; one not yet resolved
 * closes as invalid, a duplicate, withdrawn by the complainant, or merged
 * into a group complaint.
 */
export function close(c: Complaint, x: Closing, k: Ctx): Step {
  requireStatus(c, 'close', OPEN_STATUSES);
  const note = x.note?.trim() || null;
  const dismissed = c.validity === 'invalid' || c.validity === 'malicious';
  const owedCallBack = c.status === 'resolved' && c.kind === 'complaint' && !dismissed;
  if (x.reason === 'unreachable') {
    if (!owedCallBack) throw new StateError('close.unreachableNotOwed', { ticket: c.ticket });
    const days = failedAttemptDays(c, k.tz);
    if (days < 3) throw new StateError('close.unreachableAttempts', { ticket: c.ticket, days });
  } else if (owedCallBack && x.reason !== 'invalid') {
    throw new StateError('close.callBackOwed', { ticket: c.ticket, reason: x.reason });
  }
  if (x.reason === 'duplicate' && !x.of) throw new UsageError('close.duplicateOf');
  if (x.of === c.ticket) throw new UsageError('close.ofItself', { ticket: c.ticket });
  let next: Complaint = {
    ...c, status: 'closed', closedAt: k.now, closeReason: x.reason,
    duplicateOf: x.reason === 'duplicate' || x.reason === 'merged' ? x.of : null,
  };
  if (x.reason === 'invalid' && !dismissed) {
    // Closing as invalid is the finding that it is invalid (SPEC §2), with its reason.
    if (!note) throw new UsageError('classify.validityReason', { validity: 'invalid' });
    next = { ...next, validity: 'invalid', validityReason: note };
  }
  return { next, events: [event('close', c, next, note)] };
}

export function escalate(c: Complaint, to: Severity | null, reason: string, k: Ctx): Step {
  requireStatus(c, 'escalate', OPEN_STATUSES);
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'escalate' });
  const target = to ?? nextSeverity(c.severity);
  if (severityRank(target) <= severityRank(c.severity)) {
    throw new StateError('escalate.notHigher', { ticket: c.ticket, severity: c.severity, to: target });
  }
  const next = withSeverity(c, target, k);
  return { next, events: [event('escalate', c, next, reason.trim())] };
}

export function extend(c: Complaint, until: Instant, reason: string, agreedBy: string, k: Ctx): Step {
  requireStatus(c, 'extend', ['registered', 'assigned']);
  if (!reason.trim() || !agreedBy.trim()) throw new UsageError('extend.reasonAgreed');
  if (until <= c.deadlines.resolve) {
    throw new UsageError('extend.notLater', { until: localDate(until, k.tz), due: localDate(c.deadlines.resolve, k.tz) });
  }
  const next: Complaint = { ...c, extendedUntil: until, deadlines: { ...c.deadlines, resolve: until } };
  return { next, events: [event('extend', c, next, `${reason.trim()} (${agreedBy.trim()})`)] };
}

// ── sweep (time-based rules, daily cron) ───────────────────────────────────

/** An important complaint open longer than the set months becomes major; null when no rule applies. */
export function sweep(c: Complaint, k: Ctx): Step | null {
  if (!isLongOpenImportant(c, k.now, k.settings)) return null;
  const next = withSeverity(c, 'major', k);
  return { next, events: [event('sweep', c, next, `important_open_${k.settings.majorAfterMonths}_months`)] };
}
