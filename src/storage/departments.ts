// The managed list of departments (SPEC §8 dept).
import type { Store } from './store.js';
import { all, first, run } from './store.js';

export interface Department {
  id: number;
  name: string;
  active: boolean;
}

export function listDepartments(s: Store): Department[] {
  return all(s, s.q.selectFrom('departments').select(['id', 'name', 'active']).orderBy('id')).map((r) => ({
    id: r.id, name: r.name, active: r.active === 1,
  }));
}

export function findDepartment(s: Store, name: string): Department | undefined {
  const r = first(s, s.q.selectFrom('departments').select(['id', 'name', 'active']).where('name', '=', name.trim()));
  return r && { id: r.id, name: r.name, active: r.active === 1 };
}

export function insertDepartment(s: Store, name: string, now: number): number {
  return run(s, s.q.insertInto('departments').values({ name, active: 1, created_at: now })).lastInsertRowid;
}

export function updateDepartment(s: Store, id: number, change: { name?: string; active?: boolean }): void {
  run(s, s.q.updateTable('departments').set({
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
  }).where('id', '=', id));
}
