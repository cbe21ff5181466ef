// End to end through the built binary (node bin/complaints.js), with no
// terminal: stdin ignored, stdout and stderr piped, a temp database.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, registerArgs, removeTempDirs, spawnCli, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';
import { knownMigrations } from '../../src/storage/sqlite/migrate.js';

const LATEST_SCHEMA = knownMigrations().at(-1)!.version;

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function step(args: string[], env: Env): any {
  const r = spawnCli([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the binary, without a terminal', () => {
  it('takes a complaint from register to closed, printing JSON at each step', () => {
    const db = tempDb();
    const env = testEnv(db);
    const at = (now: string) => ({ ...env, COMPLAINTS_NOW: now });

    const reg = step(registerArgs(), env);
    expect(reg).toMatchObject({ ticket: '260912001', status: 'registered', receivedAt: '2026-09-12T10:00:00+08:00' });
    const cls = step(['classify', '260912-1', '--validity', 'valid', '--subcategory', 'leak'], env);
    expect(cls.validity).toBe('valid');
    const asg = step(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], env);
    expect(asg).toMatchObject({ status: 'assigned', department: '工程部', assignee: '张工' });
    const trf = step(['assign', '260912-1', '--dept', '秩序部'], at('2026-09-14T09:00:00+08:00'));
    expect(trf).toMatchObject({ department: '秩序部', assignee: null });
    const con = step(['contact', '260912-1', '--note', '已电话联系'], at('2026-09-14T09:30:00+08:00'));
    expect(con.contactedAt).toBe('2026-09-14T09:30:00+08:00');
    const res = step(['resolve', '260912-1', '--resolution', '已更换水管', '--cost', '300', '--approved-by', '王经理'], at('2026-09-15T16:00:00+08:00'));
    expect(res).toMatchObject({ status: 'resolved', cost: 300, approvedBy: '王经理', deadlines: { followUp: '2026-09-21T23:59:59+08:00' } });
    const fu = step(['follow-up', '260912-1', '--satisfaction', '1', '--method', 'visit'], at('2026-09-16T10:00:00+08:00'));
    expect(fu).toMatchObject({ status: 'closed', followUp: { satisfaction: 1, method: 'visit', at: '2026-09-16T10:00:00+08:00' } });
    const shown = step(['show', '260912001'], at('2026-09-16T10:00:00+08:00'));
    expect(shown.events.map((e: any) => e.action)).toEqual(['register', 'classify', 'assign', 'transfer', 'contact', 'resolve', 'follow-up']);
  });

  it('exits 2, 3 and 4 with the reason on stderr and nothing on stdout', () => {
    const env = testEnv(tempDb());
    step(registerArgs({ kind: 'inquiry' }), env);
    step(['resolve', '260912-1', '--resolution', '已答复'], env); // an inquiry closes on resolve

    const usage = spawnCli(['register', '--name', '王女士', '--json'], env);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('--description');

    const missing = spawnCli(['show', '260912-7', '--json'], env);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('no complaint 260912007');

    const state = spawnCli(['resolve', '260912-1', '--resolution', 'again', '--json'], env);
    expect(state.code).toBe(4);
    expect(state.stdout).toBe('');
    expect(state.stderr).toContain('cannot resolve 260912001');
  });

  it('never waits for a prompt without a terminal', () => {
    const r = spawnCli(['register'], testEnv(tempDb()));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
    expect(r.stderr).toContain('--description');
  });

  it.skipIf(onServer)(`refuses a database made by a newer version with exit 5 (SQLite file only: reads or changes its tables with better-sqlite3)`, () => {
    const db = tempDb();
    const env = testEnv(db);
    expect(spawnCli(['init'], env).code).toBe(0);
    const sqlite = new Database(db);
    sqlite.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)").run();
    sqlite.close();
    const r = spawnCli(['list', '--json'], env);
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('newer');
    expect(r.stderr).toContain('9999');
  });

  it.skipIf(onServer)(`refuses a file that is not a database with exit 5, and leaves it alone (SQLite file only: reads or changes its tables with better-sqlite3)`, () => {
    const db = tempDb();
    const junk = Buffer.from('this is not an SQLite database, just some junk bytes '.repeat(100));
    fs.writeFileSync(db, junk);
    const r = spawnCli(['list'], testEnv(db));
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read the database');
    expect(fs.readFileSync(db).equals(junk)).toBe(true);
  });

  it('creates the database with its directories, readable by its owner only', () => {
    const db = path.join(tempDir(), 'no', 'such', 'dir', 'complaints.db');
    const r = spawnCli(['init', '--office', '阳光海岸客户服务中心', '--json'], testEnv(db));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ database: db, schemaVersion: LATEST_SCHEMA, office: '阳光海岸客户服务中心', timeZone: 'Asia/Shanghai' });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(db)).isDirectory()).toBe(true);
  });

  it('--help shows the commands and opens no database', () => {
    const db = path.join(tempDir(), 'complaints.db');
    const r = spawnCli(['--help'], testEnv(db));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('register');
    expect(r.stdout).toContain('Exit codes');
    expect(fs.existsSync(db)).toBe(false);
  });
});
