// The import on a SQLite file (bulk tricks: prepared statements, pragmas,
// FTS5's buffer); storage/import.ts chooses it. Writing an imported register:
// all rows in one BEGIN IMMEDIATE transaction through prepared statements
// (100,000 rows must go in at tens of thousands a second), each with its
// search entry, its call-back and one `import` event.
// Kept tickets move their year's counter past them; the others get new numbers.
import type { Complaint, DomainEvent } from '../../domain/types.js';
import type { ImportItem } from '../../domain/import-rows.js';
import type { ImportOptions, ImportResult } from '../import.js';
import { COUNT_BASE, countKey, formatTicket } from '../../domain/ticket.js';
import { yearOf } from '../../domain/time.js';
import { receiptOrder, type NumberFacts } from '../../domain/import-numbers.js';
import { lastSeq } from '../complaints.js';
import { sqliteOf, statement, write, type SqliteStore, type Store } from '../store.js';
import { searchDoc } from '../../domain/search-terms.js';
import { searchableTexts } from '../../domain/search-terms.js';
import { appendEvents } from '../events.js';
import { markStaleSnapshots } from '../report-queries.js';
import { touchedSpanOf } from '../../domain/report.js';

/**
 * What the database holds that the import's numbers must not collide with
 * (domain/import-numbers.ts decides). Call inside the transaction that
 * writes, so no registration can come between. One query over a JSON array
 * each instead of a look-up per ticket: 100,000 separate calls cost a quarter
 * of a second.
 */
export async function bulkNumberFacts(store: Store, items: readonly ImportItem[]): Promise<NumberFacts> {
  const s = sqliteOf(store);
  const kept = items.filter((i) => i.kept);
  const ticketsInUse = new Set<string>();
  const countsInUse = new Map<number, string>();
  if (kept.length) {
    const tickets = statement(s, 'SELECT ticket FROM complaints WHERE ticket IN (SELECT value FROM json_each(?))').pluck();
    for (const t of tickets.all(JSON.stringify(kept.map((i) => i.complaint.ticket))) as string[]) ticketsInUse.add(t);
    // Which counts are taken, from the (year, seq) index alone (a third of the
    // time of reading each row); then the ticket holding each, for the message.
    const taken = statement(s, `SELECT j.value FROM json_each(?) AS j WHERE EXISTS (SELECT 1 FROM complaints AS c
      WHERE c.year = j.value / ${COUNT_BASE} AND c.seq = j.value % ${COUNT_BASE})`).pluck();
    const holder = statement(s, 'SELECT ticket FROM complaints WHERE year = ? AND seq = ?').pluck();
    for (const key of taken.all(JSON.stringify(kept.map((i) => countKey(i.kept!.year, i.kept!.seq)))) as number[]) {
      countsInUse.set(key, holder.get(Math.floor(key / COUNT_BASE), key % COUNT_BASE) as string);
    }
  }
  // The last count of every year the file names, read now: the check that uses them is pure.
  const lastCounts = new Map<number, number>();
  for (const year of new Set(items.map((i) => yearOf(i.date)))) lastCounts.set(year, await lastSeq(s, year));
  return { ticketsInUse, countsInUse, lastCount: (year) => lastCounts.get(year) ?? 0 };
}

/** Department names the database does not know yet. */
export async function bulkUnknownDepartments(s: Store, names: Iterable<string>): Promise<string[]> {
  const st = statement(sqliteOf(s), 'SELECT id FROM departments WHERE name = ?').pluck();
  return [...new Set(names)].filter((n) => st.get(n) === undefined);
}

const INSERT_COMPLAINT = `INSERT INTO complaints (
  ticket, year, seq, received_at, channel, kind, category, subcategory, severity, validity, validity_reason, status,
  name, phone, estate, unit, subject, description, demand, receiver, department_id, assignee, households, claim_fen,
  safety, media, contact_due, resolve_due, follow_up_due, resolve_from, extended_until, contacted_at, last_contact_at,
  resolved_at, resolution, cost_fen, responsible_dept_id, responsible_person, approved_by, approval_level,
  follow_up_id, closed_at, close_reason, repeat_of_id, flagged, assigned_at,
  about, happened_at, place, possibly_invalid, cause, corrective_action
) VALUES (${new Array(52).fill('?').join(', ')})`;


/**
 * FTS5 keeps new terms in memory and writes them out as a segment whenever
 * they reach `hashsize` (1 MB by default), merging segments as they pile up.
 * 100,000 rows of Chinese text are 12 million term positions: with 64 MB the
 * import writes a few large segments instead of hundreds of small ones
 * (0.3 s less). The setting is stored in the index's config table, so it is
 * put back before the transaction commits; a rollback undoes it anyway.
 */
