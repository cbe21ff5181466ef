// The append-only event log. The database refuses UPDATE and DELETE on it.
import type { DomainEvent } from '../domain/types.js';
import type { Store } from './store.js';
import { all, run } from './store.js';

export interface StoredEvent extends DomainEvent {
  id: number;
  at: number;
  actor: string;
}

export async function appendEvents(s: Store, complaintId: number | null, actor: string, at: number, events: DomainEvent[]): Promise<void> {
  for (const e of events) {
    await run(s, s.q.insertInto('events').values({
      complaint_id: complaintId,
      at,
      actor,
      action: e.action,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      note: e.note,
    }));
  }
}

export async function eventsOf(s: Store, complaintId: number): Promise<StoredEvent[]> {
  return (await all(s, s.q.selectFrom('events').selectAll().where('complaint_id', '=', complaintId).orderBy('id'))).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
    note: r.note,
  }));
}
