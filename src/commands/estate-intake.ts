// The estate a complaint is taken down under (SPEC §16): a name or alias of
// a listed estate is written as the estate's name; a name nobody listed is
// offered the close matches at a terminal, and elsewhere kept as written —
// or refused, when the office lists its estates and has set estate.strict.
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { closeEstates, estateKey, estateNames, resolveEstate, type Estate } from '../domain/estates.js';
import { listEstates } from '../storage/estates.js';

/** Choice values that are no estate's name (names are trimmed text, never these). */
const KEEP = '\u0000keep';
const OTHER = '\u0000other';
const NONE = '\u0000none';

/** The estate to record for what was typed; `ask`: a person is at the terminal. */
export async function intakeEstate(ctx: Ctx, typed: string | null | undefined, ask: boolean): Promise<string | null> {
  // As written (trimmed), unless it names a listed estate.
  const text = typed?.trim() ?? '';
  if (!text) return null;
  const estates = await listEstates(await ctx.store());
  if (!estates.length) return text;
  const known = resolveEstate(estateNames(estates), text);
  if (known !== null) return known;
  if (ask) return pickEstate(ctx, estates, text);
  if ((await ctx.clock()).settings.estateStrict) {
    const close = closeEstates(estates, text);
    throw new UsageError('estate.notListed', { name: text, close: close.join(ctx.t.l('word.listSep')) });
  }
  return text;
}

/** At a terminal with estates listed: the estate picked from the list, typed, or none. */
export async function askEstate(ctx: Ctx): Promise<string | null> {
  const estates = await listEstates(await ctx.store());
  if (!estates.length) return (await ctx.prompter.input({ message: ctx.t.m('prompt.estate') })) || null;
  const picked = await ctx.prompter.select({
    message: ctx.t.m('prompt.estate'),
    choices: [
      ...estates.map((e) => ({ value: e.name, name: e.aliases.length ? `${e.name} (${e.aliases.join(ctx.t.l('word.listSep'))})` : e.name })),
      { value: OTHER, name: ctx.t.m('prompt.estateOther') },
      { value: NONE, name: ctx.t.l('word.none') },
    ],
  });
  if (picked === NONE) return null;
  if (picked !== OTHER) return picked;
  return intakeEstate(ctx, await ctx.prompter.input({ message: ctx.t.m('prompt.estateType') }), true);
}

/** A name nobody listed: the close matches, keep it as typed, or type another. */
async function pickEstate(ctx: Ctx, estates: Estate[], text: string): Promise<string | null> {
  const names = estateNames(estates);
  let typed = text;
  for (;;) {
    const known = resolveEstate(names, typed);
    if (known !== null) return known;
    if (!estateKey(typed)) return null;
    const close = closeEstates(estates, typed);
    const picked = await ctx.prompter.select({
      message: ctx.t.m(close.length ? 'prompt.estateClose' : 'prompt.estateUnlisted', { name: typed }),
      choices: [
        ...close.map((name) => ({ value: name, name })),
        { value: KEEP, name: ctx.t.m('prompt.estateKeep', { name: typed }) },
        { value: OTHER, name: ctx.t.m('prompt.estateOther') },
      ],
    });
    if (picked === KEEP) return typed.trim();
    if (picked !== OTHER) return picked;
    typed = await ctx.prompter.input({ message: ctx.t.m('prompt.estateType') });
  }
}
