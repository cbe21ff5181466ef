// SPEC §9: reading needs no write. A database in a folder (or a file) this
// user may not write is read by every command that only looks; a command
// that writes exits 5 saying why, and nothing on disk changes. Permissions do
// not stop root, so when the tests run as root the binary runs as `nobody`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, registerArgs, removeTempDirs, spawnCli, spawnEnv, tempDir, testEnv, type Result } from '../helpers.js';

afterAll(removeTempDirs);
beforeAll(() => ensureBuilt(), 180_000);

/** The command that runs the binary as an unprivileged user, or why there is none. */
function unprivileged(): { prefix: string[] } | { skip: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  try {
    execFileSync('runuser', ['-u', 'nobody', '--', 'true'], { stdio: 'ignore' });
    return { prefix: ['runuser', '-u', 'nobody', '--'] };
  } catch {
    return { skip: 'running as root, and `runuser -u nobody` is not available to drop the privileges that make chmod moot' };
  }
}
const user = unprivileged();
const prefix = 'prefix' in user ? user.prefix : [];
if ('skip' in user) console.warn(`read-only tests skipped: ${user.skip}`);

function asUser(args: string[], db: string): Result {
  const [cmd, ...rest] = [...prefix, process.execPath, BIN, ...args, '--db', db];
  const env = spawnEnv(testEnv(db));
  const r = spawnSync(cmd, rest, { cwd: path.dirname(BIN), env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A folder others may enter, holding a database with two complaints (one resolved, with a call-back owed). */
function makeDatabase(): { dir: string; db: string } {
  const dir = tempDir();
  fs.chmodSync(path.dirname(dir), 0o755);
  fs.chmodSync(dir, 0o755);
  const db = path.join(dir, 'complaints.db');
  const env = testEnv(db);
  for (const args of [registerArgs(), registerArgs({ phone: '13900139000', unit: '5-1-302', description: '电梯坏了' }), ['resolve', '260912-2', '--resolution', '已修好']]) {
    const r = spawnCli(args, env);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  return { dir, db };
}

const LOOKS: string[][] = [
  ['list'], ['show', '260912-2', '--json'], ['overdue'], ['export'],
  ['report', 'monthly', '--month', '2026-08'], ['report', 'range', '--from', '2026-09-01', '--to', '2026-09-12', '--json'],
  ['doctor'], ['config', 'get', 'office.name'], ['attachments', '260912-1'], ['dept', 'list'],
  ['calendar', 'explain', '260912-1'],
];
const WRITES: string[][] = [
  ['note', '260912-1', '已联系'], registerArgs({ phone: '13700137000', unit: '6-1-101' }), ['config', 'set', 'office.name', '新名称'],
  ['follow-up', '260912-2', '--satisfaction', '5'], ['init', '--office', '新办公室'], ['dept', 'add', '新部门'],
];

function listing(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

describe.skipIf('skip' in user)('a database this user may only read', () => {
  const cases: [string, (dir: string, db: string) => void][] = [
    ['in a read-only folder', (dir, db) => { fs.chmodSync(db, 0o644); fs.chmodSync(dir, 0o555); }],
    ['as a read-only file in a folder anyone may write', (dir, db) => { fs.chmodSync(db, 0o444); fs.chmodSync(dir, 0o777); }],
    ['as a read-only file in a read-only folder', (dir, db) => { fs.chmodSync(db, 0o444); fs.chmodSync(dir, 0o555); }],
  ];

  it.each(cases)('%s: every look-only command answers as for its owner; every write exits 5; nothing changes', (_what, restrict) => {
    const { dir, db } = makeDatabase();
    // What the owner sees (run while the file is writable; looking changes nothing).
    const expected = LOOKS.map((args) => spawnCli([...args, '--db', db], testEnv(db)));
    restrict(dir, db);
    const before = listing(dir);
    LOOKS.forEach((args, i) => {
      const r = asUser(args, db);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: expected[i].code, stderr: expected[i].stderr });
      // doctor names the file's size, which the owner's run measured with its -wal beside it.
      if (args[0] !== 'doctor') expect(r.stdout, args.join(' ')).toBe(expected[i].stdout);
    });
    for (const args of WRITES) {
      const r = asUser(args, db);
      expect(r.code, args.join(' ')).toBe(5);
      expect(r.stderr).toContain(`cannot write the database ${db}`);
      expect(r.stderr).toContain('get write access');
      expect(r.stdout).toBe('');
    }
    // A closed month never reported before is computed, and not kept.
    const july = asUser(['report', 'monthly', '--month', '2026-07', '--json'], db);
    expect(july.code).toBe(0);
    expect(JSON.parse(july.stdout).period.label).toBe('2026-07');
    expect(listing(dir)).toEqual(before);
    fs.chmodSync(dir, 0o755);
  });

  it('a new database in a folder this user may not write: exit 5 with the reason, no file', () => {
    const dir = tempDir();
    fs.chmodSync(path.dirname(dir), 0o755);
    fs.chmodSync(dir, 0o555);
    for (const db of [path.join(dir, 'complaints.db'), path.join(dir, 'sub', 'complaints.db')]) {
      const r = asUser(registerArgs(), db);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`cannot write the database ${db}`);
      expect(r.stderr).toContain('EACCES');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('in Chinese too', () => {
    const { dir, db } = makeDatabase();
    fs.chmodSync(db, 0o644);
    fs.chmodSync(dir, 0o555);
    const r = asUser(['--lang', 'zh', 'note', '260912-1', '已联系'], db);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`无法写入数据库 ${db}`);
    expect(r.stderr).toContain('写权限');
    expect(asUser(['--lang', 'zh', 'list'], db).code).toBe(0);
  });
});
