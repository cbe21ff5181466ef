// The typed-array map an import remembers its rows' keys in (domain/number-table.ts) answers as a Map does.
import { describe, expect, it } from 'vitest';
import { NumberTable } from '../../src/domain/number-table.js';

describe('NumberTable', () => {
  it('keeps and finds what a Map keeps, through growth, for keys up to 2^53 and 0', () => {
    const table = new NumberTable(4);
    const map = new Map<number, number>();
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const keys = [0, 1, 2 ** 53 - 2, 2026 * 1_000_000 + 1, 2 ** 32, 2 ** 32 + 1];
    for (let i = 0; i < 20_000; i++) keys.push(i % 3 === 0 ? next() : next() * 2 ** 21 + (next() % 2 ** 21));
    keys.forEach((k, i) => {
      table.set(k, i);
      map.set(k, i);
    });
    // Setting again replaces.
    table.set(keys[7], -5);
    map.set(keys[7], -5);
    expect(table.size).toBe(map.size);
    for (const [k, v] of map) expect(table.get(k)).toBe(v);
    for (let i = 0; i < 1000; i++) {
      const k = next() * 3 + 0.0;
      if (!map.has(k)) expect(table.get(k)).toBeUndefined();
    }
  });
});
