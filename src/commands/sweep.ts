// `sweep` (daily cron): applies the time-based rules of §6 — an important
// complaint open more than 3 months becomes major — and reports possible
// group complaints. Each change is its own short transaction that re-reads the
// complaint, so clerks working at the same time are never overwritten, and a
// second run changes nothing.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { sweep } from '../domain/lifecycle.js';
import { findGroups } from '../domain/groups.js';
import { DAY, isoLocal, localDate } from '../domain/time.js';
import { write } from '../storage/store.js';
import { findByTicket, longOpenImportant, receivedBetween, updateComplaint } from '../storage/complaints.js';
import { appendEvents } from '../storage/events.js';

export function sweepCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('sweep')
    .description(zh ? '定时检查（每日）：重要投诉超 3 个月升为重大；提示可能的群诉' : 'daily rules: important open over 3 months → major; possible group complaints')
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints sweep --json
  30 6 * * *  complaints sweep      # ${ctx.t.m('help.ex.sweep.16')}`)
    .action(async () => {
      await runSweep(ctx);
    });
}

export interface SweepResult {
  escalated: { ticket: string; from: string; to: string }[];
  groups: ReturnType<typeof findGroups>;
}

export async function runSweep(ctx: Ctx): Promise<SweepResult> {
  const s = await ctx.store();
  const k = await ctx.clock();
  // Months are at least 28 days: a generous first cut; the domain rule decides exactly.
  const candidates = await longOpenImportant(s, k.now - k.settings.majorAfterMonths * 28 * DAY);
  const escalated: SweepResult['escalated'] = [];
  for (const ticket of candidates) {
    await write(s, async () => {
      const c = (await findByTicket(s, ticket))!;
      const step = sweep(c, k);
      if (!step) return;
      await updateComplaint(s, c, step.next);
      await appendEvents(s, c.id, ctx.actor, k.now, step.events);
      escalated.push({ ticket, from: c.severity, to: step.next.severity });
    });
  }
  const window = k.settings.groupWindowDays * DAY;
  const groups = findGroups(await receivedBetween(s, k.now - window, k.now + 1), k.settings.groupUnits, k.settings.groupWindowDays);
  const tz = k.tz;
  const { t } = ctx;
  await ctx.emit({
    at: isoLocal(k.now, tz),
    escalated,
    groups: groups.map((g) => ({ ...g, from: isoLocal(g.from, tz), to: isoLocal(g.to, tz) })),
  }, () => {
    const out: string[] = [];
    out.push(t.m('sweep.escalated', { count: escalated.length }));
    for (const e of escalated) out.push(`  ${e.ticket}  ${t.l(`severity.${e.from}`)} → ${t.l(`severity.${e.to}`)}`);
    out.push(t.m('sweep.groups', { count: groups.length }));
    for (const g of groups) {
      out.push(`  ${g.estate}  ${t.l(`category.${g.category}`)} / ${t.l(`subcategory.${g.subcategory}`)}  ${t.m('sweep.units', { n: g.units })}  ${localDate(g.from, tz)}–${localDate(g.to, tz)}  ${g.tickets.join(' ')}`);
    }
    return out.join('\n') + '\n';
  });
  return { escalated, groups };
}
