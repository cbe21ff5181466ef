// `overdue`: what is past due now, by department, for the morning chase (催办);
// also open complaints nobody has contacted or noted for 7 days.
// Plain and stable when piped, so it can go straight into a cron mail.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { deadlineStatuses, type DeadlineStatus } from '../domain/deadlines.js';
import { maskPersonal } from '../domain/phone.js';
import { byCodePoint } from '../domain/text-order.js';
import { localDate } from '../domain/time.js';
import { staleBefore } from '../domain/deadline-rule.js';
import type { Severity } from '../domain/types.js';
import { chaseRows } from '../storage/chase.js';
import { renderOverdue, type OverdueItem, type StaleItem } from '../output/overdue-view.js';
import { BufferedOutput } from '../output/buffered-output.js';
import { overdueJson } from '../output/overdue-json.js';
import { stepsInForce } from '../domain/steps.js';
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
${ctx.t.l('help.examples')}
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
  const steps = stepsInForce(k.settings.procedure);
  const items: OverdueItem[] = [];
  for (const c of chase.overdue) {
    const late = deadlineStatuses(c, k.now, k, { steps, overdueOnly: true });
    if (late.length) items.push({ complaint: c, late, worst: mostHours(late) });
  }
  items.sort(byDepartmentThenLateness(items));
  const stale: StaleItem[] = chase.stale.map((c) => ({
    complaint: c, since: c.lastContactAt ?? c.receivedAt,
  }));
  // Written as it is made: under a procedure of many steps the list runs to tens of megabytes.
  const sink = new BufferedOutput(ctx.io.stdout);
  const pieces = ctx.json ? overdueJson(k.now, k.tz, items, stale) : renderOverdue(await view(ctx), items, stale, localDate(k.now, k.tz));
  await sink.writeAll(pieces);
  return { count: items.length + stale.length };
}

/** Hours past the latest-missed of a complaint's late deadlines. */
function mostHours(late: readonly DeadlineStatus[]): number {
  let most = -Infinity;
  for (const d of late) if (d.hours > most) most = d.hours;
  return most;
}

/** Department names in the order of the Chinese dictionary (pinyin), as the office files them. */
const collator = new Intl.Collator('zh');

/**
 * Stable order: department (unassigned last), then the most overdue first,
 * then ticket. The few departments are put in order once: comparing names
 * through the collator at every step of sorting twenty thousand entries
 * was a good part of the list's time.
 */
function byDepartmentThenLateness(items: readonly OverdueItem[]): (a: OverdueItem, b: OverdueItem) => number {
  const names = [...new Set(items.map((i) => i.complaint.department).filter((d): d is string => d !== null))].sort(collator.compare);
  const rank = new Map<string | null, number>(names.map((d, n) => [d, n]));
  rank.set(null, names.length);
  return (a, b) => rank.get(a.complaint.department)! - rank.get(b.complaint.department)! || b.worst - a.worst || byCodePoint(a.complaint.ticket, b.complaint.ticket);
}
