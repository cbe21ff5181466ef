// Spreadsheets in (SPEC §15): an office's own register as it keeps it — CSV in
// GBK and UTF-8 with and without BOM (test/fixtures/register-*.csv), and the
// same register as a workbook written here by SheetJS — with title rows,
// blank rows, a 序号 column, spreadsheet dates, words for satisfaction, the
// estate inside the unit and a subcategory for the category. Results and
// call-backs give the status; duplicates are refused by row; errors name the
// spreadsheet's row, the column's header as written and the ticket; files of
// the wrong kind are named as such. Every refusal leaves the database byte
// for byte.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, ROOT, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

/** A database that knows the estate 阳光海岸 from an earlier complaint (a unit starting with it has it split out). */
async function office(): Promise<Env> {
  const env = testEnv(tempDb());
  await cliJson(registerArgs({ name: '老业主', phone: '13600136000', unit: '9-9-909', description: '旧投诉', 'received-at': '2026-08-01 09:10' }), { env });
  return env;
}

/** Days since Excel's epoch for an office-local wall time (what a spreadsheet stores for a date). */
const serial = (y: number, m: number, d: number, h = 0, min = 0) => (Date.UTC(y, m - 1, d, h, min) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** The fixtures' register as a workbook, written by SheetJS: merged title, typed dates and numbers, a hidden first sheet. */
function registerWorkbook(file: string): void {
  const rows: unknown[][] = [
    ['阳光海岸物业服务中心 2026年9月投诉登记台账'],
    [],
    ['序号', '投诉时间', '业主姓名', '联系电话', '项目', '房号', '投诉类别', '投诉内容', '处理结果', '回访情况', '满意度'],
    [1, null, '张三', '138 0013 8001', '', '阳光海岸3-2-1501', '维修', '卫生间天花板漏水\n楼上渗水', '已更换楼上防水层', '已回访', '非常满意'],
    [2, '2026年9月2日', '李四', 13900139002, '翠湖苑', '5栋1单元302', '保洁', '楼道垃圾两天未清理', '已安排清理', '', ''],
    [3],
    [4, null, '王五', '', '', '翠湖苑2-1-101', '停车', '车位被外来车辆占用', '', '', ''],
    [5, null, '赵六', 13700137004, '', '阳光海岸1-1-101', '噪音', '隔壁装修噪音', '已劝导', '业主表示不满意', ''],
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws.B4 = { t: 'n', v: serial(2026, 9, 1, 9, 30), z: 'yyyy/m/d h:mm' };
  ws.B7 = { t: 'n', v: serial(2026, 9, 3, 14, 5), z: 'yyyy/m/d h:mm' };
  ws.B8 = { t: 'n', v: serial(2026, 9, 4, 10, 0), z: 'yyyy"年"m"月"d"日" h:mm' };
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 10 } }];
  const book = XLSX.utils.book_new();
  // A hidden sheet of notes first: the register is the first visible sheet with a table.
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['说明'], ['内部使用']]), '说明');
  XLSX.utils.book_append_sheet(book, ws, '9月台账');
  book.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] };
  XLSX.writeFile(book, file);
}

const REGISTERS = ['register-utf8-bom.csv', 'register-utf8.csv', 'register-gbk.csv', 'register.xlsx'];
let workbook: string;

beforeAll(() => {
  workbook = path.join(tempDir(), 'register.xlsx');
  registerWorkbook(workbook);
});
const fileOf = (name: string) => (name === 'register.xlsx' ? workbook : fixture(name));

