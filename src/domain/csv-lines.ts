// The text of `export`'s CSV, written by hand rather than by csv-stringify:
// the same bytes it wrote with the export options ({ record_delimiter:
// 'windows', quoted_match: /[\r\n]/ }) — a field is quoted when it holds a
// double quote, a comma, CR or LF, quotes inside are doubled, an empty field
// stays empty, and every record ends in CRLF — without its per-field option
// handling, a fifth of an export's time. test/commands/export-bytes.test.ts
// holds the two side by side.
import { CSV_COLUMNS, headerRow, neutralise, RAW_CELLS, VALUE_FAMILIES, type CellFormat, type HeaderStyle } from './csv-columns.js';
import { maskPhone, maskPhones } from './phone.js';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One field as RFC 4180 (and csv-stringify) writes it. */
export function csvField(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

/** One record, CRLF included. */
export function csvRecord(cells: readonly string[]): string {
  let line = csvField(cells[0]);
  for (let i = 1; i < cells.length; i++) line += ',' + csvField(cells[i]);
  return line + '\r\n';
}

export function headerLine(style: HeaderStyle): string {
  return csvRecord(headerRow(style));
}

// RAW_CELLS as small integers, for a switch the compiler keeps monomorphic;
// RUN is a slot of several short text columns.
const TEXT = 0, TIME = 1, YUAN = 2, BOOL = 3, NUMBER = 4, PHONE = 5, RUN = 6, WORD = 7;
const KIND_CODE = { text: TEXT, time: TIME, yuan: YUAN, bool: BOOL, number: NUMBER, phone: PHONE } as const;

/** A cell from user text: neutralised, then quoted when it must be. */
function textCell(v: string): string {
  return csvField(neutralise(v));
}

/**
 * Where the values of an export row come from, in order: one column (its
 * index), or a run of adjacent short text columns that the database joins
 * with commas. better-sqlite3 costs about as much per value handed over as
 * the CSV costs to write, and short text (names, units, departments, the
 * enums) rarely needs quoting, so one joined value usually is the CSV itself.
 */
export type ExportSlot = readonly number[];

/** Free text, often with commas or line breaks: handed over a cell at a time. */
const FREE_TEXT = new Set(['validityReason', 'subject', 'description', 'demand', 'resolution', 'followUpNote', 'closeReason']);

/** The slots of an export; without joining, one per column. */
export function exportSlots(mask: boolean, join = true): ExportSlot[] {
  const slots: number[][] = [];
  let run: number[] | null = null;
  RAW_CELLS.forEach((kind, i) => {
    const short = join && (kind === 'text' || (kind === 'phone' && !mask)) && !FREE_TEXT.has(CSV_COLUMNS[i].key);
    if (short && run !== null) run.push(i);
    else slots.push(short ? (run = [i]) : [i]);
    if (!short) run = null;
  });
  return slots;
}

/** A field of a joined run that is its own CSV text: no comma, quote, CR or LF, not starting as a formula could. */
const PLAIN_FIELD = String.raw`(?:[^,"\r\n'=+\-@\t＝＋－＠][^,"\r\n]*)?`;

/**
 * The CSV record of one raw export row (src/storage/export-rows.ts: one value
 * per slot), the same text as csvRecord(complaintCells()); null when a joined
 * run cannot be told apart (a comma inside one of its cells): the row must
 * then be written from one value per column. Instants, money and flags are
 * made here from numbers, so they need no quoting. With --mask, text (a run
 * at once: a phone never spans the comma of a join) has its phone-shaped
 * numbers masked first; without it, not a call more per cell.
 */
export function recordWriter(f: CellFormat, slots: readonly ExportSlot[]): (row: readonly unknown[]) => string | null {
  // Worded values (--headers zh) are made a cell at a time: a joined run would hide its enum keys.
  if (f.words && slots.some((slot) => slot.length > 1)) throw new Error('recordWriter: worded values need one slot per column');
  const families = slots.map((slot) => VALUE_FAMILIES[CSV_COLUMNS[slot[0]].key] ?? '');
  const kinds = slots.map((slot, i) => (slot.length > 1 ? RUN : f.words && families[i] ? WORD : KIND_CODE[RAW_CELLS[slot[0]]]));
  if (!f.mask) for (let i = 0; i < kinds.length; i++) if (kinds[i] === PHONE) kinds[i] = TEXT;
  // A run that matches is exactly its cells joined by commas, each plain: the CSV as it stands.
  const plain = slots.map((slot) => new RegExp(`^${PLAIN_FIELD}(?:,${PLAIN_FIELD}){${slot.length - 1}}$`));
  // The loop over slots, unrolled into straight-line code once per export:
  // a switch per cell cost more than the cells of most kinds themselves.
  const masked = f.mask ? 'maskPhones(v)' : 'v';
  const cellCode = (kind: number, i: number): string => {
    switch (kind) {
      case TEXT: return `c = v === null ? "" : textCell(${masked});`;
      case TIME: return 'c = v === null ? "" : neutralise(iso(v));';
      case YUAN: return 'c = v === null ? "" : neutralise((v / 100).toFixed(2));';
      case BOOL: return f.words ? 'c = v === 1 ? yes : no;' : 'c = v === 1 ? "true" : "false";';
      case WORD: return `c = v === null ? "" : textCell(${f.mask ? 'maskPhones(word(families[' + i + '], v))' : 'word(families[' + i + '], v)'});`;
      case NUMBER: return 'c = v === null ? "" : textCell(String(v));';
      case RUN: return `if (v === null) c = ""; else if (${f.mask ? 'v = maskPhones(v), ' : ''}plain[${i}].test(v)) c = v; else if ((c = splitRun(v, ${slots[i].length})) === null) return null;`;
      default: return 'c = v === null ? "" : textCell(maskPhone(v));';
    }
  };
  const body = kinds.map((kind, i) => `v = row[${i}]; ${cellCode(kind, i)} line ${i === 0 ? '=' : '+= ","+'} c;`).join('\n');
  const make = new Function('textCell', 'neutralise', 'iso', 'maskPhone', 'maskPhones', 'plain', 'splitRun', 'word', 'families', 'yes', 'no',
    `return function record(row) {\nlet v, c, line;\n${body}\nreturn line + "\\r\\n";\n};`);
  const w = f.words;
  return make(textCell, neutralise, f.iso, maskPhone, maskPhones, plain, splitRun, w?.label, families, w?.yes, w?.no) as (row: readonly unknown[]) => string | null;
}

/** The cells of a joined run that is not plain, each written as a cell; null when its commas are not just the joins. */
function splitRun(run: string, cells: number): string | null {
  const parts = run.split(',');
  return parts.length === cells ? parts.map(textCell).join(',') : null;
}
