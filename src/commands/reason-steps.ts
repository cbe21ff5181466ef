// `reopen`, `close` and `escalate`: steps that need a reason, asked for at a
// terminal when missing.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { ticketArg } from '../cli/parse.js';
import { allowedValues, listedOption, markListed, readValue, shownValues, VALUES } from '../cli/listed-values.js';
import { normalizeTicket } from '../domain/ticket.js';
import { CLOSE_REASONS, type CloseReason, type Complaint, type Severity } from '../domain/types.js';
import { close, escalate, reopen, type Closing } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint, loadComplaint } from './complaint-step.js';

export interface ReasonOptions {
  reason?: string;
  to?: Severity;
  input?: boolean;
}

async function reasonFor(ctx: Ctx, action: string, o: ReasonOptions): Promise<string> {
  if (o.reason?.trim()) return o.reason;
  if (!ctx.canPrompt(o.input === false)) throw new UsageError('reason.required', { action });
  return ctx.prompter.input({ message: ctx.t.m('prompt.reason'), validate: (v) => (v.trim() ? true : ctx.t.m('prompt.required')) });
}

function reasonCommand(ctx: Ctx, name: 'reopen' | 'close' | 'escalate', zh: string, en: string, example: string): Command {
  return new Command(name)
    .description(ctx.t.lang === 'zh' ? zh : en)
    .argument('<ticket>', ctx.t.lang === 'zh' ? '投诉编号' : 'ticket')
    .option('--reason <text>', ctx.t.lang === 'zh' ? '原因（必填）' : 'reason (required)')
    .option('--no-input', ctx.t.lang === 'zh' ? '不提问' : 'never prompt')
    .addHelpText('after', `\n${ctx.t.l('help.example')}\n  ${example}`);
}

export function reopenCommand(ctx: Ctx): Command {
  return reasonCommand(ctx, 'reopen', '重新处理（级别升一级）', 'reopen a resolved or closed complaint, one severity level up',
    'complaints reopen 260912-3 --reason "业主反映再次漏水"')
    .action(async (ticket: string, o: ReasonOptions) => {
      await runReopen(ctx, ticket, await reasonFor(ctx, 'reopen', o));
    });
}

export interface CloseOptions {
  reason?: string;
  note?: string;
  of?: string;
  input?: boolean;
}

export function closeCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('close')
    .description(t.m('help.close'))
    .argument('<ticket>', t.m('help.ticket'))
    .addOption(markListed(new Option('--reason <reason>', `${t.m('help.closeReason')}: ${shownValues(VALUES.closeReason, t)}`), 'closeReason'))
    .option('--note <text>', t.m('help.closeNote'))
    .option('--of <ticket>', t.m('help.closeOf'))
    .option('--no-input', t.m('help.noInput'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints close 260912-3 --reason duplicate --of 260912-1
  complaints close 260912-3 --reason 撤诉 --note "业主来电撤回投诉"
  complaints close 260912-3 --reason invalid --note "非本小区业主，误登记"
  complaints close 260912-3 --reason unreachable          # ${ctx.t.m('help.ex.reason-steps.13')}`)
    .action(async (ticket: string, o: CloseOptions) => {
      await runClose(ctx, ticket, await closingFor(ctx, o));
    });
}

/** A close reason by its key or its label in either language (撤诉, withdrawn). */
export function closeReasonOf(ctx: Ctx, text: string): CloseReason {
  const hit = readValue(VALUES.closeReason, text);
  if (!hit) throw new UsageError('close.reasonUnknown', { value: text.trim(), allowed: allowedValues(VALUES.closeReason) });
  return hit as CloseReason;
}

async function closingFor(ctx: Ctx, o: CloseOptions): Promise<Closing> {
  const ask = ctx.canPrompt(o.input === false);
  let reason: CloseReason;
  if (o.reason?.trim()) reason = closeReasonOf(ctx, o.reason);
  else if (ask) {
    reason = await ctx.prompter.select({
      message: ctx.t.m('prompt.closeReason'),
      choices: CLOSE_REASONS.map((r) => ({ value: r, name: `${ctx.t.l(`closeReason.${r}`)} (${r})` })),
    }) as CloseReason;
  } else throw new UsageError('reason.required', { action: 'close' });
  let note = o.note?.trim() || null;
  if (reason === 'invalid' && !note && ask) {
    note = await ctx.prompter.input({ message: ctx.t.m('prompt.closeNote'), validate: (v) => (v.trim() ? true : ctx.t.m('prompt.required')) });
  }
  let of = o.of ? ticketArg(o.of) : null;
  if (reason === 'duplicate' && !of && ask) {
    of = ticketArg(await ctx.prompter.input({ message: ctx.t.m('prompt.duplicateOf'), validate: (v) => (normalizeTicket(v) ? true : ctx.t.m('usage.badTicket', { value: v })) }));
  }
  return { reason, note, of };
}

export function escalateCommand(ctx: Ctx): Command {
  return reasonCommand(ctx, 'escalate', '升级（默认升一级）', 'raise severity (default: one level up)',
    'complaints escalate 260912-3 --to major --reason "业主已向12345投诉"')
    .addOption(listedOption('--to <severity>', ctx.t.l('help.escalateTo'), 'severity', ctx.t))
    .action(async (ticket: string, o: ReasonOptions) => {
      await runEscalate(ctx, ticket, o.to ?? null, await reasonFor(ctx, 'escalate', o));
    });
}

export async function runReopen(ctx: Ctx, ticket: string, reason: string): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => reopen(c, reason, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'reopen'));
  return complaint;
}

export async function runClose(ctx: Ctx, ticket: string, closing: Closing): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, async (c, k, s) => {
    // The ticket named must exist (exit 3); its number as stored (with the office's code on a server) is what close() compares.
    const of = closing.of === null ? null : (await loadComplaint(s, closing.of)).ticket;
    return close(c, { ...closing, of }, k);
  });
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'close'));
  return complaint;
}

export async function runEscalate(ctx: Ctx, ticket: string, to: Severity | null, reason: string): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => escalate(c, to, reason, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'escalate'));
  return complaint;
}
