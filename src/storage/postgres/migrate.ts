// Migrations on PostgreSQL: schema/postgres/NNNN_name.sql, applied in order, each
// in one transaction together with the schema_migrations row that records it,
// as on SQLite (migrate.ts). Several programs opening a new server at once
// would race to create the same tables ("relation already exists"): the whole
// run holds one session-level advisory lock, and whoever comes second finds
// the work done. Takes any node-postgres client; imports only its types, so
// the SQLite path never loads `pg`.
import fs from 'node:fs';
import path from 'node:path';
import type { ClientBase } from 'pg';
import { DatabaseError } from '../../domain/errors.js';
import { type Migration } from '../sqlite/migrate.js';
import { schemaDir } from '../schema-dir.js';

/** The advisory lock key of schema changes (any constant; per database). */
export const MIGRATION_LOCK = 0x636f6d70; // 'comp'

let known: Migration[] | undefined;

export function knownPgMigrations(): Migration[] {
  if (known) return known;
  const dir = schemaDir('postgres');
  known = fs
    .readdirSync(dir)
    .map((f) => /^(\d{4})_(.+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], file: path.join(dir, m[0]) }))
    .sort((a, b) => a.version - b.version);
  return known;
}

export async function pgSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS e");
  if (!exists.rows[0].e) return 0;
  const r = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
  return Number(r.rows[0].v);
}

/**
 * Brings the server's schema up to date; returns the versions this call
 * applied (none when another program already had). `where` names the
 * database in a refusal (the URL without its password).
 */
export async function migratePg(client: ClientBase, now: number, where: string): Promise<number[]> {
  const migrations = knownPgMigrations();
  const latest = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const current = await pgSchemaVersion(client);
    if (current > latest) throw new DatabaseError('db.newer', { file: where, version: current, supported: latest });
    for (const m of migrations) {
      if (m.version <= current) continue;
      const sql = fs.readFileSync(m.file, 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
        );
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
  return applied;
}
