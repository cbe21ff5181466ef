// What an import's rows are checked against in the database (SPEC §15): the
// estates it knows (an estate written inside a unit is split out when it is
// one of them), and the complaints received in the minutes the file's rows
// were received, with what a duplicate is recognised by
// (domain/import-duplicates.ts), read in batches of minutes, each an indexed
// range of received_at.
import { minuteOf, type DuplicateFacts } from '../domain/import-duplicates.js';
import { all, first, type Store } from './store.js';

const BATCH = 200;

/** The complaints received in the given instants' minutes; only those below id `below` when it is given (those from it on are the import's own). */
export async function complaintsInMinutes(s: Store, receivedAt: Iterable<number>, below: number | null = null): Promise<(DuplicateFacts & { ticket: string })[]> {
  // An empty database (the usual first import) holds nothing to repeat.
  if (!(await firstComplaint(s))) return [];
  const minutes = [...new Set([...receivedAt].map(minuteOf))].sort((a, b) => a - b);
  const out: (DuplicateFacts & { ticket: string })[] = [];
  for (let i = 0; i < minutes.length; i += BATCH) {
    const batch = minutes.slice(i, i + BATCH);
    const rows = await all(s, s.q.selectFrom('complaints')
      .select(['ticket', 'received_at', 'description', 'phone', 'estate', 'unit', 'name'])
      .where((eb) => eb.or(batch.map((m) => eb.and([eb('received_at', '>=', m * 60_000), eb('received_at', '<', (m + 1) * 60_000)]))))
      .$if(below !== null, (qb) => qb.where('id', '<', below!)));
    for (const r of rows) {
      out.push({ ticket: r.ticket, receivedAt: Number(r.received_at), description: r.description, phone: r.phone, estate: r.estate, unit: r.unit, name: r.name });
    }
  }
  return out;
}

/** The estates the office's complaints name. */
export async function knownEstates(s: Store): Promise<string[]> {
  const rows = await all(s, s.q.selectFrom('complaints').select('estate').distinct().where('estate', 'is not', null));
  return rows.map((r) => r.estate!).filter((e) => e !== '');
}

/** Any one complaint: whether the database holds any. */
export async function firstComplaint(s: Store): Promise<{ id: number } | undefined> {
  return first(s, s.q.selectFrom('complaints').select('id').limit(1));
}
