// Spreadsheets out (SPEC §15): `export --format xlsx`, `report … --format xlsx`
// and Chinese values under --headers zh. Every workbook is opened with SheetJS
// (the `xlsx` package), a reader independent of exceljs that wrote it, and its
// cells are checked for type, value and Chinese text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import { asWritten, cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';
import { openComplaintsWorkbook } from '../../src/output/complaints-xlsx.js';
import { CSV_COLUMNS, headerRow } from '../../src/domain/csv-columns.js';

afterAll(removeTempDirs);

let env: Env;
async function ok(args: string[], now = '2026-09-12T10:00:00+08:00', e = env): Promise<string> {
  const r = await cli(args, { env: { ...e, COMPLAINTS_NOW: now } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  env = testEnv(tempDb());
  await ok(registerArgs({ description: '楼上漏水, 已经三天了\n第二行', demand: '=1+1', channel: 'phone' }), '2026-08-20T10:00:00+08:00');
  await ok(['assign', '260820-1', '--dept', '工程部', '--to', '张工'], '2026-08-20T11:00:00+08:00');
  await ok(['resolve', '260820-1', '--resolution', '已更换水管', '--cost', '1234.5', '--responsible', '工程部', '--approved-by', '王经理'], '2026-08-21T10:00:00+08:00');
  await ok(['follow-up', '260820-1', '--satisfaction', '2', '--note', '业主满意'], '2026-08-22T10:00:00+08:00');
  await ok(registerArgs({ name: '李先生', phone: '13700137000', unit: '5-1-302', subcategory: 'noise', description: '装修噪音', safety: true, channel: 'visit' }), '2026-09-01T09:10:00+08:00');
});

/** A workbook read back by SheetJS, dates as Date objects (local wall time in their UTC fields). */
function readBook(file: string): XLSX.WorkBook {
  return XLSX.read(fs.readFileSync(file), { cellDates: true, cellStyles: true });
}

/** The cell under a header in a data row (row 2 is the first complaint). */
function cellAt(ws: XLSX.WorkSheet, header: string, row: number): XLSX.CellObject | undefined {
  const headers = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0];
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return ws[XLSX.utils.encode_cell({ r: row - 1, c })];
}

