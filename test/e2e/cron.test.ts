// The crontab of the README, run as cron runs it: the built binary, no
// terminal, no NO_COLOR in the environment, only the exit code to act on.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, ensureBuilt, registerArgs, removeTempDirs, tempDb, tempDir, onServer } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function cron(args: string[], db: string, now: string) {
  const home = tempDir('complaints-cron-home-');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: home, COMPLAINTS_DB: db, COMPLAINTS_NOW: now, COMPLAINTS_ACTOR: 'cron', COMPLAINTS_LANG: 'zh' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.stdout + r.stderr).not.toMatch(/\x1b\[/); // no colour without a terminal
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(onServer)(`the README crontab (SQLite file only: its nightly backup copies the file; on a server pg_dump is the administrator's)`, () => {
  const db = tempDb();
  const out = tempDir('complaints-reports-');

  it('each job runs unattended with an exit code a wrapper can act on', () => {
    expect(cron(registerArgs({ 'received-at': '2026-10-09T10:00' }), db, '2026-10-09T10:00:00+08:00').code).toBe(0);

    const sweep = cron(['sweep'], db, '2026-11-02T06:30:00+08:00');
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain('可能的群诉');

    const overdue = cron(['overdue', '--exit-status'], db, '2026-11-02T08:00:00+08:00');
    expect(overdue.code).toBe(1); // something to mail
    expect(overdue.stdout).toContain('261009001');

    for (const format of ['html', 'csv']) {
      const file = path.join(out, `2026-10.${format}`);
      const r = cron(['report', 'monthly', '--format', format, '--out', file], db, '2026-11-01T07:00:00+08:00');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(fs.statSync(file).size).toBeGreaterThan(100);
    }
    expect(fs.readFileSync(path.join(out, '2026-10.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const copy = path.join(out, 'backup.db');
    expect(cron(['backup', copy], db, '2026-11-02T02:00:00+08:00').code).toBe(0);
    expect(cron(['backup', '--force', copy], db, '2026-11-03T02:00:00+08:00').code).toBe(0);
    expect(cron(['list', '--status', 'all', '--json'], copy, '2026-11-03T02:00:00+08:00').stdout).toContain('261009001');
  });
});