const BULK_HASH_SIZE = 64 * 1024 * 1024;
const DEFAULT_HASH_SIZE = 1024 * 1024;

async function withLargeSearchBuffer<T>(s: SqliteStore, fn: () => Promise<T>): Promise<T> {
  const set = (bytes: number) => {
    // An FTS5 config value must be an integer literal: a bound JS number arrives as a real.
    s.sqlite.prepare(`INSERT INTO complaint_search (complaint_search, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`).run();
  };
  const before = Number(s.sqlite.prepare("SELECT v FROM complaint_search_config WHERE k = 'hashsize'").pluck().get() ?? DEFAULT_HASH_SIZE);
  set(BULK_HASH_SIZE);
  const result = await fn();
  set(before);
  return result;
}

/**
 * Runs the import's writes without SQLite re-checking the CHECK constraints.
 * SQLite rebuilds a lookup table for every `x IN ('a', 'b', …)` CHECK on every
 * row it writes (CHECKs get no once-per-statement caching), which cost 0.8 s
 * of a 100,000-row import. Every value the import writes has already been
 * validated against the same lists (domain/types.ts; test/commands/
 * import-bulk.test.ts holds them equal to the schema's CHECKs). NOT NULL,
 * UNIQUE and foreign keys still apply. The flag belongs to this connection,
 * and changing it expires every prepared statement, so whatever runs after
 * the import is checked again.
 */
async function withoutCheckConstraints<T>(s: SqliteStore, fn: () => Promise<T>): Promise<T> {
  s.sqlite.pragma('ignore_check_constraints = ON');
  try {
    return await fn();
  } finally {
    s.sqlite.pragma('ignore_check_constraints = OFF');
  }
}

/**
 * Keeps SQLite's statement journals in memory for the import. Each insert
 * into a table with triggers and foreign keys gets one (a statement that may
 * fail part-way must be undone alone); in a temporary file they cost 1.2 s
 * of system time over 100,000 rows. Each journal holds only the pages one
 * statement touched. Set outside the transaction, as SQLite requires.
 */
async function withStatementJournalsInMemory<T>(s: SqliteStore, fn: () => Promise<T>): Promise<T> {
  const before = s.sqlite.pragma('temp_store', { simple: true }) as number;
  s.sqlite.pragma('temp_store = MEMORY');
  try {
    return await fn();
  } finally {
    s.sqlite.pragma(`temp_store = ${before}`);
  }
}

