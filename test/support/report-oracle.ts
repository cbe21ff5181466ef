// The report's counts as they were computed before the one-pass rewrite: one
// SQL query per figure. Kept only as the oracle of the randomised comparison
// (test/commands/report-one-pass.test.ts): the one pass must give the same
// numbers to the last digit on any data and period. Its joins are kept within
// one office (storage/dialect.ts sameOffice), so that it also reads a group of
// offices at once rightly: ids are an office's own, and the old group report,
// which read all offices so, counted a step or a call-back of one office's
// complaint against another's of the same id.
import { sql } from 'kysely';
import { CLOSE_REASONS, OPEN_STATUSES, type Category } from '../../src/domain/types.js';
import type { GroupItem, MajorItem, Period, ReportCounts } from '../../src/domain/report.js';
import { findGroups } from '../../src/domain/groups.js';
import type { Settings } from '../../src/domain/settings.js';
import { all, first, type Store } from '../../src/storage/store.js';
import { sameOffice } from '../../src/storage/dialect.js';
import { eventNotUndone, notUndone } from '../../src/storage/undone.js';

/** Invalid and malicious complaints count in `received` and `invalid` only. */
const DISMISSED = ['invalid', 'malicious'];

/** Severity as a number, for "was it raised" over an event's before/after JSON. */
const rank = (col: 'before' | 'after') => sql<number>`(CASE ${sql.ref(col)}->>'severity' WHEN 'general' THEN 0 WHEN 'important' THEN 1 WHEN 'major' THEN 2 END)`;

/** Actions that can raise a complaint's severity (register is its starting level, not a raise). */
const RAISING_ACTIONS = ['classify', 'edit', 'assign', 'transfer', 'contact', 'resolve', 'follow-up', 'reopen', 'close', 'escalate', 'extend', 'sweep', 'group'];

