// `report monthly|weekly|range`: the figures of SPEC §7 over a period, as a
// terminal table, JSON, CSV, Markdown or a self-contained HTML page. A month
// that has ended is kept as a snapshot the first time it is reported.
import { Command } from 'commander';
import { Chalk } from 'chalk';
import type { Ctx } from '../cli/context.js';
import { choice } from '../cli/parse.js';
import { OutputFile } from '../cli/output-file.js';
import { StateError, UsageError } from '../domain/errors.js';
import { stepsInForce } from '../domain/steps.js';
import { isoLocal, isValidDate } from '../domain/time.js';
import { maskPersonal } from '../domain/phone.js';
import {
  buildReport, isSnapshotPeriod, officeRow, type OfficeRow, monthPeriod, parseMonth, parseWeek, previousMonth, previousWeek, rangePeriod,
  trendMonths, weekPeriod, type Period, type Report,
} from '../domain/report.js';
import { write, type Store } from '../storage/store.js';
import { actingFor, actingForAll, readsEveryOffice, type ServerStore } from '../storage/postgres/open.js';
import { listOffices } from '../storage/postgres/offices.js';
import { loadSettings } from '../storage/settings.js';
import { loadCalendar } from '../storage/calendar.js';
import type { Settings } from '../domain/settings.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { appendEvents } from '../storage/events.js';
import { findSnapshot, insertSnapshot, replaceSnapshot, reportCounts, type Snapshot } from '../storage/report-queries.js';
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
}

interface OutputFlags {
  format?: ReportFormat;
  out?: string;
  force?: boolean;
  refresh?: boolean;
  bom?: boolean;
  mask?: boolean;
}

export function reportCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const report = new Command('report')
    .description(zh ? '统计报告：月报、周报或任意期间（表格、JSON、CSV、Markdown、HTML、Excel 工作簿）' : 'reports: monthly, weekly or any range (table, JSON, CSV, Markdown, HTML, Excel workbook)')
    .addHelpText('after', `
Examples:
  complaints report monthly                        # last month, on the terminal
  complaints report monthly --month 2026-10 --format html --out 2026-10.html
  complaints report weekly --week 2026-W44 --json
  complaints report range --from 2026-01-01 --to 2026-06-30 --format csv --out h1.csv
  complaints report monthly --month 2026-10 --format xlsx --out 2026-10.xlsx`);
  const withOutput = (cmd: Command) => cmd
    .addOption(choice('--format <format>', zh ? '格式：table、json、csv、md、html、xlsx（默认 table；--json 即 json；xlsx 需 --out）' : 'table, json, csv, md, html or xlsx (default table; --json means json; xlsx needs --out)', REPORT_FORMATS))
    .option('--out <file>', zh ? '写入文件而不是标准输出' : 'write to this file instead of stdout')
    .option('--force', ctx.t.m('file.forceHelp'))
    .option('--refresh', zh ? '重新统计已保存的月报快照' : 'recompute a stored snapshot of a closed month')
    .option('--no-bom', zh ? 'CSV 文件不加 BOM' : 'no byte-order mark in a CSV file')
    .option('--mask', ctx.t.m('option.mask'))
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
  const { settings, calendar, tz, now } = await ctx.clock();
  return computeWith(await ctx.store(), period, now, settings, calendar, tz);
}

async function computeWith(s: Store, period: Period, now: number, settings: Settings, calendar: WorkCalendar, tz: string): Promise<Report> {
  const counts = await reportCounts(s, period, now, settings, trendMonths(period, tz));
  return buildReport(period, counts, calendar, tz, isoLocal(now, tz), stepsInForce(settings.procedure).map((d) => d.key));
}

/**
 * A group's report (--office all, SPEC §14): each office's figures under its
 * own settings and calendar, a row each, and the group's over every office.
 * Computed each time: snapshots are an office's own.
 */
async function groupReport(ctx: Ctx, period: Period): Promise<Report> {
  const s = await ctx.store();
  if (s.engine !== 'postgres') throw new UsageError('report.groupNeedsServer', {});
  const server = s as ServerStore;
  if (!(await readsEveryOffice(server))) throw new StateError('report.groupNeedsRole', { role: server.role });
  const now = await ctx.now();
  const acting = { actor: ctx.actor, now };
  const rows: OfficeRow[] = [];
  const offices = await listOffices(server);
  for (const office of offices) {
    const one = await actingFor(server, office);
    const settings = await loadSettings(one);
    const report = await computeWith(one, period, now, settings, await loadCalendar(one, acting), settings.timeZone);
    rows.push(officeRow(office.code, office.name, report));
  }
  const group = await actingForAll(server, offices);
  const { settings, calendar, tz } = await ctx.clock();
  return { ...(await computeWith(group, period, now, settings, calendar, tz)), offices: rows };
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
      none, figureHeaders, trendTitle: t.l('report.trend'), satisfactionTitle: t.l('report.satisfaction'),
    });
  }
}

export async function runReport(ctx: Ctx, o: ReportOptions): Promise<Report> {
  // Checked before the database is opened (and a snapshot stored).
  const format: ReportFormat = ctx.json ? 'json' : (o.format ?? 'table');
  // A workbook is a file, never text for a terminal or a pipe.
  if (format === 'xlsx' && !o.out) throw new UsageError('report.xlsxNeedsOut', {});
  const file = o.out ? OutputFile.check(o.out, { database: ctx.dbPath, force: !!o.force }) : null;
  const period = await periodOf(ctx, o.period);
  const report = ctx.office?.trim().toLowerCase() === 'all' ? await groupReport(ctx, period) : await produceReport(ctx, period, !!o.refresh);
  // The stored snapshot stays whole; only what is printed is masked.
  const shown = o.mask ? maskPersonal(report) : report;
  const text = format === 'xlsx' ? await renderReportWorkbook(ctx, shown) : renderReport(ctx, shown, format, !!o.out, o.bom !== false);
  if (file) {
    file.writeAll(text);
    ctx.io.stderr.write(ctx.t.m('report.written', { label: period.label, file: o.out! }) + '\n');
  } else {
    // Only text comes here: a workbook was refused without --out above.
    ctx.io.stdout.write(text as string);
  }
  return report;
}
