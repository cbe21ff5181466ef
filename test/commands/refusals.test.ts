// SPEC §9: every refusal says what was wrong, exits with its code, and changes
// nothing — the database file is byte-for-byte the same afterwards.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, type Env, onServer, expectRefused } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;

async function ok(args: string[]): Promise<void> {
  await cliOk(args, { env });
}

// 260912001 registered · 260912002 closed · 260912003 important (claim) · 260912004 resolved
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  await ok(registerArgs());
  await ok(registerArgs({ phone: '13900139000', unit: '5-1-302', kind: 'inquiry', description: '咨询物业费' }));
  await ok(['resolve', '260912-2', '--resolution', '已告知']);
  await ok(registerArgs({ phone: '13700137000', unit: '6-1-101', claim: '5000', description: '地板泡水损坏' }));
  await ok(registerArgs({ phone: '13600136000', unit: '7-1-101', category: 'other', description: '路灯不亮' }));
  await ok(['resolve', '260912-4', '--resolution', '已更换灯泡']);
});

const refusals: [string, string[], number, string[]][] = [
  ['a bad phone', ['register', '--name', '王女士', '--phone', '12345', '--description', '漏水'], 2, ['--phone', 'mainland mobile']],
  ['a missing description', ['register', '--name', '王女士', '--phone', '13800138000'], 2, ['missing --description']],
  ['a missing name and description', ['register', '--phone', '13800138000'], 2, ['--name', '--description']],
  ['a received time in the future', [...registerArgs({ 'received-at': '2026-09-13T09:00' })], 2, ['in the future', '--received-at']],
  ['an unknown channel', [...registerArgs({ channel: 'telegram' })], 2, ['telegram', 'phone']],
  ['an unknown option', ['register', '--colour', 'red'], 2, ['--colour', 'complaints help register']],
  ['an unknown command', ['delete', '260912-1'], 2, ['delete']],
  ['an unknown ticket', ['show', '260912-99'], 3, ['no complaint 260912099']],
  ['an unknown ticket to resolve', ['resolve', '260912999', '--resolution', 'x'], 3, ['no complaint 260912999']],
  ['text that is not a ticket', ['show', 'abc'], 2, ['"abc" is not a ticket number', '260912-3']],
  ['resolving a closed complaint', ['resolve', '260912-2', '--resolution', '再次处理'], 4, ['cannot resolve 260912002', 'closed']],
  ['assigning a resolved complaint', ['assign', '260912-4', '--dept', '工程部'], 4, ['cannot assign 260912004']],
  ['a follow-up on a registered complaint', ['follow-up', '260912-1', '--satisfaction', '2'], 4, ['cannot follow-up 260912001', 'registered']],
  ['closing a resolved complaint before its call-back', ['close', '260912-4', '--reason', 'withdrawn'], 4, ['owed a call-back', 'unreachable']],
  ['closing as unreachable without attempts', ['close', '260912-4', '--reason', 'unreachable'], 4, ['3 different days']],
  ['escalating to the same level', ['escalate', '260912-1', '--to', 'general', '--reason', 'x'], 4, ['not higher']],
  ['lowering severity without a reason', ['classify', '260912-3', '--severity', 'general'], 2, ['lowering severity', '--reason']],
  ['invalid without a reason', ['classify', '260912-1', '--validity', 'invalid'], 2, ['needs a reason', '--reason']],
  ['classify with nothing to change', ['classify', '260912-1'], 2, ['nothing to change']],
  ['an unknown department', ['assign', '260912-1', '--dept', '不存在部'], 2, ['no department "不存在部"', 'dept add']],
  ['an unknown responsible department', ['resolve', '260912-1', '--resolution', 'x', '--responsible', '不存在部'], 2, ['no department']],
  ['a cost without --approved-by', ['resolve', '260912-1', '--resolution', '赔偿', '--cost', '6800'], 2, ['--approved-by', 'general manager']],
  ['a cost that is not money', ['resolve', '260912-1', '--resolution', '赔偿', '--cost', 'lots'], 2, ['amount in yuan']],
  ['a satisfaction of 6', ['follow-up', '260912-4', '--satisfaction', '6'], 2, ['1–5']],
  ['both a satisfaction and an attempt', ['follow-up', '260912-4', '--satisfaction', '2', '--attempt', 'no_answer'], 2, ['not both']],
  ['an empty note', ['note', '260912-1', ' '], 2, ['note is empty']],
  ['an extension without who agreed', ['extend', '260912-1', '--until', '2026-10-30', '--reason', '等配件'], 2, ['--agreed-by']],
  ['an extension that is not later', ['extend', '260912-1', '--until', '2026-09-13', '--reason', 'r', '--agreed-by', '王女士'], 2, ['not later']],
  ['a close without a reason', ['close', '260912-1'], 2, ['needs a reason']],
  ['a close reason not in the fixed set', ['close', '260912-1', '--reason', '业主不再追究'], 2, ['not a reason to close', 'withdrawn (撤诉)', '--note']],
  ['a duplicate without the ticket it duplicates', ['close', '260912-1', '--reason', 'duplicate'], 2, ['--of <ticket>']],
  ['a duplicate of a ticket that does not exist', ['close', '260912-1', '--reason', 'duplicate', '--of', '260912-99'], 3, ['no complaint 260912099']],
  ['a duplicate of itself', ['close', '260912-1', '--reason', 'duplicate', '--of', '260912-1'], 2, ['itself']],
  ['closing as invalid without saying why', ['close', '260912-1', '--reason', 'invalid'], 2, ['needs a reason']],
  ['closing as unreachable before resolving', ['close', '260912-1', '--reason', 'unreachable'], 4, ['not awaiting a call-back']],
  ['a department and person joined by a slash', ['resolve', '260912-1', '--resolution', 'x', '--responsible', '工程部/维修组'], 2, ['--responsible 工程部 --responsible-person 维修组']],
  ['a responsible person without a department', ['resolve', '260912-1', '--resolution', 'x', '--responsible-person', '张工'], 2, ['--responsible 工程部']],
  ['an unknown setting', ['config', 'set', 'deadline.general.resolve_days', '5'], 2, ['no setting']],
  ['a bad setting value', ['config', 'set', 'deadline.general.resolve_workdays', '-1'], 2, ['is not a deadline', '3wd']],
  ['a deadline in an unknown unit', ['config', 'set', 'deadline.general.site_check', '3x'], 2, ['"3x" is not a deadline', '30m', 'eod']],
  ['a negative deadline', ['config', 'set', 'deadline.major.contact', '--', '-2h'], 2, ['"-2h" is not a deadline']],
  ['a deadline for a step that does not exist', ['config', 'set', 'deadline.general.site_visit', '24h'], 2, ['no setting "deadline.general.site_visit"']],
  ['switching the resolve deadline off', ['config', 'set', 'step.resolve', 'off'], 2, ['cannot be none or off']],
  ['no contact deadline', ['config', 'set', 'deadline.general.contact', 'none'], 2, ['cannot be none or off']],
  ['a step defined without its names', ['config', 'set', 'step.desk_notice.define', 'receipt'], 2, ['from (receipt, assignment or resolution)']],
  ['an override for a kind that does not exist', ['config', 'set', 'deadline.kind.rumour.resolve', '24h'], 2, ['no setting']],
  ['a department that exists', ['dept', 'add', '工程部'], 2, ['already exists']],
  ['a bad COMPLAINTS_NOW', ['show', '260912-1'], 2, ['COMPLAINTS_NOW']],
  ['a list longer than list shows', ['list', '--limit', '100001', '--status', 'all'], 2, ['at most 100000', '--limit 100001', 'complaints export']],
];

