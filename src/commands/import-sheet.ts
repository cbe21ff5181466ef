// Reading a register for `import` (SPEC §15): a CSV (UTF-8 with or without
// BOM, or GBK as Excel saves it on Chinese Windows) or a workbook (.xlsx,
// through exceljs), as spreadsheet rows of text, numbered as the spreadsheet
// numbers them; then the table in it (domain/register-file.ts). A file of the
// wrong kind — UTF-16 "Unicode text", tab-separated text, a workbook renamed
// to .csv, an old .xls — is refused by name, with what to do.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { fileKindOf, findTable, headerOf, tableRow, tabSeparated, type SheetRow } from '../domain/register-file.js';
import { CsvError, CsvRecords, csvRecordsOf } from '../domain/csv-records.js';
import { readInputUtf8 } from '../cli/input-file.js';
import type { SourceRow } from '../domain/import-rows.js';
import { readError } from '../cli/file-errors.js';
import { loadExcel } from '../output/xlsx-cells.js';

const WORKBOOK = /\.xls[xm]$/i;

/** A register's table: its header, and its rows read from the top again at each walk. */
export interface Register {
  header: string[];
  headerRow: number;
  /** The rows under the header that hold something in a recognised column, by spreadsheet row; a UTF-8 CSV is read as it is walked, never held whole. */
  rows(): Iterable<SourceRow>;
}

/**
 * The register's table, by the file's kind. A UTF-8 CSV (the usual, and
 * what `export` writes) is streamed: each walk reads it a few megabytes at a
 * time. A GBK CSV is decoded whole (the evidence for GBK is the whole file's)
 * and a workbook loaded whole, as their libraries read them.
 */
export async function openRegister(file: string): Promise<Register> {
  const name = path.basename(file);
  const head = headBytes(file);
  const kind = fileKindOf(head);
  if (kind === 'utf16') throw new UsageError('import.utf16', { file });
  if (kind === 'xls') throw new UsageError('import.oldWorkbook', { file });
  if (kind === 'xlsx' && !WORKBOOK.test(name)) throw new UsageError('import.workbookAsCsv', { file });
  if (kind !== 'xlsx' && WORKBOOK.test(name)) throw new UsageError('import.notWorkbook', { file, detail: 'no zip archive' });
  if (kind === 'xlsx') return inMemory(file, await workbookRows(file, readBytes(file)));
  const utf8 = wholeFileIsUtf8(file) ? null : readInputUtf8(file, readBytes(file));
  const tabs = tabSeparated((utf8 ?? head).subarray(0, head.length).toString('utf8'));
  if (tabs > 0) throw new UsageError('import.tabSeparated', { file, tabs });
  if (utf8) return inMemory(file, csvRows(file, utf8));
  const rows = () => utf8Records(file);
  const header = headerOf(rows());
  if (!header) throw new UsageError('import.empty', { file });
  const keep = tableRow(header);
  return {
    header: header.cells,
    headerRow: header.row,
    *rows() {
      for (const r of rows()) if (keep(r)) yield { line: r.row, cells: r.cells };
    },
  };
}

function inMemory(file: string, all: SheetRow[]): Register {
  const table = findTable(all);
  if (!table || !table.rows.length) throw new UsageError('import.empty', { file });
  const rows = table.rows.map((r) => ({ line: r.row, cells: r.cells }));
  return { header: table.header, headerRow: table.headerRow, rows: () => rows };
}

/** The file's first 64 KB: enough to tell its kind and a tab-separated file. */
function headBytes(file: string): Buffer {
  const fd = openFile(file);
  try {
    const buf = Buffer.alloc(64 * 1024);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch (err) {
    throw readError(err, file);
  } finally {
    fs.closeSync(fd);
  }
}

function openFile(file: string): number {
  try {
    return fs.openSync(file, 'r');
  } catch (err) {
    throw readError(err, file);
  }
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw readError(err, file);
  }
}

/**
 * The size of a piece read. Small on purpose: each piece is decoded into one
 * string, and a string past 128 KB lives in V8's large-object space until a
 * full collection (4 MB pieces left hundreds of megabytes of them behind).
 */
const CHUNK = 64 * 1024;

/**
 * The file in pieces that end at a line feed, so no UTF-8 (or GBK) character
 * is cut: each piece, and the last without its line feed.
 */
function* pieces(file: string): Generator<Buffer> {
  const fd = openFile(file);
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let held = 0;
    for (;;) {
      if (held === buf.length) {
        // One line longer than the buffer: a bigger buffer.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, held);
        buf = bigger;
      }
      const got = fs.readSync(fd, buf, held, buf.length - held, null);
      const end = held + got;
      if (got === 0) {
        if (end > 0) yield buf.subarray(0, end);
        return;
      }
      const cut = buf.lastIndexOf(10, end - 1) + 1;
      if (cut > 0) {
        yield buf.subarray(0, cut);
        buf.copy(buf, 0, cut, end);
        held = end - cut;
      } else {
        held = end;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether every piece of the file is UTF-8 (checked in native code, never holding the file). */
function wholeFileIsUtf8(file: string): boolean {
  for (const p of pieces(file)) if (!isUtf8(p)) return false;
  return true;
}

/** The records of a UTF-8 CSV, each numbered as the spreadsheet's row (blank lines are rows too). */
function* utf8Records(file: string): Generator<SheetRow> {
  const parser = new CsvRecords();
  let row = 0;
  try {
    for (const p of pieces(file)) {
      for (const cells of parser.push(p.toString('utf8'))) yield { row: ++row, cells };
    }
    for (const cells of parser.end()) yield { row: ++row, cells };
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError('import.notCsv', { file, line: err.record, detail: err.message });
    throw err;
  }
}

/** The records of a CSV's whole text (UTF-8 bytes), each numbered as the spreadsheet's row. */
export function csvRows(file: string, utf8: Buffer): SheetRow[] {
  try {
    return csvRecordsOf(utf8.toString('utf8')).map((cells, i) => ({ row: i + 1, cells }));
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError('import.notCsv', { file, line: err.record, detail: err.message });
    throw err;
  }
}

type CellValue = unknown;

/** A workbook's first visible sheet with a table in it, each cell as text: dates as the local time they show. */
async function workbookRows(file: string, bytes: Buffer): Promise<SheetRow[]> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UsageError('import.notWorkbook', { file, detail: (err as Error).message });
  }
  const sheets = book.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  let first: SheetRow[] | null = null;
  for (const ws of sheets) {
    const rows: SheetRow[] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells = new Array<string>(width).fill('');
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range's value belongs to its first cell: the title over the header, not every cell under it.
        if (cell.isMerged && cell.master !== cell) return;
        cells[c - 1] = cellText(cell.value);
      });
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      rows.push({ row: n, cells });
    });
    first ??= rows;
    const table = findTable(rows);
    if (table && table.rows.length) return rows;
  }
  return first ?? [];
}

const two = (n: number) => String(n).padStart(2, '0');

/** A cell as the text its reader sees: a date as its wall-clock time, a formula as its result, rich text joined. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // The library gives a spreadsheet date its wall-clock fields in UTC: the office's local time.
    return `${v.getUTCFullYear()}-${two(v.getUTCMonth() + 1)}-${two(v.getUTCDate())} ${two(v.getUTCHours())}:${two(v.getUTCMinutes())}:${two(v.getUTCSeconds())}`;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}
