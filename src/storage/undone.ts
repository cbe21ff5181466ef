// What an undo took back (SPEC §13), as the reads that count see it.
// Call-backs, attempts and payments are kept as recorded (the database
// refuses to change them): an undo names the row it takes back in its event
// (`after.followUpId`, `after.paymentId`) and the events it takes back by
// their range (`after.undid` … `after.through`); every read that counts them
// leaves those out. The lookup is by the complaint's own events (an index range).
import { sql, type RawBuilder } from 'kysely';
import { sameOffice } from './dialect.js';
import type { Store } from './store.js';

/** True for a call-back or attempt row (alias `f`) or a payment row (alias `p`) that no undo took back. */
export function notUndone(s: Store, alias: string, key: 'followUpId' | 'paymentId'): RawBuilder<boolean> {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM events u WHERE u.complaint_id = ${sql.ref(`${alias}.complaint_id`)}${sameOffice(s, 'u', alias)}
    AND u.action = 'undo' AND CAST(u.after->>${sql.lit(key)} AS bigint) = ${sql.ref(`${alias}.id`)})`;
}

/** True for an event (alias `e`) that no undo took back. */
export function eventNotUndone(s: Store, alias: string): RawBuilder<boolean> {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM events u WHERE u.complaint_id = ${sql.ref(`${alias}.complaint_id`)}${sameOffice(s, 'u', alias)}
    AND u.action = 'undo' AND ${sql.ref(`${alias}.id`)} BETWEEN CAST(u.after->>'undid' AS bigint) AND CAST(u.after->>'through' AS bigint))`;
}
