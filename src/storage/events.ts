// The append-only event log. The database refuses UPDATE and DELETE on it.
import type { DomainEvent } from '../domain/types.js';
import { undoneIds } from '../domain/undo.js';
import type { EventRow } from './schema-types.js';
import type { Store } from './store.js';
import { all, run } from './store.js';

export interface StoredEvent extends DomainEvent {
  id: number;
  at: number;
  actor: string;
  /** Taken back by a later undo (SPEC §13): it stays in the timeline and counts in no figure. */
  undone?: true;
}

/** Marks the events a later undo took back. */
function markUndone(events: StoredEvent[]): StoredEvent[] {
  const undone = undoneIds(events);
  if (undone.size) for (const e of events) if (undone.has(e.id)) e.undone = true;
  return events;
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

function toStoredEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
    note: r.note,
  };
}

export async function eventsOf(s: Store, complaintId: number): Promise<StoredEvent[]> {
  return markUndone((await all(s, s.q.selectFrom('events').selectAll().where('complaint_id', '=', complaintId).orderBy('id'))).map(toStoredEvent));
}

/** The timelines of several complaints in one read, by complaint id. */
export async function eventsOfMany(s: Store, complaintIds: readonly number[]): Promise<Map<number, StoredEvent[]>> {
  const out = new Map<number, StoredEvent[]>(complaintIds.map((id) => [id, []]));
  if (!complaintIds.length) return out;
  for (const r of await all(s, s.q.selectFrom('events').selectAll().where('complaint_id', 'in', complaintIds).orderBy('id'))) {
    out.get(r.complaint_id!)?.push(toStoredEvent(r));
  }
  for (const events of out.values()) markUndone(events);
  return out;
}
