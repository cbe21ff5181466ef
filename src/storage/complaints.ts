// The complaints repository: one row↔domain mapping, queries for lists,
// callers' history and repeats, and saving a step with its events.
import { greatest, jsonArrays, jsonObjectOf, sameOffice, unindexed } from './dialect.js';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import {
  OPEN_STATUSES,
  type ApprovalLevel, type AttemptOutcome, type Category, type Channel, type Complaint, type FollowUpMethod, type Kind,
  type AuditResult, type Payment, type Severity, type Status, type Validity,
} from '../domain/types.js';
import type { StepState } from '../domain/steps.js';
import type { ReportLevel, ReportRole, ReportUp, ReportVia } from '../domain/report-up.js';
import { StateError, UsageError } from '../domain/errors.js';
import { inOffice, MAX_SEQ } from '../domain/ticket.js';
import { groupThousands } from '../domain/money.js';
import type { ComplaintsTable, DB } from './schema-types.js';
import { all, arrays, first, iterate, run, type Store } from './store.js';
import type { GroupCandidate } from '../domain/groups.js';
import { estateNameMap, findEstate, listEstates } from './estates.js';
import { countedEstate } from '../domain/estates.js';
import { findDepartment } from './departments.js';
import { indexComplaint, searchFor } from './search.js';
import { searchableTexts } from '../domain/search-terms.js';
import { notUndone } from './undone.js';

/** Expression helpers see the complaints table under its alias `c`. */
type CEB = ExpressionBuilder<DB & { c: ComplaintsTable }, 'c'>;

function withJoins(s: Store) {
  return s.q
    .selectFrom('complaints as c')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('departments as rd', 'rd.id', 'c.responsible_dept_id')
    .leftJoin('complaints as r', 'r.id', 'c.repeat_of_id')
    .leftJoin('follow_ups as f', 'f.id', 'c.follow_up_id')
    .leftJoin('complaints as dup', 'dup.id', 'c.duplicate_of_id')
    .leftJoin('complaint_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select([
      'd.name as department', 'rd.name as responsible', 'r.ticket as repeat_ticket', 'dup.ticket as duplicate_ticket',
      // Payments ride along as one JSON value (read only when there is a cost):
      // a list streams its rows, and a connection that is iterating can run no other query.
      jsonArrays(s, 'step, due, done_at, note', sql`SELECT * FROM complaint_steps WHERE complaint_id = c.id${sameOffice(s, 'complaint_steps')}`, 'step').as('steps_json'),
      jsonObjectOf(s, 'step', { due: 'due', reason: 'reason' }, sql`SELECT * FROM earlier_deadlines WHERE complaint_id = c.id${sameOffice(s, 'earlier_deadlines')}`).as('earlier_json'),
      jsonArrays(s, 'id, level, role, via, due, done_at, done_to, note', sql`SELECT * FROM report_ups WHERE complaint_id = c.id${sameOffice(s, 'report_ups')}`, 'id').as('report_ups_json'),
      // Payments are read only when there is a cost.
      sql<string | null>`CASE WHEN c.cost_fen IS NULL THEN NULL ELSE ${jsonArrays(s, 'at, amount_fen, dept, responsible_person, approval_level, approved_by, reviewed_by',
        sql`SELECT p.id AS id, p.at, p.amount_fen, pd.name AS dept, p.responsible_person, p.approval_level, p.approved_by, p.reviewed_by
            FROM payments p LEFT JOIN departments pd ON pd.id = p.responsible_dept_id${sameOffice(s, 'pd', 'p')}
            WHERE p.complaint_id = c.id${sameOffice(s, 'p')} AND ${notUndone(s, 'p', 'paymentId')}`, 'id')} END`.as('payments_json'),
      'f.at as fu_at', 'f.method as fu_method', 'f.satisfaction as fu_satisfaction', 'f.note as fu_note',
      // Accountability (SPEC §12): approvals before the work, spot checks, the group's tickets, each read only where there are some.
      sql<string | null>`CASE WHEN c.approval_count = 0 THEN NULL ELSE ${jsonArrays(s, 'id, at, amount_fen, approval_level, approved_by, reviewed_by, note',
        sql`SELECT * FROM approvals WHERE complaint_id = c.id${sameOffice(s, 'approvals')}`, 'id')} END`.as('approvals_json'),
      sql<string | null>`CASE WHEN c.audit_count = 0 THEN NULL ELSE ${jsonArrays(s, 'id, at, auditor, result, note',
        sql`SELECT * FROM audits WHERE complaint_id = c.id${sameOffice(s, 'audits')}`, 'id')} END`.as('audits_json'),
      'g.reason as group_reason',
      sql<string | null>`CASE WHEN c.group_id IS NULL THEN NULL ELSE ${jsonArrays(s, 'ticket',
        // In registration (id) order: the group's index gives it without a sort.
        sql`SELECT gc.ticket AS ticket, gc.id AS id FROM complaints gc WHERE gc.group_id = c.group_id${sameOffice(s, 'gc')}`, 'id')} END`.as('group_json'),
    ]);
}

