// `import <file>`: brings in a register — what `export` writes (any header
// style, with or without BOM), or an office's own register as it keeps it, as
// CSV or as a workbook (.xlsx), with at least received time, name and
// description (SPEC §15). Every row is checked first; any problem refuses the
// whole file, naming the spreadsheet's row, the column's header and the
// ticket; then all rows go in one transaction. --dry-run checks and says how
// the rows would arrive, writing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { inMemoryContext, type Ctx } from '../cli/context.js';
import { progress } from '../cli/progress.js';
import { recogniseHeaders, columnOf } from '../domain/csv-columns.js';
import { validateRows, type ImportItem, type RowProblem } from '../domain/import-rows.js';
import { duplicatesInDatabase, duplicatesInFile, type FileRow } from '../domain/import-duplicates.js';
import { deadlineStatus, type Clock } from '../domain/deadlines.js';
import { UsageError } from '../domain/errors.js';
import { noticeStale } from './stale-snapshots.js';
import { readRegister } from './import-sheet.js';
import { numberProblems } from '../domain/import-numbers.js';
import { write, type Store } from '../storage/store.js';
import { importComplaints, numberFacts, unknownDepartments } from '../storage/import.js';
import { complaintsInMinutes, knownEstates } from '../storage/import-lookups.js';
import { estateNameMap } from '../storage/estates.js';
import { isServerUrl } from '../storage/postgres/open.js';
import { visible } from '../output/visible-text.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Take rows that repeat a complaint (same phone or unit, minute and description). */
  allowDuplicates?: boolean;
}

export function importCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('import')
    .description(zh ? '导入投诉台账（CSV 或 Excel 工作簿；先全部校验，全部成功或全部不导入）' : 'bring in a register (CSV or an Excel workbook): everything is checked first, all or nothing')
    .argument('<file>', zh ? 'CSV 文件（UTF-8 或 GBK）或 .xlsx 工作簿' : 'a CSV file (UTF-8, or GBK from Excel) or an .xlsx workbook')
    .option('--dry-run', zh ? '只校验并报告（多少条未处理完、已处理、已关闭、立即逾期），不写入' : 'check and report (how many arrive open, resolved, closed, overdue), write nothing')
    .option('--allow-duplicates', zh ? '接受与已有投诉或文件中前面行重复的行（电话或房号、同一分钟、内容相同）' : 'take rows that repeat a complaint (same phone or unit, minute and description)')
    .addHelpText('after', `
The file may be what \`complaints export\` writes (any --headers style) or an
office's own register, CSV or .xlsx, with at least 受理时间/Received,
投诉人/Complainant and 投诉内容/Description; title rows above the header,
blank rows and a 序号 column are fine. A row with a result (处理结果) comes in
resolved, one with a call-back (回访情况/满意度: 非常满意 … 很不满意) closed.
Valid, unused ticket numbers are kept; other rows get new numbers.

${ctx.t.l('help.examples')}
  complaints import 投诉台账.xlsx --dry-run
  complaints import 2025-register.csv`)
    .action(async (file: string, o: ImportOptions) => {
      await runImport(ctx, file, o);
    });
}

/** How the rows arrive: open (registered or in progress), resolved awaiting call-back, closed; and how many are overdue at once. */
export interface Arriving {
  open: number;
  resolved: number;
  closed: number;
  overdue: number;
}

export interface ImportSummary {
  file: string;
  dryRun: boolean;
  rows: number;
  kept: number;
  renumbered: number;
  arriving: Arriving;
  estatesSplit: number;
  departmentsAdded: string[];
  ignoredColumns: string[];
  tickets: string[];
}

/** A file read, its table found and every row checked: its own problems, and the items to go in. */
interface Checked {
  source: string;
  items: ImportItem[];
  problems: RowProblem[];
  ticketColumn: string;
  ignoredColumns: string[];
  kept: number;
  /** The ticket written on each row, by row number: errors name it. */
  tickets: Map<number, string>;
}

