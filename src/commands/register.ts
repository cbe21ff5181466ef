// `register`: record a complaint. At a terminal it asks for what is missing
// and shows the caller's earlier complaints before saving; from a script it
// never asks and names the missing flags instead.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { readUnit } from '../domain/unit.js';
import { listedOption, suggestedOption } from '../cli/listed-values.js';
import { dateTimeArg, householdsArg, phoneArg, yuanArg } from '../cli/parse.js';
import { CATEGORIES, CHANNELS, KINDS, SUGGESTED_SUBCATEGORIES, type Category, type Channel, type Complaint, type Kind } from '../domain/types.js';
import { register, type NewComplaint } from '../domain/lifecycle.js';
import { formatTicket } from '../domain/ticket.js';
import { DAY, localDate, parseInstant, yearOf } from '../domain/time.js';
import { normalizePhone } from '../domain/phone.js';
import { CancelledError, UsageError } from '../domain/errors.js';
import { write } from '../storage/store.js';
import { noticeStale } from './stale-snapshots.js';
import { touchedSpan } from '../domain/report.js';
import { markStaleSnapshots } from '../storage/report-queries.js';
import { earlierOfCaller, findRepeat, insertComplaint, nextSeq } from '../storage/complaints.js';
import { appendEvents } from '../storage/events.js';
import { findDepartment } from '../storage/departments.js';
import { renderComplaintList } from '../output/complaint-list.js';
import { emitComplaint, view } from './complaint-step.js';
import { askHouseholds, askSubcategory, askYuan } from './desk-prompts.js';
import { askEstate, intakeEstate } from './estate-intake.js';

export interface RegisterOptions {
  name?: string;
  phone?: string;
  estate?: string;
  unit?: string;
  channel?: Channel;
  kind?: Kind;
  category?: Category;
  subcategory?: string;
  subject?: string;
  description?: string;
  demand?: string;
  receivedAt?: string;
  households?: number;
  claim?: number;
  safety?: boolean;
  media?: boolean;
  receiver?: string;
  about?: string;
  happenedAt?: string;
  place?: string;
  input?: boolean;
}

export function registerCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('register')
    .description(t.lang === 'zh' ? '登记一条投诉' : 'record a complaint')
    .option('-n, --name <name>', t.lang === 'zh' ? '投诉人姓名（必填）' : 'complainant name (required)')
    .option('-p, --phone <phone>', t.lang === 'zh' ? '联系电话' : 'phone: mobile or landline with area code', phoneArg(t))
    .option('--estate <estate>', t.lang === 'zh' ? '项目' : 'estate (项目)')
    .option('--unit <unit>', t.lang === 'zh' ? '房号，如 3-2-1501' : 'unit, building-entrance-room, e.g. 3-2-1501')
    .addOption(listedOption('-c, --channel <channel>', t.l('field.channel'), 'channel', t))
    .addOption(listedOption('-k, --kind <kind>', t.l('field.kind'), 'kind', t))
    .addOption(listedOption('--category <category>', t.l('field.category'), 'category', t))
    .addOption(suggestedOption('--subcategory <sub>', t.l('help.subcategorySuggested'), 'subcategory', t))
    .option('--subject <text>', t.lang === 'zh' ? '主题（默认取内容前 30 字）' : 'subject (default: first 30 characters of the description)')
    .option('-d, --description <text>', t.lang === 'zh' ? '投诉内容（必填）' : 'what the complaint is about (required)')
    .option('--demand <text>', t.lang === 'zh' ? '客户诉求' : 'what the complainant asks for')
    .option('--received-at <time>', t.lang === 'zh' ? '受理时间（默认现在）' : 'when the office received it (default: now)', dateTimeArg(t))
    .option('--households <n>', t.m('help.households'), householdsArg(t))
    .option('--claim <yuan>', t.lang === 'zh' ? '索赔金额（元）' : 'amount claimed, yuan', yuanArg(t))
    .option('--safety', t.lang === 'zh' ? '存在安全隐患' : 'a safety hazard')
    .option('--media', t.lang === 'zh' ? '媒体、法院或监管（12345/12315）介入' : 'media, court or regulator (12345 / 12315) involved')
    .option('--receiver <name>', t.lang === 'zh' ? '首问责任人（默认当前用户）' : 'first person who took it (default: the acting user)')
    .option('--about <person or dept>', t.m('help.about'))
    .option('--happened-at <time>', t.m('help.happenedAt'), dateTimeArg(t))
    .option('--place <text>', t.m('help.place'))
    .option('--no-input', t.lang === 'zh' ? '不提问，缺少必填项时报错' : 'never prompt; fail on missing required flags')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints register --name 王女士 --phone 13800138000 --estate 阳光海岸 --unit 3-2-1501 \\
    --category property_service --subcategory noise --description "楼上装修噪音，晚上十点后仍在施工"
  complaints register --name 李先生 --phone 13900139000 --description "保安态度恶劣" \
    --about 赵保安 --happened-at 2026-09-10T21:00 --place 北门岗亭
  complaints register            # ${ctx.t.m('help.ex.register.14')}`)
    .action(async (o: RegisterOptions) => {
      await runRegister(ctx, await completeRegister(ctx, o));
    });
}

