// Money and records (SPEC §12, §13, §7): every cost is a payment entry that
// nothing wipes; close takes a fixed reason; a snapshot says what it is and
// learns when its month changed; a database of the previous release keeps
// every cost through the migration.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliOk, cliJson, dbBytes, registerArgs, removeTempDirs, ROOT, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const at = (env: Env, now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });

const ok = (env: Env, now: string, args: string[]) => cliOk(args, at(env, now));

async function fresh(): Promise<{ db: string; env: Env }> {
  const db = tempDb();
  const env = testEnv(db);
  await ok(env, '2026-10-08T09:00:00+08:00', registerArgs({ 'received-at': '2026-10-08T09:00' }));
  await ok(env, '2026-10-08T09:10:00+08:00', ['assign', '261008-1', '--dept', '工程部']);
  return { db, env };
}

describe('payments', () => {
  it('a second resolve after a reopen keeps the first one\'s cost, approver, level and responsible department', async () => {
    const { env } = await fresh();
    await ok(env, '2026-10-09T10:00:00+08:00', ['resolve', '261008-1', '--resolution', '更换水管', '--cost', '800', '--responsible', '工程部', '--responsible-person', '张工', '--approved-by', '王经理']);
    await ok(env, '2026-10-12T10:00:00+08:00', ['reopen', '261008-1', '--reason', '再次漏水']);
    const again = await cliJson(['resolve', '261008-1', '--resolution', '重新密封'], at(env, '2026-10-13T10:00:00+08:00'));
    expect(again).toMatchObject({
      cost: 800, approvedBy: '王经理', approvalLevel: 'department_head', responsible: '工程部', responsiblePerson: '张工',
      payments: [{ at: '2026-10-09T10:00:00+08:00', amount: 800, responsible: '工程部', responsiblePerson: '张工', approvalLevel: 'department_head', approvedBy: '王经理' }],
    });
    const report = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-02T09:00:00+08:00'));
    expect(report.compensation).toEqual({ total: 800, byDepartment: { 工程部: 800 } });
    // A list (streamed row by row) carries the payments too.
    const [listed] = await cliJson(['list', '--status', 'resolved'], at(env, '2026-10-13T11:00:00+08:00'));
    expect(listed.payments).toEqual(again.payments);
  });

  it('each paid resolve adds an entry; the authority needed is that of the total paid', async () => {
    const { env } = await fresh();
    await ok(env, '2026-10-09T10:00:00+08:00', ['resolve', '261008-1', '--resolution', '先行赔付', '--cost', '3000', '--responsible', '工程部', '--approved-by', '王经理']);
    await ok(env, '2026-10-12T10:00:00+08:00', ['reopen', '261008-1', '--reason', '损失扩大']);
    // 3,000 + 2,500 = 5,500: over the department head's 5,000.
    const refused = await cli(['resolve', '261008-1', '--resolution', '补充赔付', '--cost', '2500'], at(env, '2026-10-13T10:00:00+08:00'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('general manager');
    const second = await cliJson(['resolve', '261008-1', '--resolution', '补充赔付', '--cost', '2500', '--responsible', '秩序部', '--approved-by', '李总'], at(env, '2026-11-03T10:00:00+08:00'));
    expect(second.cost).toBe(5500);
    expect(second.payments.map((p: any) => [p.amount, p.responsible, p.approvalLevel, p.approvedBy])).toEqual([
      [3000, '工程部', 'department_head', '王经理'], [2500, '秩序部', 'general_manager', '李总'],
    ]);
    // Reports count payments by the date recorded, by responsible department.
    const oct = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-05T09:00:00+08:00'));
    expect(oct.compensation).toEqual({ total: 3000, byDepartment: { 工程部: 3000 } });
    const nov = await cliJson(['report', 'monthly', '--month', '2026-11'], at(env, '2026-12-01T09:00:00+08:00'));
    expect(nov.compensation).toEqual({ total: 2500, byDepartment: { 秩序部: 2500 } });
  });

  it('an unsatisfied call-back after a paid resolve still counts the payment', async () => {
    const { env } = await fresh();
    await ok(env, '2026-10-09T10:00:00+08:00', ['resolve', '261008-1', '--resolution', '赔偿', '--cost', '6000', '--responsible', '环境部', '--approved-by', '李总']);
    const reopened = await cliJson(['follow-up', '261008-1', '--satisfaction', '5'], at(env, '2026-10-10T10:00:00+08:00'));
    expect(reopened).toMatchObject({ status: 'assigned', resolvedAt: null, cost: 6000 });
    const report = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-02T09:00:00+08:00'));
    expect(report.compensation.total).toBe(6000);
  });

  it.skipIf(onServer)(`the database refuses to change, delete or replace a payment (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    const { db, env } = await fresh();
    await ok(env, '2026-10-09T10:00:00+08:00', ['resolve', '261008-1', '--resolution', '赔偿', '--cost', '800', '--approved-by', '王经理']);
    const before = dbBytes(db);
    const sqlite = new Database(db);
    for (const sql of [
      'UPDATE payments SET amount_fen = 1',
      'DELETE FROM payments',
      'INSERT OR REPLACE INTO payments (id, complaint_id, at, amount_fen) SELECT id, complaint_id, at, 1 FROM payments',
      'REPLACE INTO payments (id, complaint_id, at, amount_fen) SELECT id, complaint_id, at, 1 FROM payments',
    ]) expect(() => sqlite.exec(sql), sql).toThrow(/payments are kept/);
    sqlite.close();
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});

describe('close reasons (SPEC §13)', () => {
  it('takes the fixed reasons by key or Chinese label, and reports count them apart', async () => {
    const { env } = await fresh();
    for (let i = 2; i <= 5; i++) {
      await ok(env, '2026-10-08T10:00:00+08:00', registerArgs({ 'received-at': `2026-10-08T09:0${i}`, phone: `1390013900${i}`, unit: `${i}-1-101` }));
    }
    const dup = await cliJson(['close', '261008-2', '--reason', '重复登记', '--of', '261008-1'], at(env, '2026-10-09T10:00:00+08:00'));
    expect(dup).toMatchObject({ status: 'closed', closeReason: 'duplicate', duplicateOf: '261008001' });
    await ok(env, '2026-10-09T10:00:00+08:00', ['close', '261008-3', '--reason', 'withdrawn', '--note', '业主来电撤回']);
    await ok(env, '2026-10-09T10:00:00+08:00', ['close', '261008-4', '--reason', '无效', '--note', '误登记']);
    await ok(env, '2026-10-09T10:00:00+08:00', ['close', '261008-5', '--reason', 'merged', '--of', '261008-1']);
    const shown = await cliJson(['show', '261008-4'], at(env, '2026-10-09T11:00:00+08:00'));
    expect(shown).toMatchObject({ closeReason: 'invalid', validity: 'invalid', validityReason: '误登记' });
    const report = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-02T09:00:00+08:00'));
    expect(report.closedWithoutCallBack).toEqual({ invalid: 1, duplicate: 1, withdrawn: 1, merged: 1, unreachable: 0 });
    expect(report.resolved).toBe(0);
    const zh = await cli(['report', 'monthly', '--month', '2026-10', '--lang', 'zh'], at(env, '2026-11-02T09:00:00+08:00'));
    expect(zh.stdout).toContain('未回访关闭');
    expect(zh.stdout).toContain('重复登记');
  });
});

describe('snapshots say what they are and notice a back-dated change', () => {
  it.skipIf(onServer)(`a back-dated register into a kept month marks it stale, says how to refresh, and --refresh clears it (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    const { db, env } = await fresh();
    const first = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-02T09:00:00+08:00'));
    expect(first.snapshot).toEqual({ computedAt: '2026-11-02T09:00:00+08:00', staleSince: null });
    expect(first.received).toBe(1);

    // Work of November on an October complaint is the drift a snapshot holds off: no notice.
    const today = await ok(env, '2026-11-03T09:00:00+08:00', ['contact', '261008-1']);
    expect(today.stderr).toBe('');

    const late = await ok(env, '2026-11-03T10:00:00+08:00', registerArgs({ 'received-at': '2026-10-20T09:00', phone: '13900139000', unit: '9-1-101' }));
    expect(late.stderr).toContain('2026-10');
    expect(late.stderr).toContain('complaints report monthly --month 2026-10 --refresh');

    const kept = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, '2026-11-04T09:00:00+08:00'));
    expect(kept.received).toBe(1);
    expect(kept.snapshot).toEqual({ computedAt: '2026-11-02T09:00:00+08:00', staleSince: '2026-11-03T10:00:00+08:00' });
    for (const format of ['table', 'csv', 'md', 'html']) {
      // A wide page: at 80 columns the table's provenance line is broken at a space.
      const r = await cli(['report', 'monthly', '--month', '2026-10', '--format', format], { env: { ...at(env, '2026-11-04T09:00:00+08:00').env, COLUMNS: '200' } });
      expect(r.stdout, format).toContain('as computed on 2026-11-02T09:00:00+08:00');
      expect(r.stdout, format).toContain('refresh');
    }
    const zh = await cli(['report', 'monthly', '--month', '2026-10', '--lang', 'zh'], { env: { ...at(env, '2026-11-04T09:00:00+08:00').env, COLUMNS: '200' } });
    expect(zh.stdout).toContain('已保存的快照，统计于 2026-11-02T09:00:00+08:00');

    const refreshed = await cliJson(['report', 'monthly', '--month', '2026-10', '--refresh'], at(env, '2026-11-05T09:00:00+08:00'));
    expect(refreshed.received).toBe(2);
    expect(refreshed.snapshot).toEqual({ computedAt: '2026-11-05T09:00:00+08:00', staleSince: null });
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT stale_since FROM report_snapshots').pluck().all()).toEqual([null]);
    sqlite.close();
  });

  it('a back-dated import marks the months it changes', async () => {
    const { env } = await fresh();
    await ok(env, '2026-11-02T09:00:00+08:00', ['report', 'monthly', '--month', '2026-03']);
    await ok(env, '2026-11-02T09:00:00+08:00', ['report', 'monthly', '--month', '2026-10']);
    const file = path.join(tempDir(), 'march.csv');
    fs.writeFileSync(file, 'receivedAt,name,phone,description\n2026-03-10T09:00:00+08:00,孙女士,13500135000,电梯故障\n');
    const r = await ok(env, '2026-11-20T09:00:00+08:00', ['import', file]);
    // Open since March: every kept month from March on counts it.
    expect(r.stderr).toContain('2026-03, 2026-10');
    const march = await cliJson(['report', 'monthly', '--month', '2026-03'], at(env, '2026-11-20T10:00:00+08:00'));
    expect(march.snapshot.staleSince).toBe('2026-11-20T09:00:00+08:00');
  });
});

