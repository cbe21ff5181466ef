// `today` (SPEC §16): the desk's day on one screen, and its JSON.
import type { Complaint } from '../domain/types.js';
import type { TodayRead } from '../storage/today.js';
import { isoLocal, localDate, localDateTime } from '../domain/time.js';
import { padEnd, truncate } from './text.js';
import { visible } from './visible-text.js';
import type { View } from './complaint-view.js';

/** The parts of the screen, in the order shown, with their headings' keys. */
const PARTS = [
  ['dueToday', 'today.dueToday'],
  ['overdue', 'today.overdue'],
  ['awaitingCallBack', 'today.awaitingCallBack'],
  ['flagged', 'today.flagged'],
] as const;

function line(v: View, c: Complaint, due: number | undefined): string {
  const { t } = v;
  const who = [c.department, c.assignee].filter(Boolean).join(' / ') || t.l('word.none');
  const when = due === undefined ? '' : `  ${t.m('today.due', { at: localDateTime(due, v.tz).slice(11) })}`;
  return `  ${padEnd(c.ticket, 10)}  ${padEnd(t.l(`severity.${c.severity}`), 9)}  ${padEnd(truncate(visible(who), 14), 14)}  ${truncate(visible(c.subject), 30)}${when}\n`;
}

export function renderToday(v: View, r: TodayRead): string {
  const { t } = v;
  const out: string[] = [v.chalk.bold(t.m('today.title', { date: localDate(v.now, v.tz) })) + '\n'];
  for (const [key, heading] of PARTS) {
    const p = r[key];
    out.push(`\n${v.chalk.bold(t.m(heading, { count: p.count }))}\n`);
    for (const c of p.items) out.push(line(v, c, key === 'dueToday' ? r.dueToday.due.get(c.id) : undefined));
    if (p.count > p.items.length) out.push(`  ${t.m('today.more', { n: p.count - p.items.length })}\n`);
  }
  out.push(`\n${v.chalk.bold(t.m('today.groups', { count: r.groups.length }))}\n`);
  for (const g of r.groups) {
    out.push(`  ${visible(g.estate)}  ${t.l(`category.${g.category}`)} / ${t.l(`subcategory.${g.subcategory}`)}  ${t.m('sweep.units', { n: g.units })}  ${g.tickets.join(' ')}\n`);
  }
  out.push(`\n${v.chalk.bold(t.m('today.month', r.month))}\n`);
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