export type JoinedRow = ReturnType<typeof withJoins> extends SelectQueryBuilder<DB, never, infer O> ? O : never;

export function toComplaint(r: JoinedRow): Complaint {
  return {
    id: r.id,
    ticket: r.ticket,
    receivedAt: r.received_at,
    channel: r.channel as Channel,
    kind: r.kind as Kind,
    category: r.category as Category | null,
    subcategory: r.subcategory,
    severity: r.severity as Severity,
    validity: r.validity as Validity,
    validityReason: r.validity_reason,
    status: r.status as Status,
    complainant: { name: r.name, phone: r.phone, estate: r.estate, unit: r.unit },
    subject: r.subject,
    description: r.description,
    demand: r.demand,
    receiver: r.receiver,
    department: r.department,
    assignee: r.assignee,
    households: r.households,
    claimFen: r.claim_fen,
    safety: r.safety === 1,
    media: r.media === 1,
    deadlines: { contact: r.contact_due, resolve: r.resolve_due, followUp: r.follow_up_due },
    resolveFrom: r.resolve_from,
    extendedUntil: r.extended_until,
    contactedAt: r.contacted_at,
    lastContactAt: r.last_contact_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    costFen: r.cost_fen,
    payments: r.payments_json === null ? [] : paymentsFrom(r.payments_json),
    assignedAt: r.assigned_at,
    steps: stepsFrom(r.steps_json),
    reportUps: reportUpsFrom(r.report_ups_json),
    earlier: r.earlier_json === null ? {} : JSON.parse(r.earlier_json),
    responsible: r.responsible,
    responsiblePerson: r.responsible_person,
    approvedBy: r.approved_by,
    approvalLevel: r.approval_level as ApprovalLevel | null,
    followUp: r.fu_at === null ? null : {
      at: r.fu_at, method: r.fu_method as FollowUpMethod, satisfaction: r.fu_satisfaction!, note: r.fu_note,
    },
    attempts: [],
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    duplicateOf: r.duplicate_ticket,
    repeatOf: r.repeat_ticket,
    flagged: r.flagged === 1,
    disagreedTalks: r.disagreed_talks,
    approvals: (JSON.parse(r.approvals_json ?? '[]') as ApprovalTuple[]).map(([, at, amountFen, level, approvedBy, reviewedBy, note]) => ({
      at, amountFen, approvalLevel: level, approvedBy, reviewedBy: namesFrom(reviewedBy), note,
    })),
    audits: (JSON.parse(r.audits_json ?? '[]') as AuditTuple[]).map(([, at, by, result, note]) => ({ at, by, result, note })),
    group: r.group_id === null ? null : {
      id: r.group_id, reason: r.group_reason ?? '', tickets: (JSON.parse(r.group_json ?? '[]') as [string][]).map(([t]) => t),
    },
    about: r.about,
    happenedAt: r.happened_at,
    place: r.place,
    possiblyInvalid: r.possibly_invalid === 1,
    cause: r.cause,
    correctiveAction: r.corrective_action,
  };
}

type ApprovalTuple = [number, number, number, ApprovalLevel, string, string | null, string | null];
type AuditTuple = [number, number, string, AuditResult, string | null];

/** Reviewers are kept as a JSON array of names. */
function namesFrom(json: string | null): string[] {
  return json === null ? [] : JSON.parse(json) as string[];
}

function namesJson(names: readonly string[]): string | null {
  return names.length ? JSON.stringify(names) : null;
}

export async function findByTicket(s: Store, ticket: string): Promise<Complaint | undefined> {
  const row = await first(s, withJoins(s).where('c.ticket', '=', inOffice(ticket, s.office?.code ?? null)));
  if (!row) return undefined;
  const c = toComplaint(row);
  c.attempts = (await all(s, s.q.selectFrom('follow_ups').select(['at', 'outcome', 'note'])
    .where('complaint_id', '=', c.id).where('outcome', 'is not', null).where(notUndone(s, 'follow_ups', 'followUpId')).orderBy('id')))
    .map((a) => ({ at: a.at, outcome: a.outcome as AttemptOutcome, note: a.note }));
  return c;
}

