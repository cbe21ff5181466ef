// Questions several commands ask at the desk (SPEC §16): a subcategory from
// those of its category or typed, an amount in yuan, a number of households,
// a department. Each returns what the matching flag would have given.
import type { Ctx } from '../cli/context.js';
import { SUBCATEGORIES_OF, SUGGESTED_SUBCATEGORIES, type Category } from '../domain/types.js';
import { groupThousands, MAX_YUAN, parseYuan } from '../domain/money.js';
import { MAX_HOUSEHOLDS, readHouseholds } from '../domain/households.js';
import { listDepartments } from '../storage/departments.js';

/** A choice value no subcategory, department or name is (they are trimmed text). */
export const TYPE_IT = '\u0000other';
const NONE = '';

/** The subcategories of the category (all suggested ones without a category), none, or typed. */
export async function askSubcategory(ctx: Ctx, category: Category | null | undefined, current?: string | null): Promise<string | null> {
  const { t, prompter } = ctx;
  const offered = category ? SUBCATEGORIES_OF[category] : SUGGESTED_SUBCATEGORIES;
  const picked = await prompter.select({
    message: t.m('prompt.subcategory'),
    choices: [
      { value: NONE, name: t.l('word.none') },
      ...offered.map((v) => ({ value: v as string, name: `${t.l(`subcategory.${v}`)} (${v})` })),
      { value: TYPE_IT, name: t.m('prompt.typeOther') },
    ],
    default: current && (offered as readonly string[]).includes(current) ? current : undefined,
  });
  if (picked !== TYPE_IT) return picked || null;
  return (await prompter.input({ message: t.m('prompt.subcategoryText'), default: current ?? undefined })).trim() || null;
}

/** Yuan as fen, or null when left empty. */
export async function askYuan(ctx: Ctx, message: string): Promise<number | null> {
  const typed = await ctx.prompter.input({
    message,
    validate: (v) => (!v.trim() || parseYuan(v) !== null ? true : ctx.t.m('usage.amount', { max: groupThousands(MAX_YUAN) })),
  });
  return typed.trim() ? parseYuan(typed)! : null;
}

/** Households affected; 1 when left empty. */
export async function askHouseholds(ctx: Ctx): Promise<number> {
  const typed = await ctx.prompter.input({
    message: ctx.t.m('prompt.households'),
    default: '1',
    validate: (v) => (!v.trim() || readHouseholds(v) !== null ? true : ctx.t.m('usage.households', { max: groupThousands(MAX_HOUSEHOLDS) })),
  });
  return typed.trim() ? readHouseholds(typed)! : 1;
}

/** An active department by name; `optional`: none may be chosen (''). */
export async function askDepartment(ctx: Ctx, message: string, optional = false): Promise<string> {
  const active = (await listDepartments(await ctx.store())).filter((d) => d.active);
  return ctx.prompter.select({
    message,
    choices: [...(optional ? [{ value: NONE, name: ctx.t.l('word.none') }] : []), ...active.map((d) => ({ value: d.name, name: d.name }))],
  });
}

/** Free text, or undefined when left empty. */
export async function askOptional(ctx: Ctx, message: string): Promise<string | undefined> {
  return (await ctx.prompter.input({ message })).trim() || undefined;
}
