// `report-up <ticket> --to --via`: a report up made (上报/通报, SPEC §11): to
// a role the procedure names (director, dept_head, general_manager, group)
// or to a person by name, by phone, in writing or at a meeting.
import { Command, Option } from 'commander';
import { allowedValues, markListed, readValue, shownValues, VALUES } from '../cli/listed-values.js';
import type { Ctx } from '../cli/context.js';
import type { Complaint } from '../domain/types.js';
import { reportUp } from '../domain/lifecycle.js';
import { REPORT_ROLES, type ReportVia } from '../domain/report-up.js';
import { UsageError } from '../domain/errors.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

export function reportUpCommand(ctx: Ctx): Command {
  const { t } = ctx;
  const roles = REPORT_ROLES.map((r) => `${r} ${t.l(`role.${r}`)}`).join(', ');
  return new Command('report-up')
    .description(t.m('help.reportUp'))
    .argument('<ticket>', t.m('help.ticket'))
    .addOption(new Option('--to <role or name>', `${t.m('help.reportUpTo')}: ${roles}`).makeOptionMandatory())
    .addOption(markListed(new Option('--via <via>', shownValues(VALUES.via, t)), 'via').makeOptionMandatory())
    .option('--note <text>', t.m('help.stepNote'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints report-up 260912-3 --to director --via phone --note "已电话报告王主任"
  complaints report-up 260912-3 --to 主任 --via 书面
  complaints report-up 260912-3 --to 王主任 --via written`)
    .action(async (ticket: string, o: { to: string; via: string; note?: string }) => {
      await runReportUp(ctx, ticket, roleOf(o.to), viaOf(o.via), o.note?.trim() || null);
    });
}

/** A role by its key or Chinese label (主任 → director); anything else is a person's name. */
function roleOf(text: string): string {
  return readValue(VALUES.reportRole, text) ?? text.trim();
}

function viaOf(text: string): ReportVia {
  const hit = readValue(VALUES.via, text);
  if (!hit) throw new UsageError('reportUp.via', { value: text.trim(), allowed: allowedValues(VALUES.via) });
  return hit as ReportVia;
}

export async function runReportUp(ctx: Ctx, ticket: string, to: string, via: ReportVia, note: string | null): Promise<Complaint> {
  const { complaint } = await applyStep(ctx, ticket, (c, k) => reportUp(c, to, via, note, k));
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'report-up'));
  return complaint;
}
