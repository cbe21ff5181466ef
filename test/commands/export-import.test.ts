// export → CSV → import: quoting, byte-order mark, formulas, masking, header
// styles; import refusals that name line and column and change nothing;
// dry run; and the round trip export → import into an empty database → export.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
async function ok(args: string[], now = '2026-09-12T10:00:00+08:00', e = env): Promise<string> {
  const r = await cli(args, { env: { ...e, COMPLAINTS_NOW: now } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const TRICKY = '楼上漏水, 已经三天了 — "很严重"\n第二行\r\n第三行';

beforeAll(async () => {
  env = testEnv(tempDb());
  await ok(registerArgs({ description: TRICKY, demand: '=1+1' }), '2026-08-20T10:00:00+08:00');
  await ok(['assign', '260820-1', '--dept', '工程部', '--to', '张工'], '2026-08-20T11:00:00+08:00');
  await ok(['resolve', '260820-1', '--resolution', '-已更换水管', '--cost', '800', '--responsible', '工程部', '--approved-by', '王经理'], '2026-08-21T10:00:00+08:00');
  await ok(['follow-up', '260820-1', '--satisfaction', '2', '--note', '@业主满意'], '2026-08-22T10:00:00+08:00');
  await ok(registerArgs({ name: '李先生', phone: '010-12345678', unit: '5-1-302', subcategory: 'noise', description: '装修噪音', claim: '6000' }), '2026-09-01T09:00:00+08:00');
  await ok(['assign', '260901-2', '--dept', '秩序部'], '2026-09-01T10:00:00+08:00');
  await ok(['resolve', '260901-2', '--resolution', '已劝导'], '2026-09-02T10:00:00+08:00');
  await ok(registerArgs({ name: '赵先生', phone: '13700137000', description: '停车位被占用', safety: true }), '2026-09-12T09:00:00+08:00');
});

function records(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

describe('export', () => {
  it('writes RFC 4180 CSV to stdout: CRLF, quoted commas, quotes and newlines, Chinese, no BOM', async () => {
    const out = await ok(['export']);
    expect(out.startsWith('ticket,receivedAt,')).toBe(true);
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
    expect(out).toContain('"楼上漏水, 已经三天了 — ""很严重""\n第二行\r\n第三行"');
    const rows = records(out);
    expect(rows).toHaveLength(4);
    const h = rows[0];
    const first = Object.fromEntries(h.map((k, i) => [k, rows[1][i]]));
    expect(first.ticket).toBe('260820001');
    expect(first.description).toBe(TRICKY);
    expect(first.status).toBe('closed');
    expect(first.cost).toBe('800.00');
    expect(first.department).toBe('工程部');
    expect(first.satisfaction).toBe('2');
    expect(rows.map((r) => r[0])).toEqual(['ticket', '260820001', '260901002', '260912003']);
  });

  it('neutralises formula cells with an apostrophe', async () => {
    const rows = records(await ok(['export']));
    const col = (k: string) => rows[0].indexOf(k);
    expect(rows[1][col('demand')]).toBe("'=1+1");
    expect(rows[1][col('resolution')]).toBe("'-已更换水管");
    expect(rows[1][col('followUpNote')]).toBe("'@业主满意");
  });

  it('writes a byte-order mark to a file, none with --no-bom', async () => {
    const dir = tempDir();
    const withBom = path.join(dir, 'a.csv');
    const noBom = path.join(dir, 'b.csv');
    expect(await ok(['export', '--out', withBom])).toContain('Exported 3 complaint(s)');
    await ok(['export', '--out', noBom, '--no-bom']);
    const a = fs.readFileSync(withBom);
    const b = fs.readFileSync(noBom);
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.subarray(0, 6).toString()).toBe('ticket');
    expect(a.subarray(3).equals(b)).toBe(true);
  });

  it('masks phones with --mask', async () => {
    const out = await ok(['export', '--mask']);
    expect(out).toContain('138****8000');
    expect(out).toContain('***-****5678');
    expect(out).not.toContain('13800138000');
  });

  it('names headers as keys, in English or in Chinese', async () => {
    expect(records(await ok(['export', '--headers', 'en']))[0].slice(0, 3)).toEqual(['Ticket', 'Received', 'Channel']);
    expect(records(await ok(['export', '--headers', 'zh']))[0].slice(0, 3)).toEqual(['编号', '受理时间', '渠道']);
    const r = await cli(['export', '--headers', 'fr'], { env });
    expect(r.code).toBe(2);
  });

  it('takes the filters of list', async () => {
    expect(records(await ok(['export', '--status', 'open'])).map((r) => r[0])).toEqual(['ticket', '260901002', '260912003']);
    expect(records(await ok(['export', '--dept', '工程部'])).map((r) => r[0])).toEqual(['ticket', '260820001']);
    expect(records(await ok(['export', '--search', '噪音'])).map((r) => r[0])).toEqual(['ticket', '260901002']);
    expect(records(await ok(['export', '--sort', 'newest', '--limit', '1'])).map((r) => r[0])).toEqual(['ticket', '260912003']);
    expect(records(await ok(['export', '--from', '2026-09-01', '--to', '2026-09-01'])).map((r) => r[0])).toEqual(['ticket', '260901002']);
  });
});

describe('import', () => {
  it('round trip: export → import into an empty database → export gives the same file', async () => {
    for (const headers of ['keys', 'en', 'zh']) {
      const dir = tempDir();
      const first = path.join(dir, 'first.csv');
      const second = path.join(dir, 'second.csv');
      await ok(['export', '--out', first, '--headers', headers]);
      const other = testEnv(tempDb());
      const r = await cliJson(['import', first], { env: other });
      expect(r).toMatchObject({ rows: 3, kept: 3, renumbered: 0, dryRun: false });
      await ok(['export', '--out', second, '--headers', headers], undefined, other);
      expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
    }
  });

  it('keeps state, tickets and one import event per complaint, and moves the counter', async () => {
    const file = path.join(tempDir(), 'r.csv');
    await ok(['export', '--out', file]);
    const other = testEnv(tempDb());
    await cliJson(['import', file], { env: other });
    const closed = await cliJson(['show', '260820-1'], { env: other });
    expect(closed).toMatchObject({ status: 'closed', cost: 800, responsible: '工程部', followUp: { satisfaction: 2, note: '@业主满意' } });
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(['import']);
    expect((await cliJson(['show', '260901-2'], { env: other })).status).toBe('resolved');
    const next = await cliJson(registerArgs({ description: '新投诉' }), { env: { ...other, COMPLAINTS_NOW: '2026-09-12T11:00:00+08:00' } });
    expect(next.ticket).toBe('260912004');
    const search = await cliJson(['list', '--search', '漏水', '--status', 'all'], { env: other });
    expect(search.map((c: { ticket: string }) => c.ticket)).toEqual(['260820001']);
  });

  it('reads a hand-made Chinese register: new numbers, inferred state, unknown columns ignored', async () => {
    const file = path.join(tempDir(), '台账.csv');
    fs.writeFileSync(file, '\uFEFF序号,受理时间,投诉人,电话,项目,房号,投诉内容,处理结果,处理时间,状态\r\n'
      + '1,2026/3/5 9:30,张三,138-0013-8001,阳光海岸,1-1-101,"电梯坏了,困人",已修复,2026/3/6 10:00,已办结\r\n'
      + '2,2026年3月6日,李四,,翠湖花园,2-2-202,门禁坏了,,,\r\n');
    const other = testEnv(tempDb());
    const r = await cliJson(['import', file], { env: other });
    expect(r).toMatchObject({ rows: 2, kept: 0, renumbered: 2, ignoredColumns: ['序号'], tickets: ['260305001', '260306002'] });
    const a = await cliJson(['show', '260305-1'], { env: other });
    expect(a).toMatchObject({ status: 'closed', complainant: { phone: '13800138001', unit: '1-1-101' }, description: '电梯坏了,困人', resolution: '已修复' });
    expect((await cliJson(['show', '260306-2'], { env: other })).status).toBe('registered');
  });

  it('refuses a file with problems, naming spreadsheet row and column, and leaves the database byte for byte', async () => {
    const file = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(file, 'receivedAt,name,phone,description,satisfaction\n'
      + '2026-09-01 09:00,张三,13800138001,"多行\n内容",\n'
      + '2026-09-01 10:00,,12345,电梯,7\n'
      + '2026-13-01,王五,,,\n');
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was imported');
    expect(r.stderr).toContain('row 3, column "name": is empty');
    expect(r.stderr).toContain('row 3, column "phone": "12345" is not a phone number');
    expect(r.stderr).toContain('row 3, column "satisfaction": "7" is not a satisfaction');
    expect(r.stderr).toContain('row 4, column "receivedAt": "2026-13-01" is not a date');
    expect(r.stderr).toContain('row 4, column "description": is empty');
    expect(r.stderr).not.toContain('row 2');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('refuses tickets already in the database (a file imported twice) and changes nothing', async () => {
    const file = path.join(tempDir(), 'again.csv');
    await ok(['export', '--out', file]);
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 2 (ticket 260820001), column "ticket": ticket 260820001 is already in the database');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('refuses a file without the required columns', async () => {
    const file = path.join(tempDir(), 'cols.csv');
    fs.writeFileSync(file, '姓名,电话\n张三,13800138001\n');
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 1: the file has no column for Received (receivedAt)');
  });

  it('--dry-run checks and reports without writing', async () => {
    const file = path.join(tempDir(), 'dry.csv');
    fs.writeFileSync(file, 'receivedAt,name,description,department\n2026-09-01 09:00,张三,电梯坏了,新部门\n');
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file, '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run');
    expect(r.stdout).toContain('Departments added: 新部门');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
    const json = await cliJson(['import', file, '--dry-run'], { env });
    expect(json).toMatchObject({ dryRun: true, rows: 1, renumbered: 1, departmentsAdded: ['新部门'] });
  });
});

describe('import of a file that cannot be read', () => {
  it('says so in the chosen language, exit 2, the database unchanged', async () => {
    const db = tempDb();
    const e = testEnv(db);
    await ok(registerArgs(), '2026-09-12T10:00:00+08:00', e);
    const before = dbBytes(db);
    const missing = path.join(tempDir(), '投诉台账.csv');
    const zh = await cli(['import', missing, '--lang', 'zh'], { env: e });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('投诉台账.csv 不存在');
    expect(zh.stderr).not.toMatch(/ENOENT|no such file/);
    const folder = await cli(['import', tempDir()], { env: e });
    expect(folder.code).toBe(2);
    expect(folder.stderr).not.toMatch(/EISDIR/);
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});
