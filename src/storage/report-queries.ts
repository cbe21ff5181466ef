// The counts behind a report (SPEC §7): each data set of the period read once
// over an index range — the complaints received (a few columns each, counted
// in memory by domain/report-tally.ts), resolved, due, the raising events —
// and the rest as SQL aggregates; no complaint is loaded whole. Also the
// snapshots of closed months (schema/0003). Written in SQL both engines accept: a count of
// the rows meeting a condition is `count(*) FILTER (WHERE …)` (PostgreSQL has
// no sum of a boolean), a JSON field is `->>`.
import { eventNotUndone, notUndone } from './undone.js';
import { sql, type Kysely } from 'kysely';
import { CLOSE_REASONS, OPEN_STATUSES } from '../domain/types.js';
import { monthPeriod, type ConfirmedGroupItem, type Period, type ReportCounts } from '../domain/report.js';
import { withGroups, type PeriodCounts } from '../domain/report-merge.js';
import { isoLocal } from '../domain/time.js';
import type { Settings } from '../domain/settings.js';
import type { DB } from './schema-types.js';
import { all, arrays, first, run, type Store } from './store.js';
import { countedEstate } from '../domain/estates.js';
import { estateNameMap } from './estates.js';
import { listDepartments } from './departments.js';
import { sameOffice } from './dialect.js';
import { DISMISSED, tallyReceived, type ReceivedTally } from '../domain/report-tally.js';

export interface ReportSnapshotsTable {
  label: string;
  computed_at: number;
  json: string;
  /** When the data of its month changed after it was computed (schema/0006). */
  stale_since: number | null;
}

type ReportDB = DB & { report_snapshots: ReportSnapshotsTable };

function q(s: Store): Kysely<ReportDB> {
  return s.q.withTables<{ report_snapshots: ReportSnapshotsTable }>();
}


/** Severity as a number, for "was it raised" over an event's before/after JSON. */
const rank = (col: 'before' | 'after') => sql<number>`(CASE ${sql.ref(col)}->>'severity' WHEN 'general' THEN 0 WHEN 'important' THEN 1 WHEN 'major' THEN 2 END)`;

/** Ids per statement when a list of them is bound (well under either engine's limit of parameters). */
const ID_BATCH = 5000;

/** Actions that can raise a complaint's severity (register is its starting level, not a raise). */
const RAISING_ACTIONS = ['classify', 'edit', 'assign', 'transfer', 'contact', 'resolve', 'follow-up', 'reopen', 'close', 'escalate', 'extend', 'sweep', 'group'];

export async function reportCounts(s: Store, p: Period, now: number, settings: Settings, trendMonths: { month: string; from: number; to: number }[]): Promise<ReportCounts> {
  return withGroups(await periodCounts(s, p, now, trendMonths), settings);
}

