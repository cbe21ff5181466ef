// `show <ticket>`: everything about one complaint, its deadlines and timeline.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { deadlineStatuses } from '../domain/deadlines.js';
import { eventsOf } from '../storage/events.js';
import { complaintJson, deadlineStatusJson, eventJson } from '../output/complaint-json.js';
import { renderShow } from '../output/complaint-view.js';
import { loadComplaint, view } from './complaint-step.js';

export function showCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('show')
    .description(zh ? '查看投诉详情、时限状态和处理记录' : 'everything about one complaint, with its deadlines and timeline')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .addHelpText('after', `
Examples:
  complaints show 260912-3
  complaints show 260912003 --json`)
    .action((ticket: string) => {
      runShow(ctx, ticket);
    });
}

export function runShow(ctx: Ctx, ticket: string): void {
  const s = ctx.store();
  const c = loadComplaint(s, ticket);
  const events = eventsOf(s, c.id);
  const k = ctx.clock();
  const deadlines = deadlineStatuses(c, k.now, k);
  const tz = ctx.tz();
  ctx.emit(
    { ...complaintJson(c, tz), deadlineStatus: deadlines.map((d) => deadlineStatusJson(d, tz)), events: events.map((e) => eventJson(e, tz)) },
    () => renderShow(view(ctx), c, deadlines, events),
  );
}
