// SQLite-only. Migrations: schema/sqlite/NNNN_name.sql, applied in order, each in one
// transaction together with the row that records it (a failure leaves
// nothing half-applied). Released migrations are never edited.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseError } from '../../domain/errors.js';
import { schemaDir } from '../schema-dir.js';
import { sqliteOf, type SqliteStore, type Store } from '../store.js';

export interface Migration {
  version: number;
  name: string;
  file: string;
}

/** Read once per process: every open checks the version, and the folder does not change under us. */
let known: Migration[] | undefined;

export function knownMigrations(): Migration[] {
  known ??= readMigrations(schemaDir('sqlite'));
  return known;
}

function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^(\d{4})_(.+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], file: path.join(dir, m[0]) }))
    .sort((a, b) => a.version - b.version);
}

/**
 * The triggers the migrations create (name → statement as SQLite keeps it),
 * less those a later migration drops. They are what keeps the record
 * append-only, so `doctor` holds the file's triggers to this list.
 */
export function schemaTriggers(): Map<string, string> {
  const triggers = new Map<string, string>();
  for (const m of knownMigrations()) {
    const sql = fs.readFileSync(m.file, 'utf8');
    // A trigger body's last statement ends in `;`, then END: a CASE … END inside it does not.
    for (const t of sql.matchAll(/CREATE TRIGGER (\w+)[\s\S]*?;\s*END(?=\s*;)|DROP TRIGGER (?:IF EXISTS )?(\w+)/g)) {
      if (t[1]) triggers.set(t[1], t[0]);
      else triggers.delete(t[2]);
    }
  }
  return triggers;
}

export function schemaVersion(store: Store): number {
  const s = sqliteOf(store);
  const exists = s.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  return (s.sqlite.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

/**
 * Refuses, before anything is written (even the WAL switch), a file that is
 * some other program's database (tables but no migration record) or one made
 * by a newer version of this program.
 */
export function checkOwnership(s: SqliteStore): void {
  const version = schemaVersion(s);
  if (version === 0) {
    const tables = s.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get();
    if (tables) throw new DatabaseError('db.unreadable', { file: s.path, detail: 'it holds tables of another program' });
  }
  const latest = knownMigrations().at(-1)?.version ?? 0;
  if (version > latest) throw new DatabaseError('db.newer', { file: s.path, version, supported: latest });
}

export function migrate(s: SqliteStore, now: number): void {
  const known = knownMigrations();
  const latest = known.at(-1)?.version ?? 0;
  const current = schemaVersion(s);
  if (current > latest) throw new DatabaseError('db.newer', { file: s.path, version: current, supported: latest });
  if (current === latest) return;
  for (const m of known) {
    const sql = fs.readFileSync(m.file, 'utf8');
    s.sqlite.transaction(() => {
      // Re-checked inside the write lock: another process may have just applied it.
      const now = schemaVersion(s);
      if (now >= m.version) return;
      s.sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      s.sqlite.exec(sql);
      s.sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now);
    }).immediate();
  }
}
