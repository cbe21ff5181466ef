// `classify <ticket>`: kind, category, subcategory, severity, validity.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { CATEGORIES, KINDS, SEVERITIES, SUGGESTED_SUBCATEGORIES, VALIDITIES, type Category, type Complaint } from '../domain/types.js';
import { listedOption, suggestedOption } from '../cli/listed-values.js';
import { classify, type Classification } from '../domain/lifecycle.js';
import { DAY } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { findRepeat } from '../storage/complaints.js';
import { applyStep, doneLine, emitComplaint, loadComplaint } from './complaint-step.js';
import { askSubcategory } from './desk-prompts.js';

/** The flags are exactly the domain's classification (and --no-input). */
export type ClassifyOptions = Classification & { input?: boolean };

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
    .option('--no-input', ctx.t.m('help.noInput'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints classify 260912-3 --category property_service --subcategory leak --validity valid
  complaints classify 260912-3 --validity invalid --reason "重复登记"
  complaints classify 260912-3       # ${ctx.t.m('help.classifyAskExample')}`)
    .action(async (ticket: string, o: ClassifyOptions) => {
      const { input, ...given } = o;
      const nothing = !given.kind && !given.category && given.subcategory === undefined && !given.severity && !given.validity;
      await runClassify(ctx, ticket, nothing && ctx.canPrompt(input === false) ? await askClassification(ctx, ticket, given) : given);
    });
}

type Field = 'kind' | 'category' | 'subcategory' | 'severity' | 'validity';
const FIELDS: { field: Field; values?: readonly string[] }[] = [
  { field: 'kind', values: KINDS }, { field: 'category', values: CATEGORIES }, { field: 'subcategory' },
  { field: 'severity', values: SEVERITIES }, { field: 'validity', values: VALIDITIES },
];

/**
 * At a terminal with no flags: each field offered with its current value,
 * changed one at a time until "done"; a reason asked when the change needs
 * one (lowering the severity, invalid or malicious).
 */
async function askClassification(ctx: Ctx, ticket: string, o: Classification): Promise<Classification> {
  const { t, prompter } = ctx;
  const c = await loadComplaint(await ctx.store(), ticket);
  const out: Classification = { ...o };
  const current = (f: Field): string | null => (out[f] !== undefined ? out[f]! : c[f]);
  const shown = (f: Field): string => {
    const v = current(f);
    if (!v) return t.l('word.none');
    return f === 'subcategory' ? (SUGGESTED_SUBCATEGORIES as readonly string[]).includes(v) ? t.l(`subcategory.${v}`) : v : t.l(`${f}.${v}`);
  };
  for (;;) {
    const field = await prompter.select<Field | ''>({
      message: t.m('prompt.classifyField'),
      choices: [...FIELDS.map(({ field }) => ({ value: field as Field | '', name: `${t.l(`field.${field}`)}: ${shown(field)}` })), { value: '', name: t.m('prompt.editDone') }],
    });
    if (field === '') break;
    if (field === 'subcategory') {
      const sub = await askSubcategory(ctx, current('category') as Category | null, current('subcategory'));
      if (sub !== null || c.subcategory !== null) out.subcategory = sub ?? '';
      continue;
    }
    const values = FIELDS.find((f) => f.field === field)!.values!;
    const picked = await prompter.select({
      message: t.l(`field.${field}`), default: current(field) ?? undefined,
      choices: values.map((v) => ({ value: v, name: `${t.l(`${field}.${v}`)} (${v})` })),
    });
    (out as Record<string, string>)[field] = picked;
  }
  const lowered = out.severity !== undefined && SEVERITIES.indexOf(out.severity) < SEVERITIES.indexOf(c.severity);
  if (!out.reason?.trim() && (lowered || out.validity === 'invalid' || out.validity === 'malicious')) {
    out.reason = await prompter.input({ message: t.m('prompt.reason'), validate: (v) => (v.trim() ? true : t.m('prompt.required')) });
  }
  return out;
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
