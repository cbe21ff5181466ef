// `edit <ticket> --reason`: correct any fact taken at intake (SPEC §13). At a
// terminal with no fact given it offers the facts with their current values.
import { Command, Option } from 'commander';
import { allowedValues, markListed, promptChoices, readValue, shownValues, VALUES, type ListName } from '../cli/listed-values.js';
import type { Ctx } from '../cli/context.js';
import { readUnit } from '../domain/unit.js';
import type { Translator } from '../output/i18n.js';
import { type Channel, type Complaint } from '../domain/types.js';
import { edit, INTAKE_FIELDS, intakeValue, withFacts, type IntakeFacts, type IntakeField } from '../domain/edit.js';
import { groupThousands, MAX_YUAN, formatYuan, parseYuan } from '../domain/money.js';
import { MAX_HOUSEHOLDS, readHouseholds } from '../domain/households.js';
import { normalizePhone } from '../domain/phone.js';
import { DAY, localDateTime, parseInstant } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { findRepeat } from '../storage/complaints.js';
import { intakeEstate } from './estate-intake.js';
import { applyStep, doneLine, emitComplaint, loadComplaint } from './complaint-step.js';

/** What a value typed for a fact is read against. */
interface Reader {
  t: Translator;
  tz: string;
}

interface EditFlag<F extends IntakeField = IntakeField> {
  field: F;
  /** The flag as commander declares it; a yes/no fact also gets its --no- form. */
  flags: string;
  /** The option's property name (commander's camelCase of the flag). */
  option: string;
  /** Reads typed text; throws UsageError saying how to write it. Absent for yes/no facts. */
  read?: (text: string, r: Reader) => IntakeFacts[F];
  /** A fact with listed values: offered as a choice at the terminal. */
  listed?: ListName;
}

const text = (v: string) => v.trim();
/** Optional text: empty clears it. */
const optional = <T>(read: (v: string, r: Reader) => T) => (v: string, r: Reader): T | null => (v.trim() ? read(v.trim(), r) : null);

function phone(v: string, r: Reader): string {
  const p = normalizePhone(v);
  if (p === null) throw new UsageError('usage.invalid', { what: '--phone', value: v, hint: r.t.m('edit.phoneHint') });
  return p;
}

function instant(v: string, r: Reader): number {
  const at = parseInstant(v, r.tz);
  if (at === null) throw new UsageError('usage.invalid', { what: '--received-at', value: v, hint: 'e.g. 2026-11-20T15:00' });
  return at;
}

function households(v: string): number {
  const n = readHouseholds(v);
  if (n === null) throw new UsageError('usage.households', { max: groupThousands(MAX_HOUSEHOLDS) });
  return n;
}

function yuan(v: string): number {
  const fen = parseYuan(v);
  if (fen === null) throw new UsageError('usage.amount', { max: groupThousands(MAX_YUAN) });
  return fen;
}

function channel(v: string): Channel {
  const key = readValue(VALUES.channel, v);
  if (key === null) throw new UsageError('usage.invalid', { what: '--channel', value: v, hint: allowedValues(VALUES.channel) });
  return key as Channel;
}

/** Every fact `edit` corrects, with its flag; a fact added to intake is one line here. */
const EDIT_FLAGS: EditFlag[] = [
  { field: 'name', flags: '-n, --name <name>', option: 'name', read: text },
  { field: 'phone', flags: '-p, --phone <phone>', option: 'phone', read: optional(phone) },
  { field: 'estate', flags: '--estate <estate>', option: 'estate', read: optional(text) },
  { field: 'unit', flags: '--unit <unit>', option: 'unit', read: optional(readUnit) },
  { field: 'subject', flags: '--subject <text>', option: 'subject', read: text },
  { field: 'description', flags: '-d, --description <text>', option: 'description', read: text },
  { field: 'demand', flags: '--demand <text>', option: 'demand', read: optional(text) },
  { field: 'channel', flags: '-c, --channel <channel>', option: 'channel', read: channel, listed: 'channel' },
  { field: 'receivedAt', flags: '--received-at <time>', option: 'receivedAt', read: instant },
  { field: 'households', flags: '--households <n>', option: 'households', read: households },
  { field: 'claimFen', flags: '--claim <yuan>', option: 'claim', read: optional(yuan) },
  { field: 'safety', flags: '--safety', option: 'safety' },
  { field: 'media', flags: '--media', option: 'media' },
  { field: 'about', flags: '--about <who>', option: 'about', read: optional(text) },
  { field: 'happenedAt', flags: '--happened-at <time>', option: 'happenedAt', read: optional(instant) },
  { field: 'place', flags: '--place <place>', option: 'place', read: optional(text) },
] satisfies EditFlag[] as EditFlag[];

export type EditOptions = Record<string, string | boolean | undefined> & { reason?: string; input?: boolean };

