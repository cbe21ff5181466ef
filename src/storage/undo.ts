// Saving an undo (SPEC §13). Call-backs, attempts and payments are kept as
// recorded (the database refuses to change them): one taken back is named by
// the undo event (`after.followUpId`, `after.paymentId`), and every read that
// counts them leaves out the rows an undo names. Events taken back are named
// by their range (`after.undid` … `after.through`).
import { sql, type RawBuilder } from 'kysely';
import type { Complaint, DomainEvent } from '../domain/types.js';
import type { Taken } from '../domain/undo.js';
import { notUndone } from './undone.js';
import { first, run, type Store } from './store.js';
import { updateComplaint } from './complaints.js';

/** The newest row of a complaint's call-backs or payments that no undo took back. */
async function lastRow(s: Store, table: 'follow_ups' | 'payments', complaintId: number, where: RawBuilder<unknown>): Promise<number | null> {
  const row = await first(s, s.q.selectFrom(table as 'follow_ups').select('id').where('complaint_id', '=', complaintId)
    .where(sql<boolean>`${where}`).where(notUndone(s, table, table === 'payments' ? 'paymentId' : 'followUpId'))
    .orderBy('id', 'desc').limit(1));
  return row?.id ?? null;
}

/**
 * Saves the complaint as the undo left it, and names in the undo event the
 * rows it takes back; returns the event to append.
 */
export async function saveUndo(s: Store, prev: Complaint, next: Complaint, taken: Taken, event: DomainEvent): Promise<DomainEvent> {
  const named: Record<string, unknown> = {};
  if (taken.followUp || taken.attempt) {
    named.followUpId = await lastRow(s, 'follow_ups', prev.id, taken.followUp ? sql`satisfaction IS NOT NULL` : sql`outcome IS NOT NULL`);
  }
  if (taken.payment) named.paymentId = await lastRow(s, 'payments', prev.id, sql`1 = 1`);
  // The complaint's columns, steps and search text; its call-back is set below by row.
  await updateComplaint(s, prev, { ...next, followUp: prev.followUp, payments: prev.payments, attempts: prev.attempts });
  if (taken.followUp) {
    // The call-back before it, if the complaint had one: the latest one left.
    const before = next.followUp ? await lastRow(s, 'follow_ups', prev.id, sql`satisfaction IS NOT NULL AND id <> ${named.followUpId}`) : null;
    await run(s, s.q.updateTable('complaints').set({ follow_up_id: before }).where('id', '=', prev.id));
  }
  for (const [step, e] of Object.entries(prev.earlier)) {
    const now = next.earlier[step];
    if (!now) await run(s, s.q.deleteFrom('earlier_deadlines').where('complaint_id', '=', prev.id).where('step', '=', step));
    else if (now.due !== e.due) {
      await run(s, s.q.updateTable('earlier_deadlines').set({ due: now.due, reason: now.reason }).where('complaint_id', '=', prev.id).where('step', '=', step));
    }
  }
  for (const r of next.reportUps) {
    const was = prev.reportUps.find((p) => p.id === r.id);
    if (was && was.due !== r.due) await run(s, s.q.updateTable('report_ups').set({ due: r.due }).where('id', '=', r.id));
  }
  return { ...event, after: { ...event.after, ...named } };
}
