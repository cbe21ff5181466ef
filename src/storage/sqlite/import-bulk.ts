// The import on a SQLite file (bulk tricks: prepared statements, pragmas,
// FTS5's buffer, indexes built after the load); storage/import.ts chooses it.
// Writing an imported register: all rows in one BEGIN IMMEDIATE transaction,
// handed over a batch at a time as the file is read (a million rows are never
// held at once), each with its search entry, its call-back and one `import`
// event. Each row's id and number are known before it is written
// (domain/import-numbers.ts planNumbers), so rows go in in the file's order
// and still get the ids and tickets of an import in order of receipt.
// Kept tickets move their year's counter past them; the others get new numbers.
import type { Complaint } from '../../domain/types.js';
import type { ImportItem } from '../../domain/import-rows.js';
import type { ImportOptions, ImportResult, ImportWriter, PlacedItem, SessionOptions } from '../import.js';
import { COUNT_BASE, countKey, formatTicket } from '../../domain/ticket.js';
import type { NumberFacts } from '../../domain/import-numbers.js';
import { yearOf } from '../../domain/time.js';
import { lastSeq } from '../complaints.js';
import { sqliteOf, statement, write, type SqliteStore, type Store } from '../store.js';
import { searchDoc } from '../../domain/search-terms.js';
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
export async function bulkNumberFacts(store: Store, items: readonly ImportItem[], below: number | null = null): Promise<NumberFacts> {
  const s = sqliteOf(store);
  const kept = items.filter((i) => i.kept);
  const ticketsInUse = new Set<string>();
  const countsInUse = new Map<number, string>();
  // Complaints from `below` on are the import's own, written by earlier batches.
  const limit = below ?? Number.MAX_SAFE_INTEGER;
  if (kept.length) {
    const tickets = statement(s, 'SELECT ticket FROM complaints WHERE ticket IN (SELECT value FROM json_each(?)) AND id < ?').pluck();
    for (const t of tickets.all(JSON.stringify(kept.map((i) => i.complaint.ticket)), limit) as string[]) ticketsInUse.add(t);
    // Which counts are taken, from the (year, seq) index alone (a third of the
    // time of reading each row); then the ticket holding each, for the message.
    const taken = statement(s, `SELECT j.value FROM json_each(?) AS j WHERE EXISTS (SELECT 1 FROM complaints AS c
      WHERE c.year = j.value / ${COUNT_BASE} AND c.seq = j.value % ${COUNT_BASE} AND c.id < ?)`).pluck();
    const holder = statement(s, 'SELECT ticket FROM complaints WHERE year = ? AND seq = ?').pluck();
    for (const key of taken.all(JSON.stringify(kept.map((i) => countKey(i.kept!.year, i.kept!.seq))), limit) as number[]) {
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
  id, ticket, year, seq, received_at, channel, kind, category, subcategory, severity, validity, validity_reason, status,
  name, phone, estate, unit, subject, description, demand, receiver, department_id, assignee, households, claim_fen,
  safety, media, contact_due, resolve_due, follow_up_due, resolve_from, extended_until, contacted_at, last_contact_at,
  resolved_at, resolution, cost_fen, responsible_dept_id, responsible_person, approved_by, approval_level,
  follow_up_id, closed_at, close_reason, repeat_of_id, flagged, assigned_at,
  about, happened_at, place, possibly_invalid, cause, corrective_action
) VALUES (${new Array(53).fill('?').join(', ')})`;


/**
 * FTS5 keeps new terms in memory and writes them out as a segment whenever
 * they reach `hashsize` (1 MB by default), merging segments as they pile up.
 * 100,000 rows of Chinese text are 12 million term positions: with a large
 * buffer the import writes a few large segments instead of hundreds of small
 * ones (64 MB: 0.3 s less than 1 MB; 32 MB keeps the import of a million
 * rows within less memory). The setting is stored in the index's config
 * table, so it is put back before the transaction commits; a rollback undoes
 * it anyway.
 */
const BULK_HASH_SIZE = 32 * 1024 * 1024;
const DEFAULT_HASH_SIZE = 1024 * 1024;

function withLargeSearchBuffer<T>(s: SqliteStore, fn: () => T): T {
  const set = (bytes: number) => {
    // An FTS5 config value must be an integer literal: a bound JS number arrives as a real.
    s.sqlite.prepare(`INSERT INTO complaint_search (complaint_search, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`).run();
  };
  const before = Number(s.sqlite.prepare("SELECT v FROM complaint_search_config WHERE k = 'hashsize'").pluck().get() ?? DEFAULT_HASH_SIZE);
  set(BULK_HASH_SIZE);
  const result = fn();
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
 * A larger page cache for the import: the tables and indexes it writes grow
 * by hundreds of megabytes, and with SQLite's default 2 MB every index page
 * is written out and read back many times. 32 MB (within the import's
 * memory); put back afterwards.
 */
async function withLargeCache<T>(s: SqliteStore, fn: () => Promise<T>): Promise<T> {
  const before = s.sqlite.pragma('cache_size', { simple: true }) as number;
  s.sqlite.pragma('cache_size = -65536');
  try {
    return await fn();
  } finally {
    s.sqlite.pragma(`cache_size = ${before}`);
  }
}

/**
 * One import on a SQLite file: fn writes its rows through the writer, all in
 * one transaction with the pragmas above.
 */
export async function bulkImportSession<T>(store: Store, o: SessionOptions, fn: (w: ImportWriter) => Promise<T>): Promise<T> {
  const s = sqliteOf(store);
  // Temporary data (the waiting call-backs and payments, the index builds'
  // sorting) stays in files, not memory: for a million rows it is hundreds
  // of megabytes. (Statement journals in memory saved 1.2 s of 100,000 rows
  // when every row was written apart from its search entry; with the search
  // index and indexes built after the load it saves 0.1–0.2 s of system time.)
  return withLargeCache(s, () => write(s, () => withoutCheckConstraints(s, async () => {
    return await fn(await bulkWriter(s, o));
  })));
}

/** The tables an import fills, whose indexes an empty file builds after the load. */
const LOADED_TABLES = ['complaints', 'events', 'follow_ups', 'payments'];

async function bulkWriter(s: SqliteStore, o: SessionOptions): Promise<ImportWriter> {
  const db = s.sqlite;
  const departmentsAdded = await bulkUnknownDepartments(s, o.names);
  const addDept = statement(s, 'INSERT INTO departments (name, active, created_at) VALUES (?, 1, ?)');
  for (const name of departmentsAdded) {
    addDept.run(name, o.now);
    await appendEvents(s, null, o.actor, o.now, [{ action: 'dept-add', before: null, after: { name }, note: o.source }]);
  }
  const deptId = statement(s, 'SELECT id FROM departments WHERE name = ?').pluck();
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
  // The ids the rows get: as a row-by-row import in order of receipt would
  // give them (one past the highest), each row's from its place in that order.
  const firstId = Number(db.prepare('SELECT coalesce(max(id), 0) + 1 FROM complaints').pluck().get());
  const firstEvent = Number(db.prepare('SELECT coalesce(max(id), 0) + 1 FROM events').pluck().get());
  const heldBefore = firstId > 1 || db.prepare('SELECT 1 FROM complaints LIMIT 1').get() !== undefined;

  // Into a file with no complaints, the secondary indexes of the tables the
  // import fills are dropped and built again once the rows are in (still in
  // this transaction): building an index from all its rows at once sorts
  // them once, instead of placing every row in every index as it comes.
  const dropped = heldBefore ? [] : db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY rowid`).raw().all() as [string, string][];
  for (const [name] of dropped) db.exec(`DROP INDEX ${name}`);

  // Call-backs and payments wait here, by complaint, and go in at the end in
  // the order of their complaints' ids: their ids then follow receipt too.
  db.exec(`CREATE TEMP TABLE import_follow_ups (complaint_id INTEGER PRIMARY KEY, at INTEGER, method TEXT, satisfaction INTEGER, note TEXT);
    CREATE TEMP TABLE import_payments (complaint_id INTEGER NOT NULL, i INTEGER NOT NULL, at INTEGER, amount_fen INTEGER,
      responsible_dept_id INTEGER, responsible_person TEXT, approval_level TEXT, approved_by TEXT, PRIMARY KEY (complaint_id, i)) WITHOUT ROWID`);

  const insert = db.prepare(INSERT_COMPLAINT);
  const insertEvent = db.prepare('INSERT INTO events (id, complaint_id, at, actor, action, before, after, note) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)');
  const stageFollowUp = db.prepare('INSERT INTO temp.import_follow_ups VALUES (?, ?, ?, ?, ?)');
  const stagePayment = db.prepare('INSERT INTO temp.import_payments VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const code = s.office?.code ?? null;
  const tickets: string[] = new Array(o.rows);
  const repeats: [string, number][] = [];
  const topKept = new Map<number, number>();
  const last = new Map<number, number>();
  let span: { from: number; until: number } | null = null;

  return {
    firstId,
    heldBefore,
    async write(rows: readonly PlacedItem[]) {
      for (const { n, item, rank, seq: newSeq } of rows) {
        const c: Complaint = item.complaint;
        const id = firstId + rank;
        let year: number;
        let seq: number;
        if (item.kept) {
          ({ year, seq } = item.kept);
          topKept.set(year, Math.max(topKept.get(year) ?? 0, seq));
        } else {
          year = yearOf(item.date);
          seq = newSeq;
          last.set(year, Math.max(last.get(year) ?? 0, seq));
          c.ticket = formatTicket(item.date, seq, code);
        }
        insert.run(
          id, c.ticket, year, seq, c.receivedAt, c.channel, c.kind, c.category, c.subcategory, c.severity, c.validity, c.validityReason, c.status,
          c.complainant.name, c.complainant.phone, c.complainant.estate, c.complainant.unit, c.subject, c.description, c.demand, c.receiver,
          idOf(c.department), c.assignee, c.households, c.claimFen, c.safety ? 1 : 0, c.media ? 1 : 0,
          c.deadlines.contact, c.deadlines.resolve, c.deadlines.followUp, c.resolveFrom, c.extendedUntil, c.contactedAt, c.lastContactAt,
          c.resolvedAt, c.resolution, c.costFen, idOf(c.responsible), c.responsiblePerson, c.approvedBy, c.approvalLevel,
          null, c.closedAt, c.closeReason, null, c.flagged ? 1 : 0, c.assignedAt,
          c.about, c.happenedAt, c.place, c.possiblyInvalid ? 1 : 0, c.cause, c.correctiveAction,
        );
        c.payments.forEach((p, i) => {
          stagePayment.run(id, i, p.at, p.amountFen, idOf(p.responsible), p.responsiblePerson, p.approvalLevel, p.approvedBy);
        });
        if (c.followUp) stageFollowUp.run(id, c.followUp.at, c.followUp.method, c.followUp.satisfaction, c.followUp.note);
        if (c.repeatOf) repeats.push([c.repeatOf, id]);
        const after = { ticket: c.ticket, status: c.status, ...(item.originalTicket ? { originalTicket: item.originalTicket } : {}) };
        insertEvent.run(firstEvent + rank, id, o.now, o.actor, 'import', JSON.stringify(after), `${o.source}:${item.line}`);
        tickets[n] = c.ticket;
      }
      const touched = touchedSpanOf(rows.map((r) => ({ prev: null, next: r.item.complaint })), o.now);
      if (touched) span = span === null ? touched : { from: Math.min(span.from, touched.from), until: Math.max(span.until, touched.until) };
    },
    async finish() {
      const fromFollowUp = Number(db.prepare('SELECT coalesce(max(id), 0) + 1 FROM follow_ups').pluck().get());
      db.exec(`INSERT INTO follow_ups (complaint_id, at, method, satisfaction, outcome, note)
          SELECT complaint_id, at, method, satisfaction, NULL, note FROM temp.import_follow_ups ORDER BY complaint_id;
        INSERT INTO payments (complaint_id, at, amount_fen, responsible_dept_id, responsible_person, approval_level, approved_by)
          SELECT complaint_id, at, amount_fen, responsible_dept_id, responsible_person, approval_level, approved_by
          FROM temp.import_payments ORDER BY complaint_id, i;
        DROP TABLE temp.import_follow_ups;
        DROP TABLE temp.import_payments;`);
      // A complaint points at its call-back, which could only be written after it.
      const setFollowUp = db.prepare('UPDATE complaints SET follow_up_id = ? WHERE id = ?');
      const page = db.prepare('SELECT id, complaint_id FROM follow_ups WHERE id >= ? ORDER BY id LIMIT 10000').raw();
      for (let from = fromFollowUp; ;) {
        const rows = page.all(from) as [number, number][];
        if (!rows.length) break;
        for (const [fu, id] of rows) setFollowUp.run(fu, id);
        from = rows[rows.length - 1][0] + 1;
      }
      // Repeats may point at a row later in the file: linked once all are in.
      const setRepeat = db.prepare('UPDATE complaints SET repeat_of_id = (SELECT id FROM complaints WHERE ticket = ?) WHERE id = ?');
      for (const [ticket, id] of repeats) setRepeat.run(ticket, id);
      const moveCounter = db.prepare('INSERT INTO ticket_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)');
      for (const [year, seq] of topKept) moveCounter.run(year, seq);
      for (const [year, seq] of last) moveCounter.run(year, seq);
      indexForSearch(s, firstId);
      for (const [, sql] of dropped) db.exec(sql);
      return { tickets, departmentsAdded, staleSnapshots: await markStaleSnapshots(s, span, o.now, o.tz) };
    },
  };
}

/**
 * The search index of the imported complaints, built last, from the rows as
 * written, in the order of their ids (FTS5 writes its pending terms out
 * whenever a rowid is not above the last, and at every statement savepoint:
 * indexed in between the other writes, its buffer was flushed row by row).
 */
function indexForSearch(s: SqliteStore, firstId: number): void {
  const db = s.sqlite;
  const page = db.prepare(`SELECT id, ticket, subject, description, demand, name, estate, unit, subcategory, resolution, assignee,
    about, place, cause, corrective_action FROM complaints WHERE id >= ? ORDER BY id LIMIT 5000`).raw();
  const insertSearch = db.prepare('INSERT INTO complaint_search (rowid, uni, bi, words) VALUES (?, ?, ?, ?)');
  withLargeSearchBuffer(s, () => {
    for (let from = firstId; ;) {
      const rows = page.all(from) as (string | number | null)[][];
      if (!rows.length) break;
      for (const r of rows) {
        // The texts in the order searchableTexts gives them.
        const doc = searchDoc(r.slice(1) as (string | null)[]);
        insertSearch.run(r[0], doc.uni, doc.bi, doc.words);
      }
      from = Number(rows[rows.length - 1][0]) + 1;
    }
  });
}
