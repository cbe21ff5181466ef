// `export --format xlsx` (SPEC §15): the register as a workbook management
// opens in Excel or WPS. Cells are typed: times are spreadsheet dates in the
// office's local time, amounts numbers with two decimals, households and
// satisfaction numbers, flags booleans (or 是/否 with Chinese values); the
// header row is frozen, filtered and sized. A sheet holds at most 1,048,576
// rows: a longer export goes on in a second sheet.
//
// The sheet is written here, not by a workbook library: its XML is made a
// row at a time as text, gathered in a buffer and streamed through the zip's
// compressor (zip-file.ts), so a million complaints never sit in memory.
// exceljs's streaming writer built a cell object, a style and an XML node
// per cell: over a microsecond a cell, six times the CSV export's time. A
// workbook is written synchronously, row by row; nothing queues.
// Strings of the columns of few values are shared, the rest inline
// (FEW_VALUES). Empty cells are left out.
import { CSV_COLUMNS, RAW_CELLS, VALUE_FAMILIES, type ValueWords } from '../domain/csv-columns.js';
import { maskPhone, maskPhones } from '../domain/phone.js';
import { offsetMinutes } from '../domain/time.js';
import { cellWidth, DATE_TIME_FORMAT, YUAN_FORMAT } from './xlsx-cells.js';
import {
  columnLetters, contentTypesXml, packageRelsXml, sharedStringsXml, sheetEnd, sheetPath, sheetStart, STYLE, stylesXml, textElement, workbookRelsXml, workbookXml,
  type SheetEntry,
} from './xlsx-parts.js';
import { ZipFile, type ZipStream } from './zip-file.js';

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
  /** Lets timers run (call between batches): what was added is already compressed and written. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * zlib's level. On the sheet XML of 100,000 complaints (129 MB) level 1 and
 * 2 took the same CPU (0.42 s) and 2 wrote 18 MB instead of 20; 3 took a
 * tenth more for 16.5 MB, the default 6 more than twice as long for 14 MB.
 */
const LEVEL = 2;
/** Sheet XML gathered before it goes to the compressor. */
const CHUNK = 1 << 20;
/** A UTF-16 code unit takes at most three bytes of UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Columns of few values an office repeats on every row (the listed values,
 * estates, departments, staff): their texts go once into the shared strings
 * and each cell names its text by number: a fifth less sheet XML to write
 * and compress (160 → 129 MB for 100,000 complaints). Other text is inline: a table of every name and
 * description of a million rows would have to sit in memory until the end.
 */
const FEW_VALUES = new Set([...Object.keys(VALUE_FAMILIES), 'estate', 'receiver', 'department', 'assignee', 'responsible', 'responsiblePerson', 'approvedBy']);
/** At most so many shared strings (a few megabytes); past them, a new text is written inline. */
const MAX_SHARED = 50_000;

const FREE_TEXT = new Set(['subject', 'description', 'demand', 'resolution', 'followUpNote', 'validityReason']);

// RAW_CELLS as small integers for the row loop's switch; WORD is an enum key written as its label.
const TEXT = 0, TIME = 1, YUAN = 2, BOOL = 3, NUMBER = 4, PHONE = 5, WORD = 6, YES_NO = 7, SHARED = 8;
const KIND_CODE = { text: TEXT, time: TIME, yuan: YUAN, bool: BOOL, number: NUMBER, phone: PHONE } as const;
/** What follows a date's or an amount's cell opening, up to its value: its style. */
const DATE_TIME_VALUE = ` s="${STYLE.dateTime}"><v>`;
const YUAN_VALUE = ` s="${STYLE.yuan}"><v>`;

/** Days from the spreadsheet epoch (1899-12-30) to 1970-01-01, and milliseconds a day. */
const EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;
/** The fraction of a day each second of it is, as decimal text (".5" for noon), made when first needed. */
const SECOND_FRACTIONS = new Array<string | undefined>(86_400);

/**
 * A spreadsheet date (days since 1899-12-30, the time as a fraction) for a
 * wall-clock instant in ms: the day's number and the second's fraction from a
 * table, not a double turned into text per cell (7% of an export's time). Twelve decimals are more than a double of five-digit days
 * holds, so the text reads back as the same double. To the second, as the
 * CSV writes times: its milliseconds are dropped.
 */
export function dateSerial(local: number): string {
  const day = Math.floor(local / DAY_MS);
  const second = Math.floor((local - day * DAY_MS) / 1000);
  let fraction = SECOND_FRACTIONS[second];
  if (fraction === undefined) fraction = SECOND_FRACTIONS[second] = second === 0 ? '' : (second / 86_400).toFixed(12).replace(/0+$/, '').slice(1);
  return String(EPOCH_DAYS + day) + fraction;
}