/** Every count of the period, before the settings find its group complaints (domain/report-merge.ts). */
export async function periodCounts(s: Store, p: Period, now: number, trendMonths: { month: string; from: number; to: number }[]): Promise<PeriodCounts> {
  const received = await receivedTally(s, p, now);
  // Resolved: the latest resolvedAt in the period (a reopened complaint has
  // none until resolved again). One row each, counted here: the spans feed
  // the median and mean working days.
  const calledBack = sql<number>`EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at AND f.at <= ${now})`;
  const owed = sql<number>`(c.kind = 'complaint' AND c.validity NOT IN ('invalid', 'malicious'))`;
  const res = { n: 0, onTime: 0, extended: 0, owed: 0, calledBack: 0 };
  const resolveSpans: ReportCounts['resolveSpans'] = [];
  const resolvedRows = await arrays(s, s.q.selectFrom('complaints as c').where('c.resolved_at', '>=', p.from).where('c.resolved_at', '<', p.to)
    .select(['c.received_at', 'c.resolved_at', 'c.resolve_due', sql<number>`c.extended_until IS NOT NULL`.as('extended'),
      sql<number>`CASE WHEN ${owed} THEN (CASE WHEN ${calledBack} THEN 2 ELSE 1 END) ELSE 0 END`.as('owed')])) as [number, number, number, number | boolean, number][];
  for (const [receivedAt, resolvedAt, resolveDue, extended, owedState] of resolvedRows) {
    res.n++;
    if (resolvedAt <= resolveDue) res.onTime++;
    if (extended) res.extended++;
    if (owedState > 0) res.owed++;
    if (owedState === 2) res.calledBack++;
    resolveSpans.push({ receivedAt, resolvedAt, n: 1 });
  }

  const satisfaction = (await all(s, s.q.selectFrom('follow_ups').where('at', '>=', p.from).where('at', '<', p.to)
    .where('satisfaction', 'is not', null).where(notUndone(s, 'follow_ups', 'followUpId'))
    .select(['satisfaction', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('satisfaction')))
    .map((r) => ({ score: r.satisfaction!, n: r.n }));

  const raisedIn = () => s.q.selectFrom('events as e')
    .where('e.action', 'in', RAISING_ACTIONS).where('e.at', '>=', p.from).where('e.at', '<', p.to)
    .where('e.complaint_id', 'is not', null).where(eventNotUndone(s, 'e'));
  // The period's raising events read once: which complaints were raised (the
  // distinct ones count), and which were raised to major (listed).
  const raising = await arrays(s, raisedIn()
    .where((eb) => eb.or([sql<boolean>`${rank('after')} > ${rank('before')}`, sql<boolean>`e.after->>'severity' = 'major'`]))
    .select(['e.complaint_id', sql<boolean>`${rank('after')} > ${rank('before')}`.as('raised'), sql<boolean>`e.after->>'severity' = 'major'`.as('toMajor')]));
  const escalated = new Set(raising.filter((r) => r[1]).map((r) => r[0])).size;
  const toMajor = [...new Set(raising.filter((r) => r[2]).map((r) => r[0] as number))];

  // Major complaints: those received in the period came with the pass; those
  // raised to major in it (received before or after) are read by id.
  const raisedToMajor: PeriodCounts['major'] = [];
  for (let i = 0; i < toMajor.length; i += ID_BATCH) {
    raisedToMajor.push(...await all(s, s.q.selectFrom('complaints as c').leftJoin('departments as d', (j) => j.on(sql<boolean>`d.id = c.department_id${sameOffice(s, 'd')}`))
      .where('c.severity', '=', 'major').where('c.validity', 'not in', DISMISSED)
      .where('c.id', 'in', toMajor.slice(i, i + ID_BATCH))
      .where((eb) => eb.or([eb('c.received_at', '<', p.from), eb('c.received_at', '>=', p.to)]))
      .select(['c.ticket', 'c.subject', 'c.status', 'd.name as department', 'c.received_at as receivedAt', 'c.id'])));
  }
  const major = [...received.major, ...raisedToMajor].sort((a, b) => a.receivedAt - b.receivedAt || a.id - b.id);

  // Payments by the date they were recorded (SPEC §12), whatever became of the complaint since.
  const compensationFen = await all(s, s.q.selectFrom('payments as p').leftJoin('departments as rd', 'rd.id', 'p.responsible_dept_id')
    .where('p.at', '>=', p.from).where('p.at', '<', p.to).where(notUndone(s, 'p', 'paymentId'))
    .select(['rd.name as key', (eb) => eb.fn.sum<number>('p.amount_fen').as('fen')]).groupBy('rd.name'));

  const closedWithoutCallBack = await all(s, s.q.selectFrom('complaints').where('closed_at', '>=', p.from).where('closed_at', '<', p.to)
    .where('close_reason', 'in', CLOSE_REASONS)
    .select(['close_reason as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('close_reason'));

  // Open at the period's end: received before it and not closed before it.
  // Closed complaints, and only they, carry closed_at (reopening clears it),
  // so that is the still-open ones received before the end (three ranges of
  // the (status, received_at) index, read without the table) plus those
  // closed since the end (the recent part of the closed_at index). Counting
  // all received and all closed before the end read the whole of both
  // indexes: 60 ms at a million.
  const openNowReceivedBefore = (await first(s, s.q.selectFrom('complaints').where('status', 'in', OPEN_STATUSES).where('received_at', '<', p.to)
    .select((eb) => eb.fn.countAll<number>().as('n'))))!.n;
  const closedSinceEnd = (await first(s, s.q.selectFrom('complaints').where('closed_at', '>=', p.to).where('received_at', '<', p.to)
    .select((eb) => eb.fn.countAll<number>().as('n'))))!.n;

  // Overdue then (or now, for a period not yet over): open, and past a deadline not met by that time.
  const at = Math.min(p.to, now);
  const overdue = sql<boolean>`(
    (c.contact_due < ${at} AND (c.contacted_at IS NULL OR c.contacted_at > ${at}))
    OR (c.resolve_due < ${at} AND (c.resolved_at IS NULL OR c.resolved_at > ${at}))
    OR (c.follow_up_due IS NOT NULL AND c.follow_up_due < ${at} AND c.resolved_at <= ${at}
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at AND f.at <= ${at})))`;
  // Open is `status <> 'closed'`, the condition of the open-deadlines index.
  const overdueOpenNow = (await first(s, s.q.selectFrom('complaints as c').where('c.status', '<>', 'closed')
    .where('c.received_at', '<', at).where(overdue).select((eb) => eb.fn.countAll<number>().as('n'))))!.n;
  const overdueClosedSince = (await first(s, s.q.selectFrom('complaints as c').where('c.closed_at', '>=', p.to)
    .where('c.received_at', '<', at).where(overdue).select((eb) => eb.fn.countAll<number>().as('n'))))!.n;

  // Steps due in the period, and done by their due (SPEC §11): the three the
  // complaint row holds, then the procedure's others. Invalid ones count nowhere.
  const dueIn = async (due: 'c.contact_due' | 'c.resolve_due' | 'c.follow_up_due', onTime: ReturnType<typeof sql<boolean>>) => (await first(s,
    s.q.selectFrom('complaints as c').where(due, '>=', p.from).where(due, '<', p.to).where('c.validity', 'not in', DISMISSED)
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ${onTime})`.as('onTime')])))!;
  // Called back by the due: a scored call-back after resolving, at or before it
  // (the first such call-back is then at or before it too).
  const calledBackByDue = sql<boolean>`EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL
    AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at AND f.at <= c.follow_up_due)`;
  const stepCounts: { key: string; n: number; onTime: number }[] = [
    { key: 'contact', ...await dueIn('c.contact_due', sql<boolean>`c.contacted_at IS NOT NULL AND c.contacted_at <= c.contact_due`) },
    { key: 'resolve', ...await dueIn('c.resolve_due', sql<boolean>`c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_due`) },
    { key: 'follow_up', ...await dueIn('c.follow_up_due', calledBackByDue) },
    ...(await all(s, s.q.selectFrom('complaint_steps as st').innerJoin('complaints as c', 'c.id', 'st.complaint_id')
      .where('st.due', '>=', p.from).where('st.due', '<', p.to).where('c.validity', 'not in', DISMISSED)
      .select(['st.step as key', (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`count(*) FILTER (WHERE st.done_at IS NOT NULL AND st.done_at <= st.due)`.as('onTime')])
      .groupBy('st.step'))),
  ];

  const reportUps = (await first(s, s.q.selectFrom('report_ups as ru').innerJoin('complaints as c', 'c.id', 'ru.complaint_id')
    .where('ru.due', '>=', p.from).where('ru.due', '<', p.to).where('c.validity', 'not in', DISMISSED)
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ru.done_at IS NOT NULL AND ru.done_at <= ru.due)`.as('onTime')])))!;

  // The twelve months' counts in one statement (one round trip to a server),
  // each its own range of the received_at index.
  const months = trendMonths.length === 0 ? {} : (await first(s, s.q.selectNoFrom((eb) => trendMonths.map((m, i) =>
    eb.selectFrom('complaints').where('received_at', '>=', m.from).where('received_at', '<', m.to)
      .select((e) => e.fn.countAll<number>().as('n')).as(`m${i}`)))))! as Record<string, number | string>;
  const trend = trendMonths.map((m, i) => ({ month: m.month, received: Number(months[`m${i}`]) }));

  return {
    received: received.received,
    byKind: received.byKind,
    byCategory: received.byCategory,
    bySubcategory: received.bySubcategory,
    bySeverity: received.bySeverity,
    byChannel: received.byChannel,
    byDepartment: received.byDepartment,
    byEstate: received.byEstate,
    invalid: received.invalid,
    contacted: received.contacted,
    contactedOnTime: received.contactedOnTime,
    resolved: res.n,
    resolvedOnTime: res.onTime,
    extended: res.extended,
    resolveSpans,
    followUpsOwed: res.owed,
    followedUp: res.calledBack,
    satisfaction,
    repeats: received.repeats,
    escalated,
    major,
    groupCandidates: received.groupCandidates,
    compensationFen,
    closedWithoutCallBack,
    stepCounts,
    reportUps: { n: reportUps.n, onTime: reportUps.onTime },
    openAtEnd: openNowReceivedBefore + closedSinceEnd,
    overdueAtEnd: overdueOpenNow + overdueClosedSince,
    trend,
  };
}

/**
 * The complaints received in the period, read once (by receipt, through the
 * received_at index) and counted in memory: every breakdown, the contact
 * figures and the group candidates (domain/report-tally.ts).
 */
async function receivedTally(s: Store, p: Period, now: number): Promise<ReceivedTally> {
  const departments = new Map((await listDepartments(s)).map((d) => [d.id, d.name]));
  // An estate under its current name, whichever of its names a complaint wrote (SPEC §16).
  const estates = await estateNameMap(s);
  const rows = await arrays(s, s.q.selectFrom('complaints as c').where('c.received_at', '>=', p.from).where('c.received_at', '<', p.to)
    .select(['c.kind', 'c.category', 'c.subcategory', 'c.severity', 'c.channel', 'c.department_id', 'c.estate', 'c.validity',
      sql<number>`c.repeat_of_id IS NOT NULL`.as('repeat'), 'c.contacted_at', 'c.contact_due', 'c.ticket', 'c.received_at', 'c.unit',
      'c.id', 'c.status', sql<string | null>`CASE WHEN c.severity = 'major' THEN c.subject END`.as('subject'), sql<number>`c.group_id IS NOT NULL`.as('grouped')])
    .orderBy('c.received_at'));
  return tallyReceived(rows.map((r) => ({
    kind: r[0] as string, category: r[1] as string | null, subcategory: r[2] as string | null, severity: r[3] as string,
    channel: r[4] as string, department: departments.get(r[5] as number) ?? null, estate: countedEstate(estates, r[6] as string | null), validity: r[7] as string,
    repeat: !!r[8], contactedAt: r[9] as number | null, contactDue: r[10] as number, ticket: r[11] as string, receivedAt: r[12] as number,
    unit: r[13] as string | null, id: r[14] as number, status: r[15] as string, subject: r[16] as string | null, grouped: !!r[17],
  })), now);
}

// ── snapshots ──────────────────────────────────────────────────────────────

export interface Snapshot {
  label: string;
  computedAt: number;
  json: string;
  staleSince: number | null;
}

export async function findSnapshot(s: Store, label: string): Promise<Snapshot | undefined> {
  const r = await first(s, q(s).selectFrom('report_snapshots').selectAll().where('label', '=', label));
  return r && { label: r.label, computedAt: r.computed_at, json: r.json, staleSince: r.stale_since };
}

/**
 * Marks stale the snapshots of the months (office-local) that overlap
 * [from, until), and returns the labels newly marked, oldest first.
 * A month already marked keeps its first date.
 */
export async function markStaleSnapshots(s: Store, span: { from: number; until: number } | null, now: number, tz: string): Promise<string[]> {
  if (span === null) return [];
  const { from, until } = span;
  const fresh = (await all(s, q(s).selectFrom('report_snapshots').select('label').where('stale_since', 'is', null).orderBy('label')))
    .map((r) => r.label)
    .filter((label) => {
      const m = monthPeriod(label, tz);
      return m.to > from && m.from < until;
    });
  if (fresh.length) await run(s, q(s).updateTable('report_snapshots').set({ stale_since: now }).where('label', 'in', fresh));
  return fresh;
}

/** Keeps the first snapshot of a period: a concurrent report that got there first wins. */
export async function insertSnapshot(s: Store, snap: Snapshot): Promise<void> {
  await run(s, q(s).insertInto('report_snapshots').values({ label: snap.label, computed_at: snap.computedAt, json: snap.json })
    .onConflict((oc) => oc.column('label').doNothing()));
}

export async function replaceSnapshot(s: Store, snap: Snapshot): Promise<void> {
  await run(s, q(s).insertInto('report_snapshots').values({ label: snap.label, computed_at: snap.computedAt, json: snap.json, stale_since: null })
    .onConflict((oc) => oc.column('label').doUpdateSet({ computed_at: snap.computedAt, json: snap.json, stale_since: null })));
}

/**
 * The accountability figures of a period (SPEC §12), beside reportCounts:
 * spot checks made in it and how many failed, and the group complaints
 * confirmed in it with their tickets.
 */
export async function accountabilityFigures(s: Store, p: Period, tz: string): Promise<{ audits: { done: number; failed: number }; confirmedGroups: ConfirmedGroupItem[] }> {
  const audits = (await first(s, s.q.selectFrom('audits').where('at', '>=', p.from).where('at', '<', p.to).select([
    (eb) => eb.fn.countAll<number>().as('done'),
    sql<number>`count(*) FILTER (WHERE result = 'fail')`.as('failed'),
  ])))!;
  const rows = await all(s, s.q.selectFrom('complaint_groups as g').innerJoin('complaints as c', 'c.group_id', 'g.id')
    .where('g.at', '>=', p.from).where('g.at', '<', p.to)
    .select(['g.id', 'g.at', 'g.reason', 'c.ticket']).orderBy('g.id').orderBy('c.id'));
  const groups = new Map<number, ConfirmedGroupItem>();
  for (const r of rows) {
    let g = groups.get(r.id);
    if (!g) groups.set(r.id, (g = { id: r.id, at: isoLocal(r.at, tz), reason: r.reason, tickets: [] }));
    g.tickets.push(r.ticket);
  }
  return { audits: { done: audits.done, failed: audits.failed }, confirmedGroups: [...groups.values()] };
}
