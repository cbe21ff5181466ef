// Where the database is, how tickets are numbered in it, and how it is refused.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';
import { knownMigrations } from '../../src/storage/sqlite/migrate.js';
import { knownPgMigrations } from '../../src/storage/postgres/migrate.js';
import { asDatabaseError } from '../../src/storage/sqlite/open.js';
import { DatabaseError } from '../../src/domain/errors.js';
import { message } from '../../src/output/i18n.js';

/** The schema version init reports: the engine's own migrations are numbered apart. */
const LATEST_SCHEMA = (onServer ? knownPgMigrations() : knownMigrations()).at(-1)!.version;

afterAll(removeTempDirs);

let db: string;
let env: Env;
beforeEach(() => {
  db = tempDb();
  env = testEnv(db);
});
const at = (now: string): { env: Env } => ({ env: { ...env, COMPLAINTS_NOW: now } });

function sql(file: string, statement: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.prepare(statement).run();
  } finally {
    sqlite.close();
  }
}

describe('ticket numbers in the database (SPEC §4)', () => {
  it.skipIf(onServer)(`widen past 999 and sort by count, not as text (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    const first = await cliJson(registerArgs(), at('2026-12-31T09:00:00+08:00'));
    expect(first.ticket).toBe('261231001');
    sql(db, 'UPDATE ticket_counters SET last = 998 WHERE year = 2026');
    const n999 = await cliJson(registerArgs({ phone: '13900139000', unit: '1-1-101' }), at('2026-12-31T10:00:00+08:00'));
    const n1000 = await cliJson(registerArgs({ phone: '13700137000', unit: '2-1-101' }), at('2026-12-31T11:00:00+08:00'));
    expect([n999.ticket, n1000.ticket]).toEqual(['261231999', '2612311000']);
    expect((await cliJson(['show', '261231-1000'], { env })).ticket).toBe('2612311000');
    expect((await cliJson(['show', '2612311000'], { env })).ticket).toBe('2612311000');
    const sorted = await cliJson(['list', '--sort', 'ticket'], { env });
    expect(sorted.map((c: any) => c.ticket)).toEqual(['261231001', '261231999', '2612311000']);
  });

  it('count per year of the office-local date received', async () => {
    const a = await cliJson(registerArgs({ 'received-at': '2026-12-31T23:30:00+08:00' }), at('2027-01-01T08:00:00+08:00'));
    const b = await cliJson(registerArgs({ phone: '13900139000', unit: '1-1-101' }), at('2027-01-01T08:00:00+08:00'));
    // 2027-01-01 00:30 in Shanghai is still 2026 in UTC: it belongs to 2027 here.
    const c = await cliJson(registerArgs({ phone: '13700137000', unit: '2-1-101', 'received-at': '2027-01-01T00:30:00+08:00' }), at('2027-01-01T08:00:00+08:00'));
    const d = await cliJson(registerArgs({ phone: '13600136000', unit: '3-1-101', 'received-at': '2026-12-30T10:00' }), at('2027-01-01T08:00:00+08:00'));
    expect([a.ticket, b.ticket, c.ticket, d.ticket]).toEqual(['261231001', '270101001', '270101002', '261230002']);
  });
});

describe('the database file', () => {
  it('--db wins over COMPLAINTS_DB', async () => {
    const other = path.join(tempDir(), 'other.db');
    expect((await cli(['--db', other, ...registerArgs()], { env })).code).toBe(0);
    expect(fs.existsSync(other)).toBe(true);
    expect(fs.existsSync(db)).toBe(false);
    expect(await cliJson(['list', '--db', other], { env })).toHaveLength(1);
  });

  it('init reports the schema and office; a second init changes nothing but what it is told', async () => {
    const first = await cliJson(['init', '--office', '阳光海岸客户服务中心'], { env });
    expect(first).toEqual({ database: db, schemaVersion: LATEST_SCHEMA, office: '阳光海岸客户服务中心', timeZone: 'Asia/Shanghai' });
    const again = await cliJson(['init'], { env });
    expect(again).toEqual(first);
    const bad = await cli(['init', '--timezone', 'Mars/Olympus'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Mars/Olympus');
  });

  it('times carry the office\'s offset', async () => {
    await cli(['init', '--timezone', 'Europe/London'], { env });
    const c = await cliJson(registerArgs(), { env }); // 10:00 in Shanghai is 03:00 in London (BST)
    expect(c.receivedAt).toBe('2026-09-12T03:00:00+01:00');
    expect(c.ticket).toBe('260912001');
    const winter = await cliJson(registerArgs({ phone: '13900139000', unit: '1-1-101' }), at('2026-12-01T10:00:00'));
    expect(winter.receivedAt).toBe('2026-12-01T10:00:00+00:00'); // COMPLAINTS_NOW without offset is office time
  });

  it('a path that is a directory is refused with exit 5', async () => {
    const dir = tempDir();
    const r = await cli(['list'], { env: { ...env, COMPLAINTS_DB: dir } });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('cannot read the database');
  });

  it.skipIf(onServer)(`a database of a newer schema is refused with exit 5 and left alone (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    await cli(['init'], { env });
    sql(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
    const before = fs.readFileSync(db);
    const r = await cli(registerArgs(), { env });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('newer version');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('an SQLite file of another program is refused with exit 5 and left unchanged', async () => {
    for (const schema of ['CREATE TABLE settings (k TEXT, v TEXT)', 'CREATE TABLE photos (id INTEGER, path TEXT)']) {
      const foreign = path.join(tempDir(), 'photos.db');
      sql(foreign, schema);
      const before = fs.readFileSync(foreign);
      const r = await cli(['list'], { env: { ...env, COMPLAINTS_DB: foreign } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('complaints database');
      expect(fs.readFileSync(foreign).equals(before)).toBe(true);
    }
  });

  it('a renamed department keeps its complaints', async () => {
    await cli(registerArgs(), { env });
    await cli(['assign', '260912-1', '--dept', '工程部'], { env });
    expect((await cli(['dept', 'rename', '工程部', '工程维修部'], { env })).code).toBe(0);
    expect((await cliJson(['show', '260912-1'], { env })).department).toBe('工程维修部');
    expect((await cliJson(['list', '--dept', '工程维修部'], { env })).map((c: any) => c.ticket)).toEqual(['260912001']);
  });
});

describe('a mistyped path', () => {
  it('commands that only look never create a database there', async () => {
    const missing = path.join(tempDir(), 'typo', 'complaints.db');
    for (const args of [['list'], ['show', '260912-1'], ['overdue'], ['config', 'get', 'office.name']]) {
      const r = await cli(args, { env: { ...testEnv(missing) } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('no database');
      expect(fs.existsSync(missing)).toBe(false);
    }
    // A command that records something creates it (the quick start relies on it).
    expect((await cli(registerArgs(), { env: testEnv(missing) })).code).toBe(0);
    expect(fs.existsSync(missing)).toBe(true);
  });
});

describe('a failed first run leaves no database behind', () => {
  const leftovers = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : []);

  it.each([
    ['no such ticket', 3, ['classify', '260912-9', '--severity', 'major']],
    ['a step on no ticket', 3, ['note', '260912-1', '已联系']],
    ['a refused setting, checked against the (new) settings', 2, ['config', 'set', 'threshold.important_claim_yuan', '30000']],
    ['a refused setting, checked before opening', 2, ['config', 'set', 'deadline.general.resolve_workdays', '999999999']],
    ['a refused registration', 2, ['register', '--name', '王女士', '--phone', '12345', '--description', '漏水']],
    ['an unknown department', 2, ['dept', 'rename', '不存在部', '新部']],
  ] as [string, number, string[]][])('%s: exit %i, and neither the file, its -wal/-shm nor the folders made for it remain', async (_what, code, args) => {
    const root = tempDir();
    const missing = path.join(root, 'typo', 'deeper', 'x.db');
    const r = await cli([...args, '--db', missing], { env: testEnv(missing) });
    expect(r.code).toBe(code);
    expect(leftovers(root)).toEqual([]);
  });

  it('a folder that was there stays; a first write still creates the file', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'x.db');
    expect((await cli(['classify', '260912-9', '--severity', 'major'], { env: testEnv(missing) })).code).toBe(3);
    expect(fs.existsSync(dir)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    for (const args of [['init'], ['config', 'set', 'office.name', '阳光海岸'], registerArgs()]) {
      const file = path.join(tempDir(), 'new', 'x.db');
      expect((await cli(args, { env: testEnv(file) })).code).toBe(0);
      expect(fs.existsSync(file)).toBe(true);
    }
  });

  it('a database that existed before is never taken away by a failure', async () => {
    await cli(['init'], { env });
    const before = dbBytes(db);
    expect((await cli(['classify', '260912-9', '--severity', 'major'], { env })).code).toBe(3);
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});

describe('problems with the database file exit 5 with what to do', () => {
  const FILE = '/data/complaints.db';
  it.each([
    ['SQLITE_BUSY', 'db.busy'], ['SQLITE_BUSY_SNAPSHOT', 'db.busy'], ['SQLITE_LOCKED_SHAREDCACHE', 'db.busy'],
    ['SQLITE_READONLY', 'db.readOnly'], ['SQLITE_READONLY_DIRECTORY', 'db.readOnly'], ['SQLITE_READONLY_CANTINIT', 'db.readOnly'],
    ['SQLITE_READONLY_DBMOVED', 'db.readOnly'], ['SQLITE_PERM', 'db.readOnly'], ['EACCES', 'db.readOnly'], ['EROFS', 'db.readOnly'],
    ['SQLITE_FULL', 'db.full'], ['ENOSPC', 'db.full'], ['EDQUOT', 'db.full'],
    ['SQLITE_IOERR', 'db.ioError'], ['SQLITE_IOERR_WRITE', 'db.ioError'], ['SQLITE_IOERR_FSYNC', 'db.ioError'], ['SQLITE_IOERR_SHORT_READ', 'db.ioError'],
    ['SQLITE_PROTOCOL', 'db.ioError'], ['EIO', 'db.ioError'],
    ['SQLITE_CORRUPT', 'db.unreadable'], ['SQLITE_CORRUPT_INDEX', 'db.unreadable'], ['SQLITE_NOTADB', 'db.unreadable'],
    ['SQLITE_CANTOPEN', 'db.unreadable'], ['SQLITE_CANTOPEN_ISDIR', 'db.unreadable'], ['EISDIR', 'db.unreadable'],
  ])('%s → %s', (code, key) => {
    const err = asDatabaseError(Object.assign(new Error('what SQLite said'), { code }), FILE);
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).key).toBe(key);
    expect((err as DatabaseError).exitCode).toBe(5);
    for (const lang of ['en', 'zh'] as const) {
      const text = message(lang, key, (err as DatabaseError).params);
      expect(text).toContain(FILE);
      if (key !== 'db.busy') expect(text).toContain(code);
    }
  });

  it('a constraint or a bug stays what it is (exit 1 with its detail)', () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_MISMATCH', 'ERR_INVALID_ARG_TYPE', undefined]) {
      const raw = Object.assign(new Error('x'), { code });
      expect(asDatabaseError(raw, FILE)).toBe(raw);
    }
  });

  it('a real full database: SQLite\'s own error becomes the disk-full message', () => {
    const sqlite = new Database(path.join(tempDir(), 'small.db'));
    try {
      sqlite.exec('CREATE TABLE t (b BLOB)');
      sqlite.pragma('max_page_count = 3');
      let caught: unknown;
      try {
        sqlite.prepare('INSERT INTO t VALUES (zeroblob(100000))').run();
      } catch (e) {
        caught = e;
      }
      const err = asDatabaseError(caught, FILE) as DatabaseError;
      expect(err.key).toBe('db.full');
      expect(message('en', err.key, err.params)).toContain('is full');
    } finally {
      sqlite.close();
    }
  });
});
