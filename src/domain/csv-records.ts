// Reading CSV records a piece of text at a time (import reads registers of a
// million rows without holding the file): RFC 4180 as csv-parse read it for
// import ({ bom: true, relax_column_count: true, skip_empty_lines: false }) —
// a field is quoted or not, "" inside quotes is one quote, a record ends at
// LF, CRLF or CR outside quotes, an empty line is a record of one empty
// field, a byte-order mark at the start is dropped. A quote inside an
// unquoted field, text after a closing quote, or a quote still open at the
// end is an error naming the record. Pure: the caller reads the file.

export class CsvError extends Error {
  constructor(readonly record: number, message: string) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits text into records as it arrives. `push` takes the next piece and
 * returns the records it completes; the unfinished tail waits for the next
 * piece (or for `end`). Pieces may be cut anywhere.
 */
export class CsvRecords {
  private rest = '';
  private started = false;
  /** Records handed out so far: the next one's number, less one. */
  private count = 0;

  push(text: string): string[][] {
    let s = this.rest + text;
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const out: string[][] = [];
    this.rest = s.slice(this.parse(s, false, out));
    return out;
  }

  /** The last record, when the text did not end in a line break. */
  end(): string[][] {
    const out: string[][] = [];
    this.parse(this.rest, true, out);
    this.rest = '';
    return out;
  }

  /** Parses whole records from s into out; returns where the unfinished tail starts. */
  private parse(s: string, final: boolean, out: string[][]): number {
    const n = s.length;
    let start = 0;
    let i = 0;
    let fields: string[] = [];
    while (i < n || (final && i === n && start < n)) {
      // One field from i.
      let c = i < n ? s.charCodeAt(i) : -1;
      if (c === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) {
            if (!final) return start;
            throw new CsvError(this.count + 1, `Quote Not Closed: the parsing is finished with an opening quote at record ${this.count + 1}`);
          }
          if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          if (q + 1 === n && !final) return start;
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        c = i < n ? s.charCodeAt(i) : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
          throw new CsvError(this.count + 1, `Invalid Closing Quote: got "${s[i]}" at record ${this.count + 1} instead of delimiter, record delimiter, or end of file`);
        }
      } else {
        let j = i;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvError(this.count + 1, `Invalid Opening Quote: a quote is found on field ${fields.length + 1} at record ${this.count + 1}, value is "${s.slice(i, j)}"`);
          j++;
        }
        if (j === n) {
          if (!final) return start;
          c = -1;
        }
        fields.push(s.slice(i, j));
        i = j;
      }
      // After a field: a comma, a record's end, or the end of the text.
      if (c === COMMA) {
        i++;
        if (i === n && !final) return start;
        continue;
      }
      if (c === CR) {
        if (i + 1 === n && !final) return start; // CR at the end of a piece: LF may follow
        i += i + 1 < n && s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (c === LF) {
        i++;
      }
      out.push(fields);
      this.count++;
      fields = [];
      start = i;
      if (i === n) break;
    }
    return start;
  }
}

/** Every record of a whole text. */
export function csvRecordsOf(text: string): string[][] {
  const r = new CsvRecords();
  return [...r.push(text), ...r.end()];
}
