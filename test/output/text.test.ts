// Aligned columns: Chinese takes two terminal columns, and any number of rows
// renders in one pass (no quadratic table, no spread of every row).
import { describe, expect, it } from 'vitest';
import { columnLines, displayWidth, fitColumns, renderColumns, sizeText, truncate, wrapLine } from '../../src/output/text.js';

describe('renderColumns', () => {
  it('aligns by display width, Chinese counting double, and cuts long cells', () => {
    const out = renderColumns([{ header: 'ticket' }, { header: 'name', max: 6 }, { header: 'note' }], [
      ['260912-1', '王女士', 'a'],
      ['260912-22', '欧阳建国先生', 'b'],
    ]);
    expect(out).toBe([
      'ticket     name    note',
      '260912-1   王女士  a',
      '260912-22  欧阳…   b',
      '',
    ].join('\n'));
  });

  it('renders 300,000 rows (a spread of every row into Math.max overflowed the stack)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [String(i), '漏水']);
    const out = renderColumns([{ header: 'n' }, { header: 'what' }], rows);
    expect(out.split('\n')).toHaveLength(300_002);
    expect(out.split('\n')[300_000]).toBe('299999  漏水');
  });
});

describe('columnLines', () => {
  it('writes the text renderColumns writes, indented, a piece at a time; a measured cell is made when its line is', () => {
    const rows = [['260912-1', '王女士', ' '], ['260912-22', '欧阳建国先生', '']];
    const columns = [{ header: 'ticket' }, { header: 'name', max: 6 }, { header: 'note' }];
    expect([...columnLines(columns, rows, { indent: '  ' })].join('')).toBe(renderColumns(columns, rows).replace(/^/gm, '  ').slice(0, -2));
    const made: string[] = [];
    const cell = (text: string) => ({ width: displayWidth(text), text: () => (made.push(text), text) });
    const lines = columnLines([{ header: 'late' }, { header: 'x' }], [[cell('超期 2 天'), 'a'], [cell('overdue'), 'b']]);
    expect(lines.next().value).toBe('late       x\n');
    expect(made).toEqual([]);
    expect([...lines]).toEqual(['超期 2 天  a\noverdue    b\n']);
    expect(made).toEqual(['超期 2 天', 'overdue']);
  });

  it('hands out long lists in pieces of whole lines', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [String(i), '漏水']);
    const pieces = [...columnLines([{ header: 'n' }, { header: 'what' }], rows)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(renderColumns([{ header: 'n' }, { header: 'what' }], rows));
  });
});

describe('truncate', () => {
  it.each([
    ['漏水漏水漏水', 6, '漏水…'], ['漏水漏水漏水', 12, '漏水漏水漏水'], ['abcdefgh', 5, 'abcd…'], ['a😀😀b', 4, 'a😀…'],
    ['😀😀😀', 5, '😀😀…'], ['ab\ud800cd', 4, 'ab\ud800…'], ['漏a水', 3, '漏…'],
  ])('%j cut to %i columns is %j', (text, width, cut) => {
    expect(truncate(text, width)).toBe(cut);
  });
});

describe('display width', () => {
  it.each([
    ['', 0], ['261119001', 9], ['漏水', 4], ['工程部 A座', 10], ['\x1b[31m超期\x1b[39m 2', 6],
    ['😀x', 3], ['a\u0007b', 2], ['ｆｕｌｌ', 8], ['한국', 4], ['\ud800x', 2],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('fitColumns', () => {
  const cols = [{ header: 'ticket' }, { header: 'name', min: 6 }, { header: 'unit', min: 8, drop: 1 }, { header: 'subject', fill: true }];
  it('leaves a line that fits as it is', () => {
    expect(fitColumns(cols, [9, 10, 20, 30], 100)).toEqual([9, 10, 20, 30]);
  });
  it('cuts the subject first, to 20; then the widest cuttable column to its least; then the subject to 10', () => {
    // 9 + 10 + 20 + 30 and three gaps of 2 = 75: 70 wide takes 5 off the subject.
    expect(fitColumns(cols, [9, 10, 20, 30], 70)).toEqual([9, 10, 20, 25]);
    // 60: the subject to 20, then the unit (the widest) to 10 — never the ticket.
    expect(fitColumns(cols, [9, 10, 20, 30], 60)).toEqual([9, 10, 15, 20]);
    // 50: the subject to 20, then the unit to 10, then the two a step each in turn.
    expect(fitColumns(cols, [9, 10, 20, 30], 50)).toEqual([9, 7, 8, 20]);
  });
  it('leaves columns out by their drop, the subject taking back what they leave', () => {
    // 40: 9 + 6 + 8 + 10 + 6 = 39 fits with the subject at 10; at 35 the unit is left out and the subject gets 35 - 9 - 6 - 4.
    expect(fitColumns(cols, [9, 10, 20, 30], 35)).toEqual([9, 6, -1, 16]);
  });
  it('squeezes what may be cut when nothing else is left, never a column that may not be', () => {
    expect(fitColumns(cols, [9, 10, 20, 30], 24)).toEqual([9, 5, -1, 6]);
    expect(fitColumns(cols, [9, 10, 20, 30], 10)).toEqual([9, 4, -1, 4]);
  });
  it('cuts only the header of a column of figures, before any text', () => {
    const figures = [{ header: 'estate', min: 8 }, { header: 'received on time (rate)', keepCells: true, min: 4 }];
    // The figures are 6 wide: the header goes down to 6 before the estate is touched.
    expect(fitColumns(figures, [20, 23], 30, [20, 6])).toEqual([20, 8]);
    expect(fitColumns(figures, [20, 23], 20, [20, 6])).toEqual([12, 6]);
  });
});

describe('renderColumns at a width', () => {
  it('cuts cells and headers to their columns by display width, and leaves out dropped columns', () => {
    const out = renderColumns(
      [{ header: 'ticket' }, { header: 'estate', min: 6, drop: 1 }, { header: 'subject', fill: true }],
      [['260912001', '阳光海岸国际花园二期', '卫生间天花板漏水已经三天了楼上住户一直不在家']],
      { width: 40 },
    );
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    // The subject keeps 20 columns; the estate gives way to fill the line.
    expect(out).toBe('ticket     estate   subject\n260912001  阳光海…  卫生间天花板漏水已…\n');
    // At 25 the estate is left out and the subject takes what it leaves.
    const narrow = renderColumns(
      [{ header: 'ticket' }, { header: 'estate', min: 6, drop: 1 }, { header: 'subject', fill: true }],
      [['260912001', '阳光海岸国际花园二期', '卫生间天花板漏水已经三天了楼上住户一直不在家']],
      { width: 25 },
    );
    expect(narrow).toBe('ticket     subject\n260912001  卫生间天花板…\n');
  });
});

describe('wrapLine', () => {
  it.each([
    ['Possible group complaints (last 7 days): 1', 20, ['Possible group', 'complaints (last 7', 'days): 1']],
    ['本期支付的赔偿维修费用按责任部门元', 10, ['本期支付的', '赔偿维修费', '用按责任部', '门元']],
    ['short', 20, ['short']],
  ])('%j at %i columns', (text, width, lines) => {
    expect(wrapLine(text, width)).toEqual(lines);
  });
});

describe('sizeText', () => {
  it.each([[0, '0 B'], [1023, '1023 B'], [1024, '1.0 KB'], [153_600, '150 KB'], [12_345, '12.1 KB'], [4_718_592, '4.5 MB'], [2_254_857_830, '2.1 GB']])('%i bytes is %s', (n, text) => {
    expect(sizeText(n)).toBe(text);
  });
});
