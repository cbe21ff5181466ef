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
  close(): Promise<void>;
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
      sheet!.addRow(values).commit();
      inSheet++;
    },
    async close() {
      sheet!.commit();
      await book.commit();
    },
  };
}
