// `extend <ticket>`: a later resolve deadline agreed with the complainant (征得客户同意).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { dateTimeArg } from '../cli/parse.js';
import type { Complaint } from '../domain/types.js';
import { extend } from '../domain/lifecycle.js';
import { endOfLocalDay, isValidDate, parseInstant } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export interface ExtendOptions {
  until?: string;
  reason?: string;
  agreedBy?: string;
}

export function extendCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('extend')
    .description(zh ? '延长处理时限（须征得投诉人同意）' : 'a later resolve deadline agreed with the complainant')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--until <date>', zh ? '新的处理时限（日期则为当天 23:59:59）' : 'new resolve deadline (a date means 23:59:59 that day)', dateTimeArg(ctx.t))
    .option('--reason <text>', zh ? '原因' : 'why more time is needed')
    .option('--agreed-by <name>', zh ? '同意人（投诉人）' : 'who agreed (the complainant)')
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints extend 260912-3 --until 2026-12-10 --reason "需厂家更换配件" --agreed-by 王女士`)
    .action(async (ticket: string, o: ExtendOptions) => {
      await runExtend(ctx, ticket, o);
    });
}

export async function runExtend(ctx: Ctx, ticket: string, o: ExtendOptions): Promise<Complaint> {
  if (!o.until || !o.reason?.trim() || !o.agreedBy?.trim()) throw new UsageError('extend.reasonAgreed');
  const tz = await ctx.tz();
  const until = /^\d{4}-\d{2}-\d{2}$/.test(o.until) ? (isValidDate(o.until) ? endOfLocalDay(o.until, tz) : null) : parseInstant(o.until, tz);
  if (until === null) throw new UsageError('usage.invalid', { what: '--until', value: o.until, hint: 'e.g. 2026-12-10' });
  const { complaint } = await applyStep(ctx, ticket, (c, k) => extend(c, until, o.reason!, o.agreedBy!, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'extend'));
  return complaint;
}
