// Every file the program writes for the user — export --out, report --out,
// attachments --extract --out, backup — goes through here, so that none of
// them can destroy the database or a good file:
// - the target is resolved through symlinks and refused when it is the open
//   database or its -wal/-shm/-journal (same real path, or same device and
//   inode): writing there would silently replace the office's register;
// - an existing file is replaced only with --force;
// - the bytes go to a temporary file beside the target, created owner-only
//   (0600: it holds personal data) and exclusively, synced, then renamed into
//   place, so a full disk or a killed run never leaves half a file where a
//   good one was; on any failure the temporary is removed;
// - temporaries are named `<name>.complaints-<pid>.tmp`, so the next run that
//   writes into the folder removes those whose process has gone.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { writeError } from './file-errors.js';

/** What SQLite may put beside a database (or beside a temporary that is one). */
const COMPANIONS = ['-journal', '-wal', '-shm'];
const LEFTOVER = /^.+\.complaints-(\d+)\.tmp(?:-journal|-wal|-shm)?$/;
/** More symlinks than this in a row is a loop. */
const MAX_LINKS = 40;

export interface OutputFileOptions {
  /** The database this run has open: never written over, nor its companions. */
  database: string;
  /** Replace an existing file. */
  force: boolean;
}

/** The temporary file being written: its descriptor, and its path for writers that open it themselves (SQLite). */
export interface Temporary {
  fd: number;
  path: string;
}

export class OutputFile {
  private constructor(
    /** The path as given, made absolute: what messages show. */
    readonly file: string,
    /** Where the bytes really go, symlinks resolved. */
    readonly target: string,
  ) {}

  /** Checks the target before any work is done; throws UsageError (exit 2) when it may not be written. */
  static check(file: string, o: OutputFileOptions): OutputFile {
    const shown = path.resolve(file);
    const target = realTarget(shown);
    const st = statOrNull(target, shown);
    if (isDatabase(target, st, o.database)) throw new UsageError('file.isDatabase', { file: shown, db: o.database });
    if (st?.isDirectory()) throw new UsageError('file.isFolder', { file: shown });
    // Renaming over a device or a pipe would replace it (/dev/null, as root).
    if (st && !st.isFile()) throw new UsageError('file.notPlain', { file: shown });
    if (st && !o.force) throw new UsageError('file.exists', { file: shown });
    removeLeftovers(path.dirname(target));
    return new OutputFile(shown, target);
  }

  /** Writes the whole content at once. */
  writeAll(data: string | Uint8Array): void {
    const tmp = this.begin();
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let done = 0; done < bytes.length;) done += fs.writeSync(tmp.fd, bytes, done, bytes.length - done);
      this.commit(tmp);
    } catch (err) {
      this.abort(tmp);
      throw writeError(err, this.file);
    }
  }

  /** Lets `fill` write the temporary (through its fd, or its path), then moves it into place. */
  async fill<T>(fill: (tmp: Temporary) => T | Promise<T>): Promise<T> {
    const tmp = this.begin();
    try {
      const result = await fill(tmp);
      this.commit(tmp);
      return result;
    } catch (err) {
      this.abort(tmp);
      throw writeError(err, this.file);
    }
  }

  /** The bytes the file holds, once written (for a summary). */
  size(): number {
    return fs.statSync(this.target).size;
  }

  private begin(): Temporary {
    const tmp = path.join(path.dirname(this.target), `${path.basename(this.target)}.complaints-${process.pid}.tmp`);
    try {
      // O_EXCL: never write through a file (or a symlink) someone put there.
      return { fd: fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600), path: tmp };
    } catch (err) {
      throw writeError(err, this.file);
    }
  }

  private commit(tmp: Temporary): void {
    fs.fsyncSync(tmp.fd);
    fs.closeSync(tmp.fd);
    tmp.fd = -1;
    fs.renameSync(tmp.path, this.target);
    removeCompanions(tmp.path);
    syncFolder(path.dirname(this.target));
  }

  private abort(tmp: Temporary): void {
    if (tmp.fd >= 0) fs.closeSync(tmp.fd);
    tmp.fd = -1;
    fs.rmSync(tmp.path, { force: true });
    removeCompanions(tmp.path);
  }
}

/** The real path the file would be written at: its folder's real path and its name, following symlinks at the end too. */
function realTarget(file: string): string {
  let p = file;
  for (let links = 0; links < MAX_LINKS; links++) {
    let dir: string;
    try {
      dir = fs.realpathSync(path.dirname(p));
      if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (err) {
      throw writeError(err, file);
    }
    const full = path.join(dir, path.basename(p));
    let link: string;
    try {
      link = fs.readlinkSync(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EINVAL' || code === 'ENOENT') return full; // not a symlink, or nothing there yet
      throw writeError(err, file);
    }
    p = path.resolve(dir, link);
  }
  throw new UsageError('file.notPlain', { file });
}

function statOrNull(target: string, shown: string): fs.Stats | null {
  try {
    return fs.statSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(err, shown);
  }
}

/** The database and what SQLite keeps beside it, by real path and, for what exists, by device and inode. */
function isDatabase(target: string, st: fs.Stats | null, database: string): boolean {
  const names = ['', ...COMPANIONS].map((ext) => database + ext);
  for (const name of names) {
    let real: string;
    try {
      real = realTarget(name);
    } catch {
      real = path.resolve(name);
    }
    if (real === target || path.resolve(name) === target) return true;
    if (st) {
      const other = fs.statSync(real, { throwIfNoEntry: false });
      if (other && other.dev === st.dev && other.ino === st.ino) return true;
    }
  }
  return false;
}

function removeCompanions(tmp: string): void {
  for (const ext of COMPANIONS) fs.rmSync(tmp + ext, { force: true });
}

/** Removes the temporaries of runs that were killed (their process has gone). */
function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // a folder we may write but not list: nothing to tidy
  }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    // Our own pid's is a leftover too: this run has not begun writing.
    if (m && (Number(m[1]) === process.pid || !isRunning(Number(m[1])))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process
  }
}

/** Makes the rename itself durable; some file systems cannot sync a folder, and then the rename stands as it is. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // nothing more to do
  }
}
