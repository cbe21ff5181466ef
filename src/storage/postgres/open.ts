// Connecting to a group's server (SPEC §14): `--db postgres://…`. The
// driver is loaded only here, when a URL asks for it, so a SQLite file's
// start-up never reads it. One connection per run (a command is short);
// its office is chosen once and named in every query (office-scope.ts).
import { createRequire } from 'node:module';
import type { Client, ClientConfig } from 'pg';
import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
} from 'kysely';
import { DatabaseError, StateError, UsageError } from '../../domain/errors.js';
import type { DB } from '../schema-types.js';
import type { Executor, Office, Store } from '../store.js';
import { pgExecutor } from './executor.js';
import { knownPgMigrations, migratePg } from './migrate.js';
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
  const { client, where } = await connect(url);
  try {
    const first = await firstLook(client, o.office, o.now, where);
    const office = chooseOffice(first.offices, o.office, o.officeOptional);
    // The office asked for was set in the first look; one found otherwise (the only one) is set now.
    if ((office?.code ?? null) !== first.asked) await client.query("SELECT set_config('complaints.office', $1, false)", [office?.code ?? '']);
    return officeStore({ client, role: first.role, where }, office);
  } catch (err) {
    await client.end().catch(() => undefined);
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

async function connect(url: string): Promise<{ client: Client; where: string }> {
  const pg = loadDriver();
  const client = new pg.Client(clientConfig(pg, url));
  const where = shownUrl(url);
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseError('db.server', { file: where, detail: (err as Error).message });
  }
  return { client, where };
}

/** Connects and brings the server's schema up to date (refusing one newer than this program). */
export async function connectServer(url: string, now: number): Promise<ServerConnection> {
  const { client, where } = await connect(url);
  try {
    return { client, role: (await firstLook(client, null, now, where)).role, where };
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
  return {
    engine: 'postgres', office, q: queryBuilder(office), client: conn.client, role: conn.role, path: conn.where, readOnly: false, created: null,
    exec: exec ?? pgExecutor(conn.client, () => office?.id ?? null),
  };
}

/** Kysely compiling for PostgreSQL, naming the office (or offices) in every query. */
function queryBuilder(office: Office | readonly number[] | null): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [officeScope(office === null ? null : Array.isArray(office) ? office : (office as Office).id)],
  });
}

/**
 * The same connection acting for another office: a group report reads each
 * office in turn.
 */
export async function actingFor(s: ServerStore, office: Office): Promise<ServerStore> {
  await s.client.query("SELECT set_config('complaints.office', $1, false)", [office.code]);
  return officeStore({ client: s.client, role: s.role, where: s.path }, office);
}

/** The same connection reading every one of `offices` at once (a group's figures), each named in every query. */
export async function actingForAll(s: ServerStore, offices: readonly Office[]): Promise<ServerStore> {
  await s.client.query("SELECT set_config('complaints.office', '', false)");
  return { ...officeStore({ client: s.client, role: s.role, where: s.path }, null), q: queryBuilder(offices.map((f) => f.id)) };
}

/** Whether the login role reads every office: a member of complaints_group, or the server's superuser. */
export async function readsEveryOffice(s: ServerStore): Promise<boolean> {
  const r = await s.client.query<{ ok: boolean }>(
    "SELECT pg_has_role(session_user, 'complaints_group', 'MEMBER') OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS ok",
  );
  return r.rows[0].ok;
}

/**
 * A new server gets its schema here; an older one its migrations (whoever
 * may change the schema). The first look saw the version differ; migratePg
 * reads it again under its lock, where another program may have been first.
 */
async function bringUpToDate(client: Client, now: number, where: string): Promise<void> {
  try {
    await migratePg(client, now, where);
  } catch (err) {
    // 42501: this role may not change the schema: the administrator's `complaints init` does.
    if ((err as { code?: string }).code === '42501') throw new DatabaseError('db.serverSchema', { file: where });
    throw err;
  }
}

interface FirstLook {
  role: string;
  offices: Office[];
  /** The office code set for the session, if one was asked for. */
  asked: string | null;
}

/**
 * What every run needs to know first, in one round trip: the login role,
 * the offices, and the schema's version (an older one is brought up to date
 * first); the office asked for is set for the session on the way.
 */
async function firstLook(client: Client, asked: string | null, now: number, where: string): Promise<FirstLook> {
  const code = asked === null ? null : asked.trim().toUpperCase();
  const look = () => client.query<{ role: string; version: number; offices: string }>(
    `SELECT session_user AS role, (SELECT max(version) FROM schema_migrations) AS version,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name) ORDER BY code), '[]') FROM offices) AS offices,
       set_config('complaints.office', coalesce($1, ''), false) AS office`, [code]);
  const latest = knownPgMigrations().at(-1)?.version ?? 0;
  let r;
  try {
    r = (await look()).rows[0];
  } catch (err) {
    // 42P01: no schema_migrations (or offices) yet: a new server.
    if ((err as { code?: string }).code !== '42P01') throw err;
  }
  if (!r || r.version !== latest) {
    await bringUpToDate(client, now, where);
    r = (await look()).rows[0];
  }
  const offices = (JSON.parse(r.offices) as Office[]).map((f) => ({ ...f, id: Number(f.id) }));
  return { role: r.role, offices, asked: code };
}

function chooseOffice(offices: Office[], asked: string | null, optional: boolean): Office | null {
  const codes = offices.map((f) => f.code).join(', ') || '—';
  if (asked !== null && asked.trim().toLowerCase() === 'all') {
    // Every office at once: only a group report reads so (report … --office all).
    if (!optional) throw new UsageError('office.allOnlyReports', {});
    return null;
  }
  if (asked !== null) {
    const found = offices.find((f) => f.code === asked.trim().toUpperCase());
    // Managing the offices needs none: `office add YG` with COMPLAINTS_OFFICE=YG already set is fine.
    if (!found && !optional) throw new UsageError('office.unknown', { code: asked, codes });
    return found ?? null;
  }
  if (offices.length === 1) return offices[0];
  if (optional) return null;
  if (offices.length === 0) throw new UsageError('office.none', {});
  throw new UsageError('office.choose', { codes });
}

export async function closeServer(s: ServerStore): Promise<void> {
  await s.client.end();
}

/**
 * A server's refusal as the person should hear it (SQLSTATE classes): not
 * allowed for this role (row-level security, privileges) is exit 4; busy,
 * full, or the connection gone is a database problem, exit 5.
 */
export function asServerError(err: unknown, url: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return err;
  const detail = `${(err as Error).message} (${code})`;
  const file = isServerUrl(url) ? shownUrl(url) : url;
  if (code === '42501') return new StateError('db.denied', { file, detail });
  if (code === '40001' || code === '40P01' || code === '55P03') return new DatabaseError('db.busy', { file });
  if (code === '53100') return new DatabaseError('db.full', { file, detail });
  if (code.startsWith('08') || code.startsWith('57P')) return new DatabaseError('db.server', { file, detail });
  return err;
}
