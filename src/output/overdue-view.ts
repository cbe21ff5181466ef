// The overdue list as a person (or a cron mail) reads it.
import type { ChaseRow } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import { localDate } from '../domain/time.js';
import { columnLines, displayWidth, type Column, type MeasuredCell } from './text.js';
import { visible } from './visible-text.js';
import { amountKey, amountText, deadlineName, severityText, type View } from './complaint-view.js';

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
 * "resolve overdue by 2 working days (2026-11-24); plan …", one cell whose
 * width is known before its text is made. The same few names and amounts come
 * up tens of thousands of times in an office's list: each is worded, made
 * visible and measured once.
 */
function lateWording(v: View): (late: readonly DeadlineStatus[]) => MeasuredCell {
  const names = new Map<string, Worded>();
  // By number, not by a key made as text for each step.
  const amounts = new Map<number, Worded>();
  const name = (d: DeadlineStatus) => {
    const key = d.role ? `${d.key} ${d.role} ${d.via}` : d.key;
    return names.get(key) ?? remember(names, key, deadlineName(v, d));
  };
  const amount = (d: DeadlineStatus) => {
    const key = amountKey(d);
    return amounts.get(key) ?? remember(amounts, key, v.t.m('due.overdue', { amount: amountText(v, d) }));
  };
  const text = (late: readonly DeadlineStatus[]) => late.map((d) => `${name(d).text} ${amount(d).text} (${localDate(d.due, v.tz)})`).join('; ');
  return (late) => {
    // "; " between steps; a step is its name, a space, its amount, " (", its date (ASCII) and ")".
    let width = 2 * (late.length - 1);
    for (const d of late) width += name(d).width + 1 + amount(d).width + 2 + localDate(d.due, v.tz).length + 1;
    return { width, text: () => text(late) };
  };
}

interface Worded {
  text: string;
  width: number;
}

function remember<K>(map: Map<K, Worded>, key: K, words: string): Worded {
  const text = visible(words);
  const worded = { text, width: displayWidth(text) };
  map.set(key, worded);
  return worded;
}

/**
 * How the columns give way on a narrow terminal (text.ts fitColumns): the
 * subject takes what is left, then names are cut, and the late steps (what
 * the list is for) to no less than 40; then the severity, the department and
 * the person are left out. The steps past the cut are in `show` and --json.
 */
const FIT: Record<string, Omit<Column, 'header'>> = {
  subject: { fill: true },
  overdue: { min: 40 },
  assignee: { min: 6, drop: 3 },
  department: { min: 6, drop: 2 },
  severity: { drop: 1 },
};

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
  // The severity coloured as severityText colours it, padded: one of a few texts, styled once each.
  const styled = new Map<string, string>();
  const severityStyled = (sev: OverdueItem['complaint']['severity'], padded: string) => {
    const key = `${sev} ${padded}`;
    let text = styled.get(key);
    if (text === undefined) styled.set(key, (text = severityText(v, sev).replace(severity(sev), padded)));
    return text;
  };
  const unassigned = t.m('overdue.unassigned');
  const groups = new Map<string, OverdueItem[]>();
  for (const i of items) {
    const key = i.complaint.department ?? unassigned;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  for (const [dept, list] of groups) {
    yield `\n${v.chalk.bold(visible(dept))} (${list.length})\n`;
    const rows = list.map((i) => [
      i.complaint.ticket, severity(i.complaint.severity), i.complaint.assignee ?? '—',
      lateText(i.late), i.complaint.subject,
    ]);
    yield* columnLines(
      ['ticket', 'severity', 'assignee', 'overdue', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), ...FIT[h] })),
      rows, {
        indent: '  ',
        width: v.width,
        style: (col, text, row) => (col === 1 ? severityStyled(list[row].complaint.severity, text) : col === 3 ? v.chalk.red(text) : text),
      },
    );
  }
  if (stale.length) {
    yield `\n${v.chalk.bold(t.m('overdue.staleTitle', { count: stale.length }))}\n`;
    // "since 2026-11-02": worded once per day, not once per entry.
    const sinceDays = new Map<string, string>();
    const since = (date: string) => sinceDays.get(date) ?? sinceDays.set(date, t.m('overdue.since', { date })).get(date)!;
    const rows = stale.map((i) => [
      i.complaint.ticket, i.complaint.department ?? unassigned, i.complaint.assignee ?? '—',
      since(localDate(i.since, v.tz)), i.complaint.subject,
    ]);
    yield* columnLines(
      ['ticket', 'department', 'assignee', 'lastContact', 'subject'].map((h) => ({ header: t.m(`overdue.col.${h}`), ...FIT[h] })),
      rows, { indent: '  ', width: v.width },
    );
  }
}
