// Writing an imported register: every row or none, in one write transaction,
// each with its search entry, its call-back and one `import` event. Kept
// tickets move their year's counter past them; the others get new numbers.
// A SQLite file takes the bulk path (sqlite/import-bulk.ts: 100,000 rows at
// tens of thousands a second); a server the plain one here, written with the
// query builder, so the office plugin names the office in every statement.
import { sql } from 'kysely';
import type { ImportItem } from '../domain/import-rows.js';
import { receiptOrder, type NumberFacts } from '../domain/import-numbers.js';
import { countKey, formatTicket, inOffice } from '../domain/ticket.js';
import { yearOf } from '../domain/time.js';
import { touchedSpanOf } from '../domain/report.js';
import { insertComplaint, lastSeq } from './complaints.js';
import { insertDepartment } from './departments.js';
import { greatest } from './dialect.js';
import { appendEvents } from './events.js';
import { markStaleSnapshots } from './report-queries.js';
import { all, first, run, write, type Store } from './store.js';
import { bulkImportComplaints, bulkNumberFacts, bulkUnknownDepartments } from './sqlite/import-bulk.js';

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

/**
 * What the database holds that the import's numbers must not collide with
 * (domain/import-numbers.ts decides). Call inside the transaction that
 * writes, so no registration can come between.
 */
export async function numberFacts(s: Store, items: readonly ImportItem[]): Promise<NumberFacts> {
  if (s.engine === 'sqlite') return bulkNumberFacts(s, items);
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

/** Writes every item, or nothing. */
export async function importComplaints(s: Store, items: ImportItem[], o: ImportOptions): Promise<ImportResult> {
  if (s.engine === 'sqlite') return bulkImportComplaints(s, items, o);
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
