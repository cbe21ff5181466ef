// A server's offices (SPEC §14): listed, added (with the role its clerks are
// granted, through the schema's complaints_office_add), renamed.
import { sql } from 'kysely';
import type { Office, Store } from '../store.js';
import { all, first, run } from '../store.js';

export async function listOffices(s: Store): Promise<Office[]> {
  return all(s, s.q.selectFrom('offices').select(['id', 'code', 'name']).orderBy('code'));
}

export async function findOffice(s: Store, code: string): Promise<Office | undefined> {
  return first(s, s.q.selectFrom('offices').select(['id', 'code', 'name']).where('code', '=', code));
}

/** Creates the office, its role complaints_office_<code> and its departments; returns its id. */
export async function addOffice(s: Store, code: string, name: string, now: number): Promise<number> {
  return (await first(s, s.q.selectNoFrom(sql<number>`complaints_office_add(${code}, ${name}, ${now})`.as('id'))))!.id;
}

export async function renameOffice(s: Store, id: number, name: string): Promise<void> {
  await run(s, s.q.updateTable('offices').set({ name }).where('id', '=', id));
}

/** Acts for another office inside the current transaction (its settings, its events). */
export async function actFor(s: Store, code: string): Promise<void> {
  await first(s, s.q.selectNoFrom(sql<string>`set_config('complaints.office', ${code}, true)`.as('office')));
}
