// The streamed CSV reader of import (domain/csv-records.ts) reads what
// csv-parse read for it, however the text is cut into pieces.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvError, CsvRecords, csvRecordsOf } from '../../src/domain/csv-records.js';

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false };

const TEXTS = [
  'a,b,c\r\n1,2,3\r\n',
  '\ufeff编号,受理时间\n260901001,2026-09-01 09:00\n',
  'a,"b,c","d ""e"" f"\r\n"多行\r\n文字",,\r\n\r\n,\r\nlast,no newline',
  'x\n\ny\n',
  '"",""\n"a""",b\n',
  'one\rtwo\rthree',
  'trailing,comma,\n',
];

/** The records of a text handed over in pieces cut every `step` characters. */
function inPieces(text: string, step: number): string[][] {
  const r = new CsvRecords();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += step) out.push(...r.push(text.slice(i, i + step)));
  return [...out, ...r.end()];
}

describe('CSV records, streamed', () => {
  it('reads what csv-parse reads, whole or cut anywhere', () => {
    for (const text of TEXTS) {
      const expected = parse(text, OPTIONS) as string[][];
      expect(csvRecordsOf(text), JSON.stringify(text)).toEqual(expected);
      for (const step of [1, 2, 3, 5, 7]) expect(inPieces(text, step), `${JSON.stringify(text)} in pieces of ${step}`).toEqual(expected);
    }
  });

  it('refuses an unclosed quote, a quote inside an unquoted field and text after a closing quote, naming the record', () => {
    for (const [text, record] of [['a,b\n"open,x\n', 2], ['a,b\nx,y"z\n', 2], ['a\n"b"c,d\n', 2]] as const) {
      expect(() => csvRecordsOf(text)).toThrow(CsvError);
      try {
        csvRecordsOf(text);
      } catch (err) {
        expect((err as CsvError).record).toBe(record);
      }
      expect(() => parse(text, OPTIONS)).toThrow();
    }
  });
});
