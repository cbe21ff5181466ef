// The schema version a database holds, read the same way on either engine
// once it is open (both record their migrations in schema_migrations).
import { sql } from 'kysely';
import { first, type Store } from './store.js';

export async function appliedSchemaVersion(s: Store): Promise<number> {
  const r = await first(s, s.q.selectFrom('schema_migrations').select((eb) => eb.fn.coalesce(eb.fn.max('version'), sql<number>`0`).as('v')));
  return Number(r?.v ?? 0);
}
