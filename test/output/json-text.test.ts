// JSON written a batch at a time must be the very text JSON.stringify makes
// of the whole document: scripts and diffs of `overdue --json` rely on it.
import { describe, expect, it } from 'vitest';
import { jsonArrayPieces, jsonElements } from '../../src/output/json-text.js';

const samples: unknown[] = [
  { ticket: '261119001', department: '工程部', assignee: null, deadlines: [{ step: 'resolve', workdays: 2 }], empty: [], nested: { a: [] } },
  'line\nbreak "quoted" \u2028',
  42,
  null,
  [1, [2, [3]]],
  {},
];

/** A document whose array sits `depth` levels down, as JSON.stringify writes it. */
function nested(values: unknown[], depth: number): unknown {
  let doc: unknown = values;
  for (let d = 0; d < depth; d++) doc = { key: doc };
  return doc;
}

describe('JSON written in pieces', () => {
  it.each([0, 1, 2, 3])('array elements %i levels deep read as JSON.stringify writes them', (depth) => {
    let wrapped: unknown = samples;
    for (let d = 0; d < depth; d++) wrapped = [wrapped];
    const whole = JSON.stringify(wrapped, null, 2);
    expect(whole).toContain(jsonElements(samples, depth));
    expect(whole.startsWith('[\n')).toBe(true);
  });

  it.each([[0, 1], [1, 1], [1, 2], [2, 4], [0, 0], [1, 0]])('an array at depth %i written %i element(s) at a time', (depth, batch) => {
    const values = batch === 0 ? [] : samples;
    const array = jsonArrayPieces(depth);
    let text = '';
    for (let at = 0; at < values.length; at += batch) text += array.elements(values.slice(at, at + batch), at);
    text += array.end(values.length);
    // The array's own text inside the document it belongs to.
    const doc = JSON.stringify(nested(values, depth), null, 2);
    expect(doc).toContain(text);
    expect(JSON.parse(text)).toEqual(values);
  });

  it.each([0, 1, 2])('elements written elsewhere (depth %i) join into the text of the whole array', (depth) => {
    const array = jsonArrayPieces(depth);
    // Each element as JSON.stringify writes it alone at that depth: the elements of a one-element array.
    let text = '';
    samples.forEach((v, n) => { text += array.written(jsonElements([v], depth), n); });
    text += array.end(samples.length);
    expect(JSON.stringify(nested(samples, depth), null, 2)).toContain(text);
  });
});
