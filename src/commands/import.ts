// `import <file>`: brings in a register — what `export` writes (any header
// style, with or without BOM), or an office's own register as it keeps it, as
// CSV or as a workbook (.xlsx), with at least received time, name and
// description (SPEC §15). Every row is checked first; any problem refuses the
// whole file, naming the spreadsheet's row, the column's header and the
// ticket; all rows go in one transaction, a batch at a time as they are
// checked. --dry-run checks and says how the rows would arrive, writing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { inMemoryContext, type Ctx } from '../cli/context.js';
import { progress } from '../cli/progress.js';
import { recogniseHeaders, columnOf } from '../domain/csv-columns.js';
import { rowChecker, rowFactsReader, type ImportItem, type RowProblem } from '../domain/import-rows.js';
import { duplicatesInDatabase, FileDuplicates, type FileRow } from '../domain/import-duplicates.js';
import { deadlineStatus, type Clock } from '../domain/deadlines.js';
import { UsageError } from '../domain/errors.js';
import { noticeStale } from './stale-snapshots.js';
import { openRegister, type Register } from './import-sheet.js';
import { keptNumberProblems, planNumbers, type RowNumbers } from '../domain/import-numbers.js';
import {
  importSession, lastCountOf, lastCounts, numberFacts, unknownDepartments, type ImportWriter, type PlacedItem,
} from '../storage/import.js';
import { complaintsInMinutes, firstComplaint, knownEstates } from '../storage/import-lookups.js';
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
${ctx.t.m('help.importFile')}

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

/**
 * How many rows are checked against the database and written at a time. A
 * batch's rows live until it is written: few enough that they die young
 * (5,000 outlived the young generation, and the old one grew by hundreds of
 * megabytes), enough that each look-up in the database serves many.
 */
const BATCH = 500;

/** The first read of a register: the facts its numbers need, and the departments and estates it names. */
interface FirstRead {
  numbers: RowNumbers;
  names: Set<string>;
  estates: string[];
}

/** Reads the rows once for what must be known before any is checked or written: a few numbers each, not the rows. */
function firstRead(reg: Register, keys: (string | null)[], tz: string): FirstRead {
  const factsOf = rowFactsReader(keys, tz);
  const estateAt = keys.indexOf('estate');
  const estates = new Set<string>();
  const names = new Set<string>();
  let cap = 1024;
  let numbers = rowNumbers(cap);
  let n = 0;
  for (const row of reg.rows()) {
    if (n === cap) numbers = rowNumbers((cap *= 2), numbers);
    const f = factsOf(row);
    numbers.line[n] = row.line;
    numbers.receivedAt[n] = f.receivedAt;
    numbers.year[n] = f.year;
    numbers.keptYear[n] = f.keptYear;
    numbers.keptSeq[n] = f.keptSeq;
    if (f.department !== null) names.add(f.department);
    if (f.responsible !== null) names.add(f.responsible);
    if (estateAt >= 0) {
      const e = (row.cells[estateAt] ?? '').trim();
      if (e !== '') estates.add(e);
    }
    n++;
  }
  numbers.length = n;
  return { numbers, names, estates: [...estates] };
}

/** Room for `cap` rows' numbers, keeping those of `from`. */
function rowNumbers(cap: number, from?: RowNumbers): RowNumbers {
  const grow = <A extends Int32Array | Float64Array>(a: A | undefined, make: (n: number) => A): A => {
    const b = make(cap);
    if (a) b.set(a as never);
    return b;
  };
  return {
    length: from?.length ?? 0,
    line: grow(from?.line, (k) => new Int32Array(k)),
    receivedAt: grow(from?.receivedAt, (k) => new Float64Array(k)),
    year: grow(from?.year, (k) => new Int32Array(k)),
    keptYear: grow(from?.keptYear, (k) => new Int32Array(k)),
    keptSeq: grow(from?.keptSeq, (k) => new Int32Array(k)),
  };
}

const fileRow = (i: ImportItem): FileRow => ({
  line: i.line,
  facts: { receivedAt: i.complaint.receivedAt, description: i.complaint.description, name: i.complaint.complainant.name, phone: i.complaint.complainant.phone, estate: i.complaint.complainant.estate, unit: i.complaint.complainant.unit },
});

