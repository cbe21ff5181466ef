// write(s, fn) with an asynchronous fn: one transaction however many awaits
// it spans. A failure anywhere in it leaves the file byte-for-byte as it was;
// a write inside another write joins it and is written only when it commits.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/sqlite/open.js';
import { all, write, type SqliteStore, type Store } from '../../src/storage/store.js';
import { appendEvents } from '../../src/storage/events.js';
import { insertDepartment, listDepartments } from '../../src/storage/departments.js';
import { cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const NOW = Date.parse('2026-09-12T10:00:00+08:00');
/** A turn of the event loop, as a server engine's answer would take. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let db: string;

beforeAll(async () => {
  db = tempDb();
  await cliOk(registerArgs(), { env: testEnv(db) });
});

async function withStore<T>(fn: (s: SqliteStore) => Promise<T>): Promise<T> {
  const s = openStore(db, NOW, { create: false });
  try {
    return await fn(s);
  } finally {
    s.sqlite.close();
  }
}

const departments = async (s: Store) => (await listDepartments(s)).map((d) => d.name);

/** What another connection sees: committed rows only. */
function committedDepartments(): string[] {
  const other = new Database(db, { readonly: true });
  try {
    return (other.prepare('SELECT name FROM departments ORDER BY id').pluck().all() as string[]);
  } finally {
    other.close();
  }
}

describe.skipIf(onServer)(`write transactions (SQLite file only: opens the SQLite store in-process and watches it from a second connection)`, () => {
  it('a write that fails after several awaits rolls everything back: the file is byte-identical', async () => {
    const before = dbBytes(db);
    await withStore(async (s) => {
      await expect(write(s, async () => {
        await insertDepartment(s, '临时部', NOW);
        await tick();
        await appendEvents(s, null, 'li', NOW, [{ action: 'dept-add', before: null, after: { name: '临时部' }, note: null }]);
        await tick();
        throw new Error('refused halfway');
      })).rejects.toThrow('refused halfway');
      expect(await departments(s)).not.toContain('临时部');
      // The connection is usable again: the failed transaction is over.
      expect(s.sqlite.inTransaction).toBe(false);
    });
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('a nested write joins its outer transaction: nothing is committed until the outer one commits', async () => {
    await withStore(async (s) => {
      await write(s, async () => {
        await insertDepartment(s, '外层部', NOW);
        await write(s, async () => {
          await tick();
          await insertDepartment(s, '内层部', NOW);
        });
        // The inner write has returned, yet no other connection sees either row.
        expect(committedDepartments()).not.toContain('内层部');
        expect(committedDepartments()).not.toContain('外层部');
        expect(await departments(s)).toEqual(expect.arrayContaining(['外层部', '内层部']));
      });
    });
    expect(committedDepartments()).toEqual(expect.arrayContaining(['外层部', '内层部']));
  });

  it('when the outer write fails after a nested one succeeded, the nested one is rolled back too', async () => {
    const before = dbBytes(db);
    await withStore(async (s) => {
      await expect(write(s, async () => {
        await write(s, async () => {
          await insertDepartment(s, '随后撤销部', NOW);
        });
        await tick();
        throw new Error('outer fails');
      })).rejects.toThrow('outer fails');
      expect(await all(s, s.q.selectFrom('departments').select('name').where('name', '=', '随后撤销部'))).toEqual([]);
    });
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('a nested write that fails and is caught undoes only its own rows', async () => {
    await withStore(async (s) => {
      await write(s, async () => {
        await insertDepartment(s, '保留部', NOW);
        await write(s, async () => {
          await insertDepartment(s, '失败部', NOW);
          throw new Error('inner fails');
        }).catch(() => undefined);
      });
      expect(await departments(s)).toContain('保留部');
      expect(await departments(s)).not.toContain('失败部');
    });
  });
});
