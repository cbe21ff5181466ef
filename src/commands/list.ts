// `list`: complaints by status, severity, category, department, person,
// estate, unit, phone, date range, overdue and free text; sorted; limited.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { choice, dateTimeArg, listOf, phoneArg, positiveIntArg } from '../cli/parse.js';
import { CATEGORIES, OPEN_STATUSES, SEVERITIES, STATUSES, type Category, type Complaint, type Severity, type Status } from '../domain/types.js';
import { addDays, isValidDate, parseInstant, zonedInstant } from '../domain/time.js';
import { UsageError } from '../domain/errors.js';
import { listComplaints, type ListFilter, type ListSort } from '../storage/complaints.js';
import { maskPersonal } from '../domain/phone.js';
import { complaintJson } from '../output/complaint-json.js';
import { renderComplaintList } from '../output/complaint-list.js';
import { view } from './complaint-step.js';

export interface ListOptions {
  status?: string[];
  severity?: Severity[];
  category?: Category[];
  dept?: string;
  assignee?: string;
  estate?: string;
  unit?: string;
  phone?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  search?: string;
  sort?: ListSort;
  limit?: number;
  /** Phone numbers masked in every field (--mask). */
  mask?: boolean;
}

const STATUS_WORDS = [...STATUSES, 'open', 'all'] as const;
export const SORTS: ListSort[] = ['newest', 'oldest', 'due', 'severity', 'ticket'];

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
    .option('--status <s,…>', `${zh ? '状态' : 'status'}: ${STATUS_WORDS.join(', ')} (${zh ? '默认 open：未关闭' : 'default open: not closed'})`, listOf(STATUS_WORDS, ctx.t))
    .option('--severity <s,…>', `${zh ? '级别' : 'severity'}: ${SEVERITIES.join(', ')}`, listOf(SEVERITIES, ctx.t))
    .option('--category <c,…>', `${zh ? '类别' : 'category'}: ${CATEGORIES.join(', ')}`, listOf(CATEGORIES, ctx.t))
    .option('--dept <name>', zh ? '责任部门' : 'department')
    .option('--assignee <person>', zh ? '处理人' : 'assignee')
    .option('--estate <estate>', zh ? '项目' : 'estate')
    .option('--unit <unit>', zh ? '房号' : 'unit')
    .option('--phone <phone>', zh ? '电话' : 'phone', phoneArg(ctx.t))
    .option('--from <date>', zh ? '受理日期起（含）' : 'received on or after', dateTimeArg(ctx.t))
    .option('--to <date>', zh ? '受理日期止（含当天）' : 'received on or before (the whole day)', dateTimeArg(ctx.t))
    .option('--overdue', zh ? '仅超期未办' : 'only those past a deadline now')
    .option('--search <text>', zh ? '全文搜索（中文单字、双字及以上均可）' : 'free text, Chinese words of any length');
}

export function listCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const cmd = new Command('list').description(zh ? '查询投诉列表' : 'list complaints');
  return addFilterOptions(cmd, ctx)
    .addOption(choice('--sort <order>', zh ? '排序' : 'order', SORTS).default('newest'))
    .option('--limit <n>', ctx.t.m('option.listLimit', { max: LIST_MAX }), positiveIntArg(ctx.t), 50)
    .option('--mask', ctx.t.m('option.mask'))
    .addHelpText('after', `
At most ${LIST_MAX.toLocaleString('en')} complaints are listed; for more, use export (CSV, the same filters).

Examples:
  complaints list --dept 工程部 --overdue
  complaints list --search 漏水 --status all
  complaints list --phone 13800138000 --json
  complaints list --search 漏水 --mask`)
    .action((o: ListOptions) => {
      runList(ctx, o);
    });
}

/** 'open' (the default) is every status but closed; 'all' is no filter. */
function statusesOf(words: string[] | undefined): Status[] | null {
  const open = [...OPEN_STATUSES];
  if (!words) return open;
  if (words.includes('all')) return null;
  return [...new Set(words.flatMap((w) => (w === 'open' ? open : [w as Status])))];
}

/** Turns the shared filter flags into a storage filter. */
export function toFilter(ctx: Ctx, o: ListOptions): ListFilter {
  const tz = ctx.tz();
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
    unit: o.unit?.trim() || null,
    phone: o.phone ?? null,
    from: bound('--from', o.from, false),
    to: bound('--to', o.to, true),
    overdueAt: o.overdue ? ctx.now() : null,
    search: o.search?.trim() || null,
  };
}

export function runList(ctx: Ctx, o: ListOptions): Complaint[] {
  const limit = o.limit ?? 50;
  if (limit > LIST_MAX) throw new UsageError('list.tooMany', { limit, max: LIST_MAX });
  const filter = toFilter(ctx, o);
  const found = listComplaints(ctx.store(), filter, o.sort ?? 'newest', limit);
  const list = o.mask ? found.map(maskPersonal) : found;
  const tz = ctx.tz();
  ctx.emit(list.map((c) => complaintJson(c, tz)), () =>
    list.length ? renderComplaintList(view(ctx), list) : ctx.t.m('notice.noResults') + '\n');
  return list;
}
