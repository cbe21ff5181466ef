// Spreadsheets through the built binary (SPEC §15), with no terminal: a
// workbook out (read back by SheetJS), an office's workbook and GBK register
// in, and no progress bar's control characters on a piped stderr.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ROOT, ensureBuilt, registerArgs, removeTempDirs, spawnCli, tempDb, tempDir, testEnv } from '../helpers.js';

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

describe('spreadsheets through the built binary', () => {
  it('export --format xlsx --headers zh writes a workbook another reader opens, typed and in Chinese', () => {
    const env = testEnv(tempDb());
    expect(spawnCli(registerArgs({ 'received-at': '2026-09-01 09:10', safety: true }), env).code).toBe(0);
    const file = path.join(tempDir(), '投诉台账.xlsx');
    const r = spawnCli(['export', '--format', 'xlsx', '--headers', 'zh', '--out', file], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const book = XLSX.read(fs.readFileSync(file), { cellDates: true });
    const ws = book.Sheets['投诉台账'];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws);
    expect(rows[0]).toMatchObject({ 状态: '已登记', 类别: '物业管理', 子类: '渗漏', 级别: '重大', 安全隐患: '是' });
    expect((rows[0]['受理时间'] as Date).toISOString()).toBe('2026-09-01T09:10:00.000Z');
    expect(rows[0]['涉及户数']).toBe(1);
  });

  it('imports an office\'s GBK register and its workbook; a piped stderr gets no progress bar', () => {
    const env = testEnv(tempDb());
    const dry = spawnCli(['import', path.join(ROOT, 'test/fixtures/register-gbk.csv'), '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, rows: 4, arriving: { open: 1, resolved: 1, closed: 2, overdue: 2 } });
    // A register long enough to take a while, as a workbook.
    const rows: unknown[][] = [['投诉台账'], ['序号', '投诉时间', '业主姓名', '联系电话', '房号', '投诉类别', '投诉内容', '处理结果', '满意度']];
    for (let i = 1; i <= 1500; i++) {
      rows.push([i, `2026/8/${1 + (i % 28)} ${8 + (i % 10)}:${String(i % 60).padStart(2, '0')}`, `业主${i}`, `139${String(i).padStart(8, '0')}`, `阳光海岸${1 + (i % 9)}-1-${100 + i}`, i % 2 ? '维修' : '保洁', `问题${i}`, i % 3 ? '已处理' : '', i % 3 === 1 ? '满意' : '']);
    }
    const ws = XLSX.utils.aoa_to_sheet(rows);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, '台账');
    const file = path.join(tempDir(), '台账.xlsx');
    XLSX.writeFile(book, file);
    const r = spawnCli(['import', file, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 1500, arriving: { closed: 500, resolved: 500, open: 500 } });
  }, 60_000);
});
