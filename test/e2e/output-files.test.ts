// Every file the program writes (export --out, report --out, attachments
// --extract --out, backup) goes through one mechanism: never onto the database
// or its -wal/-shm/-journal (through symlinks too, with another connection
// open), never over an existing file without --force, owner-only (0600), via
// a temporary file renamed into place; file problems are the user's (exit 2)
// and say so in the chosen language; a killed run's temporary is cleaned by
// the next. And standard output that fails (/dev/full) or stops (| head).
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, dbBytes, ensureBuilt, registerArgs, removeTempDirs, spawnCli, spawnEnv, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

let db: string;
let env: Env;
let photo: string;

beforeAll(() => {
  db = tempDb();
  env = testEnv(db);
  expect(spawnCli(registerArgs(), env).code).toBe(0);
  photo = path.join(tempDir(), 'photo.jpg');
  fs.writeFileSync(photo, Buffer.from('a photo of the ceiling'));
  const a = spawnCli(['attach', '260912-1', photo], env);
  expect(a.code, a.stderr).toBe(0);
});

/** Each command that writes a file, aimed at `file`. */
const WRITERS: [string, (file: string) => string[]][] = [
  ['export', (file) => ['export', '--out', file]],
  ['report', (file) => ['report', 'monthly', '--month', '2026-09', '--format', 'csv', '--out', file]],
  ['attachments --extract', (file) => ['attachments', '260912-1', '--extract', '1', '--out', file]],
  ['backup', (file) => ['backup', file]],
];

/** The bytes of the database and its -wal, -shm. */
function dbFiles(): Record<string, Buffer | null> {
  return Object.fromEntries(['', '-wal', '-shm'].map((ext) => [ext, fs.existsSync(db + ext) ? fs.readFileSync(db + ext) : null]));
}