/** Complaints by id, in id order, each with its call-back attempts as findByTicket reads them: a batch in two reads. */
export async function findByIds(s: Store, ids: readonly number[]): Promise<Complaint[]> {
  if (!ids.length) return [];
  const list = (await all(s, withJoins(s).where('c.id', 'in', ids).orderBy('c.id'))).map(toComplaint);
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const a of await all(s, s.q.selectFrom('follow_ups').select(['complaint_id', 'at', 'outcome', 'note'])
    .where('complaint_id', 'in', ids).where('outcome', 'is not', null).where(notUndone(s, 'follow_ups', 'followUpId')).orderBy('id'))) {
    byId.get(a.complaint_id)?.attempts.push({ at: a.at, outcome: a.outcome as AttemptOutcome, note: a.note });
  }
  return list;
}

/**
 * The open complaints a recount from `since` looks at (a resolve or call-back
 * deadline at or after it), in one read, in the order they were registered.
 * Their call-back attempts are not read: a recount does not touch them.
 */
export async function openComplaintsDueSince(s: Store, since: number): Promise<Complaint[]> {
  return (await all(s, withJoins(s)
    .where('c.status', '!=', 'closed')
    .where((eb) => eb.or([eb('c.resolve_due', '>=', since), eb('c.follow_up_due', '>=', since)]))
    .orderBy('c.id'))).map(toComplaint);
}

type StepTuple = [string, number | null, number | null, string | null];

function stepsFrom(json: string | null): Record<string, StepState> {
  const out: Record<string, StepState> = {};
  if (json !== null) for (const [step, due, doneAt, note] of JSON.parse(json) as StepTuple[]) out[step] = { due, doneAt, note };
  return out;
}

type ReportUpTuple = [number, ReportLevel, ReportRole, ReportVia, number | null, number | null, string | null, string | null];

function reportUpsFrom(json: string | null): ReportUp[] {
  return json === null ? [] : (JSON.parse(json) as ReportUpTuple[])
    .map(([id, level, role, via, due, doneAt, to, note]) => ({ id, level, role, via, due, doneAt, to, note }));
}

/** New reports up are inserted; one owed and now made is marked done (the database keeps a made one as made). */
async function saveReportUps(s: Store, complaintId: number, prev: ReportUp[], next: ReportUp[]): Promise<void> {
  for (const r of next) {
    if (r.id === 0) {
      await run(s, s.q.insertInto('report_ups').values({
        complaint_id: complaintId, level: r.level, role: r.role, via: r.via, due: r.due, done_at: r.doneAt, done_to: r.to, note: r.note,
      }));
    } else if (r.doneAt !== null && prev.find((p) => p.id === r.id)?.doneAt === null) {
      await run(s, s.q.updateTable('report_ups').set({ done_at: r.doneAt, done_to: r.to, note: r.note }).where('id', '=', r.id));
    }
  }
}

type PaymentTuple = [number, number, string | null, string | null, string | null, string | null, string | null];

/** A complaint's payments, oldest first, from the JSON the complaint query carries. */
function paymentsFrom(json: string): Payment[] {
  return (JSON.parse(json) as PaymentTuple[]).map(([at, amountFen, responsible, responsiblePerson, level, approvedBy, reviewedBy]) => ({
    at, amountFen, responsible, responsiblePerson, approvalLevel: level as ApprovalLevel | null, approvedBy, reviewedBy: namesFrom(reviewedBy),
  }));
}


/**
 * The last running count in use of a year: the counter or the highest count
 * the table holds, whichever is higher, so a counter left behind (a hand
 * edit, a restored table) can never hand out a number in use. The highest
 * count is one step down the (year, seq) index. Values past MAX_SEQ (written
 * before there was a maximum) are passed over rather than counted on from.
 */
function lastSeqOf(s: Store, year: number) {
  const counted = s.q.selectFrom('ticket_counters').select('last').where('year', '=', year).where('last', '<=', MAX_SEQ);
  const used = s.q.selectFrom('complaints').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', year).where('seq', '<=', MAX_SEQ);
  return greatest(s, sql<number>`coalesce((${counted}), 0)`, sql<number>`coalesce((${used}), 0)`);
}

