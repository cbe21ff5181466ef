// Writing an imported register: every row or none, in one write transaction,
// each with its search entry, its call-back and one `import` event. Kept
// tickets move their year's counter past them; the others get new numbers.
// An import session hands the rows over a batch at a time as the file is
// checked. A SQLite file takes the bulk path (sqlite/import-bulk.ts: each
// batch written as it comes); a server's session keeps the rows and writes
// them at the end the plain way here, row by row with the query builder, so
// the office plugin names the office in every statement.
import { sql } from 'kysely';
import type { ImportItem } from '../domain/import-rows.js';
import { planNumbers, receiptOrder, type NumberFacts, type RowNumbers } from '../domain/import-numbers.js';
import { countKey, formatTicket, inOffice } from '../domain/ticket.js';
import { yearOf } from '../domain/time.js';
import { touchedSpanOf } from '../domain/report.js';
import { insertComplaint, lastSeq } from './complaints.js';
import { insertDepartment } from './departments.js';
import { greatest } from './dialect.js';
import { appendEvents } from './events.js';
import { markStaleSnapshots } from './report-queries.js';
import { all, first, run, write, type Store } from './store.js';
import { bulkImportSession, bulkNumberFacts, bulkUnknownDepartments } from './sqlite/import-bulk.js';

export interface ImportResult {
  tickets: string[];
  departmentsAdded: string[];
  /** Monthly snapshots whose months the import changed (marked stale with it). */
  staleSnapshots: string[];
}

export interface ImportOptions {
  actor: string;
  now: number;
  /** The office's zone: which months the import writes into. */
  tz: string;
  /** The file's name, recorded in each import event. */
  source: string;
}

export interface SessionOptions extends ImportOptions {
  /** How many rows the file has (each batch names its rows by their index). */
  rows: number;
  /** The department names the rows give: the unknown ones are added first. */
  names: Iterable<string>;
}

/** A row checked and placed: its index in the file, its place in order of receipt, and its new count (0: it keeps its ticket). */
export interface PlacedItem {
  n: number;
  item: ImportItem;
  rank: number;
  seq: number;
}

export interface ImportWriter {
  /** Complaints from this id on are the import's own (checks against the database look below it); null: nothing is written before finish. */
  readonly firstId: number | null;
  /** Whether the database held any complaint before the import (else nothing can repeat one). */
  readonly heldBefore: boolean;
  write(rows: readonly PlacedItem[]): Promise<void>;
  finish(): Promise<ImportResult>;
}

/** One import: fn hands its rows to the writer; all in one write transaction, all or nothing. */
export async function importSession<T>(s: Store, o: SessionOptions, fn: (w: ImportWriter) => Promise<T>): Promise<T> {
  if (s.engine === 'sqlite') return bulkImportSession(s, o, fn);
  return write(s, async () => {
    const items: ImportItem[] = [];
    const heldBefore = (await first(s, s.q.selectFrom('complaints').select('id').limit(1))) !== undefined;
    return fn({
      firstId: null,
      heldBefore,
      write: async (rows) => {
        for (const r of rows) items.push(r.item);
      },
      finish: () => importRowByRow(s, items, o),
    });
  });
}

/** The last count in use of each year the rows are received in (call inside the transaction that writes). */
export async function lastCounts(s: Store, years: Iterable<number>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const year of new Set(years)) out.set(year, await lastSeq(s, year));
  return out;
}

/** The numbers' facts of checked items (import-numbers.ts RowNumbers). */
export function numbersOf(items: readonly ImportItem[]): RowNumbers {
  const n = items.length;
  const rows: RowNumbers = {
    length: n, line: new Int32Array(n), receivedAt: new Float64Array(n), year: new Int32Array(n), keptYear: new Int32Array(n), keptSeq: new Int32Array(n),
  };
  items.forEach((i, at) => {
    rows.line[at] = i.line;
    rows.receivedAt[at] = i.complaint.receivedAt;
    rows.year[at] = yearOf(i.date);
    rows.keptYear[at] = i.kept?.year ?? 0;
    rows.keptSeq[at] = i.kept?.seq ?? 0;
  });
  return rows;
}

/**
 * What the database holds that the import's numbers must not collide with
 * (domain/import-numbers.ts decides). Call inside the transaction that
 * writes, so no registration can come between. `below`: only complaints
 * below this id count (those from it on are the import's own).
 */
export async function numberFacts(s: Store, items: readonly ImportItem[], below: number | null = null): Promise<NumberFacts> {
  if (s.engine === 'sqlite') return bulkNumberFacts(s, items, below);
  const code = s.office?.code ?? null;
  const ticketsInUse = new Set<string>();
  const countsInUse = new Map<number, string>();
  for (const i of items) {
    if (!i.kept) continue;
    // A kept ticket files under this office's code on a server; it is reported as the file wrote it.
    const held = await first(s, s.q.selectFrom('complaints').select('ticket').where('ticket', '=', inOffice(i.complaint.ticket, code)));
    if (held) ticketsInUse.add(i.complaint.ticket);
    const holder = await first(s, s.q.selectFrom('complaints').select('ticket').where('year', '=', i.kept.year).where('seq', '=', i.kept.seq));
    if (holder) countsInUse.set(countKey(i.kept.year, i.kept.seq), holder.ticket);
  }
  const lastCounts = new Map<number, number>();
  for (const year of new Set(items.map((i) => yearOf(i.date)))) lastCounts.set(year, await lastSeq(s, year));
  return { ticketsInUse, countsInUse, lastCount: (year) => lastCounts.get(year) ?? 0 };
}

