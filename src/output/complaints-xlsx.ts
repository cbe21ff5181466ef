// `export --format xlsx` (SPEC §15): the register as a workbook management
// opens in Excel or WPS, written row by row by exceljs's streaming writer, so
// a million complaints never sit in memory. Cells are typed: times are
// spreadsheet dates in the office's local time, amounts numbers with two
// decimals, households and satisfaction numbers, flags booleans (or 是/否
// with Chinese values); the header row is frozen, filtered and sized. A sheet
// holds at most 1,048,576 rows: a longer export goes on in a second sheet.
import { CSV_COLUMNS, RAW_CELLS, VALUE_FAMILIES, type ValueWords } from '../domain/csv-columns.js';
import { maskPhone, maskPhones } from '../domain/phone.js';
import { offsetMinutes } from '../domain/time.js';
import { cellWidth, excelDate, loadExcel, DATE_TIME_FORMAT, YUAN_FORMAT } from './xlsx-cells.js';

/** The rows a sheet of Excel holds, header included. */
export const SHEET_ROWS = 1_048_576;

export interface ComplaintsWorkbookOptions {
  /** Where the workbook goes (the temporary file of --out). */
  path: string;
  /** The sheet's name (投诉台账 / Complaints); the second sheet of a long export gets " 2". */
  sheet: string;
  headers: string[];
  tz: string;
  mask: boolean;
  /** Chinese values (--headers zh); absent: keys, and flags as booleans. */
  words?: ValueWords;
  /** Rows per sheet, header included (tests may make it small to see the overflow sheet). */
  sheetRows?: number;
}

export interface ComplaintsWorkbook {
  /** One complaint: its raw export row, one value per column (storage/export-rows.ts). */
  add(row: readonly unknown[]): void;
  /** Waits until what was added is on its way to the file (call between batches). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Bytes of sheet XML waiting for the zip's compressor: past this, adding waits. */
const BACKLOG = 8 * 1024 * 1024;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * The sheet XML not yet taken by the compressor. exceljs writes each row into
 * the sheet's stream at once and hands it to the zip without waiting for it,
 * so a fast producer queues the whole uncompressed sheet in memory (1.4 GB
 * for a million rows, measured). The queue is the first pipe of the sheet's
 * stream; when the library's insides differ, nothing is known (0) and
 * drain() only yields to the event loop.
 */
function backlog(sheet: unknown): number {
  const pipe = (sheet as { _stream?: { pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[] } })._stream?.pipes?.[0];
  return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
}

const FREE_TEXT = new Set(['subject', 'description', 'demand', 'resolution', 'followUpNote', 'validityReason']);

export async function openComplaintsWorkbook(o: ComplaintsWorkbookOptions): Promise<ComplaintsWorkbook> {
  const Excel = await loadExcel();
  // Inline strings, no shared-string table: it would grow with every distinct text of a million rows.
  const book = new Excel.stream.xlsx.WorkbookWriter({ filename: o.path, useStyles: true, useSharedStrings: false });
  const columns = CSV_COLUMNS.map((c, i) => {
    const kind = RAW_CELLS[i];
    const width = kind === 'time' ? 17 : FREE_TEXT.has(c.key) ? 40 : kind === 'yuan' ? 12 : 10;
    return {
      width: Math.max(width, cellWidth(o.headers[i]) + 4),
      style: kind === 'time' ? { numFmt: DATE_TIME_FORMAT } : kind === 'yuan' ? { numFmt: YUAN_FORMAT } : {},
    };
  });
  const families = CSV_COLUMNS.map((c) => (o.words ? VALUE_FAMILIES[c.key] ?? '' : ''));
  // One style object per column, given to every cell of it: exceljs caches a
  // style by the object's identity, and a cell's own copy cost half the time.
  const styles = columns.map((c) => c.style);
  const perSheet = (o.sheetRows ?? SHEET_ROWS) - 1;
  let sheet: ReturnType<typeof book.addWorksheet> | null = null;
  let sheets = 0;
  let inSheet = 0;

  const newSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = book.addWorksheet(sheets === 1 ? o.sheet : `${o.sheet} ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const head = sheet.addRow(o.headers);
    head.font = { bold: true };
    head.commit();
    inSheet = 0;
  };

  const cell = (v: unknown, i: number): unknown => {
    if (v === null || v === undefined) return null;
    switch (RAW_CELLS[i]) {
      case 'time': return excelDate(v as number, offsetMinutes(v as number, o.tz));
      case 'yuan': return (v as number) / 100;
      case 'bool': return o.words ? (v === 1 ? o.words.yes : o.words.no) : v === 1;
      case 'number': {
        const n = Number(v);
        return Number.isFinite(n) ? n : null;
      }
      case 'phone': return o.mask ? maskPhone(v as string) : v;
      default: {
        const text = families[i] ? o.words!.label(families[i], v as string) : (v as string);
        return o.mask ? maskPhones(text) : text;
      }
    }
  };

  newSheet();
  return {
    add(row) {
      if (inSheet === perSheet) newSheet();
      const values = new Array<unknown>(columns.length);
      for (let i = 0; i < values.length; i++) values[i] = cell(row[i], i);
      const added = sheet!.addRow(values);
      for (let i = 0; i < values.length; i++) added.getCell(i + 1).style = styles[i];
      added.commit();
      inSheet++;
    },
    async drain() {
      await tick();
      while (backlog(sheet) > BACKLOG) await pause();
    },
    async close() {
      sheet!.commit();
      await book.commit();
    },
  };
}