export function editCommand(ctx: Ctx): Command {
  const { t } = ctx;
  const cmd = new Command('edit')
    .description(t.m('help.edit'))
    .argument('<ticket>', t.m('help.ticket'));
  for (const f of EDIT_FLAGS) {
    const name = t.l(labelKey(f.field));
    if (f.read) cmd.addOption(f.listed ? markListed(new Option(f.flags, `${name}: ${shownValues(VALUES[f.listed], t)}`), f.listed) : new Option(f.flags, name));
    else {
      cmd.addOption(new Option(f.flags, t.m('help.editYes', { what: name })));
      cmd.addOption(new Option(f.flags.replace('--', '--no-'), t.m('help.editNo', { what: name })));
    }
  }
  return cmd
    .option('--reason <text>', t.m('help.editReason'))
    .option('--no-input', t.m('help.noInput'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints edit 260912-3 --phone 13900139000 --reason "电话记错一位"
  complaints edit 260912-3 --received-at 2026-09-11T16:30 --reason "前一天下午来电，次日补登"
  complaints edit 260912-3 --households 6 --no-safety --reason "核实后为 6 户"
  complaints edit 260912-3       # ${ctx.t.m('help.ex.edit.5')}`)
    .action(async (ticket: string, o: EditOptions) => {
      await runEdit(ctx, ticket, o);
    });
}

function labelKey(field: IntakeField): string {
  return `field.${field === 'claimFen' ? 'claim' : field}`;
}

/** The facts the flags give, read into the domain's values. */
function factsOf(o: EditOptions, r: Reader): Partial<IntakeFacts> {
  const out: Record<string, unknown> = {};
  for (const f of EDIT_FLAGS) {
    const v = o[f.option];
    if (v === undefined) continue;
    out[f.field] = f.read ? f.read(String(v), r) : v;
  }
  return out as Partial<IntakeFacts>;
}

/** A fact's value as the desk writes it, for the question that offers it. */
function shown(c: Complaint, field: IntakeField, r: Reader): string {
  const v = intakeValue(c, field);
  if (v === null) return '';
  if (field === 'receivedAt') return localDateTime(v as number, r.tz);
  if (field === 'claimFen') return formatYuan(v as number);
  if (typeof v === 'boolean') return r.t.l(v ? 'word.yes' : 'word.no');
  return String(v);
}

/** At a terminal: pick a fact (each shown with its value), type the new one; until "done". */
async function askFacts(ctx: Ctx, c: Complaint, r: Reader): Promise<Partial<IntakeFacts>> {
  const { t, prompter } = ctx;
  const out: Partial<IntakeFacts> = {};
    for (;;) {
    const current = withFacts(c, out);
    const field = await prompter.select<IntakeField | ''>({
      message: t.m('prompt.editField'),
      choices: [
        ...INTAKE_FIELDS.map((f) => ({ value: f as IntakeField | '', name: `${t.l(labelKey(f))}: ${shown(current, f, r) || t.l('word.none')}` })),
        { value: '', name: t.m('prompt.editDone') },
      ],
    });
    if (field === '') return out;
    const flag = EDIT_FLAGS.find((f) => f.field === field)!;
    const message = t.l(labelKey(field));
    if (!flag.read) {
      (out as Record<string, unknown>)[field] = await prompter.confirm({ message, default: intakeValue(current, field) as boolean });
    } else if (flag.listed) {
      (out as Record<string, unknown>)[field] = await prompter.select({
        message, default: String(intakeValue(current, field)), choices: promptChoices(flag.listed, t).map((c) => ({ value: c.value, name: `${c.name} (${c.value})` })),
      });
    } else {
      const typed = await prompter.input({ message, default: shown(current, field, r), validate: (v) => readable(flag, v, r) });
      (out as Record<string, unknown>)[field] = flag.read(typed, r);
    }
  }
}

function readable(flag: EditFlag, v: string, r: Reader): true | string {
  try {
    flag.read!(v, r);
    return true;
  } catch (err) {
    if (err instanceof UsageError) return r.t.m(err.key, err.params);
    throw err;
  }
}

export async function runEdit(ctx: Ctx, ticket: string, o: EditOptions): Promise<Complaint> {
  const r: Reader = { t: ctx.t, tz: await ctx.tz() };
  let facts = factsOf(o, r);
  const ask = ctx.canPrompt(o.input === false);
  if (!Object.keys(facts).length) {
    if (!ask) throw new UsageError('edit.nothing');
    facts = await askFacts(ctx, await loadComplaint(await ctx.store(), ticket), r);
    if (!Object.keys(facts).length) throw new UsageError('edit.nothing');
  }
  // An alias becomes its estate's name; an unlisted one is offered the close ones at a terminal (SPEC §16).
  if (typeof facts.estate === 'string') facts.estate = await intakeEstate(ctx, facts.estate, ask);
  let reason = o.reason?.trim() ?? '';
  if (!reason && ask) reason = await ctx.prompter.input({ message: ctx.t.m('prompt.reason'), validate: (v) => (v.trim() ? true : ctx.t.m('prompt.required')) });
  if (!reason) throw new UsageError('reason.required', { action: 'edit' });
  const { complaint } = await applyStep(ctx, ticket, async (c, k, s) => {
    // A corrected caller may make this a repeat of the caller's earlier complaint (SPEC §6).
    const caller = { phone: facts.phone !== undefined ? facts.phone : c.complainant.phone, estate: facts.estate !== undefined ? facts.estate : c.complainant.estate, unit: facts.unit !== undefined ? facts.unit : c.complainant.unit };
    const at = facts.receivedAt ?? c.receivedAt;
    const repeatOf = c.category && !c.repeatOf
      ? await findRepeat(s, caller, c.category, at - k.settings.repeatWindowDays * DAY, at, c.id)
      : null;
    return edit(c, facts, reason, repeatOf, k);
  });
  await emitComplaint(ctx, complaint, doneLine(ctx, complaint, 'edit'));
  return complaint;
}