/** How an item arrives (open, resolved, closed), and whether it is past a deadline the moment it is in; added to `a`. */
function tally(a: Arriving, { complaint: c }: ImportItem, k: Clock & { now: number }): void {
  if (c.status === 'closed') a.closed++;
  else if (c.status === 'resolved') a.resolved++;
  else a.open++;
  if ((['contact', 'resolve', 'followUp'] as const).some((step) => deadlineStatus(c, step, k.now, k, true) !== null)) a.overdue++;
}

/**
 * The one check of the dry run and the import, and the import's writing:
 * the file is read twice, never held. The first read takes each row's time
 * received and kept ticket (so every row's id and number are known before
 * any is written: planNumbers), the departments and estates it names. The
 * second checks each row, in the file's order, on its own and against the
 * rows before it (a kept count, a repeated complaint: remembered as keys,
 * not rows), then a batch at a time against the database — its numbers and
 * the complaints received in the same minutes — and, while nothing has been
 * refused, hands the batch to the writer. Any problem refuses the whole
 * file, naming every row; the import runs all of this inside its write
 * transaction, which then rolls back, so what a dry run passes the import
 * takes, unless a clerk took a kept number (or registered the same
 * complaint) in between — then the import refuses it by row, too.
 */
async function checkFile(ctx: Ctx, file: string, o: ImportOptions, dryRun: boolean): Promise<ImportSummary> {
  const source = path.basename(file);
  const reg = await openRegister(file);
  const recognised = recogniseHeaders(reg.header);
  const s = await ctx.store();
  // The database's estates matter only to a unit that may have one written inside it.
  const estateNames = await estateNameMap(s);
  const estates = recognised.keys.includes('unit') ? [...await knownEstates(s), ...estateNames.keys()] : [];
  const k = { ...(await ctx.clock()), actor: ctx.actor, estates, estateNames };
  const first = firstRead(reg, recognised.keys, k.tz);
  const rows = first.numbers.length;
  if (!rows) throw new UsageError('import.empty', { file });
  const ticketAt = recognised.keys.indexOf('ticket');
  const ticketColumn = reg.header[ticketAt] ?? 'ticket';
  const headerProblems = rowChecker(reg.header, recognised.keys, k, reg.headerRow, []).problems;
  const problems: RowProblem[] = recognised.duplicates.map((d) => ({
    line: reg.headerRow, column: d.headers.join(' / '), code: 'duplicateColumn', params: { column: d.key },
  }));
  problems.push(...headerProblems);
  const now = await ctx.now();
  const tz = await ctx.tz();

  const run = async (w: ImportWriter | null): Promise<ImportSummary> => {
    const plan = planNumbers(first.numbers, lastCountOf(await lastCounts(s, first.numbers.year.subarray(0, rows))));
    problems.push(...plan.problems);
    const heldBefore = w ? w.heldBefore : (await firstComplaint(s)) !== undefined;
    const below = w?.firstId ?? null;
    const arriving: Arriving = { open: 0, resolved: 0, closed: 0, overdue: 0 };
    const kept: string[] = [];
    let split = 0;
    let batch: PlacedItem[] = [];
    const flush = async () => {
      const items = batch.map((p) => p.item);
      problems.push(...keptNumberProblems(items, await numberFacts(s, items, below), ticketColumn));
      if (!o.allowDuplicates && heldBefore) {
        problems.push(...duplicatesInDatabase(items.map(fileRow), await complaintsInMinutes(s, items.map((i) => i.complaint.receivedAt), below), null));
      }
      // Once a row is refused nothing more is written: the rest are only checked.
      if (w && !problems.length) await w.write(batch);
      batch = [];
    };
    // The rows' check, in a function of its own: what it remembers of every
    // row (kept counts, repeated keys) is let go before the writer's finish
    // builds the search index and the indexes.
    const checkRows = async () => {
      const checker = rowChecker(reg.header, recognised.keys, k, reg.headerRow, first.estates);
      const seen = new FileDuplicates();
      let n = 0;
      for (const row of reg.rows()) {
        const item = checker.check(row, problems);
        if (item && !o.allowDuplicates) {
          const repeated = seen.check(fileRow(item), null);
          if (repeated) problems.push(repeated);
        }
        if (item) {
          tally(arriving, item, k);
          if (item.kept) kept.push(item.complaint.ticket);
          if (item.estateSplit) split++;
          batch.push({ n, item, rank: plan.rank[n], seq: plan.seq[n] });
          if (batch.length === BATCH) await flush();
        }
        if (++n % 1000 === 0) bar.update(n);
      }
      await flush();
    };
    if (ctx.io.stderrIsTTY && !ctx.json && !dryRun) ctx.io.stderr.write(ctx.t.m('import.writing', { rows }) + '\n');
    const bar = progress(ctx, ctx.t.m('import.progressLabel'), rows);
    try {
      if (!headerProblems.length) await checkRows();
    } finally {
      bar.stop();
    }
    if (problems.length) refuse(ctx, source, problems, ticketsWritten(reg, ticketAt, problems));
    const common = { file: source, rows, kept: kept.length, renumbered: rows - kept.length, arriving, estatesSplit: split, ignoredColumns: recognised.unknown };
    if (!w) return { ...common, dryRun: true, departmentsAdded: await unknownDepartments(s, first.names), tickets: kept };
    const r = await w.finish();
    noticeStale(ctx, r.staleSnapshots);
    return { ...common, dryRun: false, departmentsAdded: r.departmentsAdded, tickets: r.tickets };
  };
  if (dryRun) return run(null);
  return importSession(s, { actor: ctx.actor, now, tz, source, rows, names: first.names }, run);
}

