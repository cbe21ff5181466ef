// Deciding a file's encoding on evidence: valid UTF-8 is UTF-8; mostly valid
// UTF-8 with a few bad bytes is a damaged UTF-8 file (refused, naming line,
// column, byte offset and value); clean GB18030 that reads as Chinese is
// GB18030; anything else is refused.
import { describe, expect, it } from 'vitest';
import { textEncodingOf } from '../../src/domain/text-encoding.js';
import { UsageError } from '../../src/domain/errors.js';

const gb = (s: string) => {
  // The GB18030 bytes of a few characters, spelled out (TextEncoder writes only UTF-8).
  const table: Record<string, number[]> = { 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 电: [0xb5, 0xe7], 梯: [0xcc, 0xdd], 坏: [0xbb, 0xb5], 了: [0xc1, 0xcb], '，': [0xa3, 0xac] };
  return Buffer.concat([...s].map((c) => Buffer.from(table[c] ?? Buffer.from(c))));
};

function refusal(bytes: Buffer): UsageError {
  try {
    textEncodingOf(bytes, 'f.csv');
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('textEncodingOf', () => {
  it('valid UTF-8, with or without a byte-order mark, is UTF-8', () => {
    expect(textEncodingOf(Buffer.from('a,b\r\n1,2\r\n'), 'f.csv')).toEqual({ encoding: 'utf-8' });
    expect(textEncodingOf(Buffer.from('\uFEFF受理时间,投诉人\r\n2026-09-01,张三\r\n'), 'f.csv')).toEqual({ encoding: 'utf-8' });
  });

  it('clean GB18030 that reads as Chinese is GB18030', () => {
    const bytes = Buffer.concat([Buffer.from('name,description\r\n'), gb('张三,电梯坏了，电梯坏了'), Buffer.from('\r\n')]);
    expect(textEncodingOf(bytes, 'f.csv')).toEqual({ encoding: 'gb18030', text: 'name,description\r\n张三,电梯坏了，电梯坏了\r\n' });
  });

  it('UTF-8 with one stray byte is a damaged UTF-8 file: line, column, offset and byte are named', () => {
    const head = Buffer.from('receivedAt,name,description\r\n2026-09-01 09:00,张');
    const bytes = Buffer.concat([head, Buffer.from([0xb7]), Buffer.from('三,电梯坏了，楼上漏水已经三天了\r\n')]);
    const e = refusal(bytes);
    expect(e.key).toBe('file.damagedUtf8');
    expect(e.params).toMatchObject({ file: 'f.csv', line: 2, column: 19, offset: head.length, byte: '0xB7' });
  });

  it('a damaged file with a byte-order mark is damaged UTF-8, however little Chinese it holds', () => {
    const e = refusal(Buffer.concat([Buffer.from('\uFEFFa,b\r\n1,'), Buffer.from([0xe9]), Buffer.from('\r\n')]));
    expect(e.key).toBe('file.damagedUtf8');
    expect(e.params).toMatchObject({ line: 2, column: 3, byte: '0xE9' });
  });

  it('Latin-1 text, random bytes and UTF-16 are neither: refused, naming the first byte that is not UTF-8', () => {
    const latin1 = Buffer.from('name,city\r\nM\xfcller,Z\xfcrich\r\n', 'latin1');
    expect(refusal(latin1)).toMatchObject({ key: 'file.unknownEncoding', params: { line: 2, column: 2, offset: 12, byte: '0xFC' } });
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 97 + 13) % 256));
    expect(refusal(noise).key).toBe('file.unknownEncoding');
    expect(refusal(Buffer.from('\uFEFFname\r\n', 'utf16le')).key).toBe('file.unknownEncoding');
  });
});
