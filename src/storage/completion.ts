// Words a shell completes from the database (complaints __complete): the
// office's active departments and the estates its complaints name. Both read
// from an index only, so a million complaints still answer at once.
import { all, type Store } from './store.js';

export async function activeDepartmentNames(s: Store): Promise<string[]> {
  const rows = await all(s, s.q.selectFrom('departments').select('name').where('active', '=', 1).orderBy('name'));
  return rows.map((r) => r.name);
}

/** Estates of complaints with a unit: the (estate, unit, received_at) index holds them, in order. */
export async function estateNames(s: Store): Promise<string[]> {
  const rows = await all(s, s.q.selectFrom('complaints').select('estate').distinct()
    .where('unit', 'is not', null).where('estate', 'is not', null).orderBy('estate'));
  return rows.map((r) => r.estate!).filter((e) => e !== '');
}
