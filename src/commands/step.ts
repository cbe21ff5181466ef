// `step <ticket> <step>`: a step of the office's procedure done (SPEC §11):
// the site checked, the plan made, the result fed back to the desk, or a
// step of the office's own. Late is recorded as late.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { suggestedArgument } from '../cli/listed-values.js';
import type { Complaint } from '../domain/types.js';
import { recordStep } from '../domain/lifecycle.js';
import { applyStep, emitComplaint, view } from './complaint-step.js';
import { stepName } from '../output/complaint-view.js';

export function stepCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('step')
    .description(t.m('help.step'))
    .argument('<ticket>', t.m('help.ticket'))
    .addArgument(suggestedArgument('<step>', t.m('help.stepName'), 'step'))
    .option('--note <text>', t.m('help.stepNote'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints step 260912-3 site_check --note "已到现场，确认为楼上管道渗漏"
  complaints step 260912-3 plan --note "更换管道，周五施工"
  complaints step 260912-3 feedback`)
    .action(async (ticket: string, step: string, o: { note?: string }) => {
      await runStep(ctx, ticket, step, o.note?.trim() || null);
    });
}

export async function runStep(ctx: Ctx, ticket: string, step: string, note: string | null): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => recordStep(c, step.trim(), note, k));
  await emitComplaint(ctx, complaint, ctx.t.m('step.recorded', { ticket: complaint.ticket, step: stepName(await view(ctx), step.trim()) }));
  return complaint;
}
