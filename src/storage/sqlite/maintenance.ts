// SQLite-only: backups and health checks of the database file: SQLite's online backup
// (a consistent copy while others write), integrity and foreign-key checks,
// counts and the calendar's coverage.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sqliteOf, type Store } from '../store.js';
import { knownMigrations, schemaTriggers, schemaVersion } from './migrate.js';
import { damagedAttachments } from '../attachments.js';

/** Copies the open database to file with SQLite's online backup, in one step. */
export async function backupTo(s: Store, file: string): Promise<void> {
  // All remaining pages in one step: a writer between steps would restart the copy.
  await sqliteOf(s).sqlite.backup(file, { progress: () => 0x7fffffff });
}

/** Opens a copy read-only and checks it. */
export function checkCopy(file: string): { ok: boolean; complaints: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('quick_check', { simple: true }) === 'ok';
    const complaints = db.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
    return { ok, complaints };
  } finally {
    db.close();
  }
}

export function fileSize(file: string): number {
  let size = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) size += fs.statSync(f).size;
  return size;
}

function tableExists(s: Store, name: string): boolean {
  return sqliteOf(s).sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export interface Health {
  schema: { version: number; latest: number };
  integrity: string[];
  foreignKeys: { table: string; rowid: number | null; parent: string }[];
  counts: Record<string, number>;
  byStatus: Record<string, number>;
  damagedAttachments: number[];
  /** The schema's triggers (the append-only guards) that are gone, or not as the migrations made them. */
  guards: { missing: string[]; altered: string[] };
  /** null when the database has no calendar tables yet. */
  calendar: { version: string | null; firstYear: number | null; lastYear: number | null; officialDays: number; overrides: number } | null;
}

export async function checkHealth(s: Store): Promise<Health> {
  const db = sqliteOf(s).sqlite;
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[])
    .map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  const count = (table: string) => (tableExists(s, table) ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0);
  const counts = Object.fromEntries(['complaints', 'events', 'follow_ups', 'departments', 'attachments'].map((t) => [t, count(t)]));
  const byStatus = Object.fromEntries((db.prepare('SELECT status, count(*) AS n FROM complaints GROUP BY status ORDER BY status').all() as { status: string; n: number }[])
    .map((r) => [r.status, r.n]));
  let calendar: Health['calendar'] = null;
  if (tableExists(s, 'calendar_official')) {
    const src = tableExists(s, 'calendar_source')
      ? (db.prepare('SELECT version, first_year, last_year FROM calendar_source WHERE id = 1').get() as { version: string; first_year: number | null; last_year: number | null } | undefined)
      : undefined;
    const range = db.prepare("SELECT min(substr(date, 1, 4)) AS lo, max(substr(date, 1, 4)) AS hi FROM calendar_official").get() as { lo: string | null; hi: string | null };
    calendar = {
      version: src?.version ?? null,
      firstYear: src?.first_year ?? (range.lo === null ? null : Number(range.lo)),
      lastYear: src?.last_year ?? (range.hi === null ? null : Number(range.hi)),
      officialDays: count('calendar_official'),
      overrides: count('calendar_overrides'),
    };
  }
  return {
    schema: { version: schemaVersion(s), latest: knownMigrations().at(-1)?.version ?? 0 },
    integrity,
    foreignKeys,
    counts,
    byStatus,
    damagedAttachments: tableExists(s, 'attachments') ? await damagedAttachments(s) : [],
    guards: checkGuards(s),
    calendar,
  };
}

function checkGuards(s: Store): Health['guards'] {
  const present = new Map((sqliteOf(s).sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[])
    .map((r) => [r.name, r.sql]));
  const missing: string[] = [];
  const altered: string[] = [];
  for (const [name, sql] of schemaTriggers()) {
    if (!present.has(name)) missing.push(name);
    else if (present.get(name) !== sql) altered.push(name);
  }
  return { missing, altered };
}