/** Writes every item, or nothing. */
export async function bulkImportComplaints(store: Store, items: ImportItem[], o: ImportOptions): Promise<ImportResult> {
  const s = sqliteOf(store);
  return withStatementJournalsInMemory(s, () => write(s, () => withoutCheckConstraints(s, () => withLargeSearchBuffer(s, async () => {
    const db = s.sqlite;
    const deptId = statement(s, 'SELECT id FROM departments WHERE name = ?').pluck();
    const names = items.flatMap((i) => [i.complaint.department, i.complaint.responsible]).filter((n): n is string => n !== null);
    const departmentsAdded = await bulkUnknownDepartments(s, names);
    const addDept = statement(s, 'INSERT INTO departments (name, active, created_at) VALUES (?, 1, ?)');
    for (const name of departmentsAdded) {
      addDept.run(name, o.now);
      await appendEvents(s, null, o.actor, o.now, [{ action: 'dept-add', before: null, after: { name }, note: o.source }]);
    }
    const depts = new Map<string, number>();
    const idOf = (name: string | null): number | null => {
      if (name === null) return null;
      let id = depts.get(name);
      if (id === undefined) {
        id = deptId.get(name) as number;
        depts.set(name, id);
      }
      return id;
    };

    // Kept tickets first move their years' counters; new numbers then run on
    // from each year's last count in use (lastSeq: the counter or the table,
    // whichever is higher), counted here and stored once at the end. The
    // caller has checked them against MAX_SEQ in this same transaction.
    const moveCounter = db.prepare('INSERT INTO ticket_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)');
    const top = new Map<number, number>();
    for (const i of items) if (i.kept) top.set(i.kept.year, Math.max(top.get(i.kept.year) ?? 0, i.kept.seq));
    for (const [year, seq] of top) moveCounter.run(year, seq);
    const last = new Map<number, number>();

    const insert = db.prepare(INSERT_COMPLAINT);
    const insertPayment = db.prepare(`INSERT INTO payments (complaint_id, at, amount_fen, responsible_dept_id, responsible_person,
      approval_level, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const insertFollowUp = db.prepare('INSERT INTO follow_ups (complaint_id, at, method, satisfaction, outcome, note) VALUES (?, ?, ?, ?, NULL, ?)');
    const setFollowUp = db.prepare('UPDATE complaints SET follow_up_id = ? WHERE id = ?');
    const setRepeat = db.prepare('UPDATE complaints SET repeat_of_id = (SELECT id FROM complaints WHERE ticket = ?) WHERE id = ?');
    const insertSearch = db.prepare('INSERT INTO complaint_search (rowid, uni, bi, words) VALUES (?, ?, ?, ?)');
    const insertEvent = db.prepare('INSERT INTO events (complaint_id, at, actor, action, before, after, note) VALUES (?, ?, ?, ?, NULL, ?, ?)');

    const tickets: string[] = new Array(items.length);
    const ids: number[] = new Array(items.length);
    const repeats: [string, number][] = [];
    // (follow-up id, complaint id) pairs, linked once every row is in.
    const followUps: number[] = [];
    // Rows go in by time of receipt, whatever the file's order: ids then
    // follow registration, as they do for complaints registered here, which
    // the search's newest-first pages rely on, and new numbers run in order
    // of receipt. The tickets are reported in the file's order.
    const order = receiptOrder(items);
    for (const at of order) {
      const item = items[at];
      const c: Complaint = item.complaint;
      let year: number;
      let seq: number;
      if (item.kept) {
        ({ year, seq } = item.kept);
      } else {
        year = yearOf(item.date);
        seq = (last.get(year) ?? await lastSeq(s, year)) + 1;
        last.set(year, seq);
        c.ticket = formatTicket(item.date, seq, s.office?.code ?? null);
      }
      const id = Number(insert.run(
        c.ticket, year, seq, c.receivedAt, c.channel, c.kind, c.category, c.subcategory, c.severity, c.validity, c.validityReason, c.status,
        c.complainant.name, c.complainant.phone, c.complainant.estate, c.complainant.unit, c.subject, c.description, c.demand, c.receiver,
        idOf(c.department), c.assignee, c.households, c.claimFen, c.safety ? 1 : 0, c.media ? 1 : 0,
        c.deadlines.contact, c.deadlines.resolve, c.deadlines.followUp, c.resolveFrom, c.extendedUntil, c.contactedAt, c.lastContactAt,
        c.resolvedAt, c.resolution, c.costFen, idOf(c.responsible), c.responsiblePerson, c.approvedBy, c.approvalLevel,
        null, c.closedAt, c.closeReason, null, c.flagged ? 1 : 0, c.assignedAt,
        c.about, c.happenedAt, c.place, c.possiblyInvalid ? 1 : 0, c.cause, c.correctiveAction,
      ).lastInsertRowid);
      for (const p of c.payments) {
        insertPayment.run(id, p.at, p.amountFen, idOf(p.responsible), p.responsiblePerson, p.approvalLevel, p.approvedBy);
      }
      if (c.followUp) {
        const fu = Number(insertFollowUp.run(id, c.followUp.at, c.followUp.method, c.followUp.satisfaction, c.followUp.note).lastInsertRowid);
        followUps.push(fu, id);
      }
      if (c.repeatOf) repeats.push([c.repeatOf, id]);
      ids[at] = id;
      const event: DomainEvent = {
        action: 'import',
        before: null,
        after: { ticket: c.ticket, status: c.status, ...(item.originalTicket ? { originalTicket: item.originalTicket } : {}) },
        note: `${o.source}:${item.line}`,
      };
      insertEvent.run(id, o.now, o.actor, event.action, JSON.stringify(event.after), event.note);
      tickets[at] = c.ticket;
    }
    // A complaint points at its call-back, which can only be written after it.
    // Linking each one right away (an UPDATE that grows the row just written)
    // cost 4 s of a 100,000-row import; linked afterwards, the same updates
    // take 0.2 s.
    for (let i = 0; i < followUps.length; i += 2) setFollowUp.run(followUps[i], followUps[i + 1]);
    // Repeats may point at a row later in the file: link them once all are in.
    for (const [ticket, id] of repeats) setRepeat.run(ticket, id);
    for (const [year, seq] of last) moveCounter.run(year, seq);
    // The search index last. FTS5 writes its pending terms out at every
    // statement savepoint, and every write above opens one (statement
    // journals, see withStatementJournalsInMemory): indexed in between, the
    // 64 MB buffer would be flushed row by row (the import took 60% longer).
    for (const at of order) {
      const doc = searchDoc(searchableTexts(items[at].complaint));
      insertSearch.run(ids[at], doc.uni, doc.bi, doc.words);
    }
    const span = touchedSpanOf(items.map((i) => ({ prev: null, next: i.complaint })), o.now);
    return { tickets, departmentsAdded, staleSnapshots: await markStaleSnapshots(s, span, o.now, o.tz) };
  }))));
}
