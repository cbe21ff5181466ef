// `audit <ticket> --result pass|fail --note`: a spot check of the handling
// (000 "物業服務中心主任負責對投訴處理情況的抽查及回訪"), on a resolved or closed
// complaint. A fail reopens it one severity level up, as an unsatisfied
// call-back does.
import { Command, Option } from 'commander';
import { markListed, readValue, shownValues, VALUES } from '../cli/listed-values.js';
import type { Ctx } from '../cli/context.js';
import { type AuditResult, type Complaint } from '../domain/types.js';
import { audit } from '../domain/lifecycle.js';
import { UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function auditCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('audit')
    .description(t.m('help.audit'))
    .argument('<ticket>', t.m('help.ticket'))
    .addOption(markListed(new Option('--result <result>', shownValues(VALUES.audit, t)), 'audit').makeOptionMandatory())
    .addOption(new Option('--note <text>', t.m('help.auditNote')).makeOptionMandatory())
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints audit 260912-3 --result pass --note "抽查回访，处理到位"
  complaints audit 260912-3 --result fail --note "现场仍有渗水，处理不到位"   # ${ctx.t.m('help.ex.audit.3')}`)
    .action(async (ticket: string, o: { result: string; note: string }) => {
      await runAudit(ctx, ticket, resultOf(o.result), o.note);
    });
}

/** pass / fail, or their Chinese labels (合格 / 不合格). */
function resultOf(text: string): AuditResult {
  const hit = readValue(VALUES.audit, text);
  if (!hit) throw new UsageError('audit.badResult', { value: text.trim() });
  return hit as AuditResult;
}

export async function runAudit(ctx: Ctx, ticket: string, result: AuditResult, note: string): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => audit(c, result, note, ctx.actor, k));
  const extra = result === 'fail' ? [ctx.t.m('audit.reopened', { ticket: complaint.ticket, severity: ctx.t.l(`severity.${complaint.severity}`) })] : [];
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'audit'), extra);
  return complaint;
}
