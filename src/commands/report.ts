// `report monthly|weekly|range`: the figures of SPEC §7 over a period, as a
// terminal table, JSON, CSV, Markdown or a self-contained HTML page. A month
// that has ended is kept as a snapshot the first time it is reported.
import { Command, InvalidArgumentError } from 'commander';
import { mergeByReports, type ByDimension, type ByReport } from '../domain/report-breakdown.js';
import { breakdownCounts } from '../storage/report-breakdown.js';
import { Chalk } from 'chalk';
import type { Ctx } from '../cli/context.js';
import { listedOption } from '../cli/listed-values.js';
import { chooseFormat } from '../domain/file-format.js';
import { OutputFile } from '../cli/output-file.js';
import { StateError, UsageError } from '../domain/errors.js';
import { stepsInForce } from '../domain/steps.js';
import { isoLocal, isValidDate } from '../domain/time.js';
import { maskPersonal } from '../domain/phone.js';
import {
  buildReport, isSnapshotPeriod, officeRow, type OfficeRow, monthPeriod, parseMonth, parseWeek, previousMonth, previousWeek, rangePeriod,
  trendMonths, weekPeriod, type Period, type Report, type ReportCounts,
} from '../domain/report.js';
import { write, type Store } from '../storage/store.js';
import { actingFor, actingForAll, readsEveryOffice, type ServerStore } from '../storage/postgres/open.js';
import { listOffices } from '../storage/postgres/offices.js';
import { loadSettings } from '../storage/settings.js';
import { loadCalendar } from '../storage/calendar.js';
import type { Settings } from '../domain/settings.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { appendEvents } from '../storage/events.js';
import { accountabilityFigures, findSnapshot, insertSnapshot, periodCounts, replaceSnapshot, reportCounts, type Snapshot } from '../storage/report-queries.js';
import { mergeAccountability, mergePeriodCounts, withGroups, type PeriodCounts } from '../domain/report-merge.js';
import { layoutReport } from '../output/report-layout.js';
import { renderReportText } from '../output/report-text.js';
import { renderReportMarkdown } from '../output/report-md.js';
import { renderReportCsv } from '../output/report-csv.js';
import { renderReportHtml } from '../output/report-html.js';
import { renderReportXlsx } from '../output/report-xlsx.js';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportPeriodOption =
  | { kind: 'monthly'; month?: string }
  | { kind: 'weekly'; week?: string }
  | { kind: 'range'; from?: string; to?: string };

export interface ReportOptions {
  period: ReportPeriodOption;
  format?: ReportFormat;
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
  refresh?: boolean;
  /** CSV written to a file carries a byte-order mark unless false (--no-bom). */
  bom?: boolean;
  /** Phone numbers masked in subjects, estates, departments (--mask). */
  mask?: boolean;
  /** Figures per department, person or receiver as well (--by). */
  by?: ByDimension;
}

interface OutputFlags {
  format?: ReportFormat;
  out?: string;
  force?: boolean;
  refresh?: boolean;
  bom?: boolean;
  mask?: boolean;
  by?: ByDimension;
}

/** --by's values, each also as office staff say it. */
const BY_WORDS: Record<string, ByDimension> = {
  department: 'department', 部门: 'department', person: 'person', 人员: 'person', 处理人: 'person', 经办人: 'person',
  receiver: 'receiver', 受理人: 'receiver', 接待人: 'receiver',
  estate: 'estate', 项目: 'estate', 小区: 'estate',
};

function parseBy(ctx: Ctx) {
  return (v: string): ByDimension => {
    const by = BY_WORDS[v.trim().toLowerCase()];
    if (!by) throw new InvalidArgumentError(ctx.t.m('report.byChoices', {}));
    return by;
  };
}

