// A fingerprint of every complaint as the program reads it, on either
// engine: its fields (department names, payments, steps, reports up, the
// call-back and attempts), its timeline and its files (the SHA-256 of the
// bytes actually stored), in one canonical JSON, hashed. `migrate` compares
// the two sides with it: equal fingerprints mean every command shows the
// complaint the same. Row ids and the office code in front of a ticket are
// left out: they are where the engines may differ without the record
// differing. Reads only with all/first, so it also runs inside a transaction
// another store of the same connection holds.
import { createHash } from 'node:crypto';
import { bareTicket } from '../domain/ticket.js';
import { findByTicket } from './complaints.js';
import { eventsOf } from './events.js';
import { listAttachments, readAttachment, sha256 } from './attachments.js';
import { all, type Store } from './store.js';

/** JSON with every object's keys in order, so equal values give equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const bare = (ticket: string | null) => (ticket === null ? null : bareTicket(ticket));

/** The fingerprint of one complaint, by its ticket as stored. */
export async function complaintDigest(s: Store, ticket: string): Promise<string> {
  const { id, ...c } = (await findByTicket(s, ticket))!;
  const events = (await eventsOf(s, id)).map(({ id: _id, ...e }) => e);
  const files = [];
  for (const { id: fileId, ...meta } of await listAttachments(s, id)) {
    const stored = await readAttachment(s, id, fileId);
    files.push({ ...meta, bytes: stored ? sha256(stored.data) : null });
  }
  const doc = { ...c, ticket: bareTicket(c.ticket), repeatOf: bare(c.repeatOf), duplicateOf: bare(c.duplicateOf), events, files };
  return createHash('sha256').update(canonical(doc)).digest('hex');
}

/** Every complaint's fingerprint, by its ticket without an office code. */
export async function complaintDigests(s: Store): Promise<Map<string, string>> {
  const tickets = await all(s, s.q.selectFrom('complaints').select('ticket').orderBy('id'));
  const out = new Map<string, string>();
  for (const { ticket } of tickets) out.set(bareTicket(ticket), await complaintDigest(s, ticket));
  return out;
}