describe('export --format xlsx', () => {
  it('writes typed cells under a frozen, filtered header: dates, yuan, numbers, booleans, text with line breaks', async () => {
    const file = path.join(tempDir(), 'register.xlsx');
    expect(await ok(['export', '--format', 'xlsx', '--out', file])).toContain('Exported 2 complaint(s)');
    const book = readBook(file);
    expect(book.SheetNames).toEqual(['Complaints']);
    const ws = book.Sheets.Complaints;
    expect(XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]).toEqual(headerRow('keys'));
    expect(ws['!autofilter']).toEqual({ ref: `A1:${XLSX.utils.encode_col(CSV_COLUMNS.length - 1)}1` });
    const received = cellAt(ws, 'receivedAt', 2)!;
    expect(received.t).toBe('d');
    // The office's wall clock: 10:00 in Shanghai.
    expect((received.v as Date).toISOString()).toBe('2026-08-20T10:00:00.000Z');
    expect(received.z).toMatch(/yyyy-mm-dd hh:mm/);
    expect(cellAt(ws, 'cost', 2)).toMatchObject({ t: 'n', v: 1234.5, w: '1,234.50' });
    expect(cellAt(ws, 'households', 2)).toMatchObject({ t: 'n', v: 1 });
    expect(cellAt(ws, 'satisfaction', 2)).toMatchObject({ t: 'n', v: 2 });
    expect(cellAt(ws, 'safety', 3)).toMatchObject({ t: 'b', v: true });
    expect(cellAt(ws, 'media', 3)).toMatchObject({ t: 'b', v: false });
    expect(cellAt(ws, 'status', 2)).toMatchObject({ t: 's', v: 'closed' });
    expect(cellAt(ws, 'description', 2)).toMatchObject({ t: 's', v: '楼上漏水, 已经三天了\n第二行' });
    // A text cell is never a formula: no apostrophe needed, none added.
    expect(cellAt(ws, 'demand', 2)).toMatchObject({ t: 's', v: '=1+1' });
    expect(cellAt(ws, 'claim', 2)?.v).toBeUndefined();
    // The frozen header row is in the sheet's view (SheetJS does not parse views: read the XML).
    const xml = sheetXml(file);
    expect(xml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<col [^>]*width="/);
  });

  it('with --headers zh: Chinese headers, values, sheet name and 是/否', async () => {
    const file = path.join(tempDir(), '投诉台账.xlsx');
    await ok(['export', '--format', 'xlsx', '--out', file, '--headers', 'zh']);
    const book = readBook(file);
    expect(book.SheetNames).toEqual(['投诉台账']);
    const ws = book.Sheets['投诉台账'];
    expect(cellAt(ws, '状态', 2)).toMatchObject({ t: 's', v: '已关闭' });
    expect(cellAt(ws, '渠道', 2)).toMatchObject({ t: 's', v: '来电' });
    expect(cellAt(ws, '类别', 2)).toMatchObject({ t: 's', v: '物业管理' });
    expect(cellAt(ws, '子类', 3)).toMatchObject({ t: 's', v: '噪音' });
    expect(cellAt(ws, '安全隐患', 3)).toMatchObject({ t: 's', v: '是' });
    expect(cellAt(ws, '媒体/监管介入', 3)).toMatchObject({ t: 's', v: '否' });
    expect(cellAt(ws, '回访方式', 2)).toMatchObject({ t: 's', v: '电话' });
    expect(cellAt(ws, '审批级别', 2)).toMatchObject({ t: 's', v: '部门负责人' });
    expect(cellAt(ws, '受理时间', 3)).toMatchObject({ t: 'd' });
  });

  it('masks phones with --mask, in the phone column and in text', async () => {
    const file = path.join(tempDir(), 'm.xlsx');
    await ok(['export', '--format', 'xlsx', '--out', file, '--mask']);
    const ws = readBook(file).Sheets.Complaints;
    expect(cellAt(ws, 'phone', 2)).toMatchObject({ t: 's', v: '138****8000' });
  });

  it('goes on in a second sheet past a sheet\'s rows', async () => {
    const file = path.join(tempDir(), 'long.xlsx');
    const book = await openComplaintsWorkbook({ path: file, sheet: '投诉台账', headers: headerRow('keys'), tz: 'Asia/Shanghai', mask: false, sheetRows: 3 });
    const row = (i: number) => CSV_COLUMNS.map((c) => (c.key === 'ticket' ? `26091200${i}` : null));
    for (let i = 1; i <= 5; i++) book.add(row(i));
    await book.close();
    const read = readBook(file);
    expect(read.SheetNames).toEqual(['投诉台账', '投诉台账 2', '投诉台账 3']);
    expect(XLSX.utils.sheet_to_json<string[]>(read.Sheets['投诉台账 2'], { header: 1 }).map((r) => r[0])).toEqual(['ticket', '260912003', '260912004']);
  });

  it('refuses a workbook without --out (exit 2), and changes nothing', async () => {
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['export', '--format', 'xlsx'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a workbook is a file: give --out');
    const zh = await cli(['export', '--format', 'xlsx', '--lang', 'zh'], { env });
    expect(zh.stderr).toContain('工作簿只能写入文件');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });
});

describe('export --headers zh (CSV)', () => {
  it('writes every value in Chinese and times as YYYY-MM-DD HH:mm', async () => {
    const rows = parse(await ok(['export', '--headers', 'zh']), { bom: true }) as string[][];
    const rec = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(rec).toMatchObject({
      编号: '260820001', 受理时间: '2026-08-20 10:00', 渠道: '来电', 类型: '投诉', 类别: '物业管理', 子类: '渗漏', 级别: '一般',
      有效性: '待核实', 状态: '已关闭', 安全隐患: '否', 回访方式: '电话', 审批级别: '部门负责人', 关闭原因: '已回访', 处理时间: '2026-08-21 10:00',
      '赔偿/费用': '1234.50', 满意度: '2',
    });
    const second = Object.fromEntries(rows[0].map((h, i) => [h, rows[2][i]]));
    expect(second).toMatchObject({ 渠道: '来访', 子类: '噪音', 安全隐患: '是', 状态: '已登记' });
  });

  it('--headers keys stays the round-trip form: keys and ISO times with the offset', async () => {
    const rows = parse(await ok(['export']), { bom: true }) as string[][];
    const rec = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(rec).toMatchObject({ receivedAt: '2026-08-20T10:00:00+08:00', channel: 'phone', status: 'closed', safety: 'false', closeReason: 'followed_up' });
  });

  it('a Chinese-valued export imports back with the same values', async () => {
    const file = path.join(tempDir(), 'zh.csv');
    await ok(['export', '--out', file, '--headers', 'zh']);
    const other = testEnv(tempDb());
    expect(await cliJson(['import', file], { env: other })).toMatchObject({ rows: 2, kept: 2 });
    const a = await cliJson(['show', '260820-1'], { env: other });
    expect(a).toMatchObject({ status: 'closed', channel: 'phone', category: 'property_service', subcategory: 'leak', closeReason: 'followed_up', approvalLevel: 'department_head', followUp: { satisfaction: 2, method: 'phone' } });
    expect((await cliJson(['show', '260901-2'], { env: other })).safety).toBe(true);
  });
});

describe('report --format xlsx', () => {
  it('a summary sheet with typed figures, a sheet per breakdown, the major complaints', async () => {
    await ok(registerArgs({ name: '赵先生', phone: '13600136000', description: '燃气泄漏', safety: true }), '2026-09-05T10:00:00+08:00');
    const file = path.join(tempDir(), '月报.xlsx');
    const r = await cli(['report', 'range', '--from', '2026-08-01', '--to', '2026-09-10', '--format', 'xlsx', '--out', file, '--lang', 'zh'], { env });
    expect(r.code).toBe(0);
    const book = readBook(file);
    expect(book.SheetNames.slice(0, 3)).toEqual(['总体情况', '按类型', '按类别']);
    expect(book.SheetNames).toContain('重大投诉');
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['总体情况'], { header: 1 });
    expect(summary[0]).toEqual(['指标', '数值']);
    const byLabel = new Map(summary.map((row, i) => [row[0], i]));
    const cell = (label: string) => book.Sheets['总体情况'][XLSX.utils.encode_cell({ r: byLabel.get(label)!, c: 1 })];
    expect(cell('受理总数')).toMatchObject({ t: 'n', v: 3 });
    expect(cell('回访率（目标 100%）')).toMatchObject({ t: 'n', v: 1, w: '100.0%' });
    expect(cell('赔偿/维修费用（元）')).toMatchObject({ t: 'n', v: 1234.5, w: '1,234.50' });
    const major = XLSX.utils.sheet_to_json<string[]>(book.Sheets['重大投诉'], { header: 1 });
    expect(major.slice(1).map((row) => asWritten(row[0]))).toEqual(['260901002', '260905003']);
    expect(major[2][2]).toBe('已登记');
    expect(book.Sheets['按类型']['!autofilter']).toEqual({ ref: 'A1:B1' });
  });

  it('refuses a workbook without --out (exit 2), and changes nothing', async () => {
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['report', 'range', '--from', '2026-08-01', '--to', '2026-08-31', '--format', 'xlsx'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a workbook is a file: give --out');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });
});

/** The first sheet's XML, from the workbook's zip (SheetJS keeps the raw files with bookFiles). */
function sheetXml(file: string): string {
  const book = XLSX.read(fs.readFileSync(file), { bookFiles: true }) as XLSX.WorkBook & { files?: Record<string, { content?: unknown; _data?: unknown }>; keys?: string[] };
  const files = (book as unknown as { files: Record<string, unknown> }).files;
  const entry = files['xl/worksheets/sheet1.xml'] as { content?: Uint8Array; _data?: unknown } | undefined;
  if (!entry) throw new Error(`no sheet1.xml among ${Object.keys(files).join(', ')}`);
  const content = entry.content ?? (entry as { asNodeBuffer?: () => Buffer }).asNodeBuffer?.();
  return Buffer.from(content as Uint8Array).toString('utf8');
}
