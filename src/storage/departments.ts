// The managed list of departments (SPEC §8 dept).
import type { Store } from './store.js';
import { all, first, run } from './store.js';

export interface Department {
  id: number;
  name: string;
  active: boolean;
}

export async function listDepartments(s: Store): Promise<Department[]> {
  return (await all(s, s.q.selectFrom('departments').select(['id', 'name', 'active']).orderBy('id'))).map((r) => ({
    id: r.id, name: r.name, active: r.active === 1,
  }));
}

export async function findDepartment(s: Store, name: string): Promise<Department | undefined> {
  const r = await first(s, s.q.selectFrom('departments').select(['id', 'name', 'active']).where('name', '=', name.trim()));
  return r && { id: r.id, name: r.name, active: r.active === 1 };
}

export async function insertDepartment(s: Store, name: string, now: number): Promise<number> {
  return (await first(s, s.q.insertInto('departments').values({ name, active: 1, created_at: now }).returning('id')))!.id;
}

export async function updateDepartment(s: Store, id: number, change: { name?: string; active?: boolean }): Promise<void> {
  await run(s, s.q.updateTable('departments').set({
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
  }).where('id', '=', id));
}
