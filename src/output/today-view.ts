// `today` (SPEC §16): the desk's day on one screen, and its JSON.
import type { Complaint } from '../domain/types.js';
import type { TodayRead } from '../storage/today.js';
import { isoLocal, localDate, localDateTime } from '../domain/time.js';
import { displayWidth, fitColumns, padEnd, truncate, wrapLine, type Column } from './text.js';
import { visible } from './visible-text.js';
import type { View } from './complaint-view.js';

/** The parts of the screen, in the order shown, with their headings' keys. */
const PARTS = [
  ['dueToday', 'today.dueToday'],
  ['overdue', 'today.overdue'],
  ['awaitingCallBack', 'today.awaitingCallBack'],
  ['flagged', 'today.flagged'],
] as const;

/**
 * The columns of every part, one layout for the screen (text.ts fitColumns):
 * the subject, and the due time after it, take what the ticket, severity and
 * who leave; on a narrow terminal who, then the severity, are left out.
 */
const COLUMNS: Column[] = [
  { header: 'ticket' }, { header: 'severity', drop: 2 }, { header: 'who', min: 6, drop: 1 }, { header: 'subject', fill: true },
];

interface Row {
  ticket: string;
  severity: string;
  who: string;
  subject: string;
  /** "  16:00 到期" after the subject, for what is due today. */
  when: string;
}

function rowOf(v: View, c: Complaint, due: number | undefined): Row {
  const { t } = v;
  return {
    ticket: c.ticket,
    severity: t.l(`severity.${c.severity}`),
    who: visible([c.department, c.assignee].filter(Boolean).join(' / ') || t.l('word.none')),
    subject: visible(c.subject),
    when: due === undefined ? '' : `  ${t.m('today.due', { at: localDateTime(due, v.tz).slice(11) })}`,
  };
}

function lines(rows: Row[], widths: number[]): string {
  return rows.map((r) => {
    const cells: string[] = [];
    if (widths[0] >= 0) cells.push(padEnd(r.ticket, widths[0]));
    if (widths[1] >= 0) cells.push(padEnd(truncate(r.severity, widths[1]), widths[1]));
    if (widths[2] >= 0) cells.push(padEnd(truncate(r.who, widths[2]), widths[2]));
    cells.push(truncate(r.subject, Math.max(1, widths[3] - displayWidth(r.when))) + r.when);
    return `  ${cells.join('  ')}\n`;
  }).join('');
}

export function renderToday(v: View, r: TodayRead): string {
  const { t } = v;
  const parts = PARTS.map(([key, heading]) => ({
    heading, part: r[key], rows: r[key].items.map((c) => rowOf(v, c, key === 'dueToday' ? r.dueToday.due.get(c.id) : undefined)),
  }));
  const every = parts.flatMap((p) => p.rows);
  const widest = (f: (x: Row) => number) => every.reduce((w, x) => Math.max(w, f(x)), 0);
  // The ticket, severity and who as wide as they have always been; the subject as wide as it needs.
  const widths = fitColumns(COLUMNS, [10, 9, 14, widest((x) => displayWidth(x.subject) + displayWidth(x.when))], v.width - 2);
  // Headings broken to the terminal's width, each line bold.
  const heading = (text: string) => wrapLine(text, v.width).map((l) => v.chalk.bold(l) + '\n').join('');
  const out: string[] = [heading(t.m('today.title', { date: localDate(v.now, v.tz) }))];
  for (const { heading: key, part, rows } of parts) {
    out.push(`\n${heading(t.m(key, { count: part.count }))}`);
    out.push(lines(rows, widths));
    if (part.count > part.items.length) out.push(wrapLine(`  ${t.m('today.more', { n: part.count - part.items.length })}`, v.width).join('\n  ') + '\n');
  }
  out.push(`\n${heading(t.m('today.groups', { count: r.groups.length }))}`);
  for (const g of r.groups) {
    // The estate first, then the tickets: what does not fit is cut (`sweep` lists every ticket).
    const text = `  ${truncate(visible(g.estate), 20)}  ${t.l(`category.${g.category}`)} / ${t.l(`subcategory.${g.subcategory}`)}  ${t.m('sweep.units', { n: g.units })}  ${g.tickets.join(' ')}`;
    out.push(truncate(text, v.width) + '\n');
  }
  out.push(`\n${heading(t.m('today.month', r.month))}`);
  return out.join('');
}

export function todayJson(r: TodayRead, now: number, monthStart: number, tz: string) {
  const item = (c: Complaint) => ({
    ticket: c.ticket, receivedAt: isoLocal(c.receivedAt, tz), severity: c.severity, status: c.status,
    department: c.department, assignee: c.assignee, subject: c.subject,
  });
  const part = (p: TodayRead['overdue']) => ({ count: p.count, items: p.items.map(item) });
  return {
    at: isoLocal(now, tz),
    dueToday: { count: r.dueToday.count, items: r.dueToday.items.map((c) => ({ ...item(c), due: isoLocal(r.dueToday.due.get(c.id)!, tz) })) },
    overdue: part(r.overdue),
    awaitingCallBack: part(r.awaitingCallBack),
    flagged: part(r.flagged),
    groups: r.groups.map((g) => ({ ...g, from: isoLocal(g.from, tz), to: isoLocal(g.to, tz) })),
    month: { from: isoLocal(monthStart, tz), ...r.month },
  };
}