describe('the migration of a database written by the previous release (schema 5)', () => {
  it('keeps every cost, as payment entries at the time each was recorded', async () => {
    const db = path.join(tempDir(), 'old.db');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'release-0005-costs.db'), db);
    const env = testEnv(db);
    const now = '2026-11-02T10:00:00+08:00';
    // 261008-1: 800 paid, then a second resolve without a cost wiped it.
    expect(await cliJson(['show', '261008-1'], at(env, now))).toMatchObject({
      cost: 800, payments: [{ at: '2026-10-09T10:00:00+08:00', amount: 800, approvedBy: '王经理', approvalLevel: 'department_head' }],
    });
    // 261014-2: 6,000 paid, then an unsatisfied call-back reopened it.
    expect(await cliJson(['show', '261014-2'], at(env, now))).toMatchObject({
      status: 'assigned', resolvedAt: null, cost: 6000, payments: [{ at: '2026-10-15T10:00:00+08:00', amount: 6000, responsible: '环境部', approvedBy: '李总' }],
    });
    // The imported 260905-9: its cost, at its time of resolving.
    expect(await cliJson(['show', '260905-9'], at(env, now))).toMatchObject({
      cost: 1200, payments: [{ at: '2026-09-06T10:00:00+08:00', amount: 1200, responsible: '工程部' }],
    });
    // A free-text close reason of an older version stays as written.
    expect((await cliJson(['show', '261020-3'], at(env, now))).closeReason).toBe('业主撤诉');

    // The October snapshot, computed by the old release, said 0: it now says it is stale.
    const kept = await cliJson(['report', 'monthly', '--month', '2026-10'], at(env, now));
    expect(kept.compensation.total).toBe(0);
    expect(kept.snapshot.staleSince).not.toBeNull();
    const oct = await cliJson(['report', 'monthly', '--month', '2026-10', '--refresh'], at(env, now));
    expect(oct.compensation).toEqual({ total: 6800, byDepartment: { 环境部: 6000, 工程部: 800 } });
    const sep = await cliJson(['report', 'monthly', '--month', '2026-09', '--refresh'], at(env, now));
    expect(sep.compensation).toEqual({ total: 1200, byDepartment: { 工程部: 1200 } });

    // 261021-4: contacted on the 21st, an internal note on the 23rd: the week counts from the contact.
    const overdue = await cliJson(['overdue'], at(env, '2026-10-29T09:00:00+08:00'));
    expect(overdue.stale.find((s: any) => s.ticket === '261021004')).toBeTruthy();
  });
});
