// JSON written a piece at a time, byte for byte as JSON.stringify(whole, null, 2)
// would write it: output of tens of thousands of entries goes out as it is
// made, without building the whole document (and its string) first.

/**
 * Array elements as they stand inside an array `depth` levels deep
 * (0: the document is the array), each on its own indented lines, joined by
 * ",\n", without the brackets. JSON.stringify writes them itself: the
 * values are wrapped in as many arrays as they are deep, and the wrapping's
 * brackets cut off — no re-indenting of the text afterwards.
 */
export function jsonElements(values: readonly unknown[], depth: number): string {
  let wrapped: unknown = values;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(bracketsLength(depth), text.length - bracketsLength(depth));
}

/** "[\n" + "  [\n" + … down to the elements' array; its close "\n  ]" + "\n]" + … is as long. */
function bracketsLength(depth: number): number {
  let n = 0;
  for (let l = 0; l <= depth; l++) n += 2 * l + 2;
  return n;
}

/**
 * The pieces of an array `depth` levels deep whose key is already written:
 * elements given a batch at a time, then the close. An empty array is `[]`,
 * as JSON.stringify writes it.
 */
export function jsonArrayPieces(depth: number) {
  return {
    /** A batch of elements; `before` is how many were written already. */
    elements: (values: readonly unknown[], before: number) => (values.length === 0 ? '' : (before === 0 ? '[\n' : ',\n') + jsonElements(values, depth)),
    /** One element already written as JSON.stringify writes it at this depth (indented, no trailing comma); `before` as above. */
    written: (text: string, before: number) => (before === 0 ? '[\n' : ',\n') + text,
    end: (count: number) => (count === 0 ? '[]' : '\n' + '  '.repeat(depth) + ']'),
  };
}