/** The names in a folder with their bytes. */
function folder(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => {
    const p = path.join(dir, f);
    return [f, fs.statSync(p).isDirectory() ? '<dir>' : fs.readFileSync(p).toString('base64')];
  }));
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(onServer)(`output files never destroy the database (SQLite file only: the file, its -wal and -shm as output targets)`, () => {
  it.each(WRITERS)('%s refuses the database, its -wal and -shm, directly and through symlinks, while another connection is open', (_name, args) => {
    // A second connection with an unfinished WAL: the state the lost registrations were in.
    const other = new Database(db);
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec("CREATE TABLE IF NOT EXISTS probe (x); DELETE FROM probe; INSERT INTO probe VALUES ('kept')");
    try {
      const links = tempDir();
      const files = [db, `${db}-wal`, `${db}-shm`];
      const targets = [...files];
      for (const [i, t] of files.entries()) {
        fs.symlinkSync(t, path.join(links, `link${i}`));
        targets.push(path.join(links, `link${i}`));
      }
      // A path with a symlinked folder in it, and a relative one.
      fs.symlinkSync(path.dirname(db), path.join(links, 'dir'));
      targets.push(path.join(links, 'dir', path.basename(db)), path.relative(ROOT, `${db}-wal`));
      for (const target of targets) {
        const before = dbFiles();
        const r = spawnCli([...args(target), '--force'], env);
        expect(r.code, `${target}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain('is the database');
        expect(dbFiles(), target).toEqual(before);
      }
      expect(other.prepare('SELECT x FROM probe').pluck().all()).toEqual(['kept']);
    } finally {
      other.close();
    }
    const doctor = spawnCli(['doctor', '--json'], env);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, counts: { complaints: 1 } });
  });

  it('says so in Chinese', () => {
    const r = spawnCli(['export', '--out', `${db}-wal`], { ...env, COMPLAINTS_LANG: 'zh' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('数据库');
  });
});

describe('output files are replaced only with --force, owner-only, via a temporary file', () => {
  const notYetOnServer = (name: string) => onServer && name === 'backup';
  if (onServer) it.skip('backup refuses an existing file without --force (on a server: test/pg/backup-doctor.test.ts)', () => {});
  it.each(WRITERS.filter(([name]) => !notYetOnServer(name)))('%s refuses an existing file without --force, replaces it with --force, and writes it 0600', (_name, args) => {
    const dir = tempDir();
    const file = path.join(dir, 'out.file');
    fs.writeFileSync(file, 'precious', { mode: 0o644 });
    const refused = spawnCli(args(file), env);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    const forced = spawnCli([...args(file), '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toBe('precious');
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.file']);
    // A new file too, and through a symlink: the link stays, its target is written.
    const real = path.join(dir, 'real.file');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, path.join(dir, 'link.file'));
    expect(spawnCli([...args(path.join(dir, 'link.file')), '--force'], env).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link.file')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).not.toBe('old');
    expect(mode(real)).toBe(0o600);
    const fresh = path.join(dir, 'fresh.file');
    expect(spawnCli(args(fresh), env).code).toBe(0);
    expect(mode(fresh)).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(WRITERS)('%s: a missing folder or a folder as the target exits 2, translated, with nothing written', (_name, args) => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    const before = folder(dir);
    for (const lang of ['en', 'zh']) {
      for (const [target, words] of [
        [path.join(dir, 'nodir', 'x.out'), { en: 'does not exist', zh: '不存在' }],
        [path.join(dir, 'sub'), { en: 'is a folder', zh: '是一个目录' }],
      ] as const) {
        const r = spawnCli([...args(target), '--force'], { ...env, COMPLAINTS_LANG: lang });
        expect(r.code, `${target}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(words[lang as 'en' | 'zh']);
        expect(r.stderr).not.toMatch(/ENOENT|EISDIR|unexpected|意外/);
        expect(folder(dir)).toEqual(before);
      }
    }
  });

  it('attach names a missing file in the chosen language, exit 2, nothing stored', () => {
    const before = dbBytes(db);
    const r = spawnCli(['attach', '260912-1', path.join(tempDir(), 'nope.jpg')], { ...env, COMPLAINTS_LANG: 'zh' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不存在');
    expect(r.stderr).not.toMatch(/ENOENT|no such file/);
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('the next run removes the temporary files of killed runs, and only theirs', () => {
    const dir = tempDir();
    // A pid that has certainly ended: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = Number(gone.stdout);
    const leftovers = [`a.csv.complaints-${dead}.tmp`, `b.db.complaints-${dead}.tmp`, `b.db.complaints-${dead}.tmp-journal`];
    const alive = `c.csv.complaints-${process.pid}.tmp`; // a run still going
    for (const f of [...leftovers, alive, 'mine.tmp']) fs.writeFileSync(path.join(dir, f), 'partial');
    const r = spawnCli(['export', '--out', path.join(dir, 'new.csv')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([alive, 'mine.tmp', 'new.csv'].sort());
  });
});

describe.skipIf(onServer)(`a run killed while writing ${'(SQLite file only: adds thousands of rows with better-sqlite3)'}`, () => {
  it('leaves only an owner-only temporary, which the next run removes', async () => {
    // Enough rows that the export is still writing when it is killed.
    const file = tempDb();
    fs.copyFileSync(db, file);
    const sqlite = new Database(file);
    const cols = (sqlite.prepare('PRAGMA table_info(complaints)').all() as { name: string }[])
      .map((c) => c.name).filter((n) => !['id', 'ticket', 'seq'].includes(n));
    sqlite.prepare(`WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 200000)
      INSERT INTO complaints (ticket, seq, ${cols.join(', ')}) SELECT 'K' || n.k, 1000 + n.k, ${cols.map((c) => `c.${c}`).join(', ')} FROM complaints c, n`).run();
    sqlite.close();
    const dir = tempDir();
    const target = path.join(dir, 'all.csv');
    fs.writeFileSync(target, 'the good export');
    const child = spawn(process.execPath, [BIN, 'export', '--out', target, '--force'], { env: spawnEnv(testEnv(file)), stdio: 'ignore' });
    const tmp = path.join(dir, `all.csv.complaints-${child.pid}.tmp`);
    const ended = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 2000 && !(fs.existsSync(tmp) && fs.statSync(tmp).size > 0); i++) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await ended;
    expect(fs.existsSync(tmp)).toBe(true);
    expect(mode(tmp)).toBe(0o600);
    expect(fs.readFileSync(target, 'utf8')).toBe('the good export');
    const next = spawnCli(['report', 'monthly', '--month', '2026-09', '--out', path.join(dir, 'r.csv')], env);
    expect(next.code, next.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['all.csv', 'r.csv']);
  });
});

describe.skipIf(onServer)(`standard output that fails or stops early ${'(SQLite file only: adds thousands of rows with better-sqlite3)'}`, () => {
  let big: Env;

  beforeAll(() => {
    // A few thousand complaints, more than a pipe holds.
    const file = tempDb();
    fs.copyFileSync(db, file);
    const sqlite = new Database(file);
    const cols = (sqlite.prepare('PRAGMA table_info(complaints)').all() as { name: string }[])
      .map((c) => c.name).filter((n) => !['id', 'ticket', 'seq'].includes(n)).join(', ');
    sqlite.prepare(`WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)
      INSERT INTO complaints (ticket, seq, ${cols}) SELECT 'B' || n.k, 1000 + n.k, ${cols.split(', ').map((c) => `c.${c}`).join(', ')} FROM complaints c, n`).run();
    sqlite.close();
    big = testEnv(file);
  });

  function shell(command: string, lang = 'en') {
    const r = spawnSync('/bin/sh', ['-c', command], { cwd: ROOT, env: spawnEnv({ ...big, COMPLAINTS_LANG: lang, BIN }), encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it.each(['export', 'list --status all', 'list --status all --json'])('%s > /dev/full: one translated line, exit 1, no stack trace', (command) => {
    for (const [lang, words] of [['en', 'standard output'], ['zh', '标准输出']]) {
      const r = shell(`node "$BIN" ${command} > /dev/full`, lang);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(words);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at |ENOSPC/);
    }
  });

  it.each(['export', 'list --status all', 'list --status all --json'])('%s | head -1: exit 0, nothing on stderr', (command) => {
    // The program's own code, and its stderr, from inside the pipeline.
    const r = shell(`( node "$BIN" ${command}; echo "code=$?" >&2 ) | head -1`);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('code=0\n');
  });
});
