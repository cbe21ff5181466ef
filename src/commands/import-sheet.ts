// Reading a register for `import` (SPEC §15): a CSV (UTF-8 with or without
// BOM, or GBK as Excel saves it on Chinese Windows) or a workbook (.xlsx,
// through exceljs), as spreadsheet rows of text, numbered as the spreadsheet
// numbers them; then the table in it (domain/register-file.ts). A file of the
// wrong kind — UTF-16 "Unicode text", tab-separated text, a workbook renamed
// to .csv, an old .xls — is refused by name, with what to do.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../domain/errors.js';
import { fileKindOf, findTable, tabSeparated, type SheetRow, type SheetTable } from '../domain/register-file.js';
import { readInputBytes, readInputUtf8 } from '../cli/input-file.js';
import { loadExcel } from '../output/xlsx-cells.js';

const WORKBOOK = /\.xls[xm]$/i;

/** The register's table, read from the file by its kind. */
export async function readRegister(file: string): Promise<SheetTable> {
  const name = path.basename(file);
  const bytes = readInputBytes(file);
  const kind = fileKindOf(bytes);
  if (kind === 'utf16') throw new UsageError('import.utf16', { file });
  if (kind === 'xls') throw new UsageError('import.oldWorkbook', { file });
  if (kind === 'xlsx' && !WORKBOOK.test(name)) throw new UsageError('import.workbookAsCsv', { file });
  if (kind !== 'xlsx' && WORKBOOK.test(name)) throw new UsageError('import.notWorkbook', { file, detail: 'no zip archive' });
  const rows = kind === 'xlsx' ? await workbookRows(file, bytes) : csvRows(file, readInputUtf8(file, bytes));
  const table = findTable(rows);
  if (!table || !table.rows.length) throw new UsageError('import.empty', { file });
  return table;
}

/** The records of a CSV, each numbered as the spreadsheet's row (blank lines are rows too). */
export function csvRows(file: string, utf8: Buffer): SheetRow[] {
  const tabs = tabSeparated(utf8.subarray(0, 64 * 1024).toString('utf8'));
  if (tabs > 0) throw new UsageError('import.tabSeparated', { file, tabs });
  let records: string[][];
  try {
    records = parse(utf8, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new UsageError('import.notCsv', { file, line: e.lines ?? 0, detail: e.message });
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
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
