// `resolve <ticket>`: what was done, at what cost, who was at fault, who approved.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { yuanArg } from '../cli/parse.js';
import type { Complaint } from '../domain/types.js';
import { resolve } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { findDepartment } from '../storage/departments.js';
import { listStaff } from '../storage/staff.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';
import { askDepartment, askOptional, askYuan } from './desk-prompts.js';

export interface ResolveOptions {
  resolution?: string;
  cost?: number;
  responsible?: string;
  responsiblePerson?: string;
  approvedBy?: string;
  cause?: string;
  action?: string;
  input?: boolean;
}

export function resolveCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('resolve')
    .description(zh ? '处理完成：处理结果、费用、责任方、审批' : 'record the resolution, cost, responsible department and approval')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('-r, --resolution <text>', zh ? '处理结果（必填）' : 'what was done (required)')
    .option('--cost <yuan>', zh ? '赔偿或维修费用（元）' : 'compensation or repair cost paid, yuan', yuanArg(ctx.t))
    .option('--responsible <dept>', zh ? '责任部门（责任人用 --responsible-person）' : 'the department found at fault (the person: --responsible-person)')
    .option('--responsible-person <name>', zh ? '责任人' : 'the person found at fault, of that department')
    .option('--approved-by <names>', ctx.t.m('help.approvedBy'))
    .option('--cause <text>', ctx.t.m('help.cause'))
    .option('--action <text>', ctx.t.m('help.correctiveAction'))
    .option('--no-input', zh ? '不提问' : 'never prompt')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints resolve 260912-3 --resolution "已更换漏水水管并清理"
  complaints resolve 260912-3 --resolution "赔偿地板损失" --cost 6800 --responsible 工程部 --responsible-person 张工 --approved-by 李总
  complaints resolve 260912-3 --resolution "赔偿地板损失" --cost 6800 --approved-by "钱财务,周总监,李总"   # ${ctx.t.m('help.ex.resolve.reviewers')}
  complaints resolve 260912-3 --resolution "已修复" --cause "水管老化未及时更换" --action "每季度巡检楼内水管"
${ctx.t.m('help.after.resolve')}`)
    .action(async (ticket: string, o: ResolveOptions) => {
      const ask = ctx.canPrompt(o.input === false);
      if (!o.resolution && !ask) throw new UsageError('usage.required', { what: '--resolution', flags: '--resolution "…"' });
      if (ask) await askResolve(ctx, o);
      await runResolve(ctx, ticket, o);
    });
}

/**
 * At a terminal: what was done, then the cost (empty: none), unless the
 * flags said; a cost, asked or given, also asks who was at fault and who
 * approved it (SPEC §12) where no flag named them (each may stay empty).
 */
async function askResolve(ctx: Ctx, o: ResolveOptions): Promise<void> {
  const { t, prompter } = ctx;
  if (!o.resolution) {
    o.resolution = await prompter.input({ message: t.m('prompt.resolution'), validate: (v) => (v.trim() ? true : t.m('prompt.required')) });
    if (o.cost === undefined) o.cost = (await askYuan(ctx, t.m('prompt.cost'))) ?? undefined;
  }
  if (!o.cost) return;
  o.responsible ??= (await askDepartment(ctx, t.m('prompt.responsible'), true)) || undefined;
  if (o.responsible) o.responsiblePerson ??= await askOptional(ctx, t.m('prompt.responsiblePerson'));
  o.approvedBy ??= await askOptional(ctx, t.m('prompt.approvedBy'));
}

export async function runResolve(ctx: Ctx, ticket: string, o: ResolveOptions): Promise<Complaint> {
  const dept = o.responsible?.trim() || null;
  const { complaint } = await applyStep(ctx, ticket, async (c, k, s) => {
    if (dept && !await findDepartment(s, dept)) {
      // "工程部/张工" was once how a person was named: say how to write it now
      // rather than charge a department that does not exist, or the wrong one.
      const slash = dept.indexOf('/');
      if (slash > 0 && await findDepartment(s, dept.slice(0, slash).trim())) {
        throw new UsageError('resolve.ambiguousResponsible', { value: dept, dept: dept.slice(0, slash).trim(), person: dept.slice(slash + 1).trim() });
      }
      throw new UsageError('dept.unknown', { name: dept });
    }
    return resolve(c, {
      resolution: o.resolution ?? '',
      costFen: o.cost ?? null,
      responsible: dept,
      responsiblePerson: o.responsiblePerson?.trim() || null,
      approvedBy: o.approvedBy ?? null,
      // Read only when a cost needs approving.
      staff: o.cost ? await listStaff(s) : [],
      cause: o.cause?.trim() || null,
      correctiveAction: o.action?.trim() || null,
    }, k);
  });
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'resolve'));
  return complaint;
}
