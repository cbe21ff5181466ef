// `deadline <ticket> <step> --by --reason`: an earlier deadline for this case
// (001#13 限期解决), for any step of the procedure. A later resolve deadline
// is `extend`, agreed with the complainant.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { suggestedArgument } from '../cli/listed-values.js';
import { dateTimeArg } from '../cli/parse.js';
import type { Complaint } from '../domain/types.js';
import { setEarlierDeadline } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { endOfLocalDay, isValidDate, parseInstant } from '../domain/time.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function deadlineCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('deadline')
    .description(t.m('help.deadline'))
    .argument('<ticket>', t.m('help.ticket'))
    .addArgument(suggestedArgument('<step>', t.m('help.stepName'), 'step'))
    .addOption(new Option('--by <time>', t.m('help.deadlineBy')).argParser(dateTimeArg(t)).makeOptionMandatory())
    .addOption(new Option('--reason <text>', t.m('help.deadlineReason')).makeOptionMandatory())
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints deadline 260912-3 resolve --by 2026-09-14T18:00 --reason "业主下周出国，须周一前修好"
  complaints deadline 260912-3 site_check --by 2026-09-12 --reason "总经理要求当日核实"`)
    .action(async (ticket: string, step: string, o: { by: string; reason: string }) => {
      await runDeadline(ctx, ticket, step.trim(), o.by, o.reason);
    });
}

export async function runDeadline(ctx: Ctx, ticket: string, step: string, by: string, reason: string): Promise<Complaint> {
  const tz = await ctx.tz();
  // A date alone means the end of that day, as `extend --until` reads it.
  const due = /^\d{4}-\d{2}-\d{2}$/.test(by) ? (isValidDate(by) ? endOfLocalDay(by, tz) : null) : parseInstant(by, tz);
  if (due === null) throw new UsageError('usage.invalid', { what: '--by', value: by, hint: 'e.g. 2026-12-10T18:00' });
  const { complaint } = await applyStep(ctx, ticket, (c, k) => setEarlierDeadline(c, step, due, reason, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'deadline'));
  return complaint;
}
