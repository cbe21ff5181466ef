import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, parseYuan, yuan } from '../../src/domain/money.js';

describe('parseYuan (yuan text → integer fen)', () => {
  it.each([
    ['0', 0],
    ['5000', 500_000],
    ['5,000', 500_000],
    ['5,000.5', 500_050],
    ['1200.50', 120_050],
    ['0.01', 1],
    ['0.29', 29], // no floating-point drift
    ['19999.99', 1_999_999],
    ['20000', 2_000_000],
    ['¥12.30', 1_230],
    ['￥12', 1_200],
    ['12元', 1_200],
    ['  300 ', 30_000],
  ])('%j → %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', 'abc', '-5', '1.234', '1e3', '12.', '.5', '5 000', 'NaN', '¥', '99999999999999999999'])('rejects %j', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('showing money', () => {
  it.each([
    [0, 0, '0.00'],
    [5, 0.05, '0.05'],
    [120_050, 1200.5, '1,200.50'],
    [123_456_789, 1_234_567.89, '1,234,567.89'],
    [-150, -1.5, '-1.50'],
  ])('%i fen is %d yuan, shown %s', (fen, asNumber, text) => {
    expect(fenToYuan(fen)).toBe(asNumber);
    expect(formatYuan(fen)).toBe(text);
  });

  it('yuan() converts whole yuan to fen', () => {
    expect(yuan(5000)).toBe(500_000);
  });
});