export async function reportCountsByQueries(s: Store, p: Period, now: number, settings: Settings, trendMonths: { month: string; from: number; to: number }[]): Promise<ReportCounts> {
  const received = () => s.q.selectFrom('complaints as c').where('c.received_at', '>=', p.from).where('c.received_at', '<', p.to);
  const valid = () => received().where('c.validity', 'not in', DISMISSED);
  const count = async (query: ReturnType<typeof received>) => (await first(s, query.select((eb) => eb.fn.countAll<number>().as('n'))))!.n;
  const groupBy = async (col: 'c.kind' | 'c.category' | 'c.subcategory' | 'c.severity' | 'c.channel' | 'c.estate') =>
    await all(s, received().select([`${col} as key`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col)) as { key: string | null; n: number }[];

  const byDepartment = await all(s, received().leftJoin('departments as d', (j) => j.on(sql<boolean>`d.id = c.department_id${sameOffice(s, 'd')}`))
    .select(['d.name as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('d.name'));

  // Contact on time: of the valid complaints received, those contacted or already past the contact deadline.
  const contact = (await first(s, valid()
    .where((eb) => eb.or([eb('c.contacted_at', 'is not', null), eb('c.contact_due', '<', now)]))
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) FILTER (WHERE c.contacted_at IS NOT NULL AND c.contacted_at <= c.contact_due)`.as('onTime'),
    ])))!;

  // Resolved: the latest resolvedAt in the period (a reopened complaint has none until resolved again).
  const resolvedQ = () => s.q.selectFrom('complaints as c').where('c.resolved_at', '>=', p.from).where('c.resolved_at', '<', p.to);
  const calledBack = sql<number>`EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at AND f.at <= ${now})`;
  const owed = sql<number>`(c.kind = 'complaint' AND c.validity NOT IN ('invalid', 'malicious'))`;
  const res = (await first(s, resolvedQ().select([
    (eb) => eb.fn.countAll<number>().as('n'),
    sql<number>`count(*) FILTER (WHERE c.resolved_at <= c.resolve_due)`.as('onTime'),
    sql<number>`count(*) FILTER (WHERE c.extended_until IS NOT NULL)`.as('extended'),
    sql<number>`count(*) FILTER (WHERE ${owed})`.as('owed'),
    sql<number>`count(*) FILTER (WHERE ${owed} AND ${calledBack})`.as('calledBack'),
  ])))!;
  const resolveSpans = (await all(s, resolvedQ().select(['c.received_at', 'c.resolved_at'])))
    .map((r) => ({ receivedAt: r.received_at, resolvedAt: r.resolved_at!, n: 1 }));

  const satisfaction = (await all(s, s.q.selectFrom('follow_ups').where('at', '>=', p.from).where('at', '<', p.to)
    .where('satisfaction', 'is not', null).where(notUndone(s, 'follow_ups', 'followUpId'))
    .select(['satisfaction', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('satisfaction')))
    .map((r) => ({ score: r.satisfaction!, n: r.n }));

  const raisedIn = () => s.q.selectFrom('events as e')
    .where('e.action', 'in', RAISING_ACTIONS).where('e.at', '>=', p.from).where('e.at', '<', p.to)
    .where('e.complaint_id', 'is not', null).where(eventNotUndone(s, 'e'));
  const escalated = (await first(s, raisedIn().where(sql<boolean>`${rank('after')} > ${rank('before')}`)
    .select(sql<number>`count(DISTINCT e.complaint_id)`.as('n'))))!.n;

  const major: MajorItem[] = await all(s, s.q.selectFrom('complaints as c').leftJoin('departments as d', (j) => j.on(sql<boolean>`d.id = c.department_id${sameOffice(s, 'd')}`))
    .where('c.severity', '=', 'major').where('c.validity', 'not in', DISMISSED)
    .where((eb) => eb.or([
      eb.and([eb('c.received_at', '>=', p.from), eb('c.received_at', '<', p.to)]),
      eb('c.id', 'in', raisedIn().where(sql<boolean>`e.after->>'severity' = 'major'`).select('e.complaint_id')),
    ]))
    .select(['c.ticket', 'c.subject', 'c.status', 'd.name as department'])
    .orderBy('c.received_at').orderBy('c.id'));

  const candidates = (await all(s, valid()
    .where('c.estate', 'is not', null).where('c.unit', 'is not', null)
    .where('c.category', 'is not', null).where('c.subcategory', 'is not', null).where('c.group_id', 'is', null)
    .select(['c.ticket', 'c.received_at', 'c.estate', 'c.unit', 'c.category', 'c.subcategory'])
    .orderBy('c.received_at')))
    .map((r) => ({ ticket: r.ticket, receivedAt: r.received_at, estate: r.estate, unit: r.unit, category: r.category as Category | null, subcategory: r.subcategory }));
  const groups: GroupItem[] = findGroups(candidates, settings.groupUnits, settings.groupWindowDays)
    .map((g) => ({ estate: g.estate, category: g.category, subcategory: g.subcategory, units: g.units, tickets: g.tickets }));

  // Payments by the date they were recorded (SPEC §12), whatever became of the complaint since.
  const compensationFen = await all(s, s.q.selectFrom('payments as p').leftJoin('departments as rd', (j) => j.on(sql<boolean>`rd.id = p.responsible_dept_id${sameOffice(s, 'rd', 'p')}`))
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
  const overdueOpenNow = (await first(s, s.q.selectFrom('complaints as c').where('c.status', 'in', OPEN_STATUSES)
    .where('c.received_at', '<', at).where(overdue).select((eb) => eb.fn.countAll<number>().as('n'))))!.n;
  const overdueClosedSince = (await first(s, s.q.selectFrom('complaints as c').where('c.closed_at', '>=', p.to)
    .where('c.received_at', '<', at).where(overdue).select((eb) => eb.fn.countAll<number>().as('n'))))!.n;

  // Steps due in the period, and done by their due (SPEC §11): the three the
  // complaint row holds, then the procedure's others. Invalid ones count nowhere.
  const dueIn = async (due: 'c.contact_due' | 'c.resolve_due' | 'c.follow_up_due', done: ReturnType<typeof sql<number | null>>) => (await first(s,
    s.q.selectFrom('complaints as c').where(due, '>=', p.from).where(due, '<', p.to).where('c.validity', 'not in', DISMISSED)
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ${done} IS NOT NULL AND ${done} <= ${sql.ref(due)})`.as('onTime')])))!;
  const followUpDone = sql<number | null>`(SELECT min(f.at) FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at)`;
  const stepCounts: { key: string; n: number; onTime: number }[] = [
    { key: 'contact', ...await dueIn('c.contact_due', sql<number | null>`c.contacted_at`) },
    { key: 'resolve', ...await dueIn('c.resolve_due', sql<number | null>`c.resolved_at`) },
    { key: 'follow_up', ...await dueIn('c.follow_up_due', followUpDone) },
    ...(await all(s, s.q.selectFrom('complaint_steps as st').innerJoin('complaints as c', (j) => j.on(sql<boolean>`c.id = st.complaint_id${sameOffice(s, 'st')}`))
      .where('st.due', '>=', p.from).where('st.due', '<', p.to).where('c.validity', 'not in', DISMISSED)
      .select(['st.step as key', (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`count(*) FILTER (WHERE st.done_at IS NOT NULL AND st.done_at <= st.due)`.as('onTime')])
      .groupBy('st.step'))),
  ];

  const reportUps = (await first(s, s.q.selectFrom('report_ups as ru').innerJoin('complaints as c', (j) => j.on(sql<boolean>`c.id = ru.complaint_id${sameOffice(s, 'ru')}`))
    .where('ru.due', '>=', p.from).where('ru.due', '<', p.to).where('c.validity', 'not in', DISMISSED)
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ru.done_at IS NOT NULL AND ru.done_at <= ru.due)`.as('onTime')])))!;

  // One month after another: a server connection runs one query at a time.
  const trend: { month: string; received: number }[] = [];
  for (const m of trendMonths) {
    trend.push({
      month: m.month,
      received: (await first(s, s.q.selectFrom('complaints').where('received_at', '>=', m.from).where('received_at', '<', m.to)
        .select((eb) => eb.fn.countAll<number>().as('n'))))!.n,
    });
  }

  return {
    received: await count(received()),
    byKind: await groupBy('c.kind'),
    byCategory: await groupBy('c.category'),
    bySubcategory: await groupBy('c.subcategory'),
    bySeverity: await groupBy('c.severity'),
    byChannel: await groupBy('c.channel'),
    byDepartment,
    byEstate: await groupBy('c.estate'),
    invalid: await count(received().where('c.validity', 'in', DISMISSED)),
    contacted: contact.n,
    contactedOnTime: contact.onTime,
    resolved: res.n,
    resolvedOnTime: res.onTime,
    extended: res.extended,
    resolveSpans,
    followUpsOwed: res.owed,
    followedUp: res.calledBack,
    satisfaction,
    repeats: await count(valid().where('c.repeat_of_id', 'is not', null)),
    escalated,
    major,
    groups,
    compensationFen,
    closedWithoutCallBack,
    stepCounts,
    reportUps: { n: reportUps.n, onTime: reportUps.onTime },
    openAtEnd: openNowReceivedBefore + closedSinceEnd,
    overdueAtEnd: overdueOpenNow + overdueClosedSince,
    trend,
  };
}

