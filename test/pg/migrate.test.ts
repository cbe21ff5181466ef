// `migrate`: an office's SQLite file, built through the CLI, moved onto a
// real PostgreSQL as office YG beside an office already there; then every
// command reads the same on both engines (tickets aside), the server goes on
// numbering where the file stopped, and every refusal or failure — midway
// through the copy, or at the verification — leaves both sides unchanged.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, cliOk, dbBytes, registerArgs, removeTempDirs, tempDir, testEnv, type Env } from '../helpers.js';
import { connect, usePgServer, type PgServer } from '../support/pg-test-db.js';

const server = usePgServer();
let db: Awaited<ReturnType<PgServer['migratedDatabase']>>;
let file: string;
let fileEnv: Env;

afterAll(removeTempDirs);

/** The server as the office YG's user sees it through the CLI (the actor is the login role). */
const serverEnv = (office = 'YG'): Env => ({ ...fileEnv, COMPLAINTS_DB: db.url(), COMPLAINTS_OFFICE: office, COMPLAINTS_ACTOR: undefined });

const TICKETS = ['260912002', '260912003', '260912004', '260912005', '260912006'];

async function asSuperuser<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = await connect(db.url());
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every row the offices have, the offices and their roles, as text: what a refusal must leave unchanged. */
async function serverDump(): Promise<string> {
  return asSuperuser(async (c) => {
    const out: string[] = [];
    const tables = ['offices', 'departments', 'settings', 'ticket_counters', 'complaints', 'follow_ups', 'events', 'calendar_overrides',
      'report_snapshots', 'attachments', 'payments', 'complaint_steps', 'report_ups', 'earlier_deadlines', 'complaint_search'];
    for (const t of tables) out.push(t, JSON.stringify((await c.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows));
    out.push(JSON.stringify((await c.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'complaints_office_%' ORDER BY 1")).rows));
    return out.join('\n');
  });
}

const withoutCode = (text: string) => text.replace(/\bYG-(\d{9})/g, '$1');

beforeAll(async () => {
  db = await server.migratedDatabase(['HY']);
  // A SQLite file whichever engine the suite runs on: it is what migrate moves.
  file = path.join(tempDir(), 'office.db');
  fileEnv = testEnv(file);
  const ok = (args: string[]) => cliOk(args, { env: fileEnv });
  const photo = path.join(tempDir(), '现场.jpg');
  fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251]));
  await ok(['config', 'set', 'office.name', '阳光海岸客户服务中心']);
  await ok(['dept', 'add', '园林部']);
  await ok(['config', 'set', 'deadline.general.resolve', '5wd']);
  await ok(['calendar', 'set', '2026-10-09', 'holiday', '--name', '物业开放日']);
  // 001: assigned to a department of the file's own, resolved with a cost, called back, closed.
  await ok(registerArgs({ 'received-at': '2026-08-20T09:00' }));
  await ok(['assign', '260820-1', '--dept', '园林部', '--to', '张工']);
  await ok(['contact', '260820-1', '--note', '已电话联系']);
  await ok(['resolve', '260820-1', '--resolution', '更换水管', '--cost', '800', '--responsible', '工程部', '--responsible-person', '张工', '--approved-by', '王经理']);
  await ok(['follow-up', '260820-1', '--satisfaction', '2', '--note', '业主满意']);
  // The August report, kept as a snapshot.
  await ok(['report', 'monthly', '--month', '2026-08', '--json']);
  // 260912001…005 today: a major one reported up, a duplicate, an attachment, a step, an earlier deadline.
  await ok(registerArgs());
  await ok(registerArgs({ phone: '13900139000', unit: '5-1-302', claim: '30000', description: '地下车库漏水泡坏车辆' }));
  await ok(['report-up', '260912-2', '--to', 'director', '--via', 'phone', '--note', '已电话汇报主任']);
  await ok(registerArgs({ phone: '13700137000', unit: '6-1-101', description: '电梯故障停在12层' }));
  await ok(['attach', '260912-3', photo]);
  await ok(['assign', '260912-3', '--dept', '工程部']);
  await ok(['deadline', '260912-3', 'resolve', '--by', '2026-09-14T18:00', '--reason', '业主要求周一前修好']);
  await ok(registerArgs({ phone: '13700137000', unit: '6-1-101', description: '电梯又坏了' }));
  await ok(['close', '260912-4', '--reason', 'duplicate', '--of', '260912-3']);
  await ok(registerArgs({ phone: '13600136000', unit: '7-1-101', category: 'other', description: '路灯不亮' }));
  await ok(['note', '260912-5', '维修工已到场']);
  // Accountability (SPEC §12): the staff list, an approval before the work, a cause and correction, a spot check.
  await ok(['staff', 'add', '李总', '--role', 'general_manager']);
  await ok(['approve', '260912-3', '--amount', '500', '--by', '李总', '--note', '更换电梯按钮']);
  await ok(['resolve', '260912-5', '--resolution', '已更换灯泡', '--cause', '灯泡老化', '--action', '每月巡检路灯']);
  await ok(['audit', '260912-5', '--result', 'pass', '--note', '抽查已亮']);
  // The office's estates (SPEC §16): one renamed, so it has an old name as an alias, and one more alias.
  await ok(['estate', 'add', '阳光海岸']);
  await ok(['estate', 'rename', '阳光海岸', '阳光海岸一期']);
  await ok(['estate', 'alias', '阳光海岸一期', '阳光海岸小区']);
});

describe('migrate: moving a file onto the server', () => {
  let moved: any;
  let fileBefore: Buffer;

  beforeAll(async () => {
    fileBefore = dbBytes(file);
    const r = await cli(['migrate', '--to', db.url(), '--office', 'YG', '--name', '阳光海岸', '--json'], { env: fileEnv });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    moved = JSON.parse(r.stdout);
  });

  test('reports what it moved, verified, into a new office; the file is only read', () => {
    expect(moved).toMatchObject({ office: { code: 'YG', name: '阳光海岸', created: true }, complaints: 6, verified: true });
    expect(moved.tables.complaints).toEqual({ file: 6, merged: 0 });
    expect(moved.tables.attachments).toEqual({ file: 1, merged: 0 });
    expect(moved.tables.payments).toEqual({ file: 1, merged: 0 });
    expect(moved.tables.report_snapshots).toEqual({ file: 1, merged: 0 });
    for (const t of ['staff', 'approvals', 'audits']) expect(moved.tables[t], t).toEqual({ file: 1, merged: 0 });
    expect(moved.tables.estates).toEqual({ file: 1, merged: 0 });
    expect(moved.tables.estate_aliases).toEqual({ file: 2, merged: 0 });
    // The seven departments a new office starts with are the file's too; 园林部 is added.
    expect(moved.tables.departments).toEqual({ file: 8, merged: 7 });
    expect(moved.tables.events.file).toBeGreaterThan(15);
    expect(typeof moved.seconds).toBe('number');
    expect(dbBytes(file).equals(fileBefore)).toBe(true);
  });

  test('the estates and their aliases arrive, and the complaints count under the current name there too', async () => {
    const there = await cliOk(['estate', 'list', '--json'], { env: serverEnv() });
    expect(JSON.parse(there.stdout)).toEqual([{ name: '阳光海岸一期', aliases: ['阳光海岸', '阳光海岸小区'] }]);
    const here = await cliOk(['list', '--estate', '一期', '--status', 'all', '--json'], { env: fileEnv });
    const onServer = await cliOk(['list', '--estate', '一期', '--status', 'all', '--json'], { env: serverEnv() });
    expect(JSON.parse(here.stdout).length).toBeGreaterThan(0);
    expect(withoutCode(onServer.stdout)).toBe(here.stdout);
  });

  test('show --json of every complaint is the same on both engines, tickets aside', async () => {
    for (const ticket of ['260820001', ...TICKETS]) {
      const here = await cliOk(['show', ticket, '--json'], { env: fileEnv });
      const there = await cliOk(['show', `YG-${ticket}`, '--json'], { env: serverEnv() });
      expect(there.stdout).toContain(`"ticket": "YG-${ticket}"`);
      expect(withoutCode(there.stdout), ticket).toBe(here.stdout);
    }
  });

  // A report computed afresh is compared once the report queries run on PostgreSQL (they sum booleans, which SQLite alone allows).
  test('list, search, the kept monthly snapshot and the overdue list are the same on both engines', async () => {
    for (const args of [
      ['list', '--status', 'all', '--json'],
      ['list', '--search', '漏水', '--json'],
      ['report', 'monthly', '--month', '2026-08', '--json'],
      ['overdue', '--json'],
    ]) {
      const here = await cliOk(args, { env: fileEnv });
      const there = await cliOk(args, { env: serverEnv() });
      expect(withoutCode(there.stdout), args.join(' ')).toBe(here.stdout);
    }
  });

  test('the attachment comes back byte for byte', async () => {
    const out = path.join(tempDir(), 'back.jpg');
    await cliOk(['attachments', 'YG-260912003', '--extract', '1', '--out', out], { env: serverEnv() });
    expect(fs.readFileSync(out)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251]));
  });

  test('the server numbers on where the file stopped, and both offices keep writing with free ids', async () => {
    const yg = JSON.parse((await cliOk([...registerArgs({ phone: '13500135000', unit: '9-9-909' }), '--json'], { env: serverEnv() })).stdout);
    expect(yg.ticket).toBe('YG-260912007');
    const hy = JSON.parse((await cliOk([...registerArgs({ phone: '13500135001' }), '--json'], { env: serverEnv('HY') })).stdout);
    expect(hy.ticket).toBe('HY-260912001');
    await cliOk(['note', 'HY-260912001', '记录'], { env: serverEnv('HY') });
    await cliOk(['note', 'YG-260912007', '记录'], { env: serverEnv() });
  });

  test('the same file again into YG is refused (exit 4): the office holds complaints; nothing changes on either side', async () => {
    const before = await serverDump();
    const r = await cli(['migrate', '--to', db.url(), '--office', 'YG'], { env: fileEnv });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/office YG .* already holds 7 complaint\(s\)/);
    expect(r.stderr).toContain('--office');
    expect(await serverDump()).toBe(before);
    expect(dbBytes(file).equals(fileBefore)).toBe(true);
  });
});

