// `list`: complaints by status, severity, category, department, person,
// estate, unit, phone, date range, overdue and free text; sorted; limited.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { readUnit } from '../domain/unit.js';
import { dateTimeArg, limitArg, phoneOrTailArg } from '../cli/parse.js';
import { listedListOption, listedOption } from '../cli/listed-values.js';
import { OPEN_STATUSES, type Category, type Complaint, type Severity, type Status } from '../domain/types.js';
import { addDays, isValidDate, parseInstant, zonedInstant } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { iterateComplaints, listTotal, type ListFilter, type ListSort } from '../storage/complaints.js';
import { deadlineStatuses, nextDeadline } from '../domain/deadlines.js';
import { stepsInForce } from '../domain/steps.js';
import { BufferedOutput } from '../output/buffered-output.js';
import { jsonArrayPieces } from '../output/json-text.js';
import { maskPersonal } from '../domain/phone.js';
import { complaintJson } from '../output/complaint-json.js';
import { countedEstate } from '../domain/estates.js';
import { estateNameMap } from '../storage/estates.js';
import { complaintTsvLine, LIST_TSV_HEADER, renderComplaintList } from '../output/complaint-list.js';
import { stepKeysInForce, view } from './complaint-step.js';

export interface ListOptions {
  status?: string[];
  severity?: Severity[];
  category?: Category[];
  dept?: string;
  assignee?: string;
  estate?: string;
  unit?: string;
  phone?: string;
  mine?: boolean;
  receiver?: string;
  flagged?: boolean;
  from?: string;
  to?: string;
  overdue?: boolean;
  search?: string;
  /** --group alone: any group complaint; with a number, that one. */
  group?: string | boolean;
  sort?: ListSort;
  limit?: number;
  /** Phone numbers masked in every field (--mask). */
  mask?: boolean;
}


/**
 * The most complaints `list` shows. Its text is aligned over all rows and its
 * JSON is one array, so it holds them all in memory (a million took 4 GB);
 * `export` streams any number as CSV.
 */
export const LIST_MAX = 100_000;

/** The filter flags `list` and `export` share. */
export function addFilterOptions(cmd: Command, ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return cmd
    .addOption(listedListOption('--status <s,…>', zh ? '状态（默认 open：未关闭）' : 'status (default open: not closed)', 'status', ctx.t))
    .addOption(listedListOption('--severity <s,…>', ctx.t.l('field.severity'), 'severity', ctx.t))
    .addOption(listedListOption('--category <c,…>', ctx.t.l('field.category'), 'category', ctx.t))
    .option('--dept <name>', zh ? '责任部门' : 'department')
    .option('--assignee <person>', ctx.t.m('help.listAssignee'))
    .option('--estate <estate>', ctx.t.m('help.listEstate'))
    .option('--unit <unit>', zh ? '房号' : 'unit')
    .option('--phone <phone>', ctx.t.m('help.listPhone'), phoneOrTailArg(ctx.t))
    .option('--mine', ctx.t.m('help.listMine'))
    .option('--receiver <name>', ctx.t.m('help.listReceiver'))
    .option('--flagged', ctx.t.m('help.listFlagged'))
    .option('--from <date>', zh ? '受理日期起（含）' : 'received on or after', dateTimeArg(ctx.t))
    .option('--to <date>', zh ? '受理日期止（含当天）' : 'received on or before (the whole day)', dateTimeArg(ctx.t))
    .option('--overdue', zh ? '仅超期未办' : 'only those past a deadline now')
    .option('--search <text>', zh ? '全文搜索（中文单字、双字及以上均可）' : 'free text, Chinese words of any length')
    .option('--group [number]', ctx.t.m('help.listGroup'));
}

export function listCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const cmd = new Command('list').description(zh ? '查询投诉列表' : 'list complaints');
  return addFilterOptions(cmd, ctx)
    .addOption(listedOption('--sort <order>', zh ? '排序' : 'order', 'sort', ctx.t).default('newest'))
    .option('--limit <n>', ctx.t.m('option.listLimit', { max: LIST_MAX }), limitArg(ctx.t), 50)
    .option('--mask', ctx.t.m('option.mask'))
    .addHelpText('after', `
${ctx.t.m('help.after.list', { max: LIST_MAX })}

${ctx.t.l('help.examples')}
  complaints list --dept 工程部 --overdue
  complaints list --search 漏水 --status all
  complaints list --phone 13800138000 --json
  complaints list --mine                       # ${ctx.t.m('help.ex.list.9')}
  complaints list --phone 8000 --status all     # ${ctx.t.m('help.ex.list.10')}
  complaints list --estate 阳光 --assignee 张    # ${ctx.t.m('help.ex.list.11')}
  complaints list --flagged --status all
  complaints list --search 漏水 --mask
  complaints list --group --status all          # ${ctx.t.m('help.ex.list.12')}`)
    .action(async (o: ListOptions) => {
      await runList(ctx, o);
    });
}

/** 'open' (the default) is every status but closed; 'all' is no filter. */
function statusesOf(words: string[] | undefined): Status[] | null {
  const open = [...OPEN_STATUSES];
  if (!words) return open;
  if (words.includes('all')) return null;
  return [...new Set(words.flatMap((w) => (w === 'open' ? open : [w as Status])))];
}

