// `undo <ticket> --reason`: take back the complaint's last step (SPEC §13).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { undo } from '../domain/undo.js';
import { UsageError } from '../domain/errors.js';
import { eventsOf } from '../storage/events.js';
import { saveUndo } from '../storage/undo.js';
import { applyStep, emitComplaint } from './complaint-step.js';

export interface UndoOptions {
  reason?: string;
  input?: boolean;
}

export function undoCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('undo')
    .description(t.m('help.undo'))
    .argument('<ticket>', t.m('help.ticket'))
    .option('--reason <text>', t.m('help.undoReason'))
    .option('--no-input', t.m('help.noInput'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints undo 260912-3 --reason "回访满意度选错"
  complaints undo 260912-3 --reason "误关闭"      # ${ctx.t.m('help.ex.undo.17')}`)
    .action(async (ticket: string, o: UndoOptions) => {
      let reason = o.reason?.trim() ?? '';
      if (!reason && ctx.canPrompt(o.input === false)) {
        reason = await ctx.prompter.input({ message: t.m('prompt.reason'), validate: (v) => (v.trim() ? true : t.m('prompt.required')) });
      }
      await runUndo(ctx, ticket, reason);
    });
}

export async function runUndo(ctx: Ctx, ticket: string, reason: string): Promise<Complaint> {
  if (!reason.trim()) throw new UsageError('reason.required', { action: 'undo' });
  const { complaint, events } = await applyStep(ctx, ticket, async (c, k, s) => {
    const u = undo(c, await eventsOf(s, c.id), reason, k);
    return { ...u, save: async (st, before) => [await saveUndo(st, before, u.next, u.taken, u.events[0])] };
  });
  const step = String(events[0]?.after?.step ?? '');
  await emitComplaint(ctx, complaint, ctx.t.m('notice.undone', { ticket: complaint.ticket, step: ctx.t.l(`action.${step}`) }));
  return complaint;
}
