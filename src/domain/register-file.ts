// What an office's register file is, told from its bytes, and where its table
// starts (SPEC §15). Offices keep registers as workbooks or as CSV saved from
// one, with a merged title row or two above the header, blank rows between
// months and a 序号 column numbered down the sheet; some save "Unicode text"
// (UTF-16, tab-separated) or rename a workbook to .csv. Pure: no files.
import { recogniseHeaders } from './csv-columns.js';

export type FileKind = 'xlsx' | 'xls' | 'utf16' | 'text';

/** The kind of a file by its first bytes: a zip (a workbook), an OLE2 compound file (.xls), UTF-16 text, or other text. */
export function fileKindOf(b: Uint8Array): FileKind {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'xls';
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'utf16';
  // UTF-16 without its mark: every other byte of ASCII text is zero; no UTF-8 or GBK text has zero bytes.
  const n = Math.min(b.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return n >= 4 && zeros * 4 >= n ? 'utf16' : 'text';
}

/** The tabs in the first line that has a tab or a comma, when it has no comma: a tab-separated file; else 0. */
export function tabSeparated(text: string): number {
  for (const line of text.split('\n', 50)) {
    const tabs = line.split('\t').length - 1;
    if (line.includes(',')) return 0;
    if (tabs > 0) return tabs;
  }
  return 0;
}

export interface SheetRow {
  /** The spreadsheet's row number: a cell with line breaks is still one row; blank rows count. */
  row: number;
  cells: string[];
}

export interface SheetTable {
  header: string[];
  headerRow: number;
  /** The rows under the header that hold something in a recognised column. */
  rows: SheetRow[];
}

/** How far down a header is looked for: past a title, a subtitle, a date line or two. */
export const HEADER_SEARCH_ROWS = 20;

const blank = (r: SheetRow) => r.cells.every((c) => c.trim() === '');

/**
 * The table of a sheet: its header is the first row (of the first twenty
 * that hold something) naming at least two known columns — a merged title
 * above it names none — or else the first row that holds something, so a
 * file without a usable header is told what is missing. Under it, a row with
 * nothing in any recognised column (a blank row, or one with only its 序号)
 * is no complaint and is left out.
 */
export function findTable(rows: readonly SheetRow[]): SheetTable | null {
  const head = headerOf(rows);
  if (!head) return null;
  return { header: head.cells, headerRow: head.row, rows: rows.filter(tableRow(head)) };
}

/** The header row among a sheet's first rows (its first HEADER_SEARCH_ROWS that hold something suffice), or null when none holds anything. */
export function headerOf(rows: Iterable<SheetRow>): SheetRow | null {
  const filled: SheetRow[] = [];
  for (const r of rows) {
    if (blank(r)) continue;
    filled.push(r);
    if (filled.length === HEADER_SEARCH_ROWS) break;
  }
  if (!filled.length) return null;
  const known = (r: SheetRow) => recogniseHeaders(r.cells).keys.filter((k) => k !== null).length;
  return filled.find((r) => known(r) >= 2) ?? filled[0];
}

/** Whether a row is one of the table's under the header `head`: below it, holding something in a recognised column. */
export function tableRow(head: SheetRow): (r: SheetRow) => boolean {
  const keys = recogniseHeaders(head.cells).keys;
  const recognised = keys.some((k) => k !== null);
  return (r) => r.row > head.row && !blank(r)
    && (!recognised || r.cells.some((c, i) => keys[i] !== null && c.trim() !== '') || r.cells.length > keys.length);
}
