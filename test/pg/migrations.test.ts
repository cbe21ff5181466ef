// schema/postgres/ applied by src/storage/postgres/migrate.ts: once, whoever comes first,
// under one advisory lock; a server made by a newer program is refused.
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { DatabaseError } from '../../src/domain/errors.js';
import { knownPgMigrations, migratePg } from '../../src/storage/postgres/migrate.js';
import { connect, usePgServer } from '../support/pg-test-db.js';

const server = usePgServer();

async function withClients<T>(url: string, n: number, fn: (clients: pg.Client[]) => Promise<T>): Promise<T> {
  const clients = await Promise.all(Array.from({ length: n }, () => connect(url)));
  try {
    return await fn(clients);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

describe('PostgreSQL migrations', () => {
  test('4 programs migrating a new database at once end with one schema, applied once', async () => {
    const db = await server.freshDatabase();
    const results = await withClients(db.url(), 4, (clients) => Promise.all(clients.map((c, i) => migratePg(c, 1000 + i, db.name))));

    const versions = knownPgMigrations().map((m) => m.version);
    expect(versions[0]).toBe(1);
    // One runner applied everything; the others found it done.
    expect(results.filter((r) => r.length > 0)).toEqual([versions]);
    expect(results.filter((r) => r.length === 0)).toHaveLength(3);

    await withClients(db.url(), 1, async ([c]) => {
      const rows = (await c.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
      expect(rows).toEqual(knownPgMigrations().map((m) => ({ version: m.version, name: m.name })));
      const tables = (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename);
      expect(tables).toEqual([
        'approvals', 'attachments', 'audits', 'calendar_official', 'calendar_overrides', 'calendar_source', 'complaint_groups',
        'complaint_search', 'complaint_steps', 'complaints', 'departments', 'earlier_deadlines', 'estate_aliases', 'estates', 'events', 'follow_ups', 'offices',
        'payments', 'report_snapshots', 'report_ups', 'schema_migrations', 'settings', 'staff', 'ticket_counters',
      ]);
      // The lock is given back.
      const locks = await c.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      expect(locks.rows[0].n).toBe(0);
      // Again: nothing to do.
      expect(await migratePg(c, 2000, db.name)).toEqual([]);
    });
  });

  test('a database migrated by a newer program is refused, and left as it was', async () => {
    const db = await server.freshDatabase();
    await withClients(db.url(), 1, async ([c]) => {
      await migratePg(c, 0, db.name);
      await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
      const err = await migratePg(c, 1, db.name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseError);
      expect(err).toMatchObject({ key: 'db.newer', params: { file: db.name, version: 9999 } });
      expect((await c.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(knownPgMigrations().length + 1);
    });
  });

  test('every office table has office_id first in its key, defaulting to the session office, under forced row-level security', async () => {
    const db = await server.migratedDatabase([]);
    await withClients(db.url(), 1, async ([c]) => {
      const shared = ['calendar_official', 'calendar_source', 'offices', 'schema_migrations'];
      const tables = (
        await c.query(
          `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                  (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                   WHERE i.indrelid = c.oid AND i.indisprimary) AS key_first,
                  (SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                   WHERE d.adrelid = c.oid AND a.attname = 'office_id') AS office_default,
                  (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
        )
      ).rows;
      const office = tables.filter((t) => !shared.includes(t.name));
      expect(office).toHaveLength(20);
      for (const t of office) {
        expect(t, t.name).toMatchObject({ rls: true, forced: true, key_first: 'office_id', office_default: 'complaints_office()', policies: 4 });
      }
      for (const t of tables.filter((t) => shared.includes(t.name))) expect(t, t.name).toMatchObject({ rls: false, office_default: null });
    });
  });
});
