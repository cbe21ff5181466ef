// `show <ticket>`: everything about one complaint, its deadlines and timeline.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { deadlineStatuses } from '../domain/deadlines.js';
import { maskPersonal } from '../domain/phone.js';
import { eventsOf } from '../storage/events.js';
import { complaintJson, deadlineStatusJson, eventJson } from '../output/complaint-json.js';
import { renderShow } from '../output/complaint-view.js';
import { loadComplaint, stepKeysInForce, view } from './complaint-step.js';

export function showCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('show')
    .description(zh ? '查看投诉详情、时限状态和处理记录' : 'everything about one complaint, with its deadlines and timeline')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--mask', ctx.t.m('option.mask'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints show 260912-3
  complaints show 260912003 --json
  complaints show 260912-3 --mask`)
    .action(async (ticket: string, o: { mask?: boolean }) => {
      await runShow(ctx, ticket, o);
    });
}

export async function runShow(ctx: Ctx, ticket: string, o: { mask?: boolean } = {}): Promise<void> {
  const s = await ctx.store();
  const found = await loadComplaint(s, ticket);
  // Masked before anything is drawn from it: the deadlines need none of the text.
  const c = o.mask ? maskPersonal(found) : found;
  const events = o.mask ? (await eventsOf(s, c.id)).map(maskPersonal) : await eventsOf(s, c.id);
  const k = await ctx.clock();
  const deadlines = deadlineStatuses(c, k.now, k);
  const tz = await ctx.tz();
  await ctx.emit(
    { ...complaintJson(c, tz, await stepKeysInForce(ctx)), deadlineStatus: deadlines.map((d) => deadlineStatusJson(d, tz)), events: events.map((e) => eventJson(e, tz)) },
    async () => renderShow(await view(ctx), c, deadlines, events),
  );
}
