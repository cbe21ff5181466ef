// `contact <ticket>`: record that the office spoke with the complainant, and
// how a round of talks ended (SPEC §11: the rule.disagreed_talks-th round
// without agreement raises a general complaint to important).
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { markListed } from '../cli/listed-values.js';
import { talkOutcomeArg } from '../cli/parse.js';
import type { Complaint, TalkOutcome } from '../domain/types.js';
import { contact } from '../domain/lifecycle.js';
import { localDate } from '../domain/time.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export interface ContactOptions {
  note?: string;
  outcome?: TalkOutcome;
}

export function contactCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('contact')
    .description(zh ? '记录与投诉人的联系' : 'record contact with the complainant')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--note <text>', zh ? '联系内容' : 'what was said')
    .addOption(markListed(new Option('--outcome <outcome>', ctx.t.m('talk.option')).argParser(talkOutcomeArg(ctx.t)), 'talk'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints contact 260912-3 --note "已电话联系，约定明早上门查看"
  complaints contact 260912-3 --outcome disagreed --note "业主坚持全额赔偿"
  complaints contact 260912-3 --outcome 达成一致`)
    .action(async (ticket: string, o: ContactOptions) => {
      await runContact(ctx, ticket, o);
    });
}

export async function runContact(ctx: Ctx, ticket: string, o: ContactOptions): Promise<Complaint> {
  const { complaint, events } = await applyStep(ctx, ticket, (c, k) => contact(c, o.note?.trim() || null, k, o.outcome ?? null));
  const extra: string[] = [];
  if (events.some((e) => e.action === 'escalate')) {
    extra.push(ctx.t.m('talk.raised', {
      n: complaint.disagreedTalks, ticket: complaint.ticket, severity: ctx.t.l(`severity.${complaint.severity}`),
      due: localDate(complaint.deadlines.resolve, await ctx.tz()),
    }));
  }
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'contact'), extra);
  return complaint;
}