/** Reads the file, finds its table and checks every row on its own (the clock, settings and estates come from ctx's database). */
async function checkFile(ctx: Ctx, file: string, o: ImportOptions): Promise<Checked> {
  const source = path.basename(file);
  const table = await readRegister(file);
  const recognised = recogniseHeaders(table.header);
  // The database's estates matter only to a unit that may have one written inside it.
  const estateNames = await estateNameMap(await ctx.store());
  const estates = recognised.keys.includes('unit') ? [...await knownEstates(await ctx.store()), ...estateNames.keys()] : [];
  const k = { ...(await ctx.clock()), actor: ctx.actor, estates, estateNames };
  const problems: RowProblem[] = recognised.duplicates.map((d) => ({
    line: table.headerRow, column: d.headers.join(' / '), code: 'duplicateColumn', params: { column: d.key },
  }));
  const bar = progress(ctx, ctx.t.m('import.progressLabel'), table.rows.length);
  let checked: ReturnType<typeof validateRows>;
  try {
    checked = validateRows(table.header, recognised.keys, table.rows.map((r) => ({ line: r.row, cells: r.cells })), k, table.headerRow, (n) => {
      if (n % 1000 === 0) bar.update(n);
    });
  } finally {
    bar.stop();
  }
  const { items } = checked;
  problems.push(...checked.problems);
  if (!o.allowDuplicates) problems.push(...duplicatesInFile(fileRows(items), null));
  const ticketAt = recognised.keys.indexOf('ticket');
  const tickets = new Map(ticketAt < 0 ? [] : table.rows.map((r) => [r.row, (r.cells[ticketAt] ?? '').trim()] as const).filter(([, t]) => t !== ''));
  return {
    source, items, problems, ticketColumn: table.header[ticketAt] ?? 'ticket',
    ignoredColumns: recognised.unknown, kept: items.filter((i) => i.kept).length, tickets,
  };
}

const fileRows = (items: readonly ImportItem[]): FileRow[] => items.map((i) => ({
  line: i.line,
  facts: { receivedAt: i.complaint.receivedAt, description: i.complaint.description, name: i.complaint.complainant.name, phone: i.complaint.complainant.phone, estate: i.complaint.complainant.estate, unit: i.complaint.complainant.unit },
}));

/**
 * The one check of the dry run and the import: the file's own problems, its
 * numbers and its rows against the database. The import runs it inside its
 * write transaction, so what a dry run passes the import takes, unless a
 * clerk took a kept number (or registered the same complaint) in between —
 * then the import refuses it by row, too.
 */
async function refuseProblems(ctx: Ctx, s: Store, c: Checked, o: ImportOptions): Promise<void> {
  const problems = [...c.problems, ...numberProblems(c.items, await numberFacts(s, c.items), c.ticketColumn)];
  if (!o.allowDuplicates) problems.push(...duplicatesInDatabase(fileRows(c.items), await complaintsInMinutes(s, c.items.map((i) => i.complaint.receivedAt)), null));
  if (!problems.length) return;
  problems.sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, 50).map((p) => describe(ctx, p, c.tickets.get(p.line)));
  if (problems.length > shown.length) shown.push(ctx.t.m('import.more', { n: problems.length - shown.length }));
  throw new UsageError('import.invalid', { file: c.source, count: problems.length, details: shown.join('\n') });
}

/** How the items arrive, and how many are past a deadline the moment they are in. */
function arriving(items: readonly ImportItem[], k: Clock & { now: number }): Arriving {
  const a: Arriving = { open: 0, resolved: 0, closed: 0, overdue: 0 };
  for (const { complaint: c } of items) {
    if (c.status === 'closed') a.closed++;
    else if (c.status === 'resolved') a.resolved++;
    else a.open++;
    if ((['contact', 'resolve', 'followUp'] as const).some((step) => deadlineStatus(c, step, k.now, k, true) !== null)) a.overdue++;
  }
  return a;
}

