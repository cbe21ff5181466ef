// `export`: complaints as CSV (SPEC §9) or a workbook (§15) with the filters
// of `list`. Rows are streamed from the database as raw arrays and written
// megabytes at a time, so a million of them take the same memory as ten; a
// CSV file gets a byte-order mark for Excel. With --headers zh the values are
// Chinese too (来电, 已关闭, 是/否, 2026-11-16 09:10); --headers keys stays the
// exact form `import` reads back.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { limitArg } from '../cli/parse.js';
import { listedOption } from '../cli/listed-values.js';
import { chooseFormat } from '../domain/file-format.js';
import { OutputFile } from '../cli/output-file.js';
import { UsageError } from '../domain/errors.js';
import { headerRow, isoFormatter, minuteFormatter, type CellFormat, type HeaderStyle, type ValueWords } from '../domain/csv-columns.js';
import { exportSlots, headerLine, recordWriter } from '../domain/csv-lines.js';
import type { ListFilter, ListSort } from '../storage/complaints.js';
import type { Store } from '../storage/store.js';
import { exportCount, exportRowById, exportRows } from '../storage/export-rows.js';
import { BufferedOutput, type Destination } from '../output/buffered-output.js';
import { translator } from '../output/i18n.js';
import { sizeText } from '../output/text.js';
import { openComplaintsWorkbook } from '../output/complaints-xlsx.js';
import { progress, type Progress } from '../cli/progress.js';
import { addFilterOptions, toFilter, type ListOptions } from './list.js';

