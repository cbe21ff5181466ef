// `export`: complaints as CSV (SPEC §9) with the filters of `list`. Rows are
// streamed from the database as raw arrays and written megabytes at a time,
// so a million of them take the same memory as ten; a file gets a byte-order
// mark for Excel.
import { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { choice, positiveIntArg } from '../cli/parse.js';
import { OutputFile } from '../cli/output-file.js';
import { HEADER_STYLES, isoFormatter, type HeaderStyle } from '../domain/csv-columns.js';
import { exportSlots, headerLine, recordWriter } from '../domain/csv-lines.js';
import type { ListSort } from '../storage/complaints.js';
import { exportRowById, exportRows } from '../storage/export-rows.js';
import { BufferedOutput, type Destination } from '../output/buffered-output.js';
import { addFilterOptions, SORTS, toFilter, type ListOptions } from './list.js';

export interface ExportOptions extends ListOptions {
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
  bom?: boolean;
  mask?: boolean;
  headers?: HeaderStyle;
}

export function exportCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const cmd = new Command('export').description(zh ? '导出投诉为 CSV（筛选条件同 list）' : 'complaints as CSV, with the filters of list');
  return addFilterOptions(cmd, ctx)
    .addOption(choice('--sort <order>', zh ? '排序（默认 ticket：按编号）' : 'order (default ticket)', SORTS).default('ticket'))
    .option('--limit <n>', zh ? '最多导出条数（默认全部）' : 'at most this many (default all)', positiveIntArg(ctx.t))
    .option('-o, --out <file>', zh ? '写入文件（默认输出到标准输出）' : 'write to this file (default: standard output)')
    .option('--force', ctx.t.m('file.forceHelp'))
    .option('--no-bom', zh ? '写文件时不加字节顺序标记（BOM）' : 'no byte-order mark in the file')
    .option('--mask', ctx.t.m('option.mask'))
    .addOption(new Option('--headers <style>', zh ? '表头：keys 字段名、en 英文、zh 中文' : 'header names: keys, en (English) or zh (Chinese)').choices([...HEADER_STYLES]).default('keys'))
    .addHelpText('after', `
Without --status, every complaint is exported (closed ones too).

Examples:
  complaints export --out 投诉台账.csv --headers zh
  complaints export --from 2026-01-01 --to 2026-06-30 --mask --out h1.csv
  complaints export --dept 工程部 --status open > open.csv`)
    .action(async (o: ExportOptions) => {
      await runExport(ctx, o);
    });
}

export interface ExportResult {
  rows: number;
  file: string | null;
}

export async function runExport(ctx: Ctx, o: ExportOptions): Promise<ExportResult> {
  // Checked before the database is opened; written through a temporary file renamed into place.
  const file = o.out ? OutputFile.check(o.out, { database: ctx.dbPath, force: !!o.force }) : null;
  const filter = await toFilter(ctx, { ...o, status: o.status ?? ['all'] });
  const s = await ctx.store();
  const fmt = { iso: isoFormatter(await ctx.tz()), mask: !!o.mask };
  const slots = exportSlots(fmt.mask);
  const record = recordWriter(fmt, slots);
  const recordByColumn = recordWriter(fmt, exportSlots(fmt.mask, false));

  const out = file?.file ?? null;
  // Progress only on a terminal, and only when the CSV itself goes to a file.
  const progress = out !== null && ctx.io.stdoutIsTTY && !ctx.json;
  let rows = 0;
  const write = async (to: Destination) => {
    const sink = new BufferedOutput(to);
    sink.add((out !== null && o.bom !== false ? '\uFEFF' : '') + headerLine(o.headers ?? 'keys'));
    let going = true;
    reading: for await (const batch of await exportRows(s, filter, (o.sort ?? 'ticket') as ListSort, o.limit ?? null, slots)) {
      for (const row of batch) {
        const line = record(row) ?? recordByColumn(await exportRowById(s, row[slots.length] as number))!;
        if (!sink.add(line) && !(going = await sink.addAfterFlush(line))) break reading;
        rows++;
        if (progress && rows % 10_000 === 0) ctx.io.stderr.write(`\r${ctx.t.m('export.progress', { rows })}`);
      }
    }
    if (going) await sink.flush();
    if (progress) ctx.io.stderr.write('\r\x1b[K');
  };
  if (file) await file.fill(async (tmp) => await write(tmp.fd));
  else await write(ctx.io.stdout);
  const result = { rows, file: out };
  if (out !== null) await ctx.emit(result, () => ctx.t.m('export.done', { rows, file: out }) + '\n');
  return result;
}