/** Department names the database does not know yet. */
export async function unknownDepartments(s: Store, names: Iterable<string>): Promise<string[]> {
  if (s.engine === 'sqlite') return bulkUnknownDepartments(s, names);
  const wanted = [...new Set(names)];
  if (!wanted.length) return [];
  const known = new Set((await all(s, s.q.selectFrom('departments').select('name').where('name', 'in', wanted))).map((r) => r.name));
  return wanted.filter((n) => !known.has(n));
}

/** Writes every item, or nothing, in one session. */
export async function importComplaints(s: Store, items: ImportItem[], o: ImportOptions): Promise<ImportResult> {
  const names = items.flatMap((i) => [i.complaint.department, i.complaint.responsible]).filter((n): n is string => n !== null);
  return importSession(s, { ...o, rows: items.length, names }, async (w) => {
    const numbers = numbersOf(items);
    const plan = planNumbers(numbers, lastCountOf(await lastCounts(s, numbers.year)));
    await w.write(items.map((item, n) => ({ n, item, rank: plan.rank[n], seq: plan.seq[n] })));
    return w.finish();
  });
}

export const lastCountOf = (counts: Map<number, number>) => (year: number): number => counts.get(year) ?? 0;

/**
 * The plain import, row by row through the query builder: a server's, and
 * the reference the bulk path is held to (test/commands/import-stream.test.ts).
 */
export async function importRowByRow(s: Store, items: ImportItem[], o: ImportOptions): Promise<ImportResult> {
  return write(s, async () => {
    const code = s.office?.code ?? null;
    const names = items.flatMap((i) => [i.complaint.department, i.complaint.responsible]).filter((n): n is string => n !== null);
    const departmentsAdded = await unknownDepartments(s, names);
    for (const name of departmentsAdded) {
      await insertDepartment(s, name, o.now);
      await appendEvents(s, null, o.actor, o.now, [{ action: 'dept-add', before: null, after: { name }, note: o.source }]);
    }
    // A year's counter only ever moves up: past the kept tickets first, past the new numbers at the end.
    const moveCounter = (year: number, last: number) => run(s, s.q.insertInto('ticket_counters').values({ year, last })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last: greatest(s, sql<number>`ticket_counters.last`, sql<number>`excluded.last`) })));
    const top = new Map<number, number>();
    for (const i of items) if (i.kept) top.set(i.kept.year, Math.max(top.get(i.kept.year) ?? 0, i.kept.seq));
    for (const [year, seq] of top) await moveCounter(year, seq);
    const last = new Map<number, number>();
    const tickets: string[] = new Array(items.length);
    const repeats: [string, number][] = [];
    // By time of receipt, as the bulk path: ids follow registration, new numbers run in order of receipt.
    for (const at of receiptOrder(items)) {
      const item = items[at];
      const c = item.complaint;
      let year: number;
      let seq: number;
      if (item.kept) {
        ({ year, seq } = item.kept);
        c.ticket = inOffice(c.ticket, code);
      } else {
        year = yearOf(item.date);
        seq = (last.get(year) ?? await lastSeq(s, year)) + 1;
        last.set(year, seq);
        c.ticket = formatTicket(item.date, seq, code);
      }
      // Repeats may point at a row later in the file: linked once all are in.
      const id = await insertComplaint(s, { ...c, repeatOf: null }, year, seq);
      for (const p of c.payments) {
        await run(s, s.q.insertInto('payments').values({
          complaint_id: id, at: p.at, amount_fen: p.amountFen,
          responsible_dept_id: p.responsible === null ? null : s.q.selectFrom('departments').select('id').where('name', '=', p.responsible),
          responsible_person: p.responsiblePerson, approval_level: p.approvalLevel, approved_by: p.approvedBy,
        }));
      }
      if (c.followUp) {
        const fu = (await first(s, s.q.insertInto('follow_ups').values({
          complaint_id: id, at: c.followUp.at, method: c.followUp.method, satisfaction: c.followUp.satisfaction, outcome: null, note: c.followUp.note,
        }).returning('id')))!.id;
        await run(s, s.q.updateTable('complaints').set({ follow_up_id: fu }).where('id', '=', id));
      }
      if (c.repeatOf) repeats.push([inOffice(c.repeatOf, code), id]);
      await appendEvents(s, id, o.actor, o.now, [{
        action: 'import',
        before: null,
        after: { ticket: c.ticket, status: c.status, ...(item.originalTicket ? { originalTicket: item.originalTicket } : {}) },
        note: `${o.source}:${item.line}`,
      }]);
      tickets[at] = c.ticket;
    }
    for (const [ticket, id] of repeats) {
      await run(s, s.q.updateTable('complaints')
        .set({ repeat_of_id: s.q.selectFrom('complaints').select('id').where('ticket', '=', ticket) })
        .where('id', '=', id));
    }
    for (const [year, seq] of last) await moveCounter(year, seq);
    const span = touchedSpanOf(items.map((i) => ({ prev: null, next: i.complaint })), o.now);
    return { tickets, departmentsAdded, staleSnapshots: await markStaleSnapshots(s, span, o.now, o.tz) };
  });
}
