// The open database, as every command sees it, whatever the engine: kysely
// only builds SQL (its compile() step) for the engine's dialect, and the
// engine's executor runs the compiled queries. Every call is asynchronous, so
// a server engine whose driver answers later fits under the same functions.
// SQLite-only storage files (open, migrate, maintenance, search index, bulk
// import) reach the connection itself through sqliteOf().
import type Database from 'better-sqlite3';
import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable,
} from 'kysely';
import type { DB } from './schema-types.js';

/** A query as the engine runs it: kysely's compile() output. */
export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** Runs compiled queries on one engine's connection. */
export interface Executor {
  all<R>(query: CompiledQuery): Promise<R[]>;
  /** Every row as an array of its column values, in select order: for reads of tens of thousands of rows. */
  arrays(query: CompiledQuery): Promise<unknown[][]>;
  first<R>(query: CompiledQuery): Promise<R | undefined>;
  run(query: CompiledQuery): Promise<{ changes: number }>;
  /**
   * Streams rows without holding them all (exports of a million rows), a
   * batch at a time: one await per batch, not per row. `arrays`: each row as
   * an array of its column values, in select order, instead of an object.
   */
  iterate<R>(query: CompiledQuery, o?: { arrays?: boolean }): AsyncIterable<R[]>;
  /** Runs fn in one write transaction; called within one, it joins it (see write()). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** An office on a server (SPEC §14); a SQLite file is one office and has none. */
export interface Office {
  id: number;
  code: string;
  name: string;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** The office this connection acts for, on a server; null for a SQLite file (or a group-wide read). */
  readonly office: Office | null;
  /** Builds SQL for this engine; never runs it. */
  readonly q: Kysely<DB>;
  readonly exec: Executor;
  readonly path: string;
  /** Opened for reading only: a command that writes fails. */
  readonly readOnly: boolean;
  /** Set when this run created the file: a run that then fails takes it away again (storage/open.ts). */
  readonly created: NewFile | null;
}

/** The SQLite store: the connection, for the storage files that are SQLite-only by nature. */
export interface SqliteStore extends Store {
  readonly engine: 'sqlite';
  readonly sqlite: Database.Database;
  readonly statements: Map<string, Database.Statement>;
}

export interface NewFile {
  /** The first folder this run created to hold it, if any. */
  folder: string | null;
}

/**
 * Rows a streamed query hands over per await. Measured on an export of
 * 100,000 rows: one await per row cost ~5%; batches of 1,000 kept enough rows
 * alive to outlast young-generation collections (3× the GC time, +28 MB peak);
 * 100 costs neither.
 */
const BATCH = 100;

export function makeStore(sqlite: Database.Database, path: string, created: NewFile | null = null): SqliteStore {
  const q = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const store: SqliteStore = {
    engine: 'sqlite', office: null, sqlite, q, path, created, statements: new Map(),
    get readOnly() { return sqlite.readonly; },
    exec: sqliteExecutor(sqlite, (sql) => statement(store, sql)),
  };
  return store;
}

/**
 * better-sqlite3 answers at once; the promises only give it the shape every
 * engine shares. Writes run in BEGIN IMMEDIATE on the one connection: a
 * deferred BEGIN (kysely's transaction()) takes the write lock only at the
 * first write, and concurrent clerks then lose writes to SQLITE_BUSY.
 */
function sqliteExecutor(db: Database.Database, prepared: (sql: string) => Database.Statement): Executor {
  let savepoints = 0;
  const args = (query: CompiledQuery) => query.parameters as unknown[];
  return {
    all: async <R>(query: CompiledQuery) => prepared(query.sql).raw(false).all(...args(query)) as R[],
    arrays: async (query: CompiledQuery) => prepared(query.sql).raw(true).all(...args(query)) as unknown[][],
    first: async <R>(query: CompiledQuery) => prepared(query.sql).get(...args(query)) as R | undefined,
    run: async (query) => ({ changes: prepared(query.sql).run(...args(query)).changes }),
    async *iterate<R>(query: CompiledQuery, o: { arrays?: boolean } = {}) {
      // Its own statement: a statement that is iterating can run nothing else meanwhile.
      const rows = db.prepare(query.sql).raw(!!o.arrays).iterate(...args(query)) as IterableIterator<R>;
      let batch: R[] = [];
      for (const row of rows) {
        batch.push(row);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async transaction<T>(fn: () => Promise<T>) {
      // Within a transaction, a savepoint (as better-sqlite3's own transaction()
      // nests): its writes commit or roll back with the outer transaction, and
      // a failure inside it that the outer code catches undoes only its own.
      const nested = db.inTransaction;
      const name = `nested_${++savepoints}`;
      db.exec(nested ? `SAVEPOINT ${name}` : 'BEGIN IMMEDIATE');
      try {
        const result = await fn();
        db.exec(nested ? `RELEASE ${name}` : 'COMMIT');
        return result;
      } catch (err) {
        // SQLite may have rolled back already (a full disk, an interrupted statement).
        if (db.inTransaction) db.exec(nested ? `ROLLBACK TO ${name}; RELEASE ${name}` : 'ROLLBACK');
        throw err;
      } finally {
        savepoints--;
      }
    },
  };
}

/** The SQLite connection behind a store, for the storage that is SQLite-only. */
export function sqliteOf(s: Store): SqliteStore {
  if (s.engine !== 'sqlite' || !('sqlite' in s)) throw new Error(`a SQLite-only operation on a ${s.engine} database`);
  return s as SqliteStore;
}

/** A prepared statement, kept for the connection's life (SQLite-only storage). */
export function statement(s: SqliteStore, sql: string): Database.Statement {
  let st = s.statements.get(sql);
  if (!st) {
    st = s.sqlite.prepare(sql);
    s.statements.set(sql, st);
  }
  return st;
}

type Query<R> = Compilable<R>;

export function all<R>(s: Store, query: Query<R>): Promise<R[]> {
  return s.exec.all<R>(query.compile());
}

/** The rows as arrays of values in select order (the caller names them by position). */
export function arrays(s: Store, query: Query<unknown>): Promise<unknown[][]> {
  return s.exec.arrays(query.compile());
}

export function first<R>(s: Store, query: Query<R>): Promise<R | undefined> {
  return s.exec.first<R>(query.compile());
}

/** Runs a write; an insert that needs its new id says `.returning('id')` and goes through first(). */
export function run(s: Store, query: Query<unknown>): Promise<{ changes: number }> {
  return s.exec.run(query.compile());
}

/** Streams rows a batch at a time (exports of a million rows). */
export function iterate<R>(s: Store, query: Query<R>): AsyncIterable<R[]> {
  return s.exec.iterate<R>(query.compile());
}

/**
 * Runs fn in one transaction: all of it is written, or nothing. A write
 * inside another write joins it: written when the outer one commits.
 */
export function write<T>(s: Store, fn: () => Promise<T>): Promise<T> {
  return s.exec.transaction(fn);
}