export interface ExportOptions extends ListOptions {
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
  bom?: boolean;
  mask?: boolean;
  headers?: HeaderStyle;
  format?: ExportFormat;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const cmd = new Command('export').description(zh ? '导出投诉为 CSV 或 Excel 工作簿（筛选条件同 list）' : 'complaints as CSV or an Excel workbook, with the filters of list');
  return addFilterOptions(cmd, ctx)
    .addOption(listedOption('--sort <order>', zh ? '排序' : 'order', 'sort', ctx.t).default('ticket'))
    .option('--limit <n>', zh ? '最多导出条数（默认或 0：全部）' : 'at most this many (default or 0: all)', limitArg(ctx.t))
    .option('-o, --out <file>', zh ? '写入文件（默认输出到标准输出）' : 'write to this file (default: standard output)')
    .option('--force', ctx.t.m('file.forceHelp'))
    .option('--no-bom', zh ? '写文件时不加字节顺序标记（BOM）' : 'no byte-order mark in the file')
    .option('--mask', ctx.t.m('option.mask'))
    .addOption(listedOption('--headers <style>', zh ? '表头（zh 时取值也为中文）' : 'header names (zh: values in Chinese too)', 'headers', ctx.t).default('keys'))
    .addOption(listedOption('--format <format>', zh ? '格式（xlsx 为 Excel 工作簿，需 --out）' : 'format (xlsx: an Excel workbook; needs --out)', 'exportFormat', ctx.t))
    .addHelpText('after', `
${ctx.t.m('help.after.export')}

${ctx.t.l('help.examples')}
  complaints export --out 投诉台账.csv --headers zh
  complaints export --format xlsx --out 投诉台账.xlsx --headers zh
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
  // A workbook is a file, never text for a terminal or a pipe: refused before anything is opened.
  // --json is a summary of the file written; the complaints themselves as JSON are `list --json`.
  if (ctx.json && !o.out) throw new UsageError('export.jsonNeedsOut', {});
  const format = chooseFormat(o.format, o.out, EXPORT_FORMATS, 'csv');
  if (format === 'xlsx' && !o.out) throw new UsageError('export.xlsxNeedsOut', {});
  // Checked before the database is opened; written through a temporary file renamed into place.
  const file = o.out ? OutputFile.check(o.out, { database: ctx.dbPath, force: !!o.force }) : null;
  const filter = await toFilter(ctx, { ...o, status: o.status ?? ['all'] });
  const s = await ctx.store();
  const tz = await ctx.tz();
  const headers = o.headers ?? 'keys';
  const words = headers === 'zh' ? chineseWords() : undefined;
  const fmt: CellFormat = { iso: words ? minuteFormatter(tz) : isoFormatter(tz), mask: !!o.mask, words };
  const sort = (o.sort ?? 'ticket') as ListSort;
  const limit = o.limit || null;
  const out = file?.file ?? null;
  const bar = progress(ctx, ctx.t.m('export.progressLabel'), 0);
  let rows: number;
  try {
    // The total is counted only for a bar that may be drawn.
    if (ctx.io.stderrIsTTY) bar.update(0, await exportCount(s, filter, limit));
    if (format === 'xlsx') {
      rows = await file!.fill(async (tmp) => await writeWorkbook(ctx, s, { filter, sort, limit, path: tmp.path, headers, tz, mask: !!o.mask, words, bar }));
    } else {
      const write = (to: Destination) => writeCsv(s, { filter, sort, limit, fmt, headers, bom: out !== null && o.bom !== false, bar }, to);
      // CSV on standard output is data, never paged.
      if (!file) ctx.io.unpaged?.();
      rows = file ? await file.fill(async (tmp) => await write(tmp.fd)) : await write(ctx.io.stdout);
    }
  } finally {
    bar.stop();
  }
  const result = { rows, file: out };
  if (out !== null) await ctx.emit(result, () => ctx.t.m('export.done', { rows, file: out, size: sizeText(file!.size()) }) + '\n');
  return result;
}

/** Chinese values for --headers zh: the labels every Chinese screen shows. */
function chineseWords(): ValueWords {
  const zh = translator('zh');
  return { label: (family, key) => zh.l(`${family}.${key}`), yes: zh.l('word.yes'), no: zh.l('word.no') };
}

interface Rows {
  filter: ListFilter;
  sort: ListSort;
  limit: number | null;
  bar: Progress;
}

/** The CSV: the rows as records, a joined run of short columns as it stands when it can (csv-lines.ts). */
async function writeCsv(s: Store, o: Rows & { fmt: CellFormat; headers: HeaderStyle; bom: boolean }, to: Destination): Promise<number> {
  // Worded values are made a column at a time: no joined runs.
  const slots = exportSlots(o.fmt.mask, !o.fmt.words);
  const record = recordWriter(o.fmt, slots);
  const recordByColumn = recordWriter(o.fmt, exportSlots(o.fmt.mask, false));
  const sink = new BufferedOutput(to);
  sink.add((o.bom ? '\uFEFF' : '') + headerLine(o.headers));
  let rows = 0;
  let going = true;
  reading: for await (const batch of await exportRows(s, o.filter, o.sort, o.limit, slots)) {
    for (const row of batch) {
      const line = record(row) ?? recordByColumn(await exportRowById(s, row[slots.length] as number))!;
      if (!sink.add(line) && !(going = await sink.addAfterFlush(line))) break reading;
      rows++;
    }
    o.bar.update(rows);
  }
  if (going) await sink.flush();
  return rows;
}

/** The workbook: one typed row per complaint (complaints-xlsx.ts). */
async function writeWorkbook(
  ctx: Ctx, s: Store, o: Rows & { path: string; headers: HeaderStyle; tz: string; mask: boolean; words?: ValueWords },
): Promise<number> {
  const book = await openComplaintsWorkbook({
    path: o.path, sheet: (o.headers === 'zh' ? translator('zh') : ctx.t).l('xlsx.sheet.complaints'), headers: headerRow(o.headers),
    tz: o.tz, mask: o.mask, words: o.words,
  });
  const slots = exportSlots(o.mask, false);
  let rows = 0;
  for await (const batch of await exportRows(s, o.filter, o.sort, o.limit, slots)) {
    for (const row of batch) book.add(row);
    rows += batch.length;
    await book.drain();
    o.bar.update(rows);
  }
  await book.close();
  return rows;
}
