// `assign <ticket>`: hand it to a department and person; a second assign is a transfer.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { assign } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { findDepartment } from '../storage/departments.js';
import { askDepartment, askOptional } from './desk-prompts.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export interface AssignOptions {
  dept?: string;
  to?: string;
  note?: string;
  input?: boolean;
}

export function assignCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('assign')
    .description(zh ? '派单给责任部门和处理人；再次派单即转派' : 'hand to a department and person; assigning again transfers it')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--dept <name>', zh ? '责任部门' : 'responsible department')
    .option('--to <person>', zh ? '处理人' : 'person who handles it')
    .option('--note <text>', zh ? '说明' : 'note')
    .option('--no-input', zh ? '不提问' : 'never prompt')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints assign 260912-3 --dept 工程部 --to 张工
  complaints assign 260912-3 --dept 秩序部 --note "涉及停车管理"   # ${ctx.t.m('help.ex.assign.2')}`)
    .action(async (ticket: string, o: AssignOptions) => {
      if (!o.dept) {
        if (!ctx.canPrompt(o.input === false)) throw new UsageError('usage.required', { what: '--dept', flags: '--dept <name>' });
        // At a terminal: the department, then who handles it and a word for them (each may stay empty).
        o.dept = await askDepartment(ctx, ctx.t.m('prompt.dept'));
        o.to ??= await askOptional(ctx, ctx.t.m('prompt.assignee'));
        o.note ??= await askOptional(ctx, ctx.t.m('prompt.assignNote'));
      }
      await runAssign(ctx, ticket, o);
    });
}

export async function runAssign(ctx: Ctx, ticket: string, o: AssignOptions): Promise<Complaint> {
  const name = o.dept!.trim();
  const { complaint, events } = await applyStep(ctx, ticket, async (c, k, s) => {
    const d = await findDepartment(s, name);
    if (!d) throw new UsageError('dept.unknown', { name });
    if (!d.active) throw new UsageError('dept.disabled', { name });
    return assign(c, d.name, o.to?.trim() || null, o.note?.trim() || null, k);
  });
  // The headline says whether this was a first assignment or a transfer.
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, events[0].action));
  return complaint;
}
