// The office's people with their roles (SPEC §12 `staff`): who approves
// compensation (核决权限) and who spot-checks.
import type { StaffMember, StaffRole } from '../domain/approval.js';
import { all, first, run, type Store } from './store.js';

export async function listStaff(s: Store): Promise<StaffMember[]> {
  return (await all(s, s.q.selectFrom('staff as p').leftJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.name', 'p.role', 'd.name as department']).orderBy('p.id')))
    .map((r) => ({ name: r.name, role: r.role as StaffRole, department: r.department }));
}

export async function findStaff(s: Store, name: string): Promise<{ id: number } | undefined> {
  return first(s, s.q.selectFrom('staff').select('id').where('name', '=', name));
}

export async function insertStaff(s: Store, name: string, role: StaffRole, departmentId: number | null, now: number): Promise<void> {
  await run(s, s.q.insertInto('staff').values({ name, role, department_id: departmentId, created_at: now }));
}

export async function renameStaff(s: Store, id: number, name: string): Promise<void> {
  await run(s, s.q.updateTable('staff').set({ name }).where('id', '=', id));
}

/** Taken off the list; what they approved stays recorded under their name. */
export async function deleteStaff(s: Store, id: number): Promise<void> {
  await run(s, s.q.deleteFrom('staff').where('id', '=', id));
}