export async function lastSeq(s: Store, year: number): Promise<number> {
  return (await first(s, s.q.selectNoFrom(lastSeqOf(s, year).as('last'))))!.last;
}

/**
 * Hands out the next running count of the year; call inside a write
 * transaction. Past MAX_SEQ the year has no numbers left: refused, and the
 * caller's transaction rolls back.
 */
export async function nextSeq(s: Store, year: number): Promise<number> {
  const { last } = (await first(s, s.q.insertInto('ticket_counters').values({ year, last: sql<number>`${lastSeqOf(s, year)} + 1` })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: (eb) => eb.ref('excluded.last') }))
    .returning('last')))!;
  if (last > MAX_SEQ) throw new StateError('ticket.yearFull', { year, max: groupThousands(MAX_SEQ) });
  return last;
}

async function idOfDepartment(s: Store, name: string | null): Promise<number | null> {
  if (name === null) return null;
  const d = await findDepartment(s, name);
  if (!d) throw new UsageError('dept.unknown', { name });
  return d.id;
}

/** The id of a complaint named by ticket, as a subquery of the write itself (no round trip of its own on a server). */
function idOfTicket(s: Store, ticket: string | null) {
  if (ticket === null) return null;
  return s.q.selectFrom('complaints').select('id').where('ticket', '=', inOffice(ticket, s.office?.code ?? null));
}

async function columns(s: Store, c: Complaint) {
  return {
    received_at: c.receivedAt,
    channel: c.channel,
    kind: c.kind,
    category: c.category,
    subcategory: c.subcategory,
    severity: c.severity,
    validity: c.validity,
    validity_reason: c.validityReason,
    status: c.status,
    name: c.complainant.name,
    phone: c.complainant.phone,
    estate: c.complainant.estate,
    unit: c.complainant.unit,
    subject: c.subject,
    description: c.description,
    demand: c.demand,
    receiver: c.receiver,
    department_id: await idOfDepartment(s, c.department),
    assignee: c.assignee,
    households: c.households,
    claim_fen: c.claimFen,
    safety: c.safety ? 1 : 0,
    media: c.media ? 1 : 0,
    contact_due: c.deadlines.contact,
    resolve_due: c.deadlines.resolve,
    follow_up_due: c.deadlines.followUp,
    resolve_from: c.resolveFrom,
    extended_until: c.extendedUntil,
    contacted_at: c.contactedAt,
    last_contact_at: c.lastContactAt,
    resolved_at: c.resolvedAt,
    resolution: c.resolution,
    cost_fen: c.costFen,
    responsible_dept_id: await idOfDepartment(s, c.responsible),
    responsible_person: c.responsiblePerson,
    approved_by: c.approvedBy,
    approval_level: c.approvalLevel,
    closed_at: c.closedAt,
    close_reason: c.closeReason,
    duplicate_of_id: idOfTicket(s, c.duplicateOf),
    assigned_at: c.assignedAt,
    repeat_of_id: idOfTicket(s, c.repeatOf),
    flagged: c.flagged ? 1 : 0,
    disagreed_talks: c.disagreedTalks,
    group_id: c.group?.id ?? null,
    about: c.about,
    happened_at: c.happenedAt,
    place: c.place,
    possibly_invalid: c.possiblyInvalid ? 1 : 0,
    cause: c.cause,
    corrective_action: c.correctiveAction,
    approval_count: c.approvals.length,
    audit_count: c.audits.length,
  };
}

export async function insertComplaint(s: Store, c: Complaint, year: number, seq: number): Promise<number> {
  const { id } = (await first(s, s.q.insertInto('complaints')
    .values({ ticket: c.ticket, year, seq, ...(await columns(s, c)), follow_up_id: null }).returning('id')))!;
  await indexComplaint(s, id, c);
  await saveSteps(s, id, {}, c.steps);
  await saveReportUps(s, id, [], c.reportUps);
  return id;
}

/** Writes the steps whose state changed (a complaint's step rows are its steps' state now; their history is in the timeline). */
async function saveSteps(s: Store, complaintId: number, prev: Record<string, StepState>, next: Record<string, StepState>): Promise<void> {
  const changed = Object.entries(next).filter(([step, state]) => {
    const was = prev[step];
    return !(was && was.due === state.due && was.doneAt === state.doneAt && was.note === state.note);
  });
  if (!changed.length) return;
  // One statement for all of them: on a server each statement is a round trip.
  await run(s, s.q.insertInto('complaint_steps')
    .values(changed.map(([step, state]) => ({ complaint_id: complaintId, step, due: state.due, done_at: state.doneAt, note: state.note })))
    .onConflict((oc) => oc.columns(['complaint_id', 'step']).doUpdateSet((eb) => ({
      due: eb.ref('excluded.due'), done_at: eb.ref('excluded.done_at'), note: eb.ref('excluded.note'),
    }))));
}

