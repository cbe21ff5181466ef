// `approve <ticket> --amount --by [--note]`: compensation approved before the
// work (SPEC §12; 002 approves the plan and its cost before it is carried
// out). A later `resolve --cost` up to the amount needs no other approval.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { yuanArg } from '../cli/parse.js';
import type { Complaint } from '../domain/types.js';
import { approve } from '../domain/lifecycle.js';
import { listStaff } from '../storage/staff.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function approveCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('approve')
    .description(t.m('help.approve'))
    .argument('<ticket>', t.m('help.ticket'))
    .addOption(new Option('--amount <yuan>', t.m('help.approveAmount')).argParser(yuanArg(t)).makeOptionMandatory())
    .addOption(new Option('--by <names>', t.m('help.approvedBy')).makeOptionMandatory())
    .option('--note <text>', t.m('help.stepNote'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints approve 260912-3 --amount 6800 --by 李总
  complaints approve 260912-3 --amount 12000 --by "钱财务,周总监,李总" --note "更换地板方案"
  complaints resolve 260912-3 --resolution "已更换地板" --cost 6800     # ${ctx.t.m('help.ex.approve.1')}`)
    .action(async (ticket: string, o: { amount: number; by: string; note?: string }) => {
      await runApprove(ctx, ticket, o);
    });
}

export async function runApprove(ctx: Ctx, ticket: string, o: { amount: number; by: string; note?: string }): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, async (c, k, s) =>
    approve(c, { amountFen: o.amount, by: o.by, note: o.note?.trim() || null, staff: await listStaff(s) }, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'approve'));
  return complaint;
}
