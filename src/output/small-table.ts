// Short reference tables (departments, settings): boxed with cli-table3 on a
// terminal, tab-separated with key headers through a pipe. Long lists use
// text.ts renderColumns instead — cli-table3 is quadratic in rows.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { renderTsv } from './text.js';
import { visible } from './visible-text.js';

export interface SmallColumn {
  /** Stable header for pipes. */
  key: string;
  /** Header a person reads. */
  label: string;
}

export function renderSmallTable(out: { tty: boolean; chalk: ChalkInstance }, columns: SmallColumn[], rows: string[][], pipedRows = rows): string {
  if (!out.tty) return renderTsv(columns.map((c) => c.key), pipedRows);
  const table = new Table({ head: columns.map((c) => out.chalk.bold(c.label)), style: { head: [], border: [] } });
  table.push(...rows.map((r) => r.map(visible)));
  return table.toString() + '\n';
}
