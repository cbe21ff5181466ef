// Lists of complaints: aligned, coloured columns with relative times on a
// terminal; tab-separated values with ISO times through a pipe.
import type { Complaint } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import { addDays, isoLocal, localDate, localDateTime } from '../domain/time.js';
import { groupThousands } from '../domain/money.js';
import { renderColumns, relativeTime, tsvLine, type Column } from './text.js';
import { amountKey, amountText, severityText, type View } from './complaint-view.js';

const KEYS = ['ticket', 'receivedAt', 'status', 'severity', 'category', 'department', 'name', 'unit', 'subject'] as const;

/** The header line of a piped list: stable for scripts, English keys. */
export const LIST_TSV_HEADER = tsvLine([...KEYS]);

/** One complaint as a piped list's line: enum values as keys, ISO times. */
export function complaintTsvLine(v: View, c: Complaint): string {
  return tsvLine([
    c.ticket, isoLocal(c.receivedAt, v.tz), c.status, c.severity, c.category ?? '', c.department ?? '',
    c.complainant.name, [c.complainant.estate, c.complainant.unit].filter(Boolean).join(' '), c.subject,
  ]);
}

/** What a list's footer says: how many of how many it shows. */
export interface ListCounts {
  shown: number;
  total: number;
  /** More than `total` match (a capped count). */
  more: boolean;
}

/**
 * The columns on a terminal (text.ts fitColumns): the subject takes what the
 * others leave; names and estates are cut next; on a narrow terminal the
 * department, category, received time, unit, complainant, status and severity
 * are left out in that order. The ticket and the due never are.
 */
const COLUMNS: Record<(typeof KEYS)[number] | 'due', Omit<Column, 'header'>> = {
  ticket: {},
  receivedAt: { drop: 3 },
  status: { drop: 6 },
  severity: { drop: 7 },
  category: { min: 8, drop: 2 },
  department: { min: 6, drop: 1 },
  name: { min: 6, drop: 5 },
  unit: { max: 20, min: 8, drop: 4 },
  due: {},
  subject: { fill: true },
};

const SHOWN = [...KEYS.slice(0, -1), 'due', 'subject'] as const;

/**
 * "今天 16:00", "明天", "3 个工作日后", "逾期 2 个工作日": when the complaint's
 * next deadline falls, from now. Worded once per day or amount: a list of ten
 * thousand has a few dozen of them.
 */
function dueWording(v: View): (d: DeadlineStatus | null) => string {
  const { t } = v;
  const today = localDate(v.now, v.tz);
  const tomorrow = addDays(today, 1);
  const said = new Map<string, string>();
  const word = (key: string, make: () => string) => said.get(key) ?? said.set(key, make()).get(key)!;
  return (d) => {
    if (d === null) return '—';
    if (d.state === 'overdue') return word(`late ${amountKey(d)}`, () => t.m('list.dueLate', { amount: amountText(v, d) }));
    const day = localDate(d.due, v.tz);
    if (day === today) return word(`at ${d.due}`, () => t.m('list.dueToday', { time: localDateTime(d.due, v.tz).slice(11) }));
    if (day === tomorrow) return word('tomorrow', () => t.m('list.dueTomorrow'));
    return word(day, () => (d.workdays > 0 ? t.m('list.dueInWorkdays', { n: d.workdays }) : t.m('list.dueOn', { date: day })));
  };
}

/**
 * A list of complaints for a person: on a terminal, aligned columns fitting
 * its width, with each complaint's next deadline (or null) when `dues` are
 * given and a footer when `counts` are (`list`; the short lists of a caller's
 * earlier complaints have neither). Through a pipe, the piped lines.
 */
export function renderComplaintList(v: View, list: Complaint[], o: { dues?: (DeadlineStatus | null)[]; counts?: ListCounts } = {}): string {
  const { t } = v;
  if (!v.tty) return LIST_TSV_HEADER + list.map((c) => complaintTsvLine(v, c)).join('');
  const dues = o.dues;
  const due = dueWording(v);
  const rows = list.map((c, i) => [
    c.ticket,
    relativeTime(c.receivedAt, v.now, t.lang),
    t.l(`status.${c.status}`),
    t.l(`severity.${c.severity}`),
    c.category ? t.l(`category.${c.category}`) : '—',
    c.department ?? '—',
    c.complainant.name,
    [c.complainant.estate, c.complainant.unit].filter(Boolean).join(' '),
    ...(dues ? [due(dues[i])] : []),
    c.subject,
  ]);
  const columns = (dues ? SHOWN : KEYS).map((k) => ({ header: t.l(`field.${k}`), ...COLUMNS[k] }));
  // Past due in red, due today in yellow.
  const today = localDate(v.now, v.tz);
  const dueStyle = (d: DeadlineStatus | null, text: string) => (d?.state === 'overdue' ? v.chalk.red(text) : d && localDate(d.due, v.tz) === today ? v.chalk.yellow(text) : text);
  const table = renderColumns(columns, rows, {
    width: v.width,
    style: (col, text, row) => (col === 3 ? severityText(v, list[row].severity).replace(t.l(`severity.${list[row].severity}`), text)
      : col === 0 ? v.chalk.cyan(text) : col === 8 && dues ? dueStyle(dues[row], text) : text),
    headerStyle: (h) => v.chalk.bold(h),
  });
  const c = o.counts;
  if (!c) return table;
  return table + v.chalk.dim(t.m(c.more ? 'list.footerMore' : 'list.footer', { shown: groupThousands(c.shown), total: groupThousands(c.total) })) + '\n';
}
