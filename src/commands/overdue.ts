// `overdue`: what is past due now, by department, for the morning chase (催办);
// also open complaints nobody has contacted or noted for 7 days.
// Plain and stable when piped, so it can go straight into a cron mail.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { deadlineStatuses } from '../domain/deadlines.js';
import { maskPersonal } from '../domain/phone.js';
import { byCodePoint } from '../domain/text-order.js';
import { DAY, isoLocal, localDate } from '../domain/time.js';
import { staleBefore } from '../domain/deadline-rule.js';
import type { Severity } from '../domain/types.js';
import { chaseRows } from '../storage/chase.js';
import { renderOverdue, type OverdueItem, type StaleItem } from '../output/overdue-view.js';
import { view } from './complaint-step.js';

export interface OverdueOptions {
  exitStatus?: boolean;
  mask?: boolean;
}

export function overdueCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('overdue')
    .description(zh ? '超期未办清单（按部门），以及 7 天未联系的投诉' : 'what is past due now, by department; and open complaints with no contact for 7 days')
    .option('--exit-status', zh ? '有超期项时以退出码 1 结束（供定时任务使用）' : 'exit 1 when anything is listed (for cron)')
    .option('--mask', ctx.t.m('option.mask'))
    .addHelpText('after', `
Examples:
  complaints overdue
  complaints overdue --json
  complaints overdue --exit-status || mail -s "超期投诉" office@example.com`)
    .action(async (o: OverdueOptions) => {
      if ((await runOverdue(ctx, o)).count > 0 && o.exitStatus) ctx.exitCode = 1;
    });
}

export async function runOverdue(ctx: Ctx, o: OverdueOptions = {}): Promise<{ count: number }> {
  const s = await ctx.store();
  const k = await ctx.clock();
  const progress = k.settings.procedure.progressContact;
  const since = (sev: Severity) => staleBefore(progress[sev], k.now, k.calendar, k.tz);
  const found = await chaseRows(s, k.now, { general: since('general'), important: since('important'), major: since('major') });
  const chase = o.mask ? maskPersonal(found) : found;
  const items: OverdueItem[] = chase.overdue
    .map((c) => {
      const late = deadlineStatuses(c, k.now, k).filter((d) => d.state === 'overdue');
      return { complaint: c, late, worst: Math.max(...late.map((d) => d.hours)) };
    })
    .filter((i) => i.late.length > 0)
    .sort(byDepartmentThenLateness);
  const stale: StaleItem[] = chase.stale.map((c) => ({
    complaint: c, since: c.lastContactAt ?? c.receivedAt,
  }));
  const tz = k.tz;
  await ctx.emit(() => ({
    at: isoLocal(k.now, tz),
    overdue: items.map((i) => ({
      ticket: i.complaint.ticket, department: i.complaint.department, assignee: i.complaint.assignee,
      severity: i.complaint.severity, status: i.complaint.status, subject: i.complaint.subject,
      deadlines: i.late.map((d) => ({ step: d.step, due: isoLocal(d.due, tz), workdays: d.workdays, hours: d.hours, ...(d.role ? { role: d.role, via: d.via } : {}) })),
    })),
    stale: stale.map((i) => ({
      ticket: i.complaint.ticket, department: i.complaint.department, assignee: i.complaint.assignee,
      lastContactAt: i.complaint.lastContactAt === null ? null : isoLocal(i.complaint.lastContactAt, tz),
      days: Math.floor((k.now - i.since) / DAY),
    })),
  }), async () => renderOverdue(await view(ctx), items, stale, localDate(k.now, tz)));
  return { count: items.length + stale.length };
}

/** Department names in the order of the Chinese dictionary (pinyin), as the office files them. */
const collator = new Intl.Collator('zh');

/** Stable order: department (unassigned last), then the most overdue first, then ticket. */
function byDepartmentThenLateness(a: OverdueItem, b: OverdueItem): number {
  const da = a.complaint.department ?? '\uffff';
  const db = b.complaint.department ?? '\uffff';
  return (da === db ? 0 : collator.compare(da, db)) || b.worst - a.worst || byCodePoint(a.complaint.ticket, b.complaint.ticket);
}
