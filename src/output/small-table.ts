// Short reference tables (departments, settings): boxed with cli-table3 on a
// terminal, tab-separated with key headers through a pipe. Long lists use
// text.ts renderColumns instead — cli-table3 is quadratic in rows.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { displayWidth, fitColumns, renderTsv, truncate, type Column } from './text.js';
import { visible } from './visible-text.js';

export interface SmallColumn extends Omit<Column, 'header' | 'max'> {
  /** Stable header for pipes. */
  key: string;
  /** Header a person reads. */
  label: string;
}

/** A column cut to fit the terminal keeps at least this much, unless it says otherwise. */
const LEAST = 6;

/**
 * The box: cli-table3 pads each cell with a space either side and draws a
 * border before, between and after the columns. Cells are cut to fit the
 * terminal's width here (text.ts fitColumns, by display width, with "…"), so
 * the table is never wider than the line.
 */
export function renderSmallTable(out: { tty: boolean; chalk: ChalkInstance; width: number }, columns: SmallColumn[], rows: string[][], pipedRows = rows): string {
  if (!out.tty) return renderTsv(columns.map((c) => c.key), pipedRows);
  const cells = rows.map((r) => r.map(visible));
  const cellWidths = columns.map((_c, i) => cells.reduce((w, r) => Math.max(w, displayWidth(r[i])), 0));
  const natural = columns.map((c, i) => Math.max(cellWidths[i], displayWidth(c.label)));
  // fitColumns counts two columns between cells; the box takes three, and one at either edge.
  const widths = fitColumns(columns.map((c) => ({ header: c.label, min: LEAST, ...c })), natural, out.width - columns.length - 3, cellWidths);
  const shown = columns.map((_c, i) => i).filter((i) => widths[i] >= 0);
  const cut = (text: string, i: number) => (displayWidth(text) > widths[i] ? truncate(text, widths[i]) : text);
  const table = new Table({ head: shown.map((i) => out.chalk.bold(cut(columns[i].label, i))), style: { head: [], border: [] } });
  table.push(...cells.map((r) => shown.map((i) => cut(r[i], i))));
  return table.toString() + '\n';
}