describe('migrate: refusals and failures change nothing', () => {
  test.each([
    ['an office code that is not one', ['--office', 'yg-1'], 2, /"yg-1" is not an office code/],
    ['no office', [], 2, /--office <CODE>/],
    ['--to that is not a server', ['--office', 'ZZ', '--to-file'], 2, /--to must be a PostgreSQL server's address/],
  ])('%s: exit %i', async (_what, extra, code, message) => {
    const before = await serverDump();
    const fileBefore = dbBytes(file);
    const to = extra.includes('--to-file') ? path.join(tempDir(), 'x.db') : db.url();
    const args = ['migrate', '--to', to, ...extra.filter((a) => a !== '--to-file')];
    const r = await cli(args, { env: { ...fileEnv, COMPLAINTS_OFFICE: undefined } });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(await serverDump()).toBe(before);
    expect(dbBytes(file).equals(fileBefore)).toBe(true);
  });

  test('no such file: exit 5, and no file is created there', async () => {
    const missing = path.join(tempDir(), 'none.db');
    const before = await serverDump();
    const r = await cli(['migrate', '--to', db.url(), '--office', 'ZZ'], { env: testEnv(missing) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`there is no database at ${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(await serverDump()).toBe(before);
  });

  test('a server that does not answer: exit 5, the file unchanged', async () => {
    const fileBefore = dbBytes(file);
    const nowhere = `postgres://postgres@localhost/x?host=${encodeURIComponent(tempDir())}&port=5999`;
    const r = await cli(['migrate', '--to', nowhere, '--office', 'ZZ'], { env: fileEnv });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/cannot reach the server/);
    expect(dbBytes(file).equals(fileBefore)).toBe(true);
  });

  test('a failure midway (the server refuses the payments) rolls back everything, the new office and its role included', async () => {
    await asSuperuser((c) => c.query(`
      CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk quota exceeded'; END $$;
      CREATE TRIGGER test_refuse BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION test_refuse();`));
    try {
      const before = await serverDump();
      const r = await cli(['migrate', '--to', db.url(), '--office', 'ZZ'], { env: fileEnv });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/moving .* into office ZZ failed: disk quota exceeded\. Everything was rolled back/);
      expect(await serverDump()).toBe(before);
    } finally {
      await asSuperuser((c) => c.query('DROP TRIGGER test_refuse ON payments; DROP FUNCTION test_refuse()'));
    }
  });

  test('a copy that reads differently from the file is found by the checksums, named, and rolled back', async () => {
    await asSuperuser((c) => c.query(`
      CREATE FUNCTION test_alter() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.ticket LIKE '%260912003' THEN NEW.subject := NEW.subject || '!'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_alter BEFORE INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION test_alter();`));
    try {
      const before = await serverDump();
      const r = await cli(['migrate', '--to', db.url(), '--office', 'ZZ'], { env: fileEnv });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/1 complaint\(s\) read differently there \(260912003\)\. Everything was rolled back/);
      expect(await serverDump()).toBe(before);
    } finally {
      await asSuperuser((c) => c.query('DROP TRIGGER test_alter ON complaints; DROP FUNCTION test_alter()'));
    }
  });

  test('rows the server drops silently are found by the counts, and rolled back', async () => {
    await asSuperuser((c) => c.query(`
      CREATE FUNCTION test_drop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER test_drop BEFORE INSERT ON earlier_deadlines FOR EACH ROW EXECUTE FUNCTION test_drop();`));
    try {
      const before = await serverDump();
      const r = await cli(['migrate', '--to', db.url(), '--office', 'ZZ'], { env: fileEnv });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/rows per table \(file → server\) earlier_deadlines 1 → 0/);
      expect(await serverDump()).toBe(before);
    } finally {
      await asSuperuser((c) => c.query('DROP TRIGGER test_drop ON earlier_deadlines; DROP FUNCTION test_drop()'));
    }
  });
});
