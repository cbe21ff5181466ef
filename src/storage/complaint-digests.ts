// A fingerprint of every complaint as the program reads it, on either
// engine: its fields (department names, payments, steps, reports up, the
// call-back and attempts), its timeline and its files (the SHA-256 of the
// bytes actually stored), in one canonical JSON, hashed. `migrate` compares
// the two sides with it: equal fingerprints mean every command shows the
// complaint the same. Row ids and the office code in front of a ticket are
// left out: they are where the engines may differ without the record
// differing. Reads only with all/first, a batch of complaints at a time, so
// it also runs inside a transaction another store of the same connection holds.
import { createHash } from 'node:crypto';
import { bareTicket } from '../domain/ticket.js';
import { findByIds } from './complaints.js';
import { eventsOfMany } from './events.js';
import { attachmentsOf, readAttachment, sha256 } from './attachments.js';
import { all, type Store } from './store.js';

/** JSON with every object's keys in order, so equal values give equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const bare = (ticket: string | null) => (ticket === null ? null : bareTicket(ticket));

/** Complaints read per batch: a few reads per batch on each engine, not per complaint. */
const BATCH = 500;

/** Every complaint's fingerprint, by its ticket without an office code. */
export async function complaintDigests(s: Store): Promise<Map<string, string>> {
  const ids = (await all(s, s.q.selectFrom('complaints').select('id').orderBy('id'))).map((r) => r.id);
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const timelines = await eventsOfMany(s, batch);
    const files = await attachmentsOf(s, batch);
    for (const { id, ...c } of await findByIds(s, batch)) {
      const stored = [];
      for (const { id: fileId, ...meta } of files.get(id) ?? []) {
        const read = await readAttachment(s, id, fileId);
        stored.push({ ...meta, bytes: read ? sha256(read.data) : null });
      }
      const events = (timelines.get(id) ?? []).map(({ id: _id, ...e }) => e);
      const doc = { ...c, ticket: bareTicket(c.ticket), repeatOf: bare(c.repeatOf), duplicateOf: bare(c.duplicateOf), events, files: stored };
      out.set(bareTicket(c.ticket), createHash('sha256').update(canonical(doc)).digest('hex'));
    }
  }
  return out;
}
