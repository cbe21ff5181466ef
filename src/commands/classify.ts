// `classify <ticket>`: kind, category, subcategory, severity, validity.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { listedOption, suggestedOption } from '../cli/listed-values.js';
import { type Complaint } from '../domain/types.js';
import { classify, type Classification } from '../domain/lifecycle.js';
import { DAY } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { findRepeat } from '../storage/complaints.js';
import { applyStep, doneLine, emitComplaint } from './complaint-step.js';

/** The flags are exactly the domain's classification. */
export type ClassifyOptions = Classification;

export function classifyCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('classify')
    .description(zh ? '分类：类型、类别、子类、级别、有效性' : 'set kind, category, subcategory, severity, validity')
    .argument('<ticket>', zh ? '投诉编号（可简写 260912-3）' : 'ticket (or short form 260912-3)')
    .addOption(listedOption('-k, --kind <kind>', ctx.t.l('field.kind'), 'kind', ctx.t))
    .addOption(listedOption('--category <category>', ctx.t.l('field.category'), 'category', ctx.t))
    .addOption(suggestedOption('--subcategory <sub>', ctx.t.l('field.subcategory'), 'subcategory', ctx.t))
    .addOption(listedOption('--severity <severity>', zh ? '级别（降级须说明原因）' : 'severity (lowering needs --reason)', 'severity', ctx.t))
    .addOption(listedOption('--validity <validity>', zh ? '有效性（无效/恶意须说明原因）' : 'validity (invalid and malicious need --reason)', 'validity', ctx.t))
    .option('--reason <text>', zh ? '原因' : 'reason')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints classify 260912-3 --category property_service --subcategory leak --validity valid
  complaints classify 260912-3 --validity invalid --reason "重复登记"`)
    .action(async (ticket: string, o: ClassifyOptions) => {
      await runClassify(ctx, ticket, o);
    });
}

export async function runClassify(ctx: Ctx, ticket: string, o: ClassifyOptions): Promise<Complaint> {
  if (!o.kind && !o.category && o.subcategory === undefined && !o.severity && !o.validity) throw new UsageError('classify.nothing');
  const { complaint } = await applyStep(ctx, ticket, async (c, k, s) => {
    const category = o.category ?? c.category;
    // A newly given category may make this a repeat of the caller's earlier complaint.
    const repeatOf = category && !c.repeatOf
      ? await findRepeat(s, c.complainant, category, c.receivedAt - k.settings.repeatWindowDays * DAY, c.receivedAt, c.id)
      : null;
    return classify(c, { ...o, subcategory: o.subcategory?.trim() }, repeatOf, k);
  });
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'classify'));
  return complaint;
}
