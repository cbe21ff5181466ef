// `import <file.csv>`: brings in a register — what `export` writes (any
// header style, with or without BOM) or a hand-made spreadsheet with at least
// received time, name and description. Every row is checked first; any
// problem refuses the whole file, naming line and column; then all rows go
// in one transaction. --dry-run checks and reports without writing.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { inMemoryContext, type Ctx } from '../cli/context.js';
import { recogniseHeaders, columnOf } from '../domain/csv-columns.js';
import { validateRows, type ImportItem, type RowProblem, type SourceRow } from '../domain/import-rows.js';
import { UsageError } from '../domain/errors.js';
import { noticeStale } from './stale-snapshots.js';
import { readInputUtf8 } from '../cli/input-file.js';
import { numberProblems } from '../domain/import-numbers.js';
import { write, type Store } from '../storage/store.js';
import { importComplaints, numberFacts, unknownDepartments } from '../storage/import.js';
import { isServerUrl } from '../storage/postgres/open.js';
import { visible } from '../output/visible-text.js';

export interface ImportOptions {
  dryRun?: boolean;
}

export function importCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('import')
    .description(zh ? '导入 CSV 投诉台账（先全部校验，全部成功或全部不导入）' : 'bring in a CSV register: everything is checked first, all or nothing')
    .argument('<file>', zh ? 'CSV 文件（UTF-8 或 GBK）' : 'CSV file (UTF-8, or GBK from Excel)')
    .option('--dry-run', zh ? '只校验并报告，不写入' : 'check and report, write nothing')
    .addHelpText('after', `
The file may be what \`complaints export\` writes (any --headers style) or a
spreadsheet with at least 受理时间/Received, 投诉人/Complainant and 投诉内容/Description.
Valid, unused ticket numbers are kept; other rows get new numbers.

Examples:
  complaints import 投诉台账.csv --dry-run
  complaints import 2025-register.csv`)
    .action(async (file: string, o: ImportOptions) => {
      await runImport(ctx, file, o);
    });
}

export interface ImportSummary {
  file: string;
  dryRun: boolean;
  rows: number;
  kept: number;
  renumbered: number;
  departmentsAdded: string[];
  ignoredColumns: string[];
  tickets: string[];
}

interface Parsed {
  header: string[];
  headerLine: number;
  rows: SourceRow[];
}

/** Parses with csv-parse and finds the line where each record starts. */
export function parseCsv(bytes: Buffer): Parsed {
  const records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let counted = 0;
  const lineAt = (pos: number) => {
    for (; counted < pos; counted++) if (bytes[counted] === 0x0a) line++;
    return line;
  };
  const out: SourceRow[] = [];
  for (const r of records) {
    let start = offset;
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    const at = lineAt(start);
    offset = r.info.bytes;
    if (r.record.every((c) => c.trim() === '')) continue;
    out.push({ line: at, cells: r.record });
  }
  const [head, ...rows] = out;
  return { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows };
}

/** A file read, parsed and every row checked: its own problems, and the items to go in. */
interface Checked {
  source: string;
  items: ImportItem[];
  problems: RowProblem[];
  ticketColumn: string;
  ignoredColumns: string[];
  kept: number;
}

/** Reads, parses and checks every row on its own (the clock and settings come from ctx's database). */
async function checkFile(ctx: Ctx, file: string): Promise<Checked> {
  const source = path.basename(file);
  const bytes = readInputUtf8(file);
  let parsed: Parsed;
  try {
    parsed = parseCsv(bytes);
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new UsageError('import.notCsv', { file, line: e.lines ?? 0, detail: e.message });
  }
  if (!parsed.rows.length) throw new UsageError('import.empty', { file });

  const k = { ...(await ctx.clock()), actor: ctx.actor };
  const recognised = recogniseHeaders(parsed.header);
  const problems: RowProblem[] = recognised.duplicates.map((d) => ({
    line: parsed.headerLine, column: d.headers.join(' / '), code: 'duplicateColumn', params: { column: d.key },
  }));
  const { items, problems: rowProblems } = validateRows(parsed.header, recognised.keys, parsed.rows, k);
  problems.push(...rowProblems);
  return {
    source, items, problems, ticketColumn: parsed.header[recognised.keys.indexOf('ticket')] ?? 'ticket',
    ignoredColumns: recognised.unknown, kept: items.filter((i) => i.kept).length,
  };
}

