// The overdue list as a person (or a cron mail) reads it.
import type { ChaseRow } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import { localDate } from '../domain/time.js';
import { renderColumns } from './text.js';
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

function lateText(v: View, d: DeadlineStatus): string {
  return `${deadlineName(v, d)} ${v.t.m('due.overdue', { amount: amountText(v, d) })} (${localDate(d.due, v.tz)})`;
}

/** The list a department at a time, for output written as it is made. */
export function* renderOverdue(v: View, items: OverdueItem[], stale: StaleItem[], today: string): Generator<string> {
  const { t } = v;
  if (!items.length && !stale.length) {
    yield t.m('overdue.none', { date: today }) + '\n';
    return;
  }
  yield v.chalk.bold(t.m('overdue.title', { date: today, count: items.length })) + '\n';
  const groups = new Map<string, OverdueItem[]>();
  for (const i of items) {
    const key = i.complaint.department ?? t.m('overdue.unassigned');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  for (const [dept, list] of groups) {
    yield `\n${v.chalk.bold(visible(dept))} (${list.length})\n`;
    const rows = list.map((i) => [
      i.complaint.ticket, t.l(`severity.${i.complaint.severity}`), i.complaint.assignee ?? '—',
      i.late.map((d) => lateText(v, d)).join('; '), i.complaint.subject,
    ]);
    yield indent(renderColumns(
      ['ticket', 'severity', 'assignee', 'overdue', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), max: h === 'subject' ? 30 : undefined })),
      rows, (col, text, row) => (col === 1 ? severityText(v, list[row].complaint.severity).replace(t.l(`severity.${list[row].complaint.severity}`), text) : col === 3 ? v.chalk.red(text) : text),
    ));
  }
  if (stale.length) {
    yield `\n${v.chalk.bold(t.m('overdue.staleTitle', { count: stale.length }))}\n`;
    const rows = stale.map((i) => [
      i.complaint.ticket, i.complaint.department ?? t.m('overdue.unassigned'), i.complaint.assignee ?? '—',
      t.m('overdue.since', { date: localDate(i.since, v.tz) }), i.complaint.subject,
    ]);
    yield indent(renderColumns(
      ['ticket', 'department', 'assignee', 'lastContact', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), max: h === 'subject' ? 30 : undefined })),
      rows,
    ));
  }
}

function indent(block: string): string {
  return block.replace(/^(?=.)/gm, '  ');
}