export async function runImport(ctx: Ctx, file: string, o: ImportOptions): Promise<ImportSummary> {
  const { t } = ctx;
  // Into a path with no database yet, the file is first checked against a
  // blank one in memory: a refused or dry-run import creates no file there.
  // A server's database is there already (a URL is no path to look at).
  const fresh = !isServerUrl(ctx.dbPath) && !fs.existsSync(ctx.dbPath);
  const scratch = fresh ? inMemoryContext(ctx, { quiet: !o.dryRun }) : ctx;
  let summary: ImportSummary;
  try {
    const checked = await checkFile(scratch, file, o);
    const { source, items, kept, ignoredColumns } = checked;
    if (o.dryRun || checked.problems.length) await refuseProblems(scratch, await scratch.store(), checked, o);
    const split = items.filter((i) => i.estateSplit).length;
    if (o.dryRun) {
      const names = items.flatMap((i) => [i.complaint.department, i.complaint.responsible]).filter((n): n is string => n !== null);
      summary = {
        file: source, dryRun: true, rows: items.length, kept, renumbered: items.length - kept, arriving: arriving(items, await scratch.clock()), estatesSplit: split,
        departmentsAdded: await unknownDepartments(await scratch.store(), names), ignoredColumns, tickets: items.filter((i) => i.kept).map((i) => i.complaint.ticket),
      };
    } else {
      // Checked again against the database itself, which another process may have created meanwhile.
      const real = fresh ? await checkFile(ctx, file, o) : checked;
      const how = arriving(real.items, await ctx.clock());
      if (ctx.io.stderrIsTTY && !ctx.json) ctx.io.stderr.write(t.m('import.writing', { rows: real.items.length }) + '\n');
      const s = await ctx.store();
      const r = await write(s, async () => {
        await refuseProblems(ctx, s, real, o);
        return await importComplaints(s, real.items, { actor: ctx.actor, now: await ctx.now(), tz: await ctx.tz(), source });
      });
      summary = {
        file: source, dryRun: false, rows: real.items.length, kept: real.kept, renumbered: real.items.length - real.kept, arriving: how,
        estatesSplit: real.items.filter((i) => i.estateSplit).length, departmentsAdded: r.departmentsAdded, ignoredColumns, tickets: r.tickets,
      };
      noticeStale(ctx, r.staleSnapshots);
    }
  } finally {
    if (scratch !== ctx) await scratch.close();
  }
  await ctx.emit(summary, () => {
    const lines = [t.m(summary.dryRun ? 'import.wouldImport' : 'import.done', { rows: summary.rows, kept: summary.kept, renumbered: summary.renumbered, file: summary.file })];
    lines.push(t.m('import.statuses', { ...summary.arriving }));
    if (summary.estatesSplit) lines.push(t.m('import.estatesSplit', { n: summary.estatesSplit }));
    if (summary.departmentsAdded.length) lines.push(t.m('import.departments', { names: visible(summary.departmentsAdded.join(', ')) }));
    if (summary.ignoredColumns.length) lines.push(t.m('import.ignored', { names: visible(summary.ignoredColumns.join(', ')) }));
    return lines.join('\n') + '\n';
  });
  return summary;
}

/** One problem as the user reads it: the spreadsheet's row, the ticket written on it, the column's header as written. */
function describe(ctx: Ctx, p: RowProblem, ticket: string | undefined): string {
  const { t } = ctx;
  // Values and headers come from the file: their control characters are shown, not sent to the terminal.
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
  if (typeof p.params.column === 'string') params.column = headerName(ctx, p.params.column);
  if (typeof p.params.by === 'string') params.by = t.m(`import.by.${p.params.by}`);
  const problem = t.m(`import.err.${p.code}`, params);
  const at = { row: p.line, ticket: ticket === undefined ? '' : visible(ticket), problem };
  return p.column === null ? t.m('import.atRow', at) : t.m('import.atRowCell', { ...at, column: visible(p.column) });
}

/** A column key as a person reads it: 受理时间 (receivedAt). */
function headerName(ctx: Ctx, key: string): string {
  const col = columnOf(key);
  if (!col) return key;
  return `${ctx.t.lang === 'zh' ? col.zh : col.en} (${col.key})`;
}
