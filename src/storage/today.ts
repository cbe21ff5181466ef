// What `today` reads (SPEC §16): each part from an index range or the
// partial indexes of open complaints, counted in full and listed a few at a
// time, so the desk's first screen stays quick at a million complaints.
import { sql } from 'kysely';
import { OPEN_STATUSES, type Complaint, type Status } from '../domain/types.js';
import { findGroups, type Group } from '../domain/groups.js';
import type { Settings } from '../domain/settings.js';
import { DAY } from '../domain/time.js';
import { all, first, type Store } from './store.js';
import { unindexed } from './dialect.js';
import { findByIds, iterateComplaints, NO_FILTER, overdueAt, receivedBetween, type ListFilter, type ListSort } from './complaints.js';
import type { ComplaintsTable, DB } from './schema-types.js';
import type { SelectQueryBuilder } from 'kysely';

type Counted = SelectQueryBuilder<DB & { c: ComplaintsTable }, 'c', object>;

/** A part of the day's screen: how many, and the first few. */
export interface Part {
  count: number;
  items: Complaint[];
}

export interface TodayRead {
  /** Open deadlines falling between now and the end of the day (contact, resolve, call-back), soonest first. */
  dueToday: Part & { due: Map<number, number> };
  overdue: Part;
  awaitingCallBack: Part;
  flagged: Part;
  groups: Group[];
  month: { received: number; resolved: number; closed: number };
}

const OPEN: Status[] = [...OPEN_STATUSES];
const UNRESOLVED: Status[] = ['registered', 'assigned'];

/**
 * A part counted on the complaints table alone (`where`, the list filter's
 * own conditions: the list's joins would be read for every row counted), and
 * its first few as `list` reads them.
 */
async function part(s: Store, where: (q: Counted) => Counted, f: ListFilter, sort: ListSort, limit: number): Promise<Part> {
  const { n } = (await first(s, where(s.q.selectFrom('complaints as c')).select(sql<number>`count(*)`.as('n'))))!;
  const items: Complaint[] = [];
  for await (const batch of iterateComplaints(s, f, sort, limit)) items.push(...batch);
  return { count: Number(n), items };
}

/** Open deadlines due in [from, to]: each deadline column's own index range. */
async function dueBetween(s: Store, from: number, to: number, limit: number): Promise<TodayRead['dueToday']> {
  // The status is read as `+status` on SQLite: each query walks its day of the due index, never every open complaint.
  const status = unindexed(s, 'status');
  const due = new Map<number, number>();
  const take = (rows: { id: number; due: number | null }[]) => {
    for (const r of rows) if (r.due !== null && (!due.has(r.id) || r.due < due.get(r.id)!)) due.set(r.id, r.due);
  };
  take(await all(s, s.q.selectFrom('complaints').select(['id', 'contact_due as due'])
    .where('contact_due', '>=', from).where('contact_due', '<=', to).where('contacted_at', 'is', null).where(status, 'in', UNRESOLVED)));
  take(await all(s, s.q.selectFrom('complaints').select(['id', 'resolve_due as due'])
    .where('resolve_due', '>=', from).where('resolve_due', '<=', to).where(status, 'in', UNRESOLVED)));
  take(await all(s, s.q.selectFrom('complaints').select(['id', 'follow_up_due as due'])
    .where('follow_up_due', '>=', from).where('follow_up_due', '<=', to).where(status, '=', 'resolved')));
  const first = [...due].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, limit).map(([id]) => id);
  const items = (await findByIds(s, first)).sort((a, b) => due.get(a.id)! - due.get(b.id)! || a.id - b.id);
  return { count: due.size, items, due };
}

async function countIn(s: Store, column: 'received_at' | 'resolved_at' | 'closed_at', from: number, to: number): Promise<number> {
  const { n } = (await first(s, s.q.selectFrom('complaints').where(column, '>=', from).where(column, '<=', to)
    .select(sql<number>`count(*)`.as('n'))))!;
  return Number(n);
}

/**
 * The day's screen at `now`: `endOfDay` ends today, `monthStart` begins this
 * month (office time); each list holds at most `limit` complaints.
 */
export async function readToday(s: Store, now: number, endOfDay: number, monthStart: number, settings: Settings, limit: number): Promise<TodayRead> {
  const window = settings.groupWindowDays * DAY;
  return {
    dueToday: await dueBetween(s, now, endOfDay, limit),
    // Oldest first: the open-complaints index walked from its start, stopping at the limit.
    overdue: await part(s, (q) => q.where((eb) => overdueAt(s, eb as never, now)), { ...NO_FILTER, statuses: OPEN, overdueAt: now }, 'oldest', limit),
    awaitingCallBack: await part(s, (q) => q.where('c.status', '=', 'resolved'), { ...NO_FILTER, statuses: ['resolved'] }, 'oldest', limit),
    flagged: await part(s, (q) => q.where('c.status', '<>', 'closed').where(sql<boolean>`c.flagged = 1`), { ...NO_FILTER, statuses: OPEN, flagged: true }, 'newest', limit),
    groups: findGroups(await receivedBetween(s, now - window, now + 1), settings.groupUnits, settings.groupWindowDays),
    month: {
      received: await countIn(s, 'received_at', monthStart, now),
      resolved: await countIn(s, 'resolved_at', monthStart, now),
      closed: await countIn(s, 'closed_at', monthStart, now),
    },
  };
}
