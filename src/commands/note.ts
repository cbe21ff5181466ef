// `note <ticket> <text>`: a progress note on the timeline.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { addNote } from '../domain/lifecycle.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function noteCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('note')
    .description(zh ? '添加进展备注' : 'add a progress note')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .argument('<text...>', zh ? '备注内容' : 'the note')
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints note 260912-3 "维修工已到场，更换水管"`)
    .action(async (ticket: string, words: string[]) => {
      await runNote(ctx, ticket, words.join(' '));
    });
}

export async function runNote(ctx: Ctx, ticket: string, text: string): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => addNote(c, text, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'note'));
  return complaint;
}
