import { describe, expect, it } from 'vitest';
import { HAN_RUN, matchQuery, searchDoc } from '../../src/domain/search-terms.js';

/** searchDoc as first written (match, Array.from, join): the index of every file written before must read the same. */
function searchDocAsFirstWritten(texts: (string | null | undefined)[]) {
  const uni: string[] = [];
  const bi: string[] = [];
  const words: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const run of text.match(HAN_RUN) ?? []) {
      const chars = Array.from(run);
      uni.push(chars.join(' '));
      const pairs: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
      bi.push(chars.length === 1 ? '' : pairs.join(' '));
      bi.push('0');
    }
    words.push(text.replace(HAN_RUN, ' '));
  }
  return { uni: uni.join(' '), bi: bi.join(' '), words: words.join(' ') };
}

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

  it('gives the same terms as it first did, for any mix of Han (with 々, 〇 and characters beyond the BMP), Latin, digits and empty texts', () => {
    const pieces = ['漏', '水', '天花板', '𠮷', '𡈽', '々', '〇', ' ', 'leak', '3-2-1501', '，', '"', '', 'Ü', '\n'];
    let seed = 3;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return pieces[Math.floor(seed / 65536) % pieces.length];
    };
    for (let n = 0; n < 500; n++) {
      const texts = Array.from({ length: n % 5 }, (_, i) => (i === 2 && n % 3 === 0 ? null : Array.from({ length: n % 9 }, pick).join('')));
      expect(searchDoc(texts), JSON.stringify(texts)).toEqual(searchDocAsFirstWritten(texts));
    }
  });

  it('has nothing to search for in punctuation alone', () => {
    expect(matchQuery('！？ -- "')).toBeNull();
  });

  it('quotes a double quote inside a word safely', () => {
    expect(matchQuery('a"b')).toBe('words : "a"* AND words : "b"*');
  });
});