export async function openComplaintsWorkbook(o: ComplaintsWorkbookOptions): Promise<ComplaintsWorkbook> {
  const n = CSV_COLUMNS.length;
  const columns = CSV_COLUMNS.map((c, i) => {
    const kind = RAW_CELLS[i];
    const width = kind === 'time' ? 17 : FREE_TEXT.has(c.key) ? 40 : kind === 'yuan' ? 12 : 10;
    return { width: Math.max(width, cellWidth(o.headers[i]) + 4), style: kind === 'time' ? STYLE.dateTime : kind === 'yuan' ? STYLE.yuan : STYLE.plain };
  });
  const families = CSV_COLUMNS.map((c) => (o.words ? VALUE_FAMILIES[c.key] ?? '' : ''));
  const kinds = RAW_CELLS.map((kind, i) => {
    if (families[i]) return WORD;
    if (kind === 'bool' && o.words) return YES_NO;
    return kind === 'text' && FEW_VALUES.has(CSV_COLUMNS[i].key) ? SHARED : KIND_CODE[kind];
  });
  const letters = CSV_COLUMNS.map((_, i) => columnLetters(i));
  const filter = `A1:${letters[n - 1]}1`;
  const tz = o.tz;
  const words = o.words;
  const mask = o.mask;

  const zip = new ZipFile(o.path, LEVEL);
  const sheets: SheetEntry[] = [];
  const perSheet = (o.sheetRows ?? SHEET_ROWS) - 1;
  let part: ZipStream | null = null;
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  let inSheet = 0;
  /** The spreadsheet row number of the next row. */
  let rowNumber = 1;

  const flush = () => {
    if (pos === 0) return;
    part!.write(buf.subarray(0, pos));
    pos = 0;
  };
  const put = (text: string) => {
    if (pos + text.length * MAX_BYTES_PER_UNIT > CHUNK) {
      flush();
      if (text.length * MAX_BYTES_PER_UNIT > CHUNK) {
        part!.write(Buffer.from(text));
        return;
      }
    }
    pos += buf.write(text, pos);
  };
  /** An inline string cell, after its opening (<c or <c r="B2"). */
  const inline = (head: string, text: string): string => head + ' t="inlineStr"><is>' + textElement(text) + '</is></c>';
  /** A cell of a column of few values: its text's number in the shared strings, or inline once they are full. */
  const sharedStrings = new Map<string, number>();
  const shared = (head: string, text: string): string => {
    let id = sharedStrings.get(text);
    if (id === undefined) {
      if (sharedStrings.size === MAX_SHARED) return inline(head, text);
      sharedStrings.set(text, (id = sharedStrings.size));
    }
    return head + ' t="s"><v>' + id + '</v></c>';
  };
  const headerRow = () => {
    let xml = '<row r="1">';
    for (let i = 0; i < n; i++) xml += inline(`<c r="${letters[i]}1" s="${STYLE.header}"`, o.headers[i]);
    return xml + '</row>';
  };
  const endSheet = () => {
    put(sheetEnd(filter));
    flush();
    part!.end();
  };
  const newSheet = () => {
    if (part) endSheet();
    sheets.push({ name: sheets.length === 0 ? o.sheet : `${o.sheet} ${sheets.length + 1}`, filter });
    part = zip.stream(sheetPath(sheets.length));
    put(sheetStart(columns));
    put(headerRow());
    rowNumber = 2;
    inSheet = 0;
  };

  /** A date cell's value: the instant on the office's wall clock, in days since 1899-12-30 (dateSerial). */
  const serial = (ms: number): string => dateSerial(ms + offsetMinutes(ms, tz) * 60_000);

  const rowXml = (row: readonly unknown[]): string => {
    const r = String(rowNumber);
    let xml = '<row r="' + r + '">';
    // A cell right after the one written before it needs no reference (readers take the next column); one after a gap does.
    let next = -1;
    for (let i = 0; i < n; i++) {
      const v = row[i];
      // An empty text is an empty cell, as in the CSV.
      if (v === null || v === undefined || v === '') continue;
      const head = i === next ? '<c' : '<c r="' + letters[i] + r + '"';
      switch (kinds[i]) {
        case TIME: xml += head + DATE_TIME_VALUE + serial(v as number) + '</v></c>'; break;
        case YUAN: xml += head + YUAN_VALUE + String((v as number) / 100) + '</v></c>'; break;
        case BOOL: xml += head + (v === 1 ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>'); break;
        case YES_NO: xml += shared(head, v === 1 ? words!.yes : words!.no); break;
        case NUMBER: {
          const num = Number(v);
          if (!Number.isFinite(num)) continue;
          xml += head + '><v>' + String(num) + '</v></c>';
          break;
        }
        case PHONE: xml += inline(head, mask ? maskPhone(v as string) : (v as string)); break;
        case WORD: {
          const text = words!.label(families[i], v as string);
          xml += shared(head, mask ? maskPhones(text) : text);
          break;
        }
        case SHARED: xml += shared(head, mask ? maskPhones(v as string) : (v as string)); break;
        default: xml += inline(head, mask ? maskPhones(v as string) : (v as string));
      }
      next = i + 1;
    }
    return xml + '</row>';
  };

  newSheet();
  return {
    add(row) {
      if (inSheet === perSheet) newSheet();
      put(rowXml(row));
      rowNumber++;
      inSheet++;
    },
    async drain() {
      // Compression is done as rows are added: this only lets timers (the progress bar) run.
      await tick();
    },
    async close() {
      endSheet();
      zip.add('[Content_Types].xml', contentTypesXml(sheets.length));
      zip.add('_rels/.rels', packageRelsXml());
      zip.add('xl/workbook.xml', workbookXml(sheets));
      zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
      zip.add('xl/styles.xml', stylesXml(DATE_TIME_FORMAT, YUAN_FORMAT));
      zip.add('xl/sharedStrings.xml', sharedStringsXml([...sharedStrings.keys()]));
      zip.close();
    },
  };
}