/** Fills what is missing by asking at a terminal, or fails naming the flags. */
export async function completeRegister(ctx: Ctx, o: RegisterOptions): Promise<RegisterOptions> {
  const { t, prompter } = ctx;
  const r = { ...o };
  if (!ctx.canPrompt(o.input === false)) {
    const missing: string[] = [];
    if (!r.name?.trim()) missing.push('--name');
    if (!r.description?.trim()) missing.push('--description');
    if (missing.length) throw new UsageError('usage.required', { what: missing.join(', '), flags: missing.join(' ') });
    return r;
  }
  const required = (v: string) => (v.trim() ? true : t.m('prompt.required'));
  r.name ??= await prompter.input({ message: t.m('prompt.name'), validate: required });
  if (r.phone === undefined) {
    const phone = await prompter.input({
      message: t.m('prompt.phone'),
      validate: (v) => (!v.trim() || normalizePhone(v) !== null ? true : t.m('usage.invalid', { what: 'phone', value: v, hint: '13800138000 / 010-12345678' })),
    });
    r.phone = phone.trim() ? normalizePhone(phone)! : undefined;
  }
  // From the office's estates when it lists them; a name it does not list is offered the close ones.
  r.estate = (r.estate === undefined ? await askEstate(ctx) : await intakeEstate(ctx, r.estate, true)) ?? undefined;
  r.unit ??= (await prompter.input({ message: t.m('prompt.unit') })) || undefined;
  r.channel ??= await prompter.select({ message: t.m('prompt.channel'), choices: CHANNELS.map((v) => ({ value: v, name: t.l(`channel.${v}`) })), default: 'phone' });
  r.kind ??= await prompter.select({ message: t.m('prompt.kind'), choices: KINDS.map((v) => ({ value: v, name: t.l(`kind.${v}`) })), default: 'complaint' });
  r.category ??= await prompter.select({ message: t.m('prompt.category'), choices: CATEGORIES.map((v) => ({ value: v, name: t.l(`category.${v}`) })), default: 'property_service' });
  // The category's own subcategories, or any text.
  if (r.subcategory === undefined) r.subcategory = (await askSubcategory(ctx, r.category)) ?? undefined;
  r.description ??= await prompter.input({ message: t.m('prompt.description'), validate: required });
  r.demand ??= (await prompter.input({ message: t.m('prompt.demand') })) || undefined;
  // What makes a complaint important or major (SPEC §6) is asked, not left to a flag nobody typed.
  r.safety ??= await prompter.confirm({ message: t.m('prompt.safety'), default: false });
  r.media ??= await prompter.confirm({ message: t.m('prompt.media'), default: false });
  r.households ??= await askHouseholds(ctx);
  if (r.claim === undefined) r.claim = (await askYuan(ctx, t.m('prompt.claim'))) ?? undefined;
  // The caller's history before saving (SPEC §8), so the clerk can link it.
  const earlier = await earlierOfCaller(await ctx.store(), { phone: r.phone ?? null, estate: r.estate ?? null, unit: r.unit ?? null });
  if (earlier.length) {
    ctx.io.stderr.write(t.m('notice.earlier', { count: earlier.length }) + '\n' + renderComplaintList(await view(ctx), earlier));
    if (!(await prompter.confirm({ message: t.m('prompt.save'), default: true }))) throw new CancelledError('cancelled');
  }
  return r;
}

