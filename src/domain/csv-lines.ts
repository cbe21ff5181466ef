// The text of `export`'s CSV, written by hand rather than by csv-stringify:
// the same bytes it wrote with the export options ({ record_delimiter:
// 'windows', quoted_match: /[\r\n]/ }) — a field is quoted when it holds a
// double quote, a comma, CR or LF, quotes inside are doubled, an empty field
// stays empty, and every record ends in CRLF — without its per-field option
// handling, a fifth of an export's time. test/commands/export-bytes.test.ts
// holds the two side by side.
import { headerRow, neutralise, RAW_CELLS, type CellFormat, type HeaderStyle } from './csv-columns.js';
import { maskPhone } from './phone.js';

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

// RAW_CELLS as small integers, for a switch the compiler keeps monomorphic.
const TEXT = 0, TIME = 1, YUAN = 2, BOOL = 3, NUMBER = 4, PHONE = 5;
const KIND_CODE = { text: TEXT, time: TIME, yuan: YUAN, bool: BOOL, number: NUMBER, phone: PHONE } as const;

/** A cell from user text: neutralised, then quoted when it must be. */
function textCell(v: string): string {
  return csvField(neutralise(v));
}

/**
 * The CSV record of one raw export row (src/storage/export-rows.ts: one value
 * per column, as RAW_CELLS says), the same text as csvRecord(complaintCells()).
 * Instants, money and flags are made here from numbers, so they need no quoting.
 */
export function rawRecordWriter(f: CellFormat): (row: readonly unknown[]) => string {
  const kinds = RAW_CELLS.map((k) => KIND_CODE[k]);
  if (!f.mask) for (let i = 0; i < kinds.length; i++) if (kinds[i] === PHONE) kinds[i] = TEXT;
  const n = kinds.length;
  const iso = f.iso;
  return (row) => {
    let line = '';
    for (let i = 0; i < n; i++) {
      const v = row[i];
      let cell: string;
      if (v === null) cell = kinds[i] === BOOL ? 'false' : '';
      else {
        switch (kinds[i]) {
          case TEXT: cell = textCell(v as string); break;
          case TIME: cell = neutralise(iso(v as number)); break;
          case YUAN: cell = neutralise(((v as number) / 100).toFixed(2)); break;
          case BOOL: cell = v === 1 ? 'true' : 'false'; break;
          case NUMBER: cell = textCell(String(v)); break;
          default: cell = textCell(maskPhone(v as string));
        }
      }
      line += i === 0 ? cell : ',' + cell;
    }
    return line + '\r\n';
  };
}
