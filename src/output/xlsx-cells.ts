// What every workbook the program writes shares: the library, loaded only
// when a workbook is asked for (it is most of a megabyte of code, and CSV and
// the short commands must not pay for it), the cell formats, and how an
// instant becomes a spreadsheet date.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

export type Excel = typeof ExcelJS;

/** exceljs, required when first needed (kept out of the bundle, as the database drivers are). */
export async function loadExcel(): Promise<Excel> {
  return Promise.resolve(createRequire(import.meta.url)('exceljs') as Excel);
}

/** A time as management reads it: 2026-11-16 09:10. */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
/** Yuan, with thousands separators and fen. */
export const YUAN_FORMAT = '#,##0.00';
/** A rate as a percentage with one decimal. */
export const PERCENT_FORMAT = '0.0%';

/**
 * A spreadsheet date has no zone: it is the clock on the office's wall. The
 * library writes a Date by its UTC fields, so the instant is shifted by the
 * office's offset at that moment.
 */
export function excelDate(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

/** The width of a text in a spreadsheet column: Chinese characters take two. */
export function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A sheet's name as Excel allows it: at most 31 characters, none of : \ / ? * [ ], unique in its workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  // A long English title is cut at a word, not inside one.
  const cut = clean.length <= 31 ? clean : clean.slice(0, clean.lastIndexOf(' ', 31) > 10 ? clean.lastIndexOf(' ', 31) : 31);
  const base = cut || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
