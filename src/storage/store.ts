// The open database: better-sqlite3 executes, kysely only builds SQL (its
// compile() step), so every query stays synchronous and every write can run
// inside one BEGIN IMMEDIATE transaction — kysely's own transaction() issues a
// deferred BEGIN, which loses writes to SQLITE_BUSY under concurrent clerks.
import type Database from 'better-sqlite3';
import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable,
} from 'kysely';
import type { DB } from './schema-types.js';

export interface Store {
  readonly sqlite: Database.Database;
  readonly q: Kysely<DB>;
  readonly path: string;
  readonly statements: Map<string, Database.Statement>;
  /** Set when this run created the file: a run that then fails takes it away again (storage/open.ts). */
  readonly created: NewFile | null;
}

export interface NewFile {
  /** The first folder this run created to hold it, if any. */
  folder: string | null;
}

export function makeStore(sqlite: Database.Database, path: string, created: NewFile | null = null): Store {
  const q = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  return { sqlite, q, path, statements: new Map(), created };
}

export function statement(s: Store, sql: string): Database.Statement {
  let st = s.statements.get(sql);
  if (!st) {
    st = s.sqlite.prepare(sql);
    s.statements.set(sql, st);
  }
  return st;
}

type Query<R> = Compilable<R>;

export function all<R>(s: Store, query: Query<R>): R[] {
  const c = query.compile();
  return statement(s, c.sql).all(...(c.parameters as unknown[])) as R[];
}

export function first<R>(s: Store, query: Query<R>): R | undefined {
  const c = query.compile();
  return statement(s, c.sql).get(...(c.parameters as unknown[])) as R | undefined;
}

export function run(s: Store, query: Query<unknown>): { changes: number; lastInsertRowid: number } {
  const c = query.compile();
  const r = statement(s, c.sql).run(...(c.parameters as unknown[]));
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
}

/** Streams rows without holding them all (exports of a million rows). */
export function iterate<R>(s: Store, query: Query<R>): IterableIterator<R> {
  const c = query.compile();
  return s.sqlite.prepare(c.sql).iterate(...(c.parameters as unknown[])) as IterableIterator<R>;
}

/** Runs fn in one BEGIN IMMEDIATE transaction: all of it is written, or nothing. */
export function write<T>(s: Store, fn: () => T): T {
  return s.sqlite.transaction(fn).immediate();
}
