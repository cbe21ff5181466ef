// Amounts in reports are yuan with two decimals and thousands grouped, made
// by hand (no locale data loaded) and the same as formatYuan's.
import { describe, expect, it } from 'vitest';
import { yuan } from '../../src/output/report-layout.js';

describe('report amounts', () => {
  it.each([
    [0, '0.00'], [0.5, '0.50'], [1200.5, '1,200.50'], [1_234_567.89, '1,234,567.89'], [-30, '-30.00'], [999.999, '1,000.00'],
  ])('%d yuan reads %s', (n, text) => {
    expect(yuan(n)).toBe(text);
  });
});