/**
 * Saves what a recount moves — the deadlines the row holds and the
 * procedure's other steps — and nothing else: a changed setting recounts
 * every open complaint, and rewriting whole rows was most of its time.
 */
export async function saveRecount(s: Store, prev: Complaint, next: Complaint): Promise<void> {
  await saveSteps(s, prev.id, prev.steps, next.steps);
  await run(s, s.q.updateTable('complaints')
    .set({ contact_due: next.deadlines.contact, resolve_due: next.deadlines.resolve, follow_up_due: next.deadlines.followUp })
    .where('id', '=', prev.id));
}

/** Saves the next state of a complaint over its previous one. */
export async function updateComplaint(s: Store, prev: Complaint, next: Complaint): Promise<void> {
  await saveSteps(s, prev.id, prev.steps, next.steps);
  await saveReportUps(s, prev.id, prev.reportUps, next.reportUps);
  for (const [step, e] of Object.entries(next.earlier)) {
    if (prev.earlier[step]?.due === e.due) continue;
    await run(s, s.q.insertInto('earlier_deadlines').values({ complaint_id: prev.id, step, due: e.due, reason: e.reason })
      .onConflict((oc) => oc.columns(['complaint_id', 'step']).doUpdateSet({ due: e.due, reason: e.reason })));
  }
  let followUpId: number | undefined;
  if (next.followUp && next.followUp !== prev.followUp) {
    followUpId = (await first(s, s.q.insertInto('follow_ups').values({
      complaint_id: prev.id, at: next.followUp.at, method: next.followUp.method,
      satisfaction: next.followUp.satisfaction, outcome: null, note: next.followUp.note,
    }).returning('id')))!.id;
  }
  for (const p of next.payments.slice(prev.payments.length)) {
    await run(s, s.q.insertInto('payments').values({
      complaint_id: prev.id, at: p.at, amount_fen: p.amountFen, responsible_dept_id: await idOfDepartment(s, p.responsible),
      responsible_person: p.responsiblePerson, approval_level: p.approvalLevel, approved_by: p.approvedBy, reviewed_by: namesJson(p.reviewedBy),
    }));
  }
  // Approvals and spot checks are only ever added (the database refuses changing them).
  for (const a of next.approvals.slice(prev.approvals.length)) {
    await run(s, s.q.insertInto('approvals').values({
      complaint_id: prev.id, at: a.at, amount_fen: a.amountFen, approval_level: a.approvalLevel, approved_by: a.approvedBy,
      reviewed_by: namesJson(a.reviewedBy), note: a.note,
    }));
  }
  for (const a of next.audits.slice(prev.audits.length)) {
    await run(s, s.q.insertInto('audits').values({ complaint_id: prev.id, at: a.at, auditor: a.by, result: a.result, note: a.note }));
  }
  for (const a of next.attempts.slice(prev.attempts.length)) {
    await run(s, s.q.insertInto('follow_ups').values({
      complaint_id: prev.id, at: a.at, method: null, satisfaction: null, outcome: a.outcome, note: a.note,
    }));
  }
  await run(s, s.q.updateTable('complaints')
    .set({ ...(await columns(s, next)), ...(followUpId !== undefined ? { follow_up_id: followUpId } : {}) })
    .where('id', '=', prev.id));
  if (JSON.stringify(searchableTexts(prev)) !== JSON.stringify(searchableTexts(next))) await indexComplaint(s, prev.id, next);
}

// ── queries ────────────────────────────────────────────────────────────────

export interface CallerKey {
  phone: string | null;
  estate: string | null;
  unit: string | null;
}

/**
 * Same phone, or the same unit of the same estate under any name it has been
 * written under (its name, an alias, an old name: SPEC §16), which
 * `estates` lists (estateSpellings).
 */
function sameCaller(eb: CEB, caller: CallerKey, estates: string[]) {
  const ors = [];
  if (caller.phone) ors.push(eb('c.phone', '=', caller.phone));
  if (caller.estate && caller.unit) ors.push(eb.and([eb('c.estate', 'in', estates), eb('c.unit', '=', caller.unit)]));
  return eb.or(ors);
}

