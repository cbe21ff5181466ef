// Connecting to a group's server (SPEC §14): `--db postgres://…`. The
// driver is loaded only here, when a URL asks for it, so a SQLite file's
// start-up never reads it. One connection per run (a command is short);
// its office is chosen once and named in every query (office-scope.ts).
import { createRequire } from 'node:module';
import type { Client, ClientConfig } from 'pg';
import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
} from 'kysely';
import { DatabaseError, UsageError } from '../../domain/errors.js';
import type { DB } from '../schema-types.js';
import type { Executor, Office, Store } from '../store.js';
import { pgExecutor } from './executor.js';
import { knownPgMigrations, migratePg, pgSchemaVersion } from './migrate.js';
import { officeScope } from './office-scope.js';

export interface ServerStore extends Store {
  readonly engine: 'postgres';
  readonly client: Client;
  /** The login role: the acting person on a server. */
  readonly role: string;
}

export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** OIDs whose text node-postgres would hand back as strings, or parse itself. */
const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;

function loadDriver(): typeof import('pg') {
  return createRequire(import.meta.url)('pg') as typeof import('pg');
}

function clientConfig(pg: typeof import('pg'), url: string): ClientConfig {
  return {
    connectionString: url,
    // Instants are epoch milliseconds in bigint columns, counts are bigint,
    // sums numeric: numbers, as SQLite gives them. JSON stays the text it was
    // written as (the code parses what it needs, as on SQLite).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
        if (oid === JSON_OID || oid === JSONB) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as never,
    },
  };
}

export interface ServerOptions {
  /** The office code asked for (--office / COMPLAINTS_OFFICE), or null. */
  office: string | null;
  /** Commands about offices themselves run without one. */
  officeOptional: boolean;
  now: number;
}

export async function openServer(url: string, o: ServerOptions): Promise<ServerStore> {
  const conn = await connectServer(url, o.now);
  try {
    const office = await chooseOffice(conn.client, o.office, o.officeOptional);
    if (office) await conn.client.query("SELECT set_config('complaints.office', $1, false)", [office.code]);
    return officeStore(conn, office);
  } catch (err) {
    await conn.client.end().catch(() => undefined);
    throw err;
  }
}

/** A connection to a server, as its login role, before any office is chosen. */
export interface ServerConnection {
  client: Client;
  role: string;
  /** The URL as it may be shown. */
  where: string;
}

/** Connects and brings the server's schema up to date (refusing one newer than this program). */
export async function connectServer(url: string, now: number): Promise<ServerConnection> {
  const pg = loadDriver();
  const client = new pg.Client(clientConfig(pg, url));
  const where = shownUrl(url);
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseError('db.server', { file: where, detail: (err as Error).message });
  }
  try {
    await bringUpToDate(client, now, where);
    const role = (await client.query<{ r: string }>('SELECT session_user AS r')).rows[0].r;
    return { client, role, where };
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
}

/**
 * The store of one office on a connection: its queries name the office.
 * `exec`: another store's executor on the same connection, to work inside
 * that store's transaction (migrate creates the office it then fills).
 */
export function officeStore(conn: ServerConnection, office: Office | null, exec?: Executor): ServerStore {
  const q = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: office ? [officeScope(office.id)] : [],
  });
  return {
    engine: 'postgres', office, q, client: conn.client, role: conn.role, path: conn.where, readOnly: false, created: null,
    exec: exec ?? pgExecutor(conn.client, () => office?.id ?? null),
  };
}

/** A new server gets its schema here; an older one its migrations (whoever may change the schema). */
async function bringUpToDate(client: Client, now: number, where: string): Promise<void> {
  const latest = knownPgMigrations().at(-1)?.version ?? 0;
  if ((await pgSchemaVersion(client)) === latest) return;
  try {
    await migratePg(client, now, where);
  } catch (err) {
    // 42501: this role may not change the schema: the administrator's `complaints init` does.
    if ((err as { code?: string }).code === '42501') throw new DatabaseError('db.serverSchema', { file: where });
    throw err;
  }
}

async function chooseOffice(client: Client, asked: string | null, optional: boolean): Promise<Office | null> {
  const offices = (await client.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM offices ORDER BY code')).rows;
  const codes = offices.map((f) => f.code).join(', ') || '—';
  if (asked !== null) {
    const found = offices.find((f) => f.code === asked.trim().toUpperCase());
    if (!found) throw new UsageError('office.unknown', { code: asked, codes });
    return found;
  }
  if (offices.length === 1) return offices[0];
  if (optional) return null;
  if (offices.length === 0) throw new UsageError('office.none', {});
  throw new UsageError('office.choose', { codes });
}

export async function closeServer(s: ServerStore): Promise<void> {
  await s.client.end();
}
