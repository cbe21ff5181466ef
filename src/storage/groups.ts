// Group complaints (群诉) confirmed by a person (SPEC §12 `group`): the
// group's row; its complaints point at it (complaints.group_id).
import { first, type Store } from './store.js';

export async function insertGroup(s: Store, at: number, reason: string, actor: string): Promise<number> {
  return (await first(s, s.q.insertInto('complaint_groups').values({ at, reason, actor }).returning('id')))!.id;
}