/** The names the caller's estate is written under: a listed estate's every name, else the text as written. */
async function estateSpellings(s: Store, caller: CallerKey): Promise<string[]> {
  if (!caller.estate || !caller.unit) return [];
  const estate = await findEstate(s, caller.estate);
  return estate ? [...new Set([caller.estate, estate.name, ...estate.aliases])] : [caller.estate];
}

/** The caller's earlier complaints (same phone, or same estate and unit), newest first. */
export async function earlierOfCaller(s: Store, caller: CallerKey, limit = 10): Promise<Complaint[]> {
  if (!caller.phone && !(caller.estate && caller.unit)) return [];
  const estates = await estateSpellings(s, caller);
  return (await all(s, withJoins(s).where((eb) => sameCaller(eb as never, caller, estates)).orderBy('c.received_at', 'desc').limit(limit))).map(toComplaint);
}

/** The latest complaint that the new one repeats (SPEC §6), or null. */
export async function findRepeat(
  s: Store, caller: CallerKey, category: Category, since: number, until: number, excludeId: number | null,
): Promise<string | null> {
  if (!caller.phone && !(caller.estate && caller.unit)) return null;
  const estates = await estateSpellings(s, caller);
  let q = s.q.selectFrom('complaints as c').select('c.ticket')
    .where((eb) => sameCaller(eb as never, caller, estates))
    .where('c.category', '=', category)
    .where('c.received_at', '>=', since)
    .where('c.received_at', '<=', until);
  if (excludeId !== null) q = q.where('c.id', '!=', excludeId);
  return (await first(s, q.orderBy('c.received_at', 'desc').limit(1)))?.ticket ?? null;
}

export interface ListFilter {
  statuses: Status[] | null;
  severities: Severity[] | null;
  categories: Category[] | null;
  department: string | null;
  /** Part of the assignee's name. */
  assignee: string | null;
  /** Part of the estate's name (阳光 finds 阳光海岸 and 阳光海岸二期). */
  estate: string | null;
  unit: string | null;
  /** A whole phone number; or its last four digits (`--phone 8000`, see phoneTail). */
  phone: string | null;
  phoneTail: string | null;
  /** Received or assigned to this person (`--mine`: the acting user). */
  mine: string | null;
  receiver: string | null;
  /** Only those flagged for the management meeting. */
  flagged: boolean;
  from: number | null;
  /** Exclusive upper bound of receivedAt. */
  to: number | null;
  overdueAt: number | null;
  search: string | null;
  /** Only complaints of a confirmed group complaint: of any group, or of the one with this number. */
  group: number | 'any' | null;
}

export type ListSort = 'newest' | 'oldest' | 'due' | 'severity' | 'ticket';


/** Every complaint, nothing filtered: the base callers narrow. */
export const NO_FILTER: ListFilter = {
  statuses: null, severities: null, categories: null, department: null, assignee: null,
  estate: null, unit: null, phone: null, phoneTail: null, mine: null, receiver: null, flagged: false,
  from: null, to: null, overdueAt: null, search: null, group: null,
};

function isOpenSet(statuses: Status[]): boolean {
  return statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((x) => statuses.includes(x));
}

export async function filtered(s: Store, f: ListFilter) {
  return narrowed(s, withJoins(s), f);
}

/**
 * The filter's conditions on a query of `complaints as c`: the list's, joined
 * for its columns, or a bare one for a count. The conditions name only the
 * complaint's own columns (and the search index they join), so a bare query
 * typed as the joined one is sound.
 */