/**
 * The one check of the dry run and the import: the file's own problems and
 * its numbers against the database. The import runs it inside its write
 * transaction, so what a dry run passes the import takes, unless a clerk took
 * a kept number in between — then the import refuses it by line, too.
 */
async function refuseProblems(ctx: Ctx, s: Store, c: Checked): Promise<void> {
  const problems = [...c.problems, ...numberProblems(c.items, await numberFacts(s, c.items), c.ticketColumn)];
  if (!problems.length) return;
  problems.sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, 50).map((p) => describe(ctx, p));
  if (problems.length > shown.length) shown.push(ctx.t.m('import.more', { n: problems.length - shown.length }));
  throw new UsageError('import.invalid', { file: c.source, count: problems.length, details: shown.join('\n') });
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
    const checked = await checkFile(scratch, file);
    const { source, items, kept, ignoredColumns } = checked;
    if (o.dryRun || checked.problems.length) await refuseProblems(scratch, await scratch.store(), checked);
    if (o.dryRun) {
      const names = items.flatMap((i) => [i.complaint.department, i.complaint.responsible]).filter((n): n is string => n !== null);
      summary = {
        file: source, dryRun: true, rows: items.length, kept, renumbered: items.length - kept,
        departmentsAdded: await unknownDepartments(await scratch.store(), names), ignoredColumns, tickets: items.filter((i) => i.kept).map((i) => i.complaint.ticket),
      };
    } else {
      // Checked again against the database itself, which another process may have created meanwhile.
      const real = fresh ? await checkFile(ctx, file) : checked;
      if (ctx.io.stdoutIsTTY && !ctx.json) ctx.io.stderr.write(t.m('import.progress', { rows: real.items.length }) + '\n');
      const s = await ctx.store();
      const r = await write(s, async () => {
        await refuseProblems(ctx, s, real);
        return await importComplaints(s, real.items, { actor: ctx.actor, now: await ctx.now(), tz: await ctx.tz(), source });
      });
      summary = {
        file: source, dryRun: false, rows: real.items.length, kept: real.kept, renumbered: real.items.length - real.kept,
        departmentsAdded: r.departmentsAdded, ignoredColumns, tickets: r.tickets,
      };
      noticeStale(ctx, r.staleSnapshots);
    }
  } finally {
    if (scratch !== ctx) await scratch.close();
  }
  await ctx.emit(summary, () => {
    const lines = [t.m(summary.dryRun ? 'import.wouldImport' : 'import.done', { rows: summary.rows, kept: summary.kept, renumbered: summary.renumbered, file: summary.file })];
    if (summary.departmentsAdded.length) lines.push(t.m('import.departments', { names: visible(summary.departmentsAdded.join(', ')) }));
    if (summary.ignoredColumns.length) lines.push(t.m('import.ignored', { names: visible(summary.ignoredColumns.join(', ')) }));
    return lines.join('\n') + '\n';
  });
  return summary;
}

function describe(ctx: Ctx, p: RowProblem): string {
  const { t } = ctx;
  // Values and headers come from the file: their control characters are shown, not sent to the terminal.
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
  if (typeof p.params.column === 'string') params.column = headerName(ctx, p.params.column);
  const problem = t.m(`import.err.${p.code}`, params);
  return p.column === null ? t.m('import.atLine', { line: p.line, problem }) : t.m('import.atCell', { line: p.line, column: visible(p.column), problem });
}

/** A column key as a person reads it: 受理时间 (receivedAt). */
function headerName(ctx: Ctx, key: string): string {
  const col = columnOf(key);
  if (!col) return key;
  return `${ctx.t.lang === 'zh' ? col.zh : col.en} (${col.key})`;
}
