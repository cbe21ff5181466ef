// What the morning chase (`overdue`) reads: open complaints past a deadline,
// and those nobody has contacted for a week, as narrow rows. Only the columns
// the chase shows or needs for its deadlines are read: an office that lets
// twenty thousand complaints pile up should still get its list in a moment,
// and turning full rows (descriptions, fifty columns) into objects was most
// of the time.
import type { ChaseRow, Severity, Status } from '../domain/types.js';
import type { StepState } from '../domain/steps.js';
import type { ReportLevel, ReportRole, ReportUp, ReportVia } from '../domain/report-up.js';
import { overdueAt } from './complaints.js';
import { sql } from 'kysely';
import { all, arrays, type Store } from './store.js';
import { listDepartments } from './departments.js';
import { pairsText, sameOffice } from './dialect.js';

/**
 * The columns the chase reads, in this order: rows come back as arrays of
 * values (no object with eighteen keys for each of twenty thousand rows),
 * and departments as ids named from their own small table.
 */
const COLUMNS = [
  'c.id', 'c.ticket', 'c.department_id', 'c.assignee', 'c.severity', 'c.status', 'c.subject', 'c.received_at',
  'c.last_contact_at', 'c.contact_due', 'c.resolve_due', 'c.follow_up_due', 'c.contacted_at', 'c.resolved_at', 'f.at as fu_at',
] as const;

/** The columns' values, then is_overdue, is_stale and the late steps. */
type Row = [
  id: number, ticket: string, departmentId: number | null, assignee: string | null, severity: string, status: string, subject: string,
  receivedAt: number, lastContactAt: number | null, contactDue: number, resolveDue: number, followUpDue: number | null,
  contactedAt: number | null, resolvedAt: number | null, fuAt: number | null, isOverdue: number, isStale: number, lateSteps: string | null,
];

/** One shape for every row, the late steps and reports up included (undefined when none), so none is reshaped after it is made. */
function toChaseRow(r: Row, departments: ReadonlyMap<number, string>, steps: ChaseRow['steps'], reportUps: ChaseRow['reportUps']): ChaseRow {
  const [, ticket, departmentId, assignee, severity, status, subject, receivedAt, lastContactAt, contactDue, resolveDue, followUpDue, contactedAt, resolvedAt, fuAt] = r;
  return {
    ticket, department: departmentId === null ? null : departments.get(departmentId) ?? null, assignee, severity: severity as Severity,
    status: status as Status, subject, receivedAt, lastContactAt,
    deadlines: { contact: contactDue, resolve: resolveDue, followUp: followUpDue },
    contactedAt, resolvedAt, followUp: fuAt === null ? null : { at: fuAt }, steps, reportUps,
  };
}

export interface Chase {
  /** Open complaints with a deadline passed by `now` (as `list --overdue` finds them). */
  overdue: ChaseRow[];
  /** Open complaints with no contact with the complainant since `staleSince` (每周至少联系一次), oldest first. */
  stale: ChaseRow[];
}

/**
 * Both lists of the chase from one pass over the open complaints, with each
 * one's steps owed and late. `staleSince` is per severity: the weekly
 * progress contact's interval is a setting of each (SPEC §11).
 */
export async function chaseRows(s: Store, now: number, staleSince: Record<Severity, number>): Promise<Chase> {
  const rows = await arrays(s, chaseQuery(s, now, staleSince)) as unknown as Row[];
  const departments = new Map((await listDepartments(s)).map((d) => [d.id, d.name]));
  const unreported = await lateReportUps(s, now);
  const chase: Chase = { overdue: [], stale: [] };
  for (const r of rows) {
    const [id, , , , , , , , , , , , , , , isOverdue, isStale, late] = r;
    const steps = lateSteps(late);
    const reportUps = unreported.get(id);
    if (!(isOverdue || steps || reportUps || isStale)) continue;
    const row = toChaseRow(r, departments, steps, reportUps);
    if (isOverdue || steps || reportUps) chase.overdue.push(row);
    if (isStale) chase.stale.push(row);
  }
  return chase;
}

/**
 * The chase's one query over the open complaints, oldest first. On SQLite it
 * is read from the covering index complaints_open_rows alone (migration
 * 0013; test/commands/query-plans.test.ts holds it there): no seek into the
 * table for any of the twenty thousand rows.
 */
export function chaseQuery(s: Store, now: number, staleSince: Record<Severity, number>) {
  return s.q.selectFrom('complaints as c')
    .leftJoin('follow_ups as f', 'f.id', 'c.follow_up_id')
    .select(COLUMNS)
    .select((eb) => [
      overdueAt(s, eb as never, now).as('is_overdue'),
      eb(eb.fn.coalesce('c.last_contact_at', 'c.received_at'), '<', eb.case()
        .when('c.severity', '=', 'general').then(staleSince.general)
        .when('c.severity', '=', 'important').then(staleSince.important)
        .else(staleSince.major).end()).as('is_stale'),
      // The steps owed and late, read with their complaint (the primary key's
      // range of each): one short string each instead of a row per step.
      pairsText(s, 'step', 'due', sql`SELECT step, due FROM complaint_steps WHERE complaint_id = c.id${sameOffice(s, 'complaint_steps')} AND done_at IS NULL AND due < ${now}`)
        .as('late_steps'),
    ])
    .where('c.status', '<>', 'closed') // the partial indexes of open complaints
    .orderBy('c.received_at', 'asc').orderBy('c.id', 'asc');
}

/** The late steps of one complaint, as the chase reads them ("site_check 1795… plan 1795…"); undefined when none. */
function lateSteps(text: string | null): Record<string, StepState> | undefined {
  if (text === null || text === '') return undefined;
  const steps: Record<string, StepState> = {};
  const words = text.split(' ');
  for (let i = 0; i + 1 < words.length; i += 2) steps[words[i]] = { due: Number(words[i + 1]), doneAt: null, note: null };
  return steps;
}

/** Reports up owed and past due, by complaint id. */
async function lateReportUps(s: Store, now: number): Promise<Map<number, ReportUp[]>> {
  const out = new Map<number, ReportUp[]>();
  for (const r of await all(s, s.q.selectFrom('report_ups').selectAll()
    .where('done_at', 'is', null).where('due', 'is not', null).where('due', '<', now).orderBy('id'))) {
    const list = out.get(r.complaint_id) ?? out.set(r.complaint_id, []).get(r.complaint_id)!;
    list.push({ id: r.id, level: r.level as ReportLevel, role: r.role as ReportRole, via: r.via as ReportVia, due: r.due, doneAt: null, to: null, note: null });
  }
  return out;
}
