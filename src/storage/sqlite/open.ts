// SQLite-only: finding, creating and opening the database file, then bringing
// its schema up to date. Every connection gets WAL, foreign keys and a busy timeout.
import './uri-filenames.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { DatabaseError } from '../../domain/errors.js';
import { checkOwnership, knownMigrations, migrate, schemaVersion } from './migrate.js';
import { makeStore, sqliteOf, type NewFile, type SqliteStore, type Store } from '../store.js';

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

export function openStore(file: string, now: number, opts: { create: boolean } = { create: true }): SqliteStore {
  const created = file === IN_MEMORY ? null : createIfMissing(file, opts.create);
  // Reading needs no write: a file this user may not write, or one in a
  // folder it may not write, is opened read-only, and only a command that
  // writes fails. Asked first (two access() calls), not learnt by trying: a
  // writable connection to a read-only file would leave -wal and -shm files
  // its owner cannot write.
  if (file !== IN_MEMORY && !created && !(canWrite(file) && canWrite(path.dirname(file)))) return openReadOnly(file);
  try {
    return openForWriting(file, now, created);
  } catch (err) {
    const e = asDatabaseError(err, file);
    // What access() did not tell (a read-only mount, a policy): read-only after all.
    if (!created && e instanceof DatabaseError && e.key === 'db.readOnly') return openReadOnly(file);
    throw e;
  }
}

/** Creates an empty file (and its folder) where there is none; returns what it created. */
function createIfMissing(file: string, create: boolean): NewFile | null {
  if (fs.existsSync(file)) return null;
  if (!create) throw new DatabaseError('db.missing', { file });
  try {
    const folder = fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 }) ?? null;
    // Created empty with owner-only permissions; SQLite's -wal and -shm files inherit them.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    return { folder };
  } catch (err) {
    // Another process made it first: theirs, not ours to take away.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw asDatabaseError(err, file);
  }
}

function openForWriting(file: string, now: number, created: NewFile | null): SqliteStore {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    checkOwnership(makeStore(sqlite, file));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const store = makeStore(sqlite, file, created);
    migrate(store, now);
    return store;
  } catch (err) {
    sqlite?.close();
    throw err;
  }
}

/**
 * A read-only connection. SQLite reads a WAL database through its -wal and
 * -shm files: where they exist (someone who may write it has it open), it
 * reads through them; where they do not, it would have to create them (and
 * cannot, or would leave them behind for the owner), so the file is opened
 * `immutable` and read as it is.
 */
function openReadOnly(file: string): SqliteStore {
  const name = fs.existsSync(`${file}-wal`) ? file : `${pathToFileURL(file).href}?immutable=1`;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(name, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const store = makeStore(sqlite, file);
    checkOwnership(store);
    sqlite.pragma('foreign_keys = ON');
    const version = schemaVersion(store);
    const latest = knownMigrations().at(-1)?.version ?? 0;
    if (version < latest) throw new DatabaseError('db.readOnlyUpgrade', { file, version, latest });
    return store;
  } catch (err) {
    sqlite?.close();
    throw asDatabaseError(err, file);
  }
}

function canWrite(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where this run created the file and then failed (a mistyped --db, a
 * refusal), it takes the file away again, so no empty database is left
 * behind — unless something was written to it since it was opened (by this
 * connection or, per data_version, by another) or another connection still
 * has it open (the last one to close removes the -wal file). One opening it
 * in the instant between its `open` and its first read is not seen.
 */
export function discardIfUntouched(s: Store, mark: string): void {
  const untouched = s.created !== null && writeMark(s) === mark;
  closeStore(s);
  if (!untouched || fs.existsSync(`${s.path}-wal`)) return;
  try {
    removeFiles(s.path, s.created!);
  } catch {
    // Left as it is: the run's own failure is what the person needs to hear about.
  }
}

/** Changes since the connection opened: its own, and other connections' commits. */
export function writeMark(s: Store): string {
  const { sqlite } = sqliteOf(s);
  const r = sqlite.prepare('SELECT total_changes() AS own').get() as { own: number };
  return `${r.own}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

export function closeStore(s: Store): void {
  sqliteOf(s).sqlite.close();
}

function removeFiles(file: string, created: NewFile): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  if (created.folder === null) return;
  // The folders it made, deepest first, while they are empty.
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === created.folder) return;
  }
}

/** The file's problems, by what the person should do about them: SQLite's codes (extended ones too) and the system's. */
const FILE_PROBLEMS: Record<string, string> = {
  SQLITE_BUSY: 'db.busy', SQLITE_LOCKED: 'db.busy',
  SQLITE_READONLY: 'db.readOnly', SQLITE_PERM: 'db.readOnly', EACCES: 'db.readOnly', EPERM: 'db.readOnly', EROFS: 'db.readOnly',
  SQLITE_FULL: 'db.full', ENOSPC: 'db.full', EDQUOT: 'db.full',
  SQLITE_IOERR: 'db.ioError', SQLITE_NOLFS: 'db.ioError', SQLITE_PROTOCOL: 'db.ioError', EIO: 'db.ioError',
  SQLITE_CORRUPT: 'db.unreadable', SQLITE_NOTADB: 'db.unreadable', SQLITE_CANTOPEN: 'db.unreadable', SQLITE_FORMAT: 'db.unreadable',
  EISDIR: 'db.unreadable', ENOTDIR: 'db.unreadable',
};

export function asDatabaseError(err: unknown, file: string): unknown {
  if (err instanceof DatabaseError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  // SQLITE_IOERR_WRITE, SQLITE_READONLY_DIRECTORY, SQLITE_BUSY_SNAPSHOT…: the primary code before the detail.
  const key = FILE_PROBLEMS[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code];
  if (!key) return err;
  return new DatabaseError(key, { file, detail: `${(err as Error).message} (${code})` });
}
