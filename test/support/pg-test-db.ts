// For tests on PostgreSQL: the run's server (the global setup's, when the
// suite runs on PostgreSQL) or, without one, a server of this test file's
// own; a fresh database per test that wants one; the schema applied; offices
// and login roles for the people in a test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migratePg } from '../../src/storage/postgres/migrate.js';
import { startCluster, type PgCluster } from './pg-cluster.js';

export interface PgServer {
  /** A new, empty database; `user` connects as that role. */
  freshDatabase(): Promise<{ name: string; url: (user?: string) => string }>;
  /** A new database with the schema applied and one office per code (ids in order). */
  migratedDatabase(offices: string[]): Promise<{ name: string; url: (user?: string) => string; officeIds: number[] }>;
  /** A login role (trust authentication: no password) granted the given roles. */
  loginRole(name: string, grants: string[]): Promise<void>;
}

/** Registers beforeAll/afterAll in the calling test file; use the result inside tests. */
export function usePgServer(): PgServer {
  let cluster: PgCluster | undefined;
  let base = '';
  let socketUrl: (database: string, user?: string) => string = () => '';
  let counter = 0;
  const clients: pg.Client[] = [];

  const admin = async (database = 'postgres') => {
    const c = new pg.Client(socketUrl(database));
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const provided = inject('pgUrl');
    if (provided) {
      base = provided;
    } else {
      cluster = await startCluster();
      base = cluster.url;
    }
    socketUrl = (database, user) => {
      const u = new URL(base);
      u.pathname = `/${encodeURIComponent(database)}`;
      if (user) u.username = encodeURIComponent(user);
      return u.toString();
    };
  });

  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
    await cluster?.stop();
  });

  const server: PgServer = {
    async freshDatabase() {
      // Unique across the test files sharing one server.
      const name = `t_${randomBytes(4).toString('hex')}_${++counter}`;
      const c = await admin();
      await c.query(`CREATE DATABASE ${name}`);
      return { name, url: (user?: string) => socketUrl(name, user) };
    },
    async migratedDatabase(offices) {
      const db = await server.freshDatabase();
      const c = await admin(db.name);
      await migratePg(c, 0, db.name);
      const officeIds: number[] = [];
      for (const code of offices) {
        const r = await c.query('SELECT complaints_office_add($1, $2, 0) AS id', [code, `${code} 服务中心`]);
        officeIds.push(Number(r.rows[0].id));
      }
      return { ...db, officeIds };
    },
    async loginRole(name, grants) {
      const c = await admin();
      await c.query(`DO $$ BEGIN CREATE ROLE ${name} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      for (const g of grants) await c.query(`GRANT ${g} TO ${name}`);
    },
  };
  return server;
}

/** A connected client; the caller ends it. */
export async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client(url);
  await c.connect();
  return c;
}

/** Runs fn in one transaction acting for the office `code` (SET LOCAL complaints.office). */
export async function inOffice<T>(c: pg.ClientBase, code: string | null, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    await c.query("SELECT set_config('complaints.office', $1, true)", [code ?? '']);
    const out = await fn();
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  }
}

/** The SQL that takes the office's next ticket number for a year: its counter row, created on first use. */
export const TAKE_NUMBER = `INSERT INTO ticket_counters (year, last) VALUES ($1, 1)
  ON CONFLICT (office_id, year) DO UPDATE SET last = ticket_counters.last + 1 RETURNING last`;

/** Inserts a minimal complaint in the session's office; returns its id. */
export async function insertComplaint(c: pg.ClientBase, fields: { ticket: string; seq: number; subject?: string; description?: string }): Promise<number> {
  const r = await c.query(
    `INSERT INTO complaints (ticket, year, seq, received_at, channel, kind, severity, validity, status, name, subject,
       description, receiver, contact_due, resolve_due, resolve_from)
     VALUES ($1, 2026, $2, 0, 'phone', 'complaint', 'general', 'unverified', 'registered', '王女士', $3, $4, 'li', 0, 0, 0)
     RETURNING id`,
    [fields.ticket, fields.seq, fields.subject ?? '楼上漏水', fields.description ?? '卫生间天花板漏水'],
  );
  return Number(r.rows[0].id);
}