export async function runRegister(ctx: Ctx, o: RegisterOptions): Promise<Complaint> {
  const tz = await ctx.tz();
  const k = await ctx.clock();
  let receivedAt = k.now;
  if (o.receivedAt) {
    const at = parseInstant(o.receivedAt, tz);
    if (at === null) throw new UsageError('usage.invalid', { what: '--received-at', value: o.receivedAt, hint: 'e.g. 2026-11-20T15:00' });
    receivedAt = at;
  }
  let happenedAt: number | null = null;
  if (o.happenedAt) {
    happenedAt = parseInstant(o.happenedAt, tz);
    if (happenedAt === null) throw new UsageError('usage.invalid', { what: '--happened-at', value: o.happenedAt, hint: 'e.g. 2026-11-20T15:00' });
  }
  const s = await ctx.store();
  const about = o.about?.trim() || null;
  const input: NewComplaint = {
    receivedAt,
    channel: o.channel ?? 'phone',
    kind: o.kind ?? 'complaint',
    category: o.category ?? null,
    subcategory: o.subcategory?.trim() || null,
    name: o.name!.trim(),
    phone: o.phone ?? null,
    // At a terminal completeRegister settled it with the clerk; from a script, an alias becomes its estate.
    estate: ctx.canPrompt(o.input === false) ? o.estate?.trim() || null : await intakeEstate(ctx, o.estate, false),
    unit: o.unit?.trim() ? readUnit(o.unit) : null,
    subject: o.subject ?? null,
    description: o.description!.trim(),
    demand: o.demand?.trim() || null,
    receiver: o.receiver?.trim() || ctx.actor,
    households: o.households ?? 1,
    claimFen: o.claim ?? null,
    safety: !!o.safety,
    media: !!o.media,
    about,
    aboutIsDepartment: about !== null && (await findDepartment(s, about)) !== undefined,
    happenedAt,
    place: o.place?.trim() || null,
  };
  const caller = { phone: input.phone, estate: input.estate, unit: input.unit };
  const earlier = ctx.canPrompt(o.input === false) ? [] : await earlierOfCaller(s, caller);
  const { complaint, stale } = await write(s, async () => {
    const repeatOf = input.category
      ? await findRepeat(s, caller, input.category, receivedAt - k.settings.repeatWindowDays * DAY, receivedAt, null)
      : null;
    const date = localDate(receivedAt, tz);
    const year = yearOf(date);
    const seq = await nextSeq(s, year);
    const ticket = formatTicket(date, seq, s.office?.code ?? null);
    const step = register(input, ticket, repeatOf, k);
    const id = await insertComplaint(s, step.next, year, seq);
    await appendEvents(s, id, ctx.actor, k.now, step.events);
    // What was written, as written (not read back: two round trips less on a server).
    return { complaint: { ...step.next, id }, stale: await markStaleSnapshots(s, touchedSpan(null, step.next, k.now), k.now, tz) };
  });
  noticeStale(ctx, stale);
  const extra: string[] = [];
  if (earlier.length) extra.push('', ctx.t.m('notice.earlier', { count: earlier.length }), renderComplaintList(await view(ctx), earlier).trimEnd());
  if (complaint.repeatOf) extra.push(ctx.t.m('notice.repeat', { ticket: complaint.repeatOf, days: k.settings.repeatWindowDays }));
  if (complaint.possiblyInvalid) extra.push(ctx.t.m('notice.possiblyInvalid', { months: k.settings.lateAboutPersonMonths }));
  await emitComplaint(ctx, complaint, ctx.t.m('notice.registered', { ticket: complaint.ticket }), extra);
  return complaint;
}