const PHONE_TAIL = /^\d{4}$/;

/** Turns the shared filter flags into a storage filter. */
export async function toFilter(ctx: Ctx, o: ListOptions): Promise<ListFilter> {
  const tz = await ctx.tz();
  const bound = (flag: string, text: string | undefined, endOfDay: boolean): number | null => {
    if (!text) return null;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const at = dateOnly ? (isValidDate(text) ? zonedInstant(endOfDay ? addDays(text, 1) : text, '00:00:00', tz) : null) : parseInstant(text, tz);
    if (at === null) throw new UsageError('usage.invalid', { what: flag, value: text, hint: 'e.g. 2026-11-01' });
    // The upper bound is exclusive: the next day for a date, the next millisecond for a time.
    return endOfDay && !dateOnly ? at + 1 : at;
  };
  return {
    statuses: statusesOf(o.status),
    severities: o.severity ?? null,
    categories: o.category ?? null,
    department: o.dept?.trim() || null,
    assignee: o.assignee?.trim() || null,
    estate: o.estate?.trim() || null,
    unit: o.unit?.trim() ? readUnit(o.unit) : null,
    // Four digits are a phone's last four (a whole number is never that short).
    phone: o.phone !== undefined && !PHONE_TAIL.test(o.phone) ? o.phone : null,
    phoneTail: o.phone !== undefined && PHONE_TAIL.test(o.phone) ? o.phone : null,
    mine: o.mine ? ctx.actor : null,
    receiver: o.receiver?.trim() || null,
    flagged: !!o.flagged,
    from: bound('--from', o.from, false),
    to: bound('--to', o.to, true),
    overdueAt: o.overdue ? await ctx.now() : null,
    search: o.search?.trim() || null,
    group: groupOf(o.group),
  };
}

function groupOf(v: string | boolean | undefined): number | 'any' | null {
  if (v === undefined || v === false) return null;
  if (v === true) return 'any';
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new UsageError('usage.invalid', { what: '--group', value: v, hint: 'a group number, e.g. --group 3' });
  return Number(v);
}

export async function runList(ctx: Ctx, o: ListOptions): Promise<number> {
  // 0 is all that list shows at most; more is export's work.
  const limit = o.limit === 0 ? LIST_MAX : o.limit ?? 50;
  if (limit > LIST_MAX) throw new UsageError('list.tooMany', { limit, max: LIST_MAX });
  const filter = await toFilter(ctx, o);
  const sort = o.sort ?? 'newest';
  const tz = await ctx.tz();
  const rows = iterateComplaints(await ctx.store(), filter, sort, limit);
  const steps = await stepKeysInForce(ctx);
  // An estate under its current name, whichever of its names was written (SPEC §16; `show` keeps it as written).
  const estates = await estateNameMap(await ctx.store());
  const named = (c: Complaint): Complaint => {
    const estate = countedEstate(estates, c.complainant.estate);
    return estate === c.complainant.estate ? c : { ...c, complainant: { ...c.complainant, estate } };
  };
  const shown = (c: Complaint) => (o.mask ? maskPersonal(named(c)) : named(c));
  if (ctx.json) return writeRows(ctx, rows, (c, i) => array.elements([complaintJson(shown(c), tz, steps)], i), '[]\n', '\n]\n');
  const v = await view(ctx);
  const none = ctx.t.m('notice.noResults') + '\n';
  // Through a pipe, one line a row as they are read.
  if (!v.tty) return writeRows(ctx, rows, (c, i) => (i === 0 ? LIST_TSV_HEADER : '') + complaintTsvLine(v, shown(c)), none, '');
  // Aligned columns need every row's width first: this holds the list in memory, and is why it has a limit.
  const list: Complaint[] = [];
  for await (const batch of rows) for (const c of batch) list.push(shown(c));
  if (!list.length) {
    ctx.io.stdout.write(none);
    return 0;
  }
  const clock = await ctx.clock();
  const inForce = stepsInForce(clock.settings.procedure);
  const dues = list.map((c) => nextDeadline(deadlineStatuses(c, clock.now, clock, { steps: inForce })));
  // A list shorter than its limit is all there is: counted only when it may not be.
  const total = list.length < limit ? { count: list.length, more: false } : await listTotal(await ctx.store(), filter);
  ctx.io.stdout.write(renderComplaintList(v, list, { dues, counts: { shown: list.length, total: total.count, more: total.more } }));
  return list.length;
}

/** The list as a top-level JSON array. */
const array = jsonArrayPieces(0);

/**
 * Rows written as they are read, a few megabytes at a time: `empty` when
 * there are none, else each row's text and then `end`. The JSON array this
 * writes is the same text as JSON.stringify of the whole array.
 */
async function writeRows<T>(ctx: Ctx, batches: AsyncIterable<T[]>, text: (item: T, i: number) => string, empty: string, end: string): Promise<number> {
  const sink = new BufferedOutput(ctx.io.stdout);
  let n = 0;
  for await (const items of batches) {
    for (const item of items) {
      if (!(await sink.put(text(item, n)))) return n;
      n++;
    }
  }
  if (await sink.put(n === 0 ? empty : end)) await sink.flush();
  return n;
}
