// The overdue list as a person (or a cron mail) reads it.
import type { ChaseRow } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import { localDate } from '../domain/time.js';
import { columnLines } from './text.js';
import { visible } from './visible-text.js';
import { amountText, deadlineName, severityText, type View } from './complaint-view.js';

export interface OverdueItem {
  complaint: ChaseRow;
  late: DeadlineStatus[];
  /** Hours past the latest-missed of them. */
  worst: number;
}

export interface StaleItem {
  complaint: ChaseRow;
  since: number;
}

/**
 * "resolve overdue by 2 working days (2026-11-24)". The same few names and
 * amounts come up tens of thousands of times in an office's list: each is
 * worded once.
 */
function lateWording(v: View): (d: DeadlineStatus) => string {
  const names = new Map<string, string>();
  const amounts = new Map<string, string>();
  return (d) => {
    const nameKey = d.role ? `${d.key} ${d.role} ${d.via}` : d.key;
    let name = names.get(nameKey);
    if (name === undefined) names.set(nameKey, (name = deadlineName(v, d)));
    const amountKey = d.step !== 'contact' && d.workdays > 0 ? `w${d.workdays}` : `h${d.hours}`;
    let amount = amounts.get(amountKey);
    if (amount === undefined) amounts.set(amountKey, (amount = v.t.m('due.overdue', { amount: amountText(v, d) })));
    return `${name} ${amount} (${localDate(d.due, v.tz)})`;
  };
}

/** The list a line at a time, for output written as it is made. */
export function* renderOverdue(v: View, items: OverdueItem[], stale: StaleItem[], today: string): Generator<string> {
  const { t } = v;
  if (!items.length && !stale.length) {
    yield t.m('overdue.none', { date: today }) + '\n';
    return;
  }
  yield v.chalk.bold(t.m('overdue.title', { date: today, count: items.length })) + '\n';
  const lateText = lateWording(v);
  const severities = new Map<string, string>();
  const severity = (sev: OverdueItem['complaint']['severity']) => severities.get(sev) ?? severities.set(sev, t.l(`severity.${sev}`)).get(sev)!;
  const groups = new Map<string, OverdueItem[]>();
  for (const i of items) {
    const key = i.complaint.department ?? t.m('overdue.unassigned');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  for (const [dept, list] of groups) {
    yield `\n${v.chalk.bold(visible(dept))} (${list.length})\n`;
    const rows = list.map((i) => [
      i.complaint.ticket, severity(i.complaint.severity), i.complaint.assignee ?? '—',
      i.late.map(lateText).join('; '), i.complaint.subject,
    ]);
    yield* columnLines(
      ['ticket', 'severity', 'assignee', 'overdue', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), max: h === 'subject' ? 30 : undefined })),
      rows, {
        indent: '  ',
        style: (col, text, row) => (col === 1 ? severityText(v, list[row].complaint.severity).replace(severity(list[row].complaint.severity), text) : col === 3 ? v.chalk.red(text) : text),
      },
    );
  }
  if (stale.length) {
    yield `\n${v.chalk.bold(t.m('overdue.staleTitle', { count: stale.length }))}\n`;
    const rows = stale.map((i) => [
      i.complaint.ticket, i.complaint.department ?? t.m('overdue.unassigned'), i.complaint.assignee ?? '—',
      t.m('overdue.since', { date: localDate(i.since, v.tz) }), i.complaint.subject,
    ]);
    yield* columnLines(
      ['ticket', 'department', 'assignee', 'lastContact', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), max: h === 'subject' ? 30 : undefined })),
      rows, { indent: '  ' },
    );
  }
}
