// `reopen`, `close` and `escalate`: steps that need a reason, asked for at a
// terminal when missing.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { choice } from '../cli/parse.js';
import { SEVERITIES, type Complaint, type Severity } from '../domain/types.js';
import { close, escalate, reopen } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

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
    .addHelpText('after', `\nExample:\n  ${example}`);
}

export function reopenCommand(ctx: Ctx): Command {
  return reasonCommand(ctx, 'reopen', '重新处理（级别升一级）', 'reopen a resolved or closed complaint, one severity level up',
    'complaints reopen 260912-3 --reason "业主反映再次漏水"')
    .action(async (ticket: string, o: ReasonOptions) => {
      runReopen(ctx, ticket, await reasonFor(ctx, 'reopen', o));
    });
}

export function closeCommand(ctx: Ctx): Command {
  return reasonCommand(ctx, 'close', '关闭投诉（误登记的先标记无效）', 'close a complaint with a reason (after 3 failed call-back days: unreachable)',
    'complaints close 260912-3 --reason unreachable')
    .action(async (ticket: string, o: ReasonOptions) => {
      runClose(ctx, ticket, await reasonFor(ctx, 'close', o));
    });
}

export function escalateCommand(ctx: Ctx): Command {
  return reasonCommand(ctx, 'escalate', '升级（默认升一级）', 'raise severity (default: one level up)',
    'complaints escalate 260912-3 --to major --reason "业主已向12345投诉"')
    .addOption(choice('--to <severity>', ctx.t.lang === 'zh' ? '升至级别' : 'the new severity', SEVERITIES))
    .action(async (ticket: string, o: ReasonOptions) => {
      runEscalate(ctx, ticket, o.to ?? null, await reasonFor(ctx, 'escalate', o));
    });
}

export function runReopen(ctx: Ctx, ticket: string, reason: string): Complaint {
  const { complaint } = applyStep(ctx, ticket, (c, k) => reopen(c, reason, k));
  emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'reopen'));
  return complaint;
}

export function runClose(ctx: Ctx, ticket: string, reason: string): Complaint {
  const { complaint } = applyStep(ctx, ticket, (c, k) => close(c, reason, k));
  emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'close'));
  return complaint;
}

export function runEscalate(ctx: Ctx, ticket: string, to: Severity | null, reason: string): Complaint {
  const { complaint } = applyStep(ctx, ticket, (c, k) => escalate(c, to, reason, k));
  emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'escalate'));
  return complaint;
}
