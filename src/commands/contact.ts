// `contact <ticket>`: record that the office spoke with the complainant.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { contact } from '../domain/lifecycle.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function contactCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('contact')
    .description(zh ? '记录与投诉人的联系' : 'record contact with the complainant')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--note <text>', zh ? '联系内容' : 'what was said')
    .addHelpText('after', `
Example:
  complaints contact 260912-3 --note "已电话联系，约定明早上门查看"`)
    .action((ticket: string, o: { note?: string }) => {
      runContact(ctx, ticket, o.note ?? null);
    });
}

export function runContact(ctx: Ctx, ticket: string, note: string | null): Complaint {
  const { complaint } = applyStep(ctx, ticket, (c, k) => contact(c, note?.trim() || null, k));
  emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'contact'));
  return complaint;
}
