// A zip archive written front to back into a file (PKWARE APPNOTE 6.3), as a
// workbook needs it: a few small parts deflated at once, and one or more
// long parts (a sheet of a million rows) streamed through Node's zlib with a
// data descriptor after them, so neither the part nor its compressed form is
// ever held whole. Node's own deflate and CRC-32 do the work: a zip library
// that sums the CRC in JavaScript spent five times the CPU of zlib.crc32 on
// it, a quarter of a large export. ZIP64 records are written only when a
// size, an offset or the count of entries needs them.
import fs from 'node:fs';
import zlib from 'node:zlib';

/** Above this a size or offset needs ZIP64. */
const MAX32 = 0xffffffff;
/** UTF-8 names (bit 11); sizes in a data descriptor (bit 3). */
const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
const DEFLATE = 8;

interface CentralEntry {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** zlib.crc32 (Node 20.15, 22.2); before it, a table, byte by byte. */
const crc32: (data: Uint8Array, value: number) => number = (zlib as { crc32?: (d: Uint8Array, v: number) => number }).crc32 ?? tableCrc32;

let TABLE: Int32Array | null = null;
function tableCrc32(data: Uint8Array, value: number): number {
  if (!TABLE) {
    TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A streamed entry: the bytes of one part, deflated as they come. */
export interface ZipStream {
  /** Compresses the chunk and writes what it gives. */
  write(chunk: Uint8Array): void;
  /** Finishes the entry: the last block, then its descriptor. */
  end(): void;
}

export class ZipFile {
  private readonly fd: number;
  private pos = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly time: number;
  private readonly date: number;
  /** A streamed entry is open: nothing else may be written meanwhile. */
  private streaming = false;

  /** Opens (creates or empties) the file at `path`. Level: zlib's, 1 fastest. */
  constructor(path: string, private readonly level: number, now = new Date()) {
    this.fd = fs.openSync(path, 'w');
    // MS-DOS time and date, local, two-second steps: what zip tools show.
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date = (Math.max(now.getFullYear() - 1980, 0) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** A small part, given whole. */
  add(name: string, content: string | Buffer): void {
    this.idle();
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const packed = zlib.deflateRawSync(data, { level: this.level });
    const entry = { name: Buffer.from(name), flags: UTF8, crc: crc32(data, 0), compressed: packed.length, size: data.length, offset: this.pos };
    // A small part never needs ZIP64: its sizes go in its header.
    this.out(this.localHeader(entry));
    this.out(packed);
    this.entries.push(entry);
  }

  /**
   * A long part, written as it comes; end() it before anything else is added.
   * Each chunk is deflated on its own and ends in a sync flush (byte-aligned,
   * not final): deflate blocks chained so are one valid stream, closed by an
   * empty final block. Nothing waits on a compressor's thread, nothing queues
   * in memory, and a new chunk only loses the previous one's 32 KB window.
   */
  stream(name: string): ZipStream {
    this.idle();
    this.streaming = true;
    const entry: CentralEntry = { name: Buffer.from(name), flags: UTF8 | DESCRIPTOR, crc: 0, compressed: 0, size: 0, offset: this.pos };
    this.out(this.localHeader(entry));
    const chunked = { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const pack = (data: Uint8Array, options: zlib.ZlibOptions) => {
      const packed = zlib.deflateRawSync(data, options);
      this.out(packed);
      entry.compressed += packed.length;
    };
    return {
      write: (chunk) => {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        pack(chunk, chunked);
      },
      end: () => {
        pack(new Uint8Array(0), { level: this.level });
        this.out(this.descriptor(entry));
        this.entries.push(entry);
        this.streaming = false;
      },
    };
  }

  /** The central directory and its end records; closes the file. */
  close(): void {
    this.idle();
    try {
      const start = this.pos;
      for (const e of this.entries) this.out(this.centralHeader(e));
      const size = this.pos - start;
      const count = this.entries.length;
      if (count >= 0xffff || start >= MAX32 || size >= MAX32) {
        const end64 = this.pos;
        const rec = Buffer.alloc(56);
        rec.writeUInt32LE(0x06064b50, 0);
        rec.writeBigUInt64LE(44n, 4);
        rec.writeUInt16LE(45, 12);
        rec.writeUInt16LE(45, 14);
        rec.writeBigUInt64LE(BigInt(count), 24);
        rec.writeBigUInt64LE(BigInt(count), 32);
        rec.writeBigUInt64LE(BigInt(size), 40);
        rec.writeBigUInt64LE(BigInt(start), 48);
        this.out(rec);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(0x07064b50, 0);
        locator.writeBigUInt64LE(BigInt(end64), 8);
        locator.writeUInt32LE(1, 16);
        this.out(locator);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(count, 0xffff), 8);
      end.writeUInt16LE(Math.min(count, 0xffff), 10);
      end.writeUInt32LE(Math.min(size, MAX32), 12);
      end.writeUInt32LE(Math.min(start, MAX32), 16);
      this.out(end);
    } finally {
      fs.closeSync(this.fd);
    }
  }

  private idle(): void {
    if (this.streaming) throw new Error('zip: a streamed entry is still open');
  }

  private out(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
    this.pos += bytes.length;
  }

  private localHeader(e: CentralEntry): Buffer {
    const h = Buffer.alloc(30 + e.name.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.time, 10);
    h.writeUInt16LE(this.date, 12);
    // Streamed: CRC and sizes 0 here, in the descriptor after the data.
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    e.name.copy(h, 30);
    return h;
  }

  /** After a streamed entry's data: its CRC and sizes, eight bytes each when either is past 4 GB. */
  private descriptor(e: CentralEntry): Buffer {
    const wide = e.size >= MAX32 || e.compressed >= MAX32;
    const d = Buffer.alloc(wide ? 24 : 16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    if (wide) {
      d.writeBigUInt64LE(BigInt(e.compressed), 8);
      d.writeBigUInt64LE(BigInt(e.size), 16);
    } else {
      d.writeUInt32LE(e.compressed, 8);
      d.writeUInt32LE(e.size, 12);
    }
    return d;
  }

  private centralHeader(e: CentralEntry): Buffer {
    // ZIP64 extra field: the values that do not fit, in this order.
    const wide = [e.size, e.compressed, e.offset].filter((v) => v >= MAX32);
    const extra = wide.length ? 4 + 8 * wide.length : 0;
    const h = Buffer.alloc(46 + e.name.length + extra);
    const version = wide.length ? 45 : 20;
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(version, 4);
    h.writeUInt16LE(version, 6);
    h.writeUInt16LE(e.flags, 8);
    h.writeUInt16LE(DEFLATE, 10);
    h.writeUInt16LE(this.time, 12);
    h.writeUInt16LE(this.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(Math.min(e.compressed, MAX32), 20);
    h.writeUInt32LE(Math.min(e.size, MAX32), 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra, 30);
    h.writeUInt32LE(Math.min(e.offset, MAX32), 42);
    e.name.copy(h, 46);
    if (extra) {
      let p = 46 + e.name.length;
      h.writeUInt16LE(1, p);
      h.writeUInt16LE(extra - 4, p + 2);
      p += 4;
      for (const v of wide) {
        h.writeBigUInt64LE(BigInt(v), p);
        p += 8;
      }
    }
    return h;
  }
}
