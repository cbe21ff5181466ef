// The office's estates and their aliases (SPEC §16 `estate`;
// domain/estates.ts says what a name means).
import type { Estate } from '../domain/estates.js';
import { estateKey, estateNames } from '../domain/estates.js';
import { all, first, run, type Store } from './store.js';

export interface StoredEstate extends Estate {
  id: number;
}

/** The estates in the order they were added, each with its aliases. */
export async function listEstates(s: Store): Promise<StoredEstate[]> {
  const estates = await all(s, s.q.selectFrom('estates').select(['id', 'name']).orderBy('id'));
  if (!estates.length) return [];
  const aliases = await all(s, s.q.selectFrom('estate_aliases').select(['estate_id', 'alias']).orderBy('id'));
  return estates.map((e) => ({
    id: Number(e.id), name: e.name, aliases: aliases.filter((a) => Number(a.estate_id) === Number(e.id)).map((a) => a.alias),
  }));
}

/** Every name and alias → the estate's current name (empty when the office lists no estates). */
export async function estateNameMap(s: Store): Promise<Map<string, string>> {
  return estateNames(await listEstates(s));
}

/** The estate one of whose names (its own or an alias) this is. */
export async function findEstate(s: Store, name: string): Promise<StoredEstate | undefined> {
  const key = estateKey(name);
  return (await listEstates(s)).find((e) => estateKey(e.name) === key || e.aliases.some((a) => estateKey(a) === key));
}

export async function insertEstate(s: Store, name: string, now: number): Promise<void> {
  await run(s, s.q.insertInto('estates').values({ name, created_at: now }));
}

export async function insertEstateAlias(s: Store, estateId: number, alias: string, now: number): Promise<void> {
  await run(s, s.q.insertInto('estate_aliases').values({ estate_id: estateId, alias, created_at: now }));
}

/** The new name; the old one stays as an alias, so what was written under it still counts under the estate. */
export async function renameEstate(s: Store, estateId: number, from: string, to: string, now: number): Promise<void> {
  const alias = await first(s, s.q.selectFrom('estate_aliases').select('id').where('estate_id', '=', estateId).where('alias', '=', to));
  // The new name was an alias of this estate: it is now the name, the alias goes.
  if (alias) await run(s, s.q.deleteFrom('estate_aliases').where('id', '=', alias.id));
  await run(s, s.q.updateTable('estates').set({ name: to }).where('id', '=', estateId));
  await insertEstateAlias(s, estateId, from, now);
}
