// Aligned columns: Chinese takes two terminal columns, and any number of rows
// renders in one pass (no quadratic table, no spread of every row).
import { describe, expect, it } from 'vitest';
import { columnLines, displayWidth, renderColumns, truncate } from '../../src/output/text.js';

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
