import { describe, expect, it } from 'vitest';
import { matchQuery, searchDoc } from '../../src/domain/search-terms.js';

describe('search terms for Chinese text of any length', () => {
  it('indexes Han runs as single characters and overlapping pairs, other words as words', () => {
    const doc = searchDoc(['天花板漏水 leak', null, '3-2-1501']);
    expect(doc.uni.split(' ')).toEqual(expect.arrayContaining(['天', '花', '板', '漏', '水']));
    expect(doc.bi.split(' ')).toEqual(expect.arrayContaining(['天花', '花板', '板漏', '漏水']));
    expect(doc.words).toContain('leak');
    expect(doc.words).toContain('1501');
  });

  it.each([
    ['漏', 'uni : "漏"'],
    ['漏水', 'bi : "漏水"'],
    ['天花板漏水', 'bi : "天花 花板 板漏 漏水"'],
    ['leak', 'words : "leak"*'],
    ['漏水 pipe', 'bi : "漏水" AND words : "pipe"*'],
  ])('%s → %s', (term, query) => {
    expect(matchQuery(term)).toBe(query);
  });

  it('has nothing to search for in punctuation alone', () => {
    expect(matchQuery('！？ -- "')).toBeNull();
  });

  it('quotes a double quote inside a word safely', () => {
    expect(matchQuery('a"b')).toBe('words : "a"* AND words : "b"*');
  });
});
