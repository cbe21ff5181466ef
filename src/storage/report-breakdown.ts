// The counts behind a report's figures per department, person, receiver or
// estate (SPEC §12, §16; domain/report-breakdown.ts): each data set of the period read
// once, grouped by the row's key in SQL — the complaints received, resolved,
// due (the three deadlines the row holds and the procedure's steps), the
// call-backs scored and the payments recorded (what an undo took back left out).
import { sql, type RawBuilder } from 'kysely';
import { addCounts, byReport, type ByCounts, type ByDimension, type ByReport } from '../domain/report-breakdown.js';
import { DISMISSED } from '../domain/report-tally.js';
import type { Period } from '../domain/report.js';
import { listDepartments } from './departments.js';
import { countedEstate } from '../domain/estates.js';
import { estateNameMap } from './estates.js';
import { sameOffice } from './dialect.js';
import { all, type Store } from './store.js';
import { notUndone } from './undone.js';

/**
 * The complaint's column each dimension groups by, the one that says who was
 * found responsible, and the payment's (pm) or its complaint's (c) column
 * payments are counted by. An estate is nobody's fault: its row counts its
 * complaints found someone's fault, and the payments made on them.
 */
const KEY_COLUMN: Record<ByDimension, { row: string; responsible: string; paid: string }> = {
  department: { row: 'department_id', responsible: 'responsible_dept_id', paid: 'pm.responsible_dept_id' },
  person: { row: 'assignee', responsible: 'responsible_person', paid: 'pm.responsible_person' },
  receiver: { row: 'receiver', responsible: 'responsible_person', paid: 'pm.responsible_person' },
  estate: { row: 'estate', responsible: 'estate', paid: 'c.estate' },
};

export async function breakdownCounts(s: Store, p: Period, by: ByDimension): Promise<ByReport> {
  const cols = KEY_COLUMN[by];
  const key = (table: string, col: string) => sql.ref(`${table}.${col}`);
  const table = new Map<string | null, ByCounts>();
  // Departments are rows by name (ids are the database's own); an estate by
  // its current name, whichever of its names or aliases a complaint wrote.
  const names = by === 'department' ? new Map((await listDepartments(s)).map((d) => [d.id, d.name])) : null;
  const estates = by === 'estate' ? await estateNameMap(s) : null;
  const rowKey = (k: unknown): string | null => {
    if (k === null || k === undefined) return null;
    if (names) return names.get(Number(k)) ?? null;
    return estates ? countedEstate(estates, String(k)) : String(k);
  };
  const add = (k: unknown, counts: Partial<ByCounts>) => addCounts(table, rowKey(k), counts);
  // Who was found at fault; for an estate, whether anyone was.
  const faulted = by === 'estate' ? sql<boolean>`(c.responsible_dept_id IS NOT NULL OR c.responsible_person IS NOT NULL)` : sql<boolean>`${key('c', cols.responsible)} IS NOT NULL`;
  const valid = sql<boolean>`c.validity NOT IN (${sql.join([...DISMISSED])})`;

  // Received in the period, and of those the valid ones.
  for (const r of await all(s, s.q.selectFrom('complaints as c').where('c.received_at', '>=', p.from).where('c.received_at', '<', p.to)
    .select([key('c', cols.row).as('k'), (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ${valid})`.as('valid')])
    .groupBy(key('c', cols.row)))) add(r.k, { received: r.n, valid: r.valid });

  // Resolved in the period: on time, and found responsible (at fault) by the responsible column's own row.
  for (const r of await all(s, s.q.selectFrom('complaints as c').where('c.resolved_at', '>=', p.from).where('c.resolved_at', '<', p.to)
    .select([key('c', cols.row).as('k'), (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE c.resolved_at <= c.resolve_due)`.as('onTime')])
    .groupBy(key('c', cols.row)))) add(r.k, { resolved: r.n, resolvedOnTime: r.onTime });
  for (const r of await all(s, s.q.selectFrom('complaints as c').where('c.resolved_at', '>=', p.from).where('c.resolved_at', '<', p.to)
    .where(faulted).where(valid)
    .select([key('c', cols.responsible).as('k'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(key('c', cols.responsible)))) add(r.k, { atFault: r.n });

  // Deadlines due in the period (valid complaints only, as the report's steps): the three the row holds.
  const calledBackByDue = sql<boolean>`EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id${sameOffice(s, 'f')} AND f.satisfaction IS NOT NULL
    AND ${notUndone(s, 'f', 'followUpId')} AND f.at >= c.resolved_at AND f.at <= c.follow_up_due)`;
  const deadlines: [string, RawBuilder<boolean>][] = [
    ['contact_due', sql<boolean>`c.contacted_at IS NOT NULL AND c.contacted_at <= c.contact_due`],
    ['resolve_due', sql<boolean>`c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_due`],
    ['follow_up_due', calledBackByDue],
  ];
  for (const [due, onTime] of deadlines) {
    for (const r of await all(s, s.q.selectFrom('complaints as c').where(key('c', due), '>=', p.from).where(key('c', due), '<', p.to).where(valid)
      .select([key('c', cols.row).as('k'), (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE ${onTime})`.as('onTime')])
      .groupBy(key('c', cols.row)))) {
      add(r.k, { stepsDue: r.n, stepsLate: r.n - r.onTime, ...(due === 'follow_up_due' ? { callBacksDue: r.n, callBacksOnTime: r.onTime } : {}) });
    }
  }
  // The procedure's other steps.
  for (const r of await all(s, s.q.selectFrom('complaint_steps as st').innerJoin('complaints as c', 'c.id', 'st.complaint_id')
    .where('st.due', '>=', p.from).where('st.due', '<', p.to).where(valid)
    .select([key('c', cols.row).as('k'), (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) FILTER (WHERE st.done_at IS NOT NULL AND st.done_at <= st.due)`.as('onTime')])
    .groupBy(key('c', cols.row)))) add(r.k, { stepsDue: r.n, stepsLate: r.n - r.onTime });

  // Call-backs scored in the period, and the satisfied ones (1–3, as the report's rate).
  for (const r of await all(s, s.q.selectFrom('follow_ups as f').innerJoin('complaints as c', 'c.id', 'f.complaint_id')
    .where('f.at', '>=', p.from).where('f.at', '<', p.to).where('f.satisfaction', 'is not', null).where(notUndone(s, 'f', 'followUpId'))
    .select([key('c', cols.row).as('k'), (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) FILTER (WHERE f.satisfaction <= 3)`.as('satisfied')])
    .groupBy(key('c', cols.row)))) add(r.k, { scored: r.n, satisfied: r.satisfied });

  // Payments recorded in the period, by whom they were charged to.
  const paid = sql.ref(cols.paid);
  for (const r of await all(s, s.q.selectFrom('payments as pm').innerJoin('complaints as c', 'c.id', 'pm.complaint_id')
    .where('pm.at', '>=', p.from).where('pm.at', '<', p.to).where(notUndone(s, 'pm', 'paymentId'))
    .select([paid.as('k'), (eb) => eb.fn.sum<number>('pm.amount_fen').as('fen')])
    .groupBy(paid))) add(r.k, { paymentsFen: Number(r.fen) });

  return byReport(by, table);
}
