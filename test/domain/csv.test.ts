// The CSV register's pure parts: formula neutralising, masking, header
// recognition, cell times, and row validation with line and column.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  complaintCells, headerRow, isoFormatter, neutralise, recogniseHeaders, unneutralise, CSV_COLUMNS,
} from '../../src/domain/csv-columns.js';
import { parseCellTime, validateRows, type ImportContext } from '../../src/domain/import-rows.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { isoLocal, parseInstant } from '../../src/domain/time.js';
import type { Complaint } from '../../src/domain/types.js';

const TZ = 'Asia/Shanghai';
const NOW = parseInstant('2026-09-12T10:00:00+08:00', TZ)!;
const k: ImportContext = {
  settings: DEFAULT_SETTINGS, calendar: { isWorkday: (d: string) => ![0, 6].includes(new Date(d).getUTCDay()) } as never, tz: TZ, now: NOW, actor: 'li',
};

describe('formula neutralising', () => {
  it.each(['=SUM(A1)', '+86 138', '-1', '@cmd', '\tx', '\rx', "'=already", '＝SUM(A1)', '＋86 138', '－1', '＠cmd', "'＝already"])('prefixes %j and import gives it back', (cell) => {
    const n = neutralise(cell);
    expect(n).toBe(`'${cell}`);
    expect(unneutralise(n)).toBe(cell);
  });
  it.each(['王女士', "it's", "'plain", '13800138000', '', '1-2', '１＝１', '，逗号'])('leaves %j alone', (cell) => {
    expect(neutralise(cell)).toBe(cell);
    expect(unneutralise(cell)).toBe(cell);
  });
});

describe('CSV quoting (csv-stringify with the export options)', () => {
  const OPTS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;
  it('quotes commas, quotes, newlines and carriage returns, keeps Chinese, and parses back', () => {
    const cells = ['a,b', 'say "hi"', 'line1\nline2', 'cr\ronly', '中文，全角逗号', 'plain'];
    const text = stringify([cells], OPTS);
    expect(text).toBe('"a,b","say ""hi""","line1\nline2","cr\ronly",中文，全角逗号,plain\r\n');
    expect(parse(text)).toEqual([cells]);
  });
});

function complaint(over: Partial<Complaint> = {}): Complaint {
  return {
    id: 1, ticket: '260912001', receivedAt: NOW, channel: 'phone', kind: 'complaint', category: 'property_service', subcategory: 'leak',
    severity: 'general', validity: 'unverified', validityReason: null, status: 'registered',
    complainant: { name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501' },
    subject: '漏水', description: '=HYPERLINK("x")', demand: null, receiver: 'li', department: null, assignee: null, households: 1,
    claimFen: 123456, safety: false, media: true, deadlines: { contact: NOW, resolve: NOW, followUp: null }, resolveFrom: NOW,
    extendedUntil: null, contactedAt: null, lastContactAt: null, resolvedAt: null, resolution: null, costFen: null, payments: [], responsible: null,
    responsiblePerson: null, approvedBy: null, approvalLevel: null, followUp: null, attempts: [], closedAt: null, closeReason: null, duplicateOf: null,
    repeatOf: null, flagged: false, disagreedTalks: 0, assignedAt: null, steps: {}, reportUps: [], earlier: {},
    approvals: [], audits: [], group: null, about: null, happenedAt: null, place: null, possiblyInvalid: false, cause: null, correctiveAction: null, ...over,
  };
}

describe('complaint cells', () => {
  const col = (key: string) => CSV_COLUMNS.findIndex((c) => c.key === key);
  it('formats times with the offset, money in yuan, booleans, and neutralises formulas', () => {
    const cells = complaintCells(complaint(), { iso: isoFormatter(TZ), mask: false });
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(cells[col('receivedAt')]).toBe('2026-09-12T10:00:00+08:00');
    expect(cells[col('claim')]).toBe('1234.56');
    expect(cells[col('media')]).toBe('true');
    expect(cells[col('description')]).toBe(`'=HYPERLINK("x")`);
    expect(cells[col('phone')]).toBe('13800138000');
  });
  it('masks phones with --mask', () => {
    const fmt = { iso: isoFormatter(TZ), mask: true };
    expect(complaintCells(complaint(), fmt)[col('phone')]).toBe('138****8000');
    expect(complaintCells(complaint({ complainant: { name: 'x', phone: '010-12345678', estate: null, unit: null } }), fmt)[col('phone')]).toBe('***-****5678');
  });
  it('formats instants as isoLocal does, across zones and years', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      const iso = isoFormatter(tz);
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7_777_777_123) expect(iso(ms)).toBe(isoLocal(ms, tz));
    }
  });
});

