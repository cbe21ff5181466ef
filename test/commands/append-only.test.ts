// SPEC §3: the timeline, attachments, call-backs and complaints cannot be
// rewritten from an SQLite shell, whatever the conflict clause or pragmas:
// every form is refused by the database itself and leaves the rows as they were.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, dbBytes, type Env, onServer, registerArgs, removeTempDirs, tempDb, tempDir, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;

async function ok(args: string[]): Promise<void> {
  await cliOk(args, { env });
}

// Two complaints, each with an attachment; the first resolved and called back once (an attempt and a satisfaction).
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  const photo = path.join(tempDir(), 'leak.txt');
  fs.writeFileSync(photo, 'water on the ceiling');
  await ok(registerArgs());
  await ok(registerArgs({ phone: '13900139000', unit: '5-1-302', description: '电梯坏了' }));
  await ok(['attach', '260912-1', photo]);
  await ok(['attach', '260912-2', photo]);
  await ok(['resolve', '260912-1', '--resolution', '已修好']);
  await ok(['follow-up', '260912-1', '--attempt', 'no_answer']);
  await ok(['follow-up', '260912-1', '--satisfaction', '5']);
});

const GUARDED = ['events', 'attachments', 'follow_ups', 'complaints'] as const;

function snapshot(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(GUARDED.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

/** The table's columns, with `column` replaced by a forged value and, optionally, others overridden. */
function forgedRow(sqlite: Database.Database, table: string, column: string, over: Record<string, string> = {}): { cols: string; select: string } {
  const names = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const exprs = names.map((n) => over[n] ?? (n === column ? "'forged'" : n));
  return { cols: names.join(', '), select: exprs.join(', ') };
}

/** Every way to overwrite or remove row 1 (kept from row 2's values where one is needed) of a record-only table. */
function recordRewrites(sqlite: Database.Database, table: string, column: string): string[] {
  const { cols, select } = forgedRow(sqlite, table, column);
  const from = `FROM ${table} WHERE id = 1`;
  return [
    `INSERT OR REPLACE INTO ${table} (${cols}) SELECT ${select} ${from}`,
    `REPLACE INTO ${table} (${cols}) SELECT ${select} ${from}`,
    `INSERT INTO ${table} (${cols}) SELECT ${select} ${from} ON CONFLICT DO UPDATE SET ${column} = excluded.${column}`,
    `INSERT INTO ${table} (${cols}) SELECT ${select} ${from} ON CONFLICT (id) DO UPDATE SET ${column} = 'forged'`,
    `INSERT OR REPLACE INTO ${table} (${cols}) SELECT ${forgedRow(sqlite, table, column, { id: '1' }).select} FROM ${table} WHERE id = 2`,
    `UPDATE OR REPLACE ${table} SET id = 1 WHERE id = 2`,
    `UPDATE OR REPLACE ${table} SET ${column} = 'forged' WHERE id = 1`,
    `UPDATE ${table} SET ${column} = 'forged' WHERE id = 1`,
    `DELETE FROM ${table} WHERE id = 1`,
    `DELETE FROM ${table}`,
  ];
}

/** A complaint changes as it is handled, but is never replaced, deleted or renumbered. */
function complaintRewrites(sqlite: Database.Database): string[] {
  const one = sqlite.prepare('SELECT ticket, year, seq FROM complaints WHERE id = 1').get() as { ticket: string; year: number; seq: number };
  const row = (over: Record<string, string>) => forgedRow(sqlite, 'complaints', 'description', over);
  const all = row({});
  const fresh = "(SELECT max(id) + 100 FROM complaints)";
  const sameTicket = row({ id: fresh, seq: '900' });
  const sameYearSeq = row({ id: fresh, ticket: "'269999900'", seq: String(one.seq) });
  const from2 = 'FROM complaints WHERE id = 2';
  return [
    `INSERT OR REPLACE INTO complaints (${all.cols}) SELECT ${all.select} FROM complaints WHERE id = 1`,
    `REPLACE INTO complaints (${all.cols}) SELECT ${all.select} FROM complaints WHERE id = 1`,
    `INSERT INTO complaints (${all.cols}) SELECT ${all.select} FROM complaints WHERE id = 1 ON CONFLICT DO UPDATE SET description = excluded.description`,
    `INSERT INTO complaints (${all.cols}) SELECT ${all.select} FROM complaints WHERE id = 1 ON CONFLICT (id) DO UPDATE SET description = 'forged'`,
    // A new id that takes complaint 1's ticket, or its year and running count: REPLACE deletes complaint 1.
    `INSERT OR REPLACE INTO complaints (${sameTicket.cols}) SELECT ${row({ id: fresh, seq: '900', ticket: `'${one.ticket}'` }).select} ${from2}`,
    `REPLACE INTO complaints (${sameYearSeq.cols}) SELECT ${sameYearSeq.select} ${from2}`,
    `INSERT INTO complaints (${sameTicket.cols}) SELECT ${row({ id: fresh, seq: '900', ticket: `'${one.ticket}'` }).select} ${from2} ON CONFLICT (ticket) DO UPDATE SET description = 'forged'`,
    `UPDATE OR REPLACE complaints SET ticket = '${one.ticket}' WHERE id = 2`,
    `UPDATE OR REPLACE complaints SET year = ${one.year}, seq = ${one.seq} WHERE id = 2`,
    'UPDATE OR REPLACE complaints SET id = 1 WHERE id = 2',
    "UPDATE complaints SET ticket = '269999999' WHERE id = 1",
    'UPDATE complaints SET id = 99 WHERE id = 1',
    'DELETE FROM complaints WHERE id = 1',
    'DELETE FROM complaints',
  ];
}

const PRAGMAS: [string, string[]][] = [
  ['foreign keys on, recursive triggers off', ['foreign_keys = ON', 'recursive_triggers = OFF']],
  ['foreign keys off, recursive triggers off', ['foreign_keys = OFF', 'recursive_triggers = OFF']],
  ['foreign keys on, recursive triggers on', ['foreign_keys = ON', 'recursive_triggers = ON']],
  ['foreign keys off, recursive triggers on', ['foreign_keys = OFF', 'recursive_triggers = ON']],
];

/** A connection as a person at the sqlite3 shell would have it. */
function shell(pragmas: string[]): Database.Database {
  const sqlite = new Database(db);
  for (const p of pragmas) sqlite.pragma(p);
  return sqlite;
}

describe.skipIf(onServer)(`no form of rewrite gets past the database (SQLite file only: rewrites its tables and triggers with better-sqlite3; test/pg/offices.test.ts holds the server to the same)`, () => {
  it('the fixture has rows to rewrite in every guarded table', () => {
    const sqlite = shell([]);
    try {
      for (const t of GUARDED) expect((sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)).toBeGreaterThanOrEqual(2);
    } finally {
      sqlite.close();
    }
  });

  const COLUMN: Record<string, string> = { events: 'note', attachments: 'name', follow_ups: 'note' };
  describe.each(PRAGMAS)('%s', (_what, pragmas) => {
    it.each(['events', 'attachments', 'follow_ups', 'complaints'])('%s: every form is refused and the rows are unchanged', (table) => {
      const before = dbBytes(db);
      const sqlite = shell(pragmas);
      try {
        const statements = table === 'complaints' ? complaintRewrites(sqlite) : recordRewrites(sqlite, table, COLUMN[table]);
        const rows = snapshot(sqlite);
        for (const sql of statements) {
          expect(() => sqlite.prepare(sql).run(), sql).toThrow(/append-only|kept as|never|keeps its/);
          expect(snapshot(sqlite), sql).toEqual(rows);
        }
      } finally {
        sqlite.close();
      }
      expect(dbBytes(db).equals(before)).toBe(true);
    });
  });

  it('ids below 1 are refused, so an id SQLite is about to choose never looks taken', () => {
    const sqlite = shell([]);
    try {
      const rows = snapshot(sqlite);
      for (const table of ['events', 'attachments', 'follow_ups', 'complaints']) {
        const { cols, select } = forgedRow(sqlite, table, 'id', { id: '-1', ticket: "'269999901'", seq: '901' });
        expect(() => sqlite.prepare(`INSERT INTO ${table} (${cols}) SELECT ${select} FROM ${table} WHERE id = 1`).run(), table).toThrow(/1 or more/);
      }
      expect(snapshot(sqlite)).toEqual(rows);
    } finally {
      sqlite.close();
    }
  });

  it('what the desk does still works: appending events, call-backs, attachments and new complaints', async () => {
    const sqlite = shell(['foreign_keys = ON']);
    try {
      const n = sqlite.prepare('SELECT count(*) FROM events').pluck().get() as number;
      sqlite.prepare("INSERT INTO events (complaint_id, at, actor, action) VALUES (NULL, 0, 'test', 'note')").run();
      expect(sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(n + 1);
    } finally {
      sqlite.close();
    }
    await ok(registerArgs({ phone: '13700137000', unit: '6-1-101', description: '路灯不亮' }));
    await ok(['resolve', '260912-3', '--resolution', '已更换']);
    await ok(['follow-up', '260912-3', '--satisfaction', '4']);
    await ok(['assign', '260912-2', '--dept', '工程部']);
  });
});

describe.skipIf(onServer)(`doctor notices a guard that was dropped or changed (SQLite file only: rewrites its tables and triggers with better-sqlite3; test/pg/offices.test.ts holds the server to the same)`, () => {
  it('lists every missing or altered guard trigger and exits 5', async () => {
    const copyDb = path.join(tempDir(), 'copy.db');
    const src = new Database(db);
    await src.backup(copyDb);
    src.close();
    const copyEnv = testEnv(copyDb);
    const healthy = await cli(['doctor', '--json'], { env: copyEnv });
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout).guards).toEqual({ missing: [], altered: [] });

    const sqlite = new Database(copyDb);
    sqlite.exec('DROP TRIGGER events_no_replace; DROP TRIGGER follow_ups_no_delete; DROP TRIGGER complaints_no_delete');
    sqlite.exec("DROP TRIGGER attachments_no_update; CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments WHEN 0 BEGIN SELECT 1; END");
    sqlite.close();
    const r = await cli(['doctor'], { env: copyEnv });
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('guard trigger(s) missing: complaints_no_delete, events_no_replace, follow_ups_no_delete');
    expect(r.stdout).toContain('guard trigger(s) changed: attachments_no_update');
    expect(r.stderr).toContain('problem(s)');
    const j = await cli(['doctor', '--json'], { env: copyEnv });
    expect(j.code).toBe(5);
    expect(JSON.parse(j.stdout).guards).toEqual({ missing: ['complaints_no_delete', 'events_no_replace', 'follow_ups_no_delete'], altered: ['attachments_no_update'] });
  });
});
