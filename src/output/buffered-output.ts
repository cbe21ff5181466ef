// Long text output (an export of a million rows) encoded straight into a
// buffer and written a few megabytes at a time. Gathering a megabyte string
// of small pieces and writing that spent more time flattening and encoding
// the string than formatting the rows; Buffer.write of each record into the
// buffer encodes a short string at a time.
import fs from 'node:fs';
import { Writable } from 'node:stream';

/** Bytes gathered before a write: a few dozen writes for 100,000 rows. */
const SIZE = 4 << 20;
/** A UTF-16 code unit takes at most three bytes of UTF-8 (a surrogate pair, four for two). */
const MAX_BYTES_PER_UNIT = 3;

/** A file descriptor, or a sink with the write() of ctx.io.stdout. */
export type Destination = number | { write(s: string): unknown };

export class BufferedOutput {
  private buf = Buffer.allocUnsafe(SIZE);
  private pos = 0;
  private readonly stream: Writable | null;
  /** Standard output's reader has gone: the rest would be lost. */
  private gone = false;

  constructor(private readonly to: Destination) {
    this.stream = to instanceof Writable ? to : null;
  }

  /** Adds the text when the buffer has room for it; false when it must be flushed first (addAfterFlush). */
  add(text: string): boolean {
    if (this.pos + text.length * MAX_BYTES_PER_UNIT > SIZE) return false;
    this.pos += this.buf.write(text, this.pos);
    return true;
  }

  /** Adds the text, flushing first when the buffer is full. False when standard output's reader has gone. */
  async put(text: string): Promise<boolean> {
    return this.add(text) || this.addAfterFlush(text);
  }

  /**
   * Writes every piece, then flushes. Each is added synchronously; only a
   * full buffer waits (for its write): an await per piece cost a microtask
   * turn and a promise for each of tens of thousands of lines. False when
   * standard output's reader has gone.
   */
  async writeAll(pieces: Iterable<string>): Promise<boolean> {
    for (const piece of pieces) if (!this.add(piece) && !(await this.addAfterFlush(piece))) return false;
    return this.flush();
  }

  /** Flushes, then adds the text (or writes it at once, when longer than the buffer). False when the reader has gone. */
  async addAfterFlush(text: string): Promise<boolean> {
    if (!(await this.flush())) return false;
    if (this.add(text)) return true;
    const bytes = Buffer.from(text);
    return this.send(bytes, bytes.length);
  }

  /** Writes what is gathered. False when standard output's reader has gone (EPIPE) and the rest would be lost. */
  async flush(): Promise<boolean> {
    const n = this.pos;
    this.pos = 0;
    if (n === 0) return !this.gone;
    const going = await this.send(this.buf, n);
    // A stream holds on to what it was given until it is written: a new buffer then.
    if (this.stream !== null && this.stream.writableLength > 0) this.buf = Buffer.allocUnsafe(SIZE);
    return going;
  }

  private async send(bytes: Buffer, n: number): Promise<boolean> {
    if (typeof this.to === 'number') {
      for (let done = 0; done < n;) done += fs.writeSync(this.to, bytes, done, n - done);
      return true;
    }
    if (this.stream === null) {
      // A test's sink of strings: records end on character boundaries, so each chunk decodes whole.
      this.to.write(bytes.toString('utf8', 0, n));
      return true;
    }
    const out = this.stream;
    if (this.gone) return false;
    // Standard output to a pipe is written asynchronously on POSIX: without
    // waiting for 'drain', a million rows sent to a slow reader would queue in
    // memory. A reader that goes away (EPIPE) shows as 'error' or 'close', not
    // as `destroyed`: process.stdout is never destroyed.
    if (!out.write(bytes.subarray(0, n)) && !(await drained(out))) this.gone = true;
    return !this.gone;
  }
}

/** True on 'drain'; false when the stream errs or closes first. */
function drained(out: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const events = ['drain', 'close', 'error'] as const;
    const listeners = events.map((e) => {
      const fn = () => {
        events.forEach((ev, i) => out.off(ev, listeners[i]));
        resolve(e === 'drain');
      };
      out.once(e, fn);
      return fn;
    });
  });
}
