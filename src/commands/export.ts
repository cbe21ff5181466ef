// `export`: complaints as CSV (SPEC §9) with the filters of `list`. Rows are
// streamed from the database a batch at a time, so a million of them take
// the same memory as ten; a file gets a byte-order mark for Excel.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../cli/context.js';
import { choice, positiveIntArg } from '../cli/parse.js';
import { complaintCells, headerRow, HEADER_STYLES, isoFormatter, type HeaderStyle } from '../domain/csv-columns.js';
import { UsageError } from '../domain/errors.js';
import { iterateComplaints, type ListSort } from '../storage/complaints.js';
import { addFilterOptions, SORTS, toFilter, type ListOptions } from './list.js';

export interface ExportOptions extends ListOptions {
  out?: string;
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
    .option('--no-bom', zh ? '写文件时不加字节顺序标记（BOM）' : 'no byte-order mark in the file')
    .option('--mask', zh ? '隐藏电话中间四位（138****5678）' : 'mask phones as 138****5678')
    .addOption(new Option('--headers <style>', zh ? '表头：keys 字段名、en 英文、zh 中文' : 'header names: keys, en (English) or zh (Chinese)').choices([...HEADER_STYLES]).default('keys'))
    .addHelpText('after', `
Without --status, every complaint is exported (closed ones too).

Examples:
  complaints export --out 投诉台账.csv --headers zh
  complaints export --from 2026-01-01 --to 2026-06-30 --mask --out h1.csv
  complaints export --dept 工程部 --status open > open.csv`)
    .action((o: ExportOptions) => {
      runExport(ctx, o);
    });
}

export interface ExportResult {
  rows: number;
  file: string | null;
}

const BATCH = 500;
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export function runExport(ctx: Ctx, o: ExportOptions): ExportResult {
  const filter = toFilter(ctx, { ...o, status: o.status ?? ['all'] });
  const s = ctx.store();
  const tz = ctx.tz();
  const fmt = { iso: isoFormatter(tz), mask: !!o.mask };

  const out = o.out ? path.resolve(o.out) : null;
  if (out !== null && out === path.resolve(ctx.dbPath)) throw new UsageError('export.intoDatabase', { file: out });
  const tmp = out === null ? null : `${out}.${process.pid}.tmp`;
  let fd: number | null = null;
  if (tmp !== null) {
    try {
      fd = fs.openSync(tmp, 'w', 0o600);
    } catch (err) {
      throw new UsageError('export.cannotWrite', { file: out!, detail: (err as Error).message });
    }
  }
  const emit = (chunk: string) => {
    if (fd !== null) fs.writeSync(fd, chunk);
    else ctx.io.stdout.write(chunk);
  };
  // Progress only on a terminal, and only when the CSV itself goes to a file.
  const progress = out !== null && ctx.io.stdoutIsTTY && !ctx.json;
  let rows = 0;
  try {
    if (out !== null && o.bom !== false) emit('\uFEFF');
    emit(stringify([headerRow(o.headers ?? 'keys')], CSV_OPTIONS));
    let batch: string[][] = [];
    for (const c of iterateComplaints(s, filter, (o.sort ?? 'ticket') as ListSort, o.limit ?? null)) {
      batch.push(complaintCells(c, fmt));
      if (batch.length === BATCH) {
        emit(stringify(batch, CSV_OPTIONS));
        rows += batch.length;
        batch = [];
        if (progress && rows % 10_000 === 0) ctx.io.stderr.write(`\r${ctx.t.m('export.progress', { rows })}`);
      }
    }
    if (batch.length) emit(stringify(batch, CSV_OPTIONS));
    rows += batch.length;
    if (progress) ctx.io.stderr.write('\r\x1b[K');
    if (fd !== null) {
      fs.closeSync(fd);
      fd = null;
      fs.renameSync(tmp!, out!);
    }
  } finally {
    if (fd !== null) {
      fs.closeSync(fd);
      fs.rmSync(tmp!, { force: true });
    }
  }
  const result = { rows, file: out };
  if (out !== null) ctx.emit(result, () => ctx.t.m('export.done', { rows, file: out }) + '\n');
  return result;
}