async function narrowed(s: Store, from: ReturnType<typeof withJoins>, f: ListFilter) {
  let q = from;
  if (f.statuses && isOpenSet(f.statuses)) q = q.where('c.status', '<>', 'closed'); // matches the partial indexes
  else if (f.statuses) q = q.where('c.status', 'in', f.statuses);
  if (f.severities) q = q.where('c.severity', 'in', f.severities);
  if (f.categories) q = q.where('c.category', 'in', f.categories);
  if (f.department !== null) {
    const d = await findDepartment(s, f.department);
    if (!d) throw new UsageError('dept.unknown', { name: f.department });
    q = q.where('c.department_id', '=', d.id);
  }
  if (f.assignee !== null) q = q.where(containing('c.assignee', f.assignee));
  if (f.estate !== null) {
    // Part of any name an estate has (its own, an alias, an old name) finds what was written under any of them.
    const names = [...(await listEstates(s))].filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(f.estate!.toLowerCase())))
      .flatMap((e) => [e.name, ...e.aliases]);
    q = names.length
      ? q.where((eb) => eb.or([containing('c.estate', f.estate!) as never, eb('c.estate', 'in', names)]))
      : q.where(containing('c.estate', f.estate));
  }
  if (f.unit !== null) q = q.where('c.unit', '=', f.unit);
  if (f.phone !== null) q = q.where('c.phone', '=', f.phone);
  // IS NOT NULL: the index holds only complaints with a phone.
  if (f.phoneTail !== null) q = q.where('c.phone', 'is not', null).where(phoneTail('c'), '=', f.phoneTail);
  if (f.mine !== null) {
    const mine = f.mine;
    // Over the open complaints the ids come from the covering index
    // complaints_open_rows (0013: receiver and assignee are in it): a person
    // with nothing open costs a walk of that index, not a seek into the table
    // for each of twenty thousand open complaints.
    q = f.statuses && isOpenSet(f.statuses)
      ? q.where('c.id', 'in', s.q.selectFrom('complaints').select('id').where('status', '<>', 'closed')
        .where((eb) => eb.or([eb('receiver', '=', mine), eb('assignee', '=', mine)])))
      : q.where((eb) => eb.or([eb('c.receiver', '=', mine), eb('c.assignee', '=', mine)]));
  }
  if (f.receiver !== null) q = q.where('c.receiver', '=', f.receiver);
  // Written as a literal: the partial index complaints_flagged is for `flagged = 1`, which a bound value does not match.
  if (f.flagged) q = q.where(sql<boolean>`c.flagged = 1`);
  if (f.from !== null) q = q.where('c.received_at', '>=', f.from);
  if (f.to !== null) q = q.where('c.received_at', '<', f.to);
  if (f.overdueAt !== null) q = q.where((eb) => overdueAt(s, eb as never, f.overdueAt!));
  if (f.group === 'any') q = q.where('c.group_id', 'is not', null);
  else if (f.group !== null) q = q.where('c.group_id', '=', f.group);
  if (f.search !== null) {
    const search = searchFor(s, f.search);
    if (search === null) throw new UsageError('list.searchEmpty', { term: f.search });
    // Driven from the full-text index, which hands out ids newest first, so
    // the first page stops after 20 matches instead of sorting all of them.
    q = q.innerJoin('complaint_search', search.key as never, 'c.id')
      .where(search.matches) as unknown as typeof q;
  }
  return q;
}

/**
 * A phone's last four digits, written as the expression index
 * complaints_phone_tail (schema 0012 / postgres 0004) is, so both engines find
 * a caller by them from the index.
 */
export function phoneTail(alias: string) {
  return sql<string>`substr(${sql.ref(`${alias}.phone`)}, length(${sql.ref(`${alias}.phone`)}) - 3)`;
}

