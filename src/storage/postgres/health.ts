// `doctor` on a server (SPEC §14): what a login can check from the catalogue
// and the office's rows. Row-level security is what keeps an office's clerks
// to their office, and the triggers keep the record append-only: both hold
// only while they are in place, and an owner can drop either, so doctor
// checks each against what schema/postgres made. The server's disks,
// replication and backups are its administrator's, and not checked here.
import fs from 'node:fs';
import type { ServerStore } from './open.js';
import { knownPgMigrations, pgSchemaVersion } from './migrate.js';
import { OFFICE_TABLES } from './office-scope.js';
import { damagedAttachments } from '../attachments.js';
import { all, first } from '../store.js';

/** The four policies schema/postgres gives every office table. */
export const OFFICE_POLICIES = ['office_read', 'office_insert', 'office_update', 'office_delete'];

export interface ServerHealth {
  schema: { version: number; latest: number };
  /** Office tables whose row-level security is not both enabled and forced. */
  rowSecurityOff: string[];
  /** `table.policy` of the policies that are gone. */
  policiesMissing: string[];
  /** `table.trigger` of the schema's triggers that are gone or disabled. */
  triggersMissing: string[];
  counts: Record<string, number>;
  byStatus: Record<string, number>;
  damagedAttachments: number[];
}

/** The triggers schema/postgres creates, as table → names (the append-only guards). */
export function schemaPgTriggers(): { table: string; name: string }[] {
  const out: { table: string; name: string }[] = [];
  for (const m of knownPgMigrations()) {
    for (const t of fs.readFileSync(m.file, 'utf8').matchAll(/CREATE TRIGGER (\w+)\s[\s\S]*?\sON (\w+)/g)) out.push({ name: t[1], table: t[2] });
  }
  return out;
}

export async function checkServerHealth(s: ServerStore): Promise<ServerHealth> {
  const c = s.client;
  const tables = [...OFFICE_TABLES];
  const security = (await c.query<{ t: string; rls: boolean; forced: boolean }>(
    `SELECT relname AS t, relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class
     WHERE oid = ANY (SELECT to_regclass(x) FROM unnest($1::text[]) AS x)`, [tables])).rows;
  const secured = new Set(security.filter((r) => r.rls && r.forced).map((r) => r.t));
  const policies = new Set((await c.query<{ p: string }>(
    "SELECT tablename || '.' || policyname AS p FROM pg_policies WHERE schemaname = current_schema()")).rows.map((r) => r.p));
  const triggers = new Set((await c.query<{ t: string }>(
    `SELECT c.relname || '.' || t.tgname AS t FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace`)).rows.map((r) => r.t));
  const count = async (table: 'complaints' | 'events' | 'follow_ups' | 'departments' | 'attachments') =>
    Number((await first(s, s.q.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))))!.n);
  const counts: Record<string, number> = {};
  for (const t of ['complaints', 'events', 'follow_ups', 'departments', 'attachments'] as const) counts[t] = await count(t);
  const byStatus = Object.fromEntries((await all(s, s.q.selectFrom('complaints').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status').orderBy('status'))).map((r) => [r.status, Number(r.n)]));
  return {
    schema: { version: await pgSchemaVersion(c), latest: knownPgMigrations().at(-1)?.version ?? 0 },
    rowSecurityOff: tables.filter((t) => !secured.has(t)),
    policiesMissing: tables.flatMap((t) => OFFICE_POLICIES.map((p) => `${t}.${p}`)).filter((p) => !policies.has(p)),
    triggersMissing: schemaPgTriggers().map((t) => `${t.table}.${t.name}`).filter((t) => !triggers.has(t)),
    counts,
    byStatus,
    damagedAttachments: await damagedAttachments(s),
  };
}
