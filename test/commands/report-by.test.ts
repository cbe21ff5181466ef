// report … --by department|person|receiver (SPEC §12, figures for 考核):
// exact rows for a small office built through the binary, the same figures
// added up over the rows as the office-wide report on generated registers,
// Chinese values, every format, and a refusal that changes nothing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../bench/generate.mjs';
import { dbBytes, ensureBuilt, onServer, registerArgs, removeTempDirs, spawnCli, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function ok(args: string[], env: Env): any {
  const r = spawnCli([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('report --by', () => {
  it('gives each department, person and receiver its own figures', () => {
    const env = testEnv(tempDb());
    const at = (now: string) => ({ ...env, COMPLAINTS_NOW: now });
    // 001: 工程部, 张工, resolved on time with a cost charged to 工程部, called back satisfied.
    ok(registerArgs({ receiver: '小王' }), env);
    ok(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], env);
    ok(['contact', '260912-1'], at('2026-09-12T11:00:00+08:00'));
    ok(['resolve', '260912-1', '--resolution', '已修', '--cost', '300', '--approved-by', '王经理', '--responsible', '工程部'], at('2026-09-14T10:00:00+08:00'));
    ok(['follow-up', '260912-1', '--satisfaction', '1'], at('2026-09-15T10:00:00+08:00'));
    // 002: 秩序部, 李工, never contacted or resolved; 003: invalid, no department.
    ok(registerArgs({ phone: '13900139000', receiver: '小李', subcategory: 'noise' }), env);
    ok(['assign', '260912-2', '--dept', '秩序部', '--to', '李工'], env);
    ok(registerArgs({ phone: '13700137000', receiver: '小李' }), env);
    ok(['classify', '260912-3', '--validity', 'invalid', '--reason', '重复来电'], env);

    const month = (by: string) => ok(['report', 'monthly', '--month', '2026-09', '--by', by], at('2026-10-05T10:00:00+08:00'));
    const dept = month('department').by;
    expect(dept.dimension).toBe('department');
    expect(dept.rows.map((r: any) => r.key)).toEqual(['none', '工程部', '秩序部']);
    const eng = dept.rows.find((r: any) => r.key === '工程部');
    expect(eng).toMatchObject({ received: 1, valid: 1, atFault: 1, resolved: 1, resolvedOnTime: 1, resolvedOnTimeRate: 1, scored: 1, satisfactionRate: 1, payments: 300 });
    expect(eng.stepsLate).toBe(0);
    const order = dept.rows.find((r: any) => r.key === '秩序部');
    expect(order).toMatchObject({ received: 1, valid: 1, atFault: 0, resolved: 0, resolvedOnTimeRate: null, payments: 0 });
    // Its contact and resolve deadlines both passed unmet.
    expect(order.stepsLate).toBe(2);
    expect(dept.rows.find((r: any) => r.key === 'none')).toMatchObject({ received: 1, valid: 0, stepsDue: 0 });

    expect(month('person').by.rows.map((r: any) => [r.key, r.received])).toEqual([['none', 1], ['张工', 1], ['李工', 1]]);
    // In Chinese too: 受理人 is the receiver. The cost was charged to a department, no person: a row of its own.
    expect(month('受理人').by.rows.map((r: any) => [r.key, r.received, r.valid, r.payments])).toEqual([['小李', 2, 1, 0], ['小王', 1, 1, 0], ['none', 0, 0, 300]]);
  });

  it('draws the rows in every format, in Chinese', () => {
    const env = testEnv(tempDb(), { COMPLAINTS_LANG: 'zh' });
    ok(registerArgs(), env);
    ok(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], env);
    for (const format of ['table', 'csv', 'md', 'html']) {
      const r = spawnCli(['report', 'monthly', '--month', '2026-09', '--by', '部门', '--format', format], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(format === 'csv' ? 'by,工程部' : '按部门');
      expect(r.stdout).toContain('工程部');
    }
  });

  it('refuses a dimension it does not know, naming the choices, and changes nothing', () => {
    const db = tempDb();
    const env = testEnv(db);
    ok(registerArgs(), env);
    const before = dbBytes(db);
    const r = spawnCli(['report', 'monthly', '--month', '2026-09', '--by', 'boss'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('department (部门), person (处理人), receiver (受理人)');
    const zh = spawnCli(['report', 'monthly', '--month', '2026-09', '--by', 'boss'], { ...env, COMPLAINTS_LANG: 'zh' });
    expect(zh.stderr).toContain('可选值：department（部门）');
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});

describe.skipIf(onServer)('report --by on generated registers (SQLite file: the generator writes one)', () => {
  it("adds up over its rows to the office-wide figures, for each dimension and period", async () => {
    const file = path.join(tempDir(), 'office.db');
    await ensureDatabase(4000, { out: file, log: () => {}, shape: 'office' });
    const env = testEnv(file, { COMPLAINTS_NOW: '2026-11-23T10:00:00+08:00' });
    // Two of the register's estates written as one (an alias) and one renamed: the estate rows still add up.
    for (const args of [['estate', 'add', '阳光海岸'], ['estate', 'alias', '阳光海岸', '锦绣花园'], ['estate', 'add', '翠湖天地'], ['estate', 'rename', '翠湖天地', '翠湖新天地']]) ok(args, env);
    const sum = (rows: any[], k: string) => rows.reduce((a, r) => a + r[k], 0);
    for (const period of [['monthly', '--month', '2026-10'], ['monthly', '--month', '2026-11'], ['range', '--from', '2025-06-01', '--to', '2026-11-22']]) {
      for (const by of ['department', 'person', 'receiver', 'estate']) {
        const r = ok(['report', ...period, '--by', by], env);
        const rows = r.by.rows;
        expect(sum(rows, 'received')).toBe(r.received);
        expect(sum(rows, 'received') - sum(rows, 'valid')).toBe(r.invalid);
        expect(sum(rows, 'resolved')).toBe(r.resolved);
        expect(sum(rows, 'resolvedOnTime')).toBe(r.resolvedOnTime);
        expect(sum(rows, 'scored')).toBe(Object.values(r.satisfaction as Record<string, number>).reduce((a, b) => a + b, 0));
        expect(sum(rows, 'callBacksDue')).toBe(r.steps.followUp.due);
        expect(sum(rows, 'callBacksOnTime')).toBe(r.steps.followUp.onTime);
        const steps = Object.values(r.steps as Record<string, { due: number; onTime: number }>);
        expect(sum(rows, 'stepsDue')).toBe(steps.reduce((a, s) => a + s.due, 0));
        expect(sum(rows, 'stepsDue') - sum(rows, 'stepsLate')).toBe(steps.reduce((a, s) => a + s.onTime, 0));
        expect(Math.round(sum(rows, 'payments') * 100)).toBe(Math.round(r.compensation.total * 100));
        if (by === 'estate') {
          expect(rows.some((x: any) => x.key === '锦绣花园' || x.key === '翠湖天地')).toBe(false);
          expect(rows.find((x: any) => x.key === '阳光海岸').received).toBe(r.byEstate['阳光海岸']);
          expect(rows.find((x: any) => x.key === '翠湖新天地').received).toBe(r.byEstate['翠湖新天地']);
        }
      }
    }
  }, 120_000);
});
