// The words and shapes of an office's own register (SPEC §15), table by table:
// satisfaction words, units and estates, subcategories, file kinds, where the
// table starts, and what a duplicate is.
import { describe, expect, it } from 'vitest';
import { categoryOfSubcategory, normalUnit, satisfactionIn, satisfactionOf, splitEstate } from '../../src/domain/register-words.js';
import { fileKindOf, findTable, tabSeparated } from '../../src/domain/register-file.js';
import { duplicatesInDatabase, duplicatesInFile } from '../../src/domain/import-duplicates.js';

describe('satisfaction', () => {
  it.each([
    ['1', 1], ['5', 5], ['3分', 3], ['2.0', 2], ['非常满意', 1], ['很满意', 1], ['满意', 2], ['基本满意', 3], ['不满意', 4], ['很不满意', 5], ['非常不满意', 5],
    ['6', null], ['还行', null], ['', null],
  ])('%s → %s', (cell, n) => expect(satisfactionOf(cell as string)).toBe(n));
  it.each([
    ['已回访，业主很满意', 1], ['业主表示不满意', 4], ['业主不太满意，要求再修', 4], ['回访：满意', 2], ['已回访', null],
  ])('said in a note: %s → %s', (note, n) => expect(satisfactionIn(note as string)).toBe(n));
});

describe('units and estates', () => {
  it.each([
    ['3栋2单元1501', '3-2-1501'], ['3号楼2单元1501室', '3-2-1501'], ['3幢 2单元 1501', '3-2-1501'], ['3—2—1501', '3-2-1501'], ['商铺A12', '商铺A12'],
  ])('%s reads as %s', (u, want) => expect(normalUnit(u)).toBe(want));
  it('splits a known estate off the unit, the longest name first', () => {
    const estates = ['阳光海岸', '阳光海岸二期', '翠湖苑'];
    expect(splitEstate('阳光海岸3-2-1501', estates)).toEqual({ estate: '阳光海岸', unit: '3-2-1501' });
    expect(splitEstate('阳光海岸二期 5栋1单元302', estates)).toEqual({ estate: '阳光海岸二期', unit: '5-1-302' });
    expect(splitEstate('翠湖苑·2-1-101', estates)).toEqual({ estate: '翠湖苑', unit: '2-1-101' });
    expect(splitEstate('3-2-1501', estates)).toBeNull();
    expect(splitEstate('翠湖苑', estates)).toBeNull();
  });
  it('a subcategory gives its category', () => {
    expect(categoryOfSubcategory('leak')).toBe('construction_quality');
    expect(categoryOfSubcategory('repair')).toBe('property_service');
    expect(categoryOfSubcategory('电梯')).toBeNull();
  });
});

describe('file kinds', () => {
  it('tells a workbook, an .xls, UTF-16 and text by their bytes', () => {
    expect(fileKindOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(fileKindOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(fileKindOf(Buffer.from('\uFEFFa,b', 'utf16le'))).toBe('utf16');
    expect(fileKindOf(Buffer.from('a,b\r\n1,2', 'utf16le'))).toBe('utf16');
    expect(fileKindOf(Buffer.from('受理时间,投诉人\r\n'))).toBe('text');
  });
  it('tells tab-separated text by its first line with a tab or a comma', () => {
    expect(tabSeparated('台账\n受理时间\t投诉人\t内容\n')).toBe(2);
    expect(tabSeparated('受理时间,投诉人,内容\n"a\tb",c,d\n')).toBe(0);
  });
});

describe('the table of a sheet', () => {
  it('skips title rows, blank rows and rows with only their 序号', () => {
    const t = findTable([
      { row: 1, cells: ['某物业 2026 年投诉台账'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['序号', '投诉时间', '业主姓名', '投诉内容'] },
      { row: 4, cells: ['1', '2026/9/1', '张三', '漏水'] },
      { row: 5, cells: ['2', '', '', ''] },
      { row: 6, cells: ['', '', '', ''] },
      { row: 7, cells: ['3', '2026/9/2', '李四', '噪音'] },
    ])!;
    expect(t.headerRow).toBe(3);
    expect(t.rows.map((r) => r.row)).toEqual([4, 7]);
  });
  it('falls back to the first row that holds something when no row names two columns', () => {
    expect(findTable([{ row: 1, cells: ['姓名'] }, { row: 2, cells: ['张三'] }])!.headerRow).toBe(1);
  });
});

describe('duplicates', () => {
  const at = Date.parse('2026-09-01T09:30:00+08:00');
  const facts = { receivedAt: at, description: '漏水', phone: '13800138001', estate: '阳光海岸', unit: '1-1-101', name: '张三' };
  it('within a file: same phone, or same estate and unit, same minute, same description', () => {
    const problems = duplicatesInFile([
      { line: 2, facts },
      { line: 3, facts: { ...facts, phone: null, receivedAt: at + 40_000 } },
      { line: 4, facts: { ...facts, unit: '9-9-909', receivedAt: at + 59_000 } },
      { line: 5, facts: { ...facts, receivedAt: at + 60_000 } },
      { line: 6, facts: { ...facts, description: '噪音' } },
    ], null);
    expect(problems.map((p) => [p.line, p.params])).toEqual([[3, { other: 2, by: 'unit' }], [4, { other: 2, by: 'phone' }]]);
  });
  it('against the database, by its ticket; the name when there is neither phone nor unit', () => {
    const held = [{ ...facts, phone: null, unit: null, ticket: '260901001' }];
    const problems = duplicatesInDatabase([{ line: 2, facts: { ...facts, phone: null, unit: null } }, { line: 3, facts }], held, null);
    expect(problems.map((p) => [p.line, p.params])).toEqual([[2, { ticket: '260901001', by: 'name' }]]);
  });
});
