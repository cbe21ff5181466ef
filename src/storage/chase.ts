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
import { all, type Store } from './store.js';

function chaseSelect(s: Store) {
  return s.q.selectFrom('complaints as c')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('follow_ups as f', 'f.id', 'c.follow_up_id')
    .select([
      'c.id', 'c.ticket', 'd.name as department', 'c.assignee', 'c.severity', 'c.status', 'c.subject', 'c.received_at',
      'c.last_contact_at', 'c.contact_due', 'c.resolve_due', 'c.follow_up_due', 'c.contacted_at', 'c.resolved_at', 'f.at as fu_at',
    ])
    .where('c.status', '<>', 'closed'); // the partial indexes of open complaints
}

type Row = Awaited<ReturnType<ReturnType<typeof chaseSelect>['executeTakeFirstOrThrow']>>;

function toChaseRow(r: Row): ChaseRow {
  return {
    ticket: r.ticket, department: r.department, assignee: r.assignee, severity: r.severity as Severity,
    status: r.status as Status, subject: r.subject, receivedAt: r.received_at, lastContactAt: r.last_contact_at,
    deadlines: { contact: r.contact_due, resolve: r.resolve_due, followUp: r.follow_up_due },
    contactedAt: r.contacted_at, resolvedAt: r.resolved_at, followUp: r.fu_at === null ? null : { at: r.fu_at },
  };
}

export interface Chase {
  /** Open complaints with a deadline passed by `now` (as `list --overdue` finds them). */
  overdue: ChaseRow[];
  /** Open complaints with no contact with the complainant since `staleSince` (每周至少联系一次), oldest first. */
  stale: ChaseRow[];
}

/**
 * Both lists of the chase from one pass over the open complaints, and one
 * over the steps owed and late (the partial index of steps not done).
 * `staleSince` is per severity: the weekly progress contact's interval is a
 * setting of each (SPEC §11).
 */
export async function chaseRows(s: Store, now: number, staleSince: Record<Severity, number>): Promise<Chase> {
  const rows = await all(s, chaseSelect(s)
    .select((eb) => [
      overdueAt(eb as never, now).as('is_overdue'),
      eb(eb.fn.coalesce('c.last_contact_at', 'c.received_at'), '<', eb.case()
        .when('c.severity', '=', 'general').then(staleSince.general)
        .when('c.severity', '=', 'important').then(staleSince.important)
        .else(staleSince.major).end()).as('is_stale'),
    ])
    .orderBy('c.received_at', 'asc').orderBy('c.id', 'asc'));
  const late = await lateSteps(s, now);
  const unreported = await lateReportUps(s, now);
  const chase: Chase = { overdue: [], stale: [] };
  for (const r of rows) {
    const steps = late.get(r.id);
    const reportUps = unreported.get(r.id);
    if (r.is_overdue || steps || reportUps) chase.overdue.push({ ...toChaseRow(r), ...(steps ? { steps } : {}), ...(reportUps ? { reportUps } : {}) });
    if (r.is_stale) chase.stale.push(toChaseRow(r));
  }
  return chase;
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

/** The procedure's steps not done and past due, by complaint id (open or not: the caller's pass is over open ones). */
async function lateSteps(s: Store, now: number): Promise<Map<number, Record<string, StepState>>> {
  const out = new Map<number, Record<string, StepState>>();
  for (const r of await all(s, s.q.selectFrom('complaint_steps').select(['complaint_id', 'step', 'due'])
    .where('done_at', 'is', null).where('due', 'is not', null).where('due', '<', now))) {
    const steps = out.get(r.complaint_id) ?? out.set(r.complaint_id, {}).get(r.complaint_id)!;
    steps[r.step] = { due: r.due, doneAt: null, note: null };
  }
  return out;
}
