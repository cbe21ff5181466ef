// Finding, creating and opening the database file, then bringing its schema
// up to date. Every connection gets WAL, foreign keys and a busy timeout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseError } from '../domain/errors.js';
import { checkOwnership, migrate } from './migrate.js';
import { makeStore, type Store } from './store.js';

/** SPEC §8: --db, else COMPLAINTS_DB, else $XDG_DATA_HOME/complaints/complaints.db. */
export function databasePath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return path.resolve(flag);
  if (env.COMPLAINTS_DB) return path.resolve(env.COMPLAINTS_DB);
  const dataHome = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(dataHome, 'complaints', 'complaints.db');
}

export const BUSY_TIMEOUT_MS = 10_000;

/** A database that lives only as long as its connection: nothing on disk. */
export const IN_MEMORY = ':memory:';

export function openStore(file: string, now: number, opts: { create: boolean } = { create: true }): Store {
  if (file !== IN_MEMORY && !fs.existsSync(file)) {
    if (!opts.create) throw new DatabaseError('db.missing', { file });
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created empty with owner-only permissions; SQLite's -wal and -shm files inherit them.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    checkOwnership(makeStore(sqlite, file));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    sqlite?.close();
    throw asDatabaseError(err, file);
  }
  const store = makeStore(sqlite, file);
  try {
    migrate(store, now);
  } catch (err) {
    sqlite.close();
    throw asDatabaseError(err, file);
  }
  return store;
}

export function asDatabaseError(err: unknown, file: string): unknown {
  if (err instanceof DatabaseError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DatabaseError('db.busy', { file });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR') {
    return new DatabaseError('db.unreadable', { file, detail: (err as Error).message });
  }
  return err;
}
