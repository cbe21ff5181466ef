// The numbers an import gives and keeps, checked against what the database
// holds (SPEC §4): a kept ticket must not be in use, nor its year and running
// count held by another ticket, and the new numbers must stay within the
// year's maximum. Pure: the database's facts come in as plain data, read
// inside the import's write transaction (or the dry run's read), so the dry
// run and the import refuse alike.
import type { ImportItem, RowProblem } from './import-rows.js';
import { groupThousands } from './money.js';
import { countKey, MAX_SEQ } from './ticket.js';
import { yearOf } from './time.js';

export interface NumberFacts {
  /** Kept tickets the database already holds. */
  ticketsInUse: Set<string>;
  /** The ticket holding each kept (year, count), by countKey. */
  countsInUse: Map<number, string>;
  /** The last count in use of a year: the counter or the table, whichever is higher. */
  lastCount: (year: number) => number;
}

/** The problems, by line; none means the import can go in. */
export function numberProblems(items: readonly ImportItem[], facts: NumberFacts, ticketColumn: string): RowProblem[] {
  const problems: RowProblem[] = [];
  const topKept = new Map<number, number>();
  for (const i of items) {
    if (!i.kept) continue;
    const { year, seq } = i.kept;
    const value = i.complaint.ticket;
    topKept.set(year, Math.max(topKept.get(year) ?? 0, seq));
    const holder = facts.countsInUse.get(countKey(year, seq));
    if (facts.ticketsInUse.has(value) || holder === value) {
      problems.push({ line: i.line, column: ticketColumn, code: 'ticketUsed', params: { value } });
    } else if (holder !== undefined) {
      problems.push({ line: i.line, column: ticketColumn, code: 'countUsed', params: { value, year, seq, other: holder } });
    }
  }
  // New numbers run on from the year's last count in use, in order of receipt
  // (as the import hands them out): the first past the maximum is refused.
  const last = new Map<number, number>();
  for (const at of receiptOrder(items)) {
    const i = items[at];
    if (i.kept) continue;
    const year = yearOf(i.date);
    const seq = (last.get(year) ?? Math.max(facts.lastCount(year), topKept.get(year) ?? 0)) + 1;
    last.set(year, seq);
    if (seq === MAX_SEQ + 1) problems.push({ line: i.line, column: null, code: 'yearFull', params: { year, max: groupThousands(MAX_SEQ) } });
  }
  return problems;
}

/**
 * The indexes of the items by time of receipt, the file's order among equals:
 * the order they go in, so new numbers run in order of receipt.
 */
export function receiptOrder(items: readonly { complaint: { receivedAt: number } }[]): number[] {
  return items.map((_, i) => i).sort((a, b) => items[a].complaint.receivedAt - items[b].complaint.receivedAt || a - b);
}