describe('import of an office\'s own register', () => {
  it.each(REGISTERS)('%s: results resolve, call-backs close, words map, estates split, subcategories give the category', async (name) => {
    const env = await office();
    const r = await cliJson(['import', fileOf(name)], { env });
    expect(r).toMatchObject({
      rows: 4, kept: 0, renumbered: 4, ignoredColumns: ['序号'], estatesSplit: 3,
      arriving: { open: 1, resolved: 1, closed: 2, overdue: 2 }, tickets: ['260901002', '260902003', '260903004', '260904005'],
    });
    const a = await cliJson(['show', '260901-2'], { env });
    expect(a).toMatchObject({
      receivedAt: '2026-09-01T09:30:00+08:00', status: 'closed', closeReason: 'followed_up',
      complainant: { name: '张三', phone: '13800138001', estate: '阳光海岸', unit: '3-2-1501' },
      category: 'property_service', subcategory: 'repair', description: '卫生间天花板漏水\n楼上渗水', resolution: '已更换楼上防水层',
      followUp: { satisfaction: 1, note: '已回访' },
    });
    expect(await cliJson(['show', '260902-3'], { env })).toMatchObject({
      receivedAt: '2026-09-02T00:00:00+08:00', status: 'resolved', complainant: { estate: '翠湖苑', unit: '5-1-302', phone: '13900139002' }, subcategory: 'cleaning', category: 'property_service',
    });
    expect(await cliJson(['show', '260903-4'], { env })).toMatchObject({
      receivedAt: '2026-09-03T14:05:00+08:00', status: 'registered', complainant: { estate: '翠湖苑', unit: '2-1-101' }, subcategory: 'parking',
    });
    expect(await cliJson(['show', '260904-5'], { env })).toMatchObject({
      receivedAt: '2026-09-04T10:00:00+08:00', status: 'closed', subcategory: 'noise', followUp: { satisfaction: 4, note: '业主表示不满意' },
    });
    // Nothing resolved comes in overdue as if open: only the two still owed (a call-back, a first contact) are.
    const overdue = await cliJson(['overdue'], { env });
    expect(JSON.stringify(overdue)).not.toContain('260901002');
    expect(JSON.stringify(overdue)).not.toContain('260904005');
  });

  it('--dry-run says how the rows arrive and writes nothing', async () => {
    const env = await office();
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', workbook, '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 complaint(s) would be imported');
    expect(r.stdout).toContain('They arrive 1 open, 1 resolved awaiting call-back, 2 closed; 2 would be overdue at once.');
    expect(r.stdout).toContain('Estate taken out of the unit on 3 row(s).');
    const zh = await cli(['import', workbook, '--dry-run', '--lang', 'zh'], { env });
    expect(zh.stdout).toContain('其中 1 条未处理完、1 条已处理待回访、2 条已关闭；导入后将有 2 条立即逾期。');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('refuses the same register twice, by row, unless --allow-duplicates', async () => {
    const env = await office();
    await cliJson(['import', fixture('register-gbk.csv')], { env });
    const before = dbBytes(env.COMPLAINTS_DB!);
    for (const name of REGISTERS) {
      const r = await cli(['import', fileOf(name)], { env });
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain('4 problem(s); nothing was imported');
      expect(r.stderr).toContain('row 4: repeats 260901002, already in the database (same phone, same minute, same description)');
      expect(r.stderr).toContain('row 7: repeats 260903004, already in the database (same estate and unit, same minute, same description)');
      const dry = await cli(['import', fileOf(name), '--dry-run'], { env });
      expect(dry.code).toBe(2);
    }
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
    expect(await cliJson(['import', workbook, '--allow-duplicates'], { env })).toMatchObject({ rows: 4 });
  });

  it('refuses a row that repeats an earlier row of the same file', async () => {
    const env = await office();
    const file = path.join(tempDir(), 'twice.csv');
    fs.writeFileSync(file, '投诉时间,姓名,电话,房号,投诉内容\n2026/9/1 9:30,张三,13800138001,1-1-101,漏水\n2026/9/1 9:30:40,张三,,1-1-101,漏水\n2026/9/1 9:31,张三,13800138001,1-1-101,漏水\n');
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 3: repeats row 2 (same estate and unit, same minute, same description)');
    expect(r.stderr).not.toContain('row 4');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
    expect(await cliJson(['import', file, '--allow-duplicates'], { env })).toMatchObject({ rows: 3 });
  });
});

describe('errors a spreadsheet user can act on', () => {
  it('name the spreadsheet row (a cell with line breaks is one row), the header as written and the ticket', async () => {
    const env = await office();
    const file = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(file, '\uFEFF投诉台账,,,\n编号,投诉时间,业主姓名,投诉内容,满意度\n'
      + '260901005,2026/9/1 9:30,张三,"第一行\n第二行\n第三行",\n'
      + '260901006,2026/9/1 10:30,,漏水,\n'
      + ',2026/13/1,李四,漏水,\n'
      + ',2026/9/2,王五,漏水,还行\n');
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 4 (ticket 260901006), column "业主姓名": is empty; it is required.');
    expect(r.stderr).toContain('row 5, column "投诉时间": "2026/13/1" is not a date and time.');
    expect(r.stderr).toContain('row 6, column "满意度": "还行" is not a satisfaction');
    expect(r.stderr).not.toContain('row 3');
    const zh = await cli(['import', file, '--lang', 'zh'], { env });
    expect(zh.stderr).toContain('第 4 行（编号 260901006），“业主姓名”列：为空，此项必填。');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('name a call-back without a satisfaction', async () => {
    const env = await office();
    const file = path.join(tempDir(), 'cb.csv');
    fs.writeFileSync(file, '投诉时间,姓名,投诉内容,处理结果,回访情况\n2026/9/1 9:30,张三,漏水,已修,已回访\n');
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', file], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 2, column "回访情况": a call-back "已回访" without a satisfaction');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it.each([
    ['register-utf16.csv', 'is UTF-16 text (what Excel saves as "Unicode Text"), not a CSV', '是 UTF-16 文本'],
    ['register-tabs.csv', 'is tab-separated text (its header has 10 tabs and no comma), not a CSV', '是以制表符分隔的文本'],
  ])('name a file of the wrong kind: %s', async (name, en, zh) => {
    const env = await office();
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['import', fixture(name)], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(en);
    expect((await cli(['import', fixture(name), '--lang', 'zh'], { env })).stderr).toContain(zh);
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('name a workbook renamed to .csv, an old .xls and a text file named .xlsx', async () => {
    const env = await office();
    const dir = tempDir();
    const renamed = path.join(dir, '台账.csv');
    fs.copyFileSync(workbook, renamed);
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const fake = path.join(dir, 'fake.xlsx');
    fs.copyFileSync(fixture('register-utf8.csv'), fake);
    const before = dbBytes(env.COMPLAINTS_DB!);
    expect((await cli(['import', renamed], { env })).stderr).toContain('is an Excel workbook (.xlsx) with another name. Rename it to end in .xlsx');
    expect((await cli(['import', xls], { env })).stderr).toContain('is an Excel 97–2003 workbook (.xls)');
    const r = await cli(['import', fake], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is named .xlsx but is not an Excel workbook');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });
});

describe('round trip through a workbook', () => {
  it('export --format xlsx → import gives the same complaints', async () => {
    const env = await office();
    await cliJson(['import', fixture('register-utf8.csv')], { env });
    const file = path.join(tempDir(), 'all.xlsx');
    await cli(['export', '--format', 'xlsx', '--out', file], { env });
    const other = testEnv(tempDb());
    expect(await cliJson(['import', file], { env: other })).toMatchObject({ rows: 5, kept: 5 });
    for (const t of ['260801-1', '260901-2', '260902-3', '260903-4', '260904-5']) {
      const [x, y] = [await cliJson(['show', t], { env }), await cliJson(['show', t], { env: other })];
      for (const k of ['receivedAt', 'status', 'complainant', 'category', 'subcategory', 'followUp', 'deadlines', 'resolvedAt', 'closedAt', 'closeReason']) expect(y[k], `${t} ${k}`).toEqual(x[k]);
    }
  });
});
