// `report-up <ticket> --to --via`: a report up made (上报/通报, SPEC §11): to
// a role the procedure names (director, dept_head, general_manager, group)
// or to a person by name, by phone, in writing or at a meeting.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { reportUp } from '../domain/lifecycle.js';
import { REPORT_ROLES, REPORT_VIAS, type ReportVia } from '../domain/report-up.js';
import { UsageError } from '../domain/errors.js';
import { label } from '../output/i18n.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function reportUpCommand(ctx: Ctx): Command {
  const { t } = ctx;
  const roles = REPORT_ROLES.map((r) => `${r} ${t.l(`role.${r}`)}`).join(', ');
  return new Command('report-up')
    .description(t.m('help.reportUp'))
    .argument('<ticket>', t.m('help.ticket'))
    .addOption(new Option('--to <role or name>', `${t.m('help.reportUpTo')}: ${roles}`).makeOptionMandatory())
    .addOption(new Option('--via <via>', REPORT_VIAS.map((v) => `${v} ${t.l(`via.${v}`)}`).join(', ')).makeOptionMandatory())
    .option('--note <text>', t.m('help.stepNote'))
    .addHelpText('after', `
Examples:
  complaints report-up 260912-3 --to director --via phone --note "已电话报告王主任"
  complaints report-up 260912-3 --to 主任 --via 书面
  complaints report-up 260912-3 --to 王主任 --via written`)
    .action(async (ticket: string, o: { to: string; via: string; note?: string }) => {
      await runReportUp(ctx, ticket, roleOf(o.to), viaOf(o.via), o.note?.trim() || null);
    });
}

/** A role by its key or Chinese label (主任 → director); anything else is a person's name. */
function roleOf(text: string): string {
  const v = text.trim();
  return REPORT_ROLES.find((r) => label('zh', `role.${r}`) === v || label('en', `role.${r}`) === v) ?? v;
}

function viaOf(text: string): ReportVia {
  const v = text.trim();
  const hit = REPORT_VIAS.find((x) => x === v || label('zh', `via.${x}`) === v);
  if (!hit) throw new UsageError('reportUp.via', { value: v, allowed: REPORT_VIAS.map((x) => `${x} (${label('zh', `via.${x}`)})`).join(', ') });
  return hit;
}

export async function runReportUp(ctx: Ctx, ticket: string, to: string, via: ReportVia, note: string | null): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => reportUp(c, to, via, note, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'report-up'));
  return complaint;
}