/** The ticket written on each refused row (errors name it), read from the file again: a refused file only. */
function ticketsWritten(reg: Register, ticketAt: number, problems: readonly RowProblem[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ticketAt < 0) return out;
  const lines = new Set(problems.map((p) => p.line));
  for (const row of reg.rows()) {
    if (!lines.has(row.line)) continue;
    const t = (row.cells[ticketAt] ?? '').trim();
    if (t !== '') out.set(row.line, t);
  }
  return out;
}

/** Refuses the file, naming the first fifty problems by row. */
function refuse(ctx: Ctx, source: string, problems: RowProblem[], tickets: Map<number, string>): never {
  problems.sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, 50).map((p) => describe(ctx, p, tickets.get(p.line)));
  if (problems.length > shown.length) shown.push(ctx.t.m('import.more', { n: problems.length - shown.length }));
  throw new UsageError('import.invalid', { file: source, count: problems.length, details: shown.join('\n') });
}

export async function runImport(ctx: Ctx, file: string, o: ImportOptions): Promise<ImportSummary> {
  const { t } = ctx;
  // Into a path with no database yet, the file is first checked against a
  // blank one in memory: a refused or dry-run import creates no file there.
  // A server's database is there already (a URL is no path to look at).
  const fresh = !isServerUrl(ctx.dbPath) && !fs.existsSync(ctx.dbPath);
  let summary: ImportSummary;
  if (fresh) {
    const scratch = inMemoryContext(ctx, { quiet: !o.dryRun });
    try {
      summary = await checkFile(scratch, file, o, true);
    } finally {
      await scratch.close();
    }
  }
  // Checked again against the database itself, which another process may have created meanwhile.
  if (!fresh || !o.dryRun) summary = await checkFile(ctx, file, o, !!o.dryRun);
  await ctx.emit(summary!, () => {
    const lines = [t.m(summary.dryRun ? 'import.wouldImport' : 'import.done', { rows: summary.rows, kept: summary.kept, renumbered: summary.renumbered, file: summary.file })];
    lines.push(t.m('import.statuses', { ...summary.arriving }));
    if (summary.estatesSplit) lines.push(t.m('import.estatesSplit', { n: summary.estatesSplit }));
    if (summary.departmentsAdded.length) lines.push(t.m('import.departments', { names: visible(summary.departmentsAdded.join(', ')) }));
    if (summary.ignoredColumns.length) lines.push(t.m('import.ignored', { names: visible(summary.ignoredColumns.join(', ')) }));
    return lines.join('\n') + '\n';
  });
  return summary!;
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