/** A text column holding the words given, Latin letters in any case; `%` and `_` typed are themselves. */
function containing(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Open and past at least one deadline at that instant. Inside the OR the
 * status is read as `+c.status`, which keeps SQLite from answering the OR
 * with one index range per status (all open complaints, then a sort): the
 * list walks the open-complaints index newest first and stops at its limit.
 */
export function overdueAt(s: Store, eb: CEB, now: number) {
  const status = unindexed(s, 'c.status');
  return eb.and([
    eb('c.status', '!=', 'closed'),
    eb.or([
      eb.and([eb(status, 'in', ['registered', 'assigned']), eb('c.contacted_at', 'is', null), eb('c.contact_due', '<', now)]),
      eb.and([eb(status, 'in', ['registered', 'assigned']), eb('c.resolve_due', '<', now)]),
      eb.and([eb(status, '=', 'resolved'), eb('c.follow_up_due', '<', now)]),
    ]),
  ]);
}

/** The list query itself (tests assert its plan). */
export async function listQuery(s: Store, f: ListFilter, sort: ListSort, limit: number | null) {
  // A search lists newest registered first: the index's own order (ids follow registration).
  const q = f.search !== null && sort === 'newest'
    ? (await filtered(s, f)).orderBy(searchFor(s, f.search)!.key as never, 'desc')
    : sorted(await filtered(s, f), sort);
  return limit !== null ? q.limit(limit) : q;
}

/** How many complaints a list's filter finds: exactly, or "more than" the cap. */
export interface ListTotal {
  count: number;
  /** More than `count` match: counting them all would cost more than the list. */
  more: boolean;
}

/** A list's total above which it is given as "more than": counted up to one past it. */
export const TOTAL_CAP = 1000;

/**
 * The total of a list's filter, for its footer ("50 of 19,805"). Open
 * statuses alone (the default list) are counted whole from a covering index
 * (1 ms for the 19,805 open complaints of a million, on a fresh connection).
 * Any other filter is counted through the same conditions and indexes up to
 * TOTAL_CAP + 1 and said as "more than 1,000" past that: counted whole, every
 * status took 19 ms and one severity across all statuses 360 ms, against
 * 0.3 and 3 ms capped.
 */
export async function listTotal(s: Store, f: ListFilter, cap = TOTAL_CAP): Promise<ListTotal> {
  if (countedWhole(f)) {
    const row = await first(s, (await totalQuery(s, f)).select(sql<number>`count(*)`.as('n')));
    return { count: Number(row?.n ?? 0), more: false };
  }
  const q = await totalQuery(s, f);
  const capped = q.select(sql<number>`1`.as('one')).limit(cap + 1);
  const row = await first(s, s.q.selectFrom(capped.as('m')).select(sql<number>`count(*)`.as('n')));
  const n = Number(row?.n ?? 0);
  return n > cap ? { count: cap, more: true } : { count: n, more: false };
}

/**
 * The complaints a filter finds, nothing selected yet, without the list's
 * joins: SQLite keeps a LEFT JOIN in a count, and six look-ups a row cost
 * more than the count itself (tests assert its plan).
 */
export async function totalQuery(s: Store, f: ListFilter) {
  const bare = s.q.selectFrom('complaints as c') as unknown as ReturnType<typeof withJoins>;
  return (await narrowed(s, bare, f)).clearSelect();
}

/** Open statuses alone: a count an index answers whole. */
function countedWhole(f: ListFilter): boolean {
  if (f.statuses === null || f.statuses.includes('closed')) return false;
  return (Object.keys(NO_FILTER) as (keyof ListFilter)[]).every((k) => k === 'statuses' || f[k] === NO_FILTER[k]);
}

/** The same complaints a batch at a time, as the database reads them: for output written as it goes. */
export async function* iterateComplaints(s: Store, f: ListFilter, sort: ListSort, limit: number | null): AsyncGenerator<Complaint[]> {
  for await (const rows of iterate(s, await listQuery(s, f, sort, limit))) yield rows.map((r) => toComplaint(r as JoinedRow));
}

type Filtered = Awaited<ReturnType<typeof filtered>>;

export function sorted(q: Filtered, sort: ListSort): Filtered {
  switch (sort) {
    case 'newest': return q.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc');
    case 'oldest': return q.orderBy('c.received_at', 'asc').orderBy('c.id', 'asc');
    case 'due': return q.orderBy('c.resolve_due', 'asc').orderBy('c.id', 'asc');
    case 'severity': return q.orderBy((eb) => eb.case().when('c.severity', '=', 'major').then(0)
      .when('c.severity', '=', 'important').then(1).else(2).end()).orderBy('c.received_at', 'desc');
    case 'ticket': return q.orderBy('c.year', 'asc').orderBy('c.seq', 'asc');
  }
}

/** Tickets of open important complaints received before `before` (candidates for the 3-month rule). */
export async function longOpenImportant(s: Store, before: number): Promise<string[]> {
  return (await all(s, s.q.selectFrom('complaints').select('ticket')
    .where('status', '!=', 'closed').where('severity', '=', 'important').where('received_at', '<', before)
    .orderBy('id'))).map((r) => r.ticket);
}

/**
 * Complaints received in a time window, for group detection (sweep): those
 * already confirmed as a group complaint are not proposed again.
 */
export async function receivedBetween(s: Store, from: number, to: number): Promise<GroupCandidate[]> {
  // Each under its estate's current name, whichever name it was written under (SPEC §16).
  const estates = await estateNameMap(s);
  // Rows as arrays: `today` and `sweep` read a week of a busy office (thousands) at every run.
  const rows = await arrays(s, s.q.selectFrom('complaints')
    .select(['ticket', 'received_at', 'estate', 'unit', 'category', 'subcategory'])
    .where('received_at', '>=', from).where('received_at', '<', to)
    .where('validity', 'not in', ['invalid', 'malicious'])
    .where('group_id', 'is', null)
    .orderBy('received_at')) as unknown as [string, number, string | null, string | null, Category | null, string | null][];
  return rows.map(([ticket, receivedAt, estate, unit, category, subcategory]) => ({
    ticket, receivedAt, estate: countedEstate(estates, estate), unit, category, subcategory,
  }));
}
