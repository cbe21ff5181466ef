// `group <ticket>... --reason`: confirms complaints of 5 or more units as one
// group complaint (群诉, SPEC §12; 002 "同一项目相同的投诉涉及5户以上" is major)
// and raises each to major. The threshold is the households setting of a
// major complaint (threshold.major_households). All of them, or none.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { ticketArg } from '../cli/parse.js';
import type { Complaint } from '../domain/types.js';
import { joinGroup } from '../domain/lifecycle.js';
import { checkGroupUnits } from '../domain/groups.js';
import { touchedSpanOf } from '../domain/report.js';
import { isoLocal } from '../domain/time.js';
import { write } from '../storage/store.js';
import { findByTicket, updateComplaint } from '../storage/complaints.js';
import { appendEvents } from '../storage/events.js';
import { insertGroup } from '../storage/groups.js';
import { markStaleSnapshots } from '../storage/report-queries.js';
import { complaintJson } from '../output/complaint-json.js';
import { renderComplaintList } from '../output/complaint-list.js';
import { UsageError } from '../domain/errors.js';
import { loadComplaint, stepKeysInForce, view } from './complaint-step.js';
import { noticeStale } from './stale-snapshots.js';

export function groupCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('group')
    .description(t.m('help.group'))
    .argument('<tickets...>', t.m('help.groupTickets'))
    .addOption(new Option('--reason <text>', t.m('help.groupReason')).makeOptionMandatory())
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints group 260912-3 260912-5 260912-8 260913-2 260914-1 --reason "3号楼地下室同一水管渗漏"
  complaints list --group            # ${ctx.t.m('help.ex.group.7')}
  complaints sweep                   # ${ctx.t.m('help.ex.group.8')}`)
    .action(async (tickets: string[], o: { reason: string }) => {
      await runGroup(ctx, tickets, o.reason);
    });
}

export async function runGroup(ctx: Ctx, ticketTexts: string[], reasonText: string): Promise<Complaint[]> {
  const reason = reasonText.trim();
  if (!reason) throw new UsageError('reason.required', { action: 'group' });
  const tickets = [...new Set(ticketTexts.map(ticketArg))];
  const s = await ctx.store();
  const k = await ctx.clock();
  const { members, id, stale } = await write(s, async () => {
    const before: Complaint[] = [];
    for (const ticket of tickets) before.push(await loadComplaint(s, ticket));
    const units = checkGroupUnits(before.map((c) => ({ ticket: c.ticket, estate: c.complainant.estate, unit: c.complainant.unit })), k.settings.majorHouseholds);
    // Every complaint is checked before the group is written.
    for (const c of before) joinGroup(c, { id: 0, reason, tickets: [] }, k);
    const id = await insertGroup(s, k.now, reason, ctx.actor);
    // In registration order, as the group is read back.
    const group = { id, reason, tickets: [...before].sort((a, b) => a.id - b.id).map((c) => c.ticket) };
    const changes = [];
    for (const c of before) {
      const step = joinGroup(c, group, k);
      await updateComplaint(s, c, step.next);
      await appendEvents(s, c.id, ctx.actor, k.now, step.events.map((e) => ({ ...e, after: { ...e.after, units } })));
      changes.push({ prev: c, next: step.next });
    }
    const stale = await markStaleSnapshots(s, touchedSpanOf(changes, k.now), k.now, k.tz);
    // One after another: a server connection runs one query at a time.
    const members: Complaint[] = [];
    for (const c of before) members.push((await findByTicket(s, c.ticket))!);
    return { members, id, stale };
  });
  noticeStale(ctx, stale);
  const steps = await stepKeysInForce(ctx);
  await ctx.emit({
    group: { id, reason, at: isoLocal(k.now, k.tz), tickets: members[0].group!.tickets },
    complaints: members.map((c) => complaintJson(c, k.tz, steps)),
  }, async () => ctx.t.m('group.done', { id, count: members.length }) + '\n' + renderComplaintList(await view(ctx), members));
  return members;
}