export function reportCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const report = new Command('report')
    .description(zh ? '统计报告：月报、周报或任意期间（表格、JSON、CSV、Markdown、HTML、Excel 工作簿）' : 'reports: monthly, weekly or any range (table, JSON, CSV, Markdown, HTML, Excel workbook)')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints report monthly                        # ${ctx.t.m('help.ex.report.15')}
  complaints report monthly --month 2026-10 --format html --out 2026-10.html
  complaints report weekly --week 2026-W44 --json
  complaints report range --from 2026-01-01 --to 2026-06-30 --format csv --out h1.csv
  complaints report monthly --month 2026-10 --format xlsx --out 2026-10.xlsx`);
  const withOutput = (cmd: Command) => cmd
    .addOption(listedOption('--format <format>', zh ? '格式（默认 table；--json 即 json；xlsx 需 --out）' : 'format (default table; --json means json; xlsx needs --out)', 'reportFormat', ctx.t))
    .option('--out <file>', zh ? '写入文件而不是标准输出' : 'write to this file instead of stdout')
    .option('--force', ctx.t.m('file.forceHelp'))
    .option('--refresh', zh ? '重新统计已保存的月报快照' : 'recompute a stored snapshot of a closed month')
    .option('--no-bom', zh ? 'CSV 文件不加 BOM' : 'no byte-order mark in a CSV file')
    .option('--mask', ctx.t.m('option.mask'))
    .option('--by <department|person|receiver|estate>', ctx.t.m('report.byOption'), parseBy(ctx))
    // Read by main before parsing (the office is chosen as the database opens); here so it may follow the command.
    .option('--office <code|all>', ctx.t.m('report.officeOption'));
  withOutput(report.command('monthly').description(zh ? '月报（默认上个月）' : 'a calendar month (default: the previous one)')
    .option('--month <YYYY-MM>', zh ? '月份，如 2026-10' : 'the month, e.g. 2026-10'))
    .action(async (o: OutputFlags & { month?: string }) => {
      await runReport(ctx, { ...o, period: { kind: 'monthly', month: o.month } });
    });
  withOutput(report.command('weekly').description(zh ? '周报（默认上一周，ISO 周）' : 'an ISO week (default: the previous one)')
    .option('--week <YYYY-Www>', zh ? 'ISO 周，如 2026-W44' : 'the ISO week, e.g. 2026-W44'))
    .action(async (o: OutputFlags & { week?: string }) => {
      await runReport(ctx, { ...o, period: { kind: 'weekly', week: o.week } });
    });
  withOutput(report.command('range').description(zh ? '任意期间（含首尾两天）' : 'any range of days, both ends included')
    .option('--from <date>', zh ? '起始日期，如 2026-01-01' : 'first day, e.g. 2026-01-01')
    .option('--to <date>', zh ? '截止日期（含当天）' : 'last day (included)'))
    .action(async (o: OutputFlags & { from?: string; to?: string }) => {
      await runReport(ctx, { ...o, period: { kind: 'range', from: o.from, to: o.to } });
    });
  return report;
}

/** The period a report covers; the default is the previous month or week in the office's zone. */
export async function periodOf(ctx: Ctx, p: ReportPeriodOption): Promise<Period> {
  const tz = await ctx.tz();
  const bad = (flag: string, value: string, hint: string) => new UsageError('report.badPeriod', { flag, value, hint });
  switch (p.kind) {
    case 'monthly': {
      const month = p.month ?? previousMonth(await ctx.now(), tz);
      if (parseMonth(month) === null) throw bad('--month', month, 'YYYY-MM, e.g. 2026-10');
      return monthPeriod(month, tz);
    }
    case 'weekly': {
      const week = p.week ?? previousWeek(await ctx.now(), tz);
      if (parseWeek(week) === null) throw bad('--week', week, 'YYYY-Www, e.g. 2026-W44');
      return weekPeriod(week, tz);
    }
    case 'range': {
      if (!p.from || !p.to) throw new UsageError('usage.required', { what: 'the range', flags: '--from and --to' });
      if (!isValidDate(p.from)) throw bad('--from', p.from, 'a date, e.g. 2026-01-01');
      if (!isValidDate(p.to)) throw bad('--to', p.to, 'a date, e.g. 2026-06-30');
      if (p.to < p.from) throw bad('--to', p.to, `a date on or after --from ${p.from}`);
      return rangePeriod(p.from, p.to, tz);
    }
  }
}

async function compute(ctx: Ctx, period: Period): Promise<Report> {
  const { settings, calendar, now } = await ctx.clock();
  return computeWith(await ctx.store(), period, now, settings, calendar);
}

async function computeWith(s: Store, period: Period, now: number, settings: Settings, calendar: WorkCalendar): Promise<Report> {
  const counts = await reportCounts(s, period, now, settings, trendMonths(period, settings.timeZone));
  return { ...reportOf(period, counts, calendar, settings, now), ...(await accountabilityFigures(s, period, settings.timeZone)) };
}

function reportOf(period: Period, counts: ReportCounts, calendar: WorkCalendar, settings: Settings, now: number): Report {
  const tz = settings.timeZone;
  return buildReport(period, counts, calendar, tz, isoLocal(now, tz), stepsInForce(settings.procedure).map((d) => d.key));
}

/**
 * A group's report (--office all, SPEC §14): each office's figures under its
 * own settings and calendar, a row each, and the group's: the offices' counts
 * merged (every figure is a sum or a list), under the settings of whoever
 * asks. Computed each time: snapshots are an office's own.
 */
async function groupReport(ctx: Ctx, period: Period): Promise<Report> {
  const s = await ctx.store();
  if (s.engine !== 'postgres') throw new UsageError('report.groupNeedsServer', {});
  const server = s as ServerStore;
  if (!(await readsEveryOffice(server))) throw new StateError('report.groupNeedsRole', { role: server.role });
  const { settings, calendar, tz, now } = await ctx.clock();
  const acting = { actor: ctx.actor, now };
  const months = trendMonths(period, tz);
  const rows: OfficeRow[] = [];
  const parts: PeriodCounts[] = [];
  const accountability: Awaited<ReturnType<typeof accountabilityFigures>>[] = [];
  for (const office of await listOffices(server)) {
    const one = await actingFor(server, office);
    const own = await loadSettings(one);
    const counts = await periodCounts(one, period, now, months);
    parts.push(counts);
    accountability.push(await accountabilityFigures(one, period, tz));
    rows.push(officeRow(office.code, office.name, reportOf(period, withGroups(counts, own), await loadCalendar(one, acting), own, now)));
  }
  return {
    ...reportOf(period, withGroups(mergePeriodCounts(parts), settings), calendar, settings, now),
    ...mergeAccountability(accountability),
    offices: rows,
  };
}

/** The figures per department, person or receiver: an office's, or a group's offices' added up by key. */
async function breakdown(ctx: Ctx, period: Period, by: ByDimension, group: boolean): Promise<ByReport> {
  const s = await ctx.store();
  if (!group) return await breakdownCounts(s, period, by);
  const server = s as ServerStore;
  const parts: ByReport[] = [];
  for (const office of await listOffices(server)) parts.push(await breakdownCounts(await actingFor(server, office), period, by));
  return mergeByReports(by, parts);
}

/**
 * The report of a period. A month that has ended is stored the first time it
 * is produced and returned as stored afterwards; `refresh` recomputes and
 * replaces it, and records that on the timeline.
 */
export async function produceReport(ctx: Ctx, period: Period, refresh: boolean): Promise<Report> {
  const now = await ctx.now();
  if (!isSnapshotPeriod(period, now)) return await compute(ctx, period);
  const s = await ctx.store();
  const tz = await ctx.tz();
  const stored = await findSnapshot(s, period.label);
  if (stored && !refresh) return fromSnapshot(stored, tz);
  const report = await compute(ctx, period);
  // A database this user may only read is reported from, not stored in.
  if (s.readOnly && !refresh) return report;
  const snap = { label: period.label, computedAt: now, json: JSON.stringify(report), staleSince: null };
  return await write(s, async () => {
    if (!refresh) {
      await insertSnapshot(s, snap);
      // Another process may have stored it first: theirs stands.
      return fromSnapshot((await findSnapshot(s, period.label))!, tz);
    }
    const before = await findSnapshot(s, period.label);
    await replaceSnapshot(s, snap);
    await appendEvents(s, null, ctx.actor, now, [{
      action: 'report-refresh',
      before: before ? { label: period.label, computedAt: isoLocal(before.computedAt, tz) } : null,
      after: { label: period.label, computedAt: report.computedAt },
      note: null,
    }]);
    return fromSnapshot(snap, tz);
  });
}

/** A stored report, saying that it is one, and whether its month's data changed since. */
function fromSnapshot(snap: Snapshot, tz: string): Report {
  const report = JSON.parse(snap.json) as Report;
  return {
    ...report,
    // Snapshots stored before these figures existed lack them.
    closedWithoutCallBack: report.closedWithoutCallBack ?? null,
    snapshot: { computedAt: isoLocal(snap.computedAt, tz), staleSince: snap.staleSince === null ? null : isoLocal(snap.staleSince, tz) },
  };
}

/** A report as a workbook: a summary sheet, then a sheet per breakdown and list. */
export async function renderReportWorkbook(ctx: Ctx, report: Report): Promise<Uint8Array> {
  const t = ctx.t;
  return await renderReportXlsx(layoutReport(report, t), {
    figureHeaders: [t.l('report.col.figure'), t.l('report.col.value')],
    periodLabel: t.l('xlsx.sheet.period'), computedLabel: t.l('report.computedAt'),
  });
}

export function renderReport(ctx: Ctx, report: Report, format: Exclude<ReportFormat, 'xlsx'>, toFile: boolean, bom: boolean): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const t = ctx.t;
  const layout = layoutReport(report, t);
  const none = t.l('report.none');
  const figureHeaders: [string, string] = [t.l('report.col.figure'), t.l('report.col.value')];
  switch (format) {
    case 'csv': return renderReportCsv(layout, toFile && bom);
    case 'md': return renderReportMarkdown(layout, figureHeaders, none);
    case 'html': return renderReportHtml(layout, {
      lang: t.lang, none, figureHeaders,
      chartTitles: {
        trend: t.l('report.trend'), categories: t.l('report.byCategory'),
        satisfaction: t.l('report.satisfaction'), rates: t.l('report.rates'),
      },
    });
    case 'table': return renderReportText(layout, {
      chalk: toFile ? new Chalk({ level: 0 }) : ctx.chalk,
      width: toFile ? undefined : ctx.width,
      none, figureHeaders, trendTitle: t.l('report.trend'), satisfactionTitle: t.l('report.satisfaction'),
    });
  }
}

export async function runReport(ctx: Ctx, o: ReportOptions): Promise<Report> {
  // Checked before the database is opened (and a snapshot stored).
  const format = chooseFormat(ctx.json ? 'json' : o.format, o.out, REPORT_FORMATS, 'table');
  // A workbook is a file, never text for a terminal or a pipe.
  if (format === 'xlsx' && !o.out) throw new UsageError('report.xlsxNeedsOut', {});
  const file = o.out ? OutputFile.check(o.out, { database: ctx.dbPath, force: !!o.force }) : null;
  const period = await periodOf(ctx, o.period);
  const group = ctx.office?.trim().toLowerCase() === 'all';
  const plain = group ? await groupReport(ctx, period) : await produceReport(ctx, period, !!o.refresh);
  const report = o.by ? { ...plain, by: await breakdown(ctx, period, o.by, group) } : plain;
  // The stored snapshot stays whole; only what is printed is masked.
  const shown = o.mask ? maskPersonal(report) : report;
  const text = format === 'xlsx' ? await renderReportWorkbook(ctx, shown) : renderReport(ctx, shown, format, !!o.out, o.bom !== false);
  if (file) {
    file.writeAll(text);
    ctx.io.stderr.write(ctx.t.m('report.written', { label: period.label, file: o.out! }) + '\n');
  } else {
    // Only text comes here: a workbook was refused without --out above. CSV, Markdown, HTML and JSON are data, never paged.
    if (format !== 'table') ctx.io.unpaged?.();
    ctx.io.stdout.write(text as string);
  }
  return report;
}
