// `follow-up <ticket>`: the call-back (回访). Satisfaction 1–3 closes the
// complaint; 4–5 raises severity and sends it back to its department (§6).
// A call that does not reach the complainant is logged as an attempt.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { satisfactionArg } from '../cli/parse.js';
import { listedOption } from '../cli/listed-values.js';
import { ATTEMPT_OUTCOMES, FOLLOW_UP_METHODS, SEVERITIES, type AttemptOutcome, type Complaint, type FollowUpMethod } from '../domain/types.js';
import { attempt, followUp } from '../domain/lifecycle.js';
import { CancelledError, UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint, loadComplaint } from './complaint-step.js';

export interface FollowUpOptions {
  satisfaction?: number;
  method?: FollowUpMethod;
  note?: string;
  attempt?: AttemptOutcome;
  input?: boolean;
}

export function followUpCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('follow-up')
    .description(zh ? '回访：记录满意度，或记录回访未果' : 'the call-back: satisfaction 1–5, or a failed attempt')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('-s, --satisfaction <1-5>', zh ? '1 很满意 2 满意 3 基本满意 4 不满意 5 很不满意' : '1 very satisfied … 3 fair, 4 unsatisfied, 5 very unsatisfied', satisfactionArg(ctx.t))
    .addOption(listedOption('--method <method>', zh ? '回访方式（默认 phone）' : 'how (default phone)', 'method', ctx.t))
    .option('--note <text>', zh ? '回访记录' : 'what was said')
    .addOption(listedOption('--attempt <outcome>', zh ? '回访未果' : 'a call that did not reach the complainant', 'attempt', ctx.t))
    .option('--no-input', zh ? '不提问' : 'never prompt')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints follow-up 260912-3 --satisfaction 2 --note "业主表示满意"
  complaints follow-up 260912-3 --satisfaction 4 --note "仍有渗水"   # ${ctx.t.m('help.ex.follow-up.6')}
  complaints follow-up 260912-3 --attempt no_answer`)
    .action(async (ticket: string, o: FollowUpOptions) => {
      if (o.satisfaction !== undefined && o.attempt) throw new UsageError('followUp.oneOf');
      const ask = ctx.canPrompt(o.input === false);
      if (o.satisfaction === undefined && !o.attempt && !ask) throw new UsageError('followUp.oneOf');
      if (ask) await askFollowUp(ctx, ticket, o);
      await runFollowUp(ctx, ticket, o);
    });
}

/**
 * At a terminal: the score or the failed call, if not given, and a
 * confirmation before a 4 or 5 — one arrow key too far would reopen the
 * complaint and raise it a level. Declined: the score is asked again (or,
 * given as a flag, nothing is recorded).
 */
async function askFollowUp(ctx: Ctx, ticket: string, o: FollowUpOptions): Promise<void> {
  const { t, prompter } = ctx;
  const given = o.satisfaction !== undefined || o.attempt !== undefined;
  for (;;) {
    if (!given) {
      const answer = await prompter.select({
        message: t.m('prompt.satisfaction'),
        choices: [
          ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), name: `${n} ${t.l(`satisfaction.${n}`)}` })),
          ...ATTEMPT_OUTCOMES.map((a) => ({ value: a as string, name: t.l(`outcome.${a}`) })),
        ],
        default: o.satisfaction !== undefined ? String(o.satisfaction) : undefined,
      });
      o.satisfaction = undefined;
      if (/^\d$/.test(answer)) o.satisfaction = Number(answer);
      else o.attempt = answer as AttemptOutcome;
    }
    if (o.satisfaction === undefined || o.satisfaction < 4) return;
    const c = await loadComplaint(await ctx.store(), ticket);
    // Not awaiting its call-back: the step itself says why it is refused.
    if (c.status !== 'resolved') return;
    const raised = SEVERITIES[Math.min(SEVERITIES.indexOf(c.severity) + 1, SEVERITIES.length - 1)];
    // What the score does, then a short question: each fits an 80-column terminal.
    const params = { ticket: c.ticket, from: t.l(`severity.${c.severity}`), to: t.l(`severity.${raised}`), department: c.department ?? '—' };
    ctx.io.stderr.write(t.m(c.severity === 'major' ? 'prompt.unsatisfiedMajor' : 'prompt.unsatisfied', params) + '\n');
    const sure = await prompter.confirm({
      message: t.m('prompt.unsatisfiedSure', { score: o.satisfaction, label: t.l(`satisfaction.${o.satisfaction}`) }),
      default: false,
    });
    if (sure) return;
    if (given) throw new CancelledError('cancelled');
  }
}

export async function runFollowUp(ctx: Ctx, ticket: string, o: FollowUpOptions): Promise<Complaint> {
  const note = o.note?.trim() || null;
  const { complaint, events } = await applyStep(ctx, ticket, (c, k) =>
    o.attempt ? attempt(c, o.attempt, note, k) : followUp(c, { satisfaction: o.satisfaction!, method: o.method ?? 'phone', note }, k));
  const extra: string[] = [];
  if (events.some((e) => e.action === 'reopen')) {
    extra.push(ctx.t.m('notice.reopened', { ticket: complaint.ticket, department: complaint.department ?? '—', severity: ctx.t.l(`severity.${complaint.severity}`) }));
    if (complaint.flagged) extra.push(ctx.t.m('notice.flagged'));
  }
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, events[0].action), extra);
  return complaint;
}