describe('refusals change nothing', () => {
  it.each(refusals)('%s → exit %i', async (what, args, code, words) => {
    await expectRefused(db, args, what === 'a bad COMPLAINTS_NOW' ? { ...env, COMPLAINTS_NOW: 'yesterday' } : env, code, words);
  });

  it.each(refusals.filter(([what]) => what !== 'a bad COMPLAINTS_NOW'))('%s with --json: nothing on stdout', async (_what, args, code) => {
    const before = dbBytes(db);
    const r = await cli([...args, '--json'], { env });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('refusals speak Chinese with --lang zh', async () => {
    const before = dbBytes(db);
    const r = await cli(['--lang', 'zh', 'resolve', '260912-2', '--resolution', 'x'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('错误');
    expect(r.stderr).toContain('已关闭');
    const p = await cli(['--lang', 'zh', 'register', '--name', '王女士', '--phone', '12345', '--description', '漏水'], { env });
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('大陆手机号');
    const m = await cli(['register', '--phone', '13800138000'], { env: { ...env, COMPLAINTS_LANG: 'zh' } });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('缺少');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('a successful step does change the file (the comparison can fail)', async () => {
    const before = dbBytes(db);
    await ok(['note', '260912-1', '已联系']);
    expect(dbBytes(db).equals(before)).toBe(false);
  });
});

describe.skipIf(onServer)(`the record cannot be rewritten (SQLite file only: reads or changes its tables with better-sqlite3)`, () => {
  it('the events table refuses UPDATE and DELETE; complaints cannot be deleted', () => {
    const sqlite = new Database(db);
    try {
      const count = () => (sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      const n = count();
      expect(n).toBeGreaterThan(5);
      expect(() => sqlite.prepare("UPDATE events SET note = 'changed' WHERE id = 1").run()).toThrow(/append-only/);
      expect(() => sqlite.prepare("UPDATE events SET actor = 'someone'").run()).toThrow(/append-only/);
      expect(() => sqlite.prepare('DELETE FROM events WHERE id = 1').run()).toThrow(/append-only/);
      expect(() => sqlite.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      expect(() => sqlite.prepare("DELETE FROM complaints WHERE ticket = '260912001'").run()).toThrow(/never deleted/);
      expect(count()).toBe(n);
      expect((sqlite.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n).toBe(4);
      // Appending still works.
      sqlite.prepare("INSERT INTO events (complaint_id, at, actor, action) VALUES (NULL, 0, 'test', 'note')").run();
      expect(count()).toBe(n + 1);
    } finally {
      sqlite.close();
    }
  });
});
