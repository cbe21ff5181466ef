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
  const problems = keptNumberProblems(items, facts, ticketColumn);
  const topKept = new Map<number, number>();
  for (const i of items) if (i.kept) topKept.set(i.kept.year, Math.max(topKept.get(i.kept.year) ?? 0, i.kept.seq));
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

/** Kept tickets the database holds, or whose year and count it holds: by line. */
export function keptNumberProblems(items: readonly ImportItem[], facts: NumberFacts, ticketColumn: string): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const i of items) {
    if (!i.kept) continue;
    const { year, seq } = i.kept;
    const value = i.complaint.ticket;
    const holder = facts.countsInUse.get(countKey(year, seq));
    if (facts.ticketsInUse.has(value) || holder === value) {
      problems.push({ line: i.line, column: ticketColumn, code: 'ticketUsed', params: { value } });
    } else if (holder !== undefined) {
      problems.push({ line: i.line, column: ticketColumn, code: 'countUsed', params: { value, year, seq, other: holder } });
    }
  }
  return problems;
}

/**
 * What a streamed import knows of its rows before it checks them (a first
 * read of the file, domain/import-rows.ts rowFacts): per row in the file's
 * order, its spreadsheet row, time received, year of receipt, and the year
 * and count of the ticket it keeps (0: a new number).
 */
export interface RowNumbers {
  length: number;
  line: Int32Array;
  receivedAt: Float64Array;
  year: Int32Array;
  keptYear: Int32Array;
  keptSeq: Int32Array;
}

/** Where each row goes: its place in order of receipt, and its new count (0 for a kept ticket); the last count given per year. */
export interface NumberPlan {
  rank: Int32Array;
  seq: Int32Array;
  last: Map<number, number>;
  /** Rows past their year's maximum count. */
  problems: RowProblem[];
}

/**
 * The numbers of a whole file at once, as numberProblems and the import
 * hand them out: in order of receipt (the file's order among equals), each
 * year's new counts run on from its last count in use or its highest kept
 * count. The rows can then be written in the file's order, each with its
 * final id and ticket.
 */
export function planNumbers(rows: RowNumbers, lastCount: (year: number) => number): NumberPlan {
  const n = rows.length;
  const order = receiptOrderOf(rows.receivedAt.subarray(0, n));
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  const topKept = new Map<number, number>();
  for (let i = 0; i < n; i++) if (rows.keptSeq[i]) topKept.set(rows.keptYear[i], Math.max(topKept.get(rows.keptYear[i]) ?? 0, rows.keptSeq[i]));
  const seq = new Int32Array(n);
  const last = new Map<number, number>();
  const problems: RowProblem[] = [];
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (rows.keptSeq[i]) continue;
    const year = rows.year[i];
    const next = (last.get(year) ?? Math.max(lastCount(year), topKept.get(year) ?? 0)) + 1;
    last.set(year, next);
    seq[i] = next;
    if (next === MAX_SEQ + 1) problems.push({ line: rows.line[i], column: null, code: 'yearFull', params: { year, max: groupThousands(MAX_SEQ) } });
  }
  return { rank, seq, last, problems };
}

/** Row indexes by time received, the file's order among equals; a file already in order (or in reverse) is not sorted again. */
function receiptOrderOf(at: Float64Array): Int32Array {
  const n = at.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let ascending = true;
  for (let i = 1; i < n && ascending; i++) if (!(at[i - 1] <= at[i])) ascending = false;
  if (ascending) return order;
  let descending = true;
  for (let i = 1; i < n && descending; i++) if (!(at[i - 1] > at[i])) descending = false;
  if (descending) return order.reverse();
  return order.sort((a, b) => at[a] - at[b] || a - b);
}

/**
 * The indexes of the items by time of receipt, the file's order among equals:
 * the order they go in, so new numbers run in order of receipt.
 */
export function receiptOrder(items: readonly { complaint: { receivedAt: number } }[]): number[] {
  return items.map((_, i) => i).sort((a, b) => items[a].complaint.receivedAt - items[b].complaint.receivedAt || a - b);
}
