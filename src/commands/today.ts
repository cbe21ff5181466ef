// `today`: what is due today, overdue, awaiting call-back, flagged for
// management, possible group complaints, and this month so far (SPEC §16).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { limitArg } from '../cli/parse.js';
import { endOfLocalDay, localDate, zonedInstant } from '../domain/time.js';
import { readToday } from '../storage/today.js';
import { renderToday, todayJson } from '../output/today-view.js';
import { view } from './complaint-step.js';

export interface TodayOptions {
  limit?: number;
}

export function todayCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('today')
    .description(t.m('help.today'))
    .option('--limit <n>', t.m('help.todayLimit'), limitArg(t), 10)
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints today
  complaints today --limit 30
  complaints today --json`)
    .action(async (o: TodayOptions) => {
      await runToday(ctx, o);
    });
}

export async function runToday(ctx: Ctx, o: TodayOptions = {}): Promise<void> {
  const s = await ctx.store();
  const k = await ctx.clock();
  const date = localDate(k.now, k.tz);
  const monthStart = zonedInstant(`${date.slice(0, 8)}01`, '00:00:00', k.tz);
  const r = await readToday(s, k.now, endOfLocalDay(date, k.tz), monthStart, k.settings, o.limit === 0 ? Number.MAX_SAFE_INTEGER : o.limit ?? 10);
  await ctx.emit(todayJson(r, k.now, monthStart, k.tz), async () => renderToday(await view(ctx), r));
}