describe('header recognition', () => {
  it('reads keys, English and Chinese headers alike', () => {
    for (const style of ['keys', 'en', 'zh'] as const) {
      const r = recogniseHeaders(headerRow(style));
      expect(r.keys).toEqual(CSV_COLUMNS.map((c) => c.key));
      expect(r.unknown).toEqual([]);
    }
  });
  it('reads the headers of a hand-made register and names the rest', () => {
    const r = recogniseHeaders(['序号', '受理时间', '投诉人', ' 电话 ', '投诉内容', '房号', '项目', '备注']);
    expect(r.keys).toEqual([null, 'receivedAt', 'name', 'phone', 'description', 'unit', 'estate', null]);
    expect(r.unknown).toEqual(['序号', '备注']);
    expect(recogniseHeaders(['姓名', '内容', '日期']).keys).toEqual(['name', 'description', 'receivedAt']);
  });
  it('reports two headers meaning the same column', () => {
    expect(recogniseHeaders(['姓名', '投诉人']).duplicates).toEqual([{ key: 'name', headers: ['姓名', '投诉人'] }]);
  });
});

describe('cell times', () => {
  it.each([
    ['2026-09-05T09:05:00+08:00', '2026-09-05T09:05:00+08:00'],
    ['2026-09-05 09:05', '2026-09-05T09:05:00+08:00'],
    ['2026/9/5 9:05', '2026-09-05T09:05:00+08:00'],
    ['2026年9月5日', '2026-09-05T00:00:00+08:00'],
    ['2026.09.05', '2026-09-05T00:00:00+08:00'],
  ])('%s', (text, iso) => {
    expect(isoLocal(parseCellTime(text, TZ)!, TZ)).toBe(iso);
  });
  it.each(['2026-13-01', 'yesterday', '2026/2/30 10:00'])('refuses %s', (text) => {
    expect(parseCellTime(text, TZ)).toBeNull();
  });
});

describe('row validation', () => {
  const header = ['受理时间', '投诉人', '电话', '投诉内容', '状态', '满意度'];
  const keys = recogniseHeaders(header).keys;
  it('builds complaints from good rows, inferring what is missing', () => {
    const r = validateRows(header, keys, [{ line: 2, cells: ['2026-09-01 09:00', '张三', '13800138001', '电梯坏了', '', ''] }], k);
    expect(r.problems).toEqual([]);
    const c = r.items[0].complaint;
    expect(c.status).toBe('registered');
    expect(c.subject).toBe('电梯坏了');
    expect(c.receiver).toBe('li');
    expect(r.items[0].kept).toBeNull();
  });
  it('names line and column of every problem', () => {
    const r = validateRows(header, keys, [
      { line: 2, cells: ['2026-09-01 09:00', '张三', '12345', '电梯坏了', '', ''] },
      { line: 3, cells: ['', '', '', '', 'flying', '9'] },
      { line: 5, cells: ['2027-01-01', '李四', '', 'x', '', ''] },
    ], k);
    expect(r.items).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, '电话', 'badPhone'],
      [3, '受理时间', 'required'],
      [3, '投诉人', 'required'],
      [3, '投诉内容', 'required'],
      [3, '满意度', 'badSatisfaction'],
      [3, '状态', 'badChoice'],
      [5, '受理时间', 'future'],
    ]);
  });
  it('refuses a file without the required columns', () => {
    const r = validateRows(['姓名'], ['name'], [{ line: 2, cells: ['x'] }], k);
    expect(r.problems.map((p) => p.params.column)).toEqual(['receivedAt', 'description']);
  });
  it('keeps valid tickets, refuses duplicates and tickets of another date', () => {
    const h = ['编号', '受理时间', '姓名', '内容'];
    const r = validateRows(h, recogniseHeaders(h).keys, [
      { line: 2, cells: ['260901-7', '2026-09-01 09:00', 'a', 'x'] },
      { line: 3, cells: ['260901007', '2026-09-01 10:00', 'b', 'y'] },
      { line: 4, cells: ['260902008', '2026-09-01 10:00', 'c', 'z'] },
      { line: 5, cells: ['TS-001', '2026-09-01 10:00', 'd', 'w'] },
    ], k);
    expect(r.items.map((i) => [i.complaint.ticket, i.kept, i.originalTicket])).toEqual([
      ['260901007', { year: 2026, seq: 7 }, null],
      ['', null, 'TS-001'],
    ]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[3, 'duplicateTicket'], [4, 'ticketDate']]);
  });
});
