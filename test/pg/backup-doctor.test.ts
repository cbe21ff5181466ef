// `backup` and `doctor` on a real PostgreSQL: pg_dump of the whole database
// (restorable, owner-only, never over a file without --force), the clear
// refusals without a usable pg_dump; doctor naming a dropped policy, a
// dropped or disabled trigger, row-level security switched off.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPgBin } from '../support/pg-cluster.js';
import { connect, usePgServer, type PgServer } from '../support/pg-test-db.js';
import { cli, cliOk, registerArgs, removeTempDirs, tempDir, testEnv, type Env } from '../helpers.js';
import { findPgDump } from '../../src/storage/postgres/pg-dump.js';

const server = usePgServer();
let db: Awaited<ReturnType<PgServer['migratedDatabase']>>;

afterAll(removeTempDirs);

/** The CLI on the server as its superuser (the actor is the login role), office HY. */
const serverEnv = (url: string, extra: Env = {}): Env => ({ ...testEnv(url), COMPLAINTS_ACTOR: undefined, COMPLAINTS_OFFICE: 'HY', ...extra });

async function superuser(url: string, sql: string): Promise<void> {
  const c = await connect(url);
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A folder holding a `pg_dump` that says it is version `version`. */
function fakePgDump(version: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pg_dump'), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`, { mode: 0o755 });
  return dir;
}

beforeAll(async () => {
  db = await server.migratedDatabase(['HY', 'YG']);
  await cliOk(registerArgs(), { env: serverEnv(db.url()) });
});

describe('backup on a server', () => {
  test('pg_dump of the whole database, owner-only, says so, and restores into a new database', async () => {
    const out = path.join(tempDir(), 'group.dump');
    const r = await cli(['backup', out, '--json'], { env: serverEnv(db.url()) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ file: out, database: db.name, holds: 'database', offices: ['HY', 'YG'], format: 'custom' });
    expect(result.pgDump.version).toMatch(/^\d+\.\d+$/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['group.dump']);

    const text = await cliOk(['backup', out, '--force'], { env: serverEnv(db.url()) });
    expect(text.stdout).toContain(`Backed up the database ${db.name}`);
    expect(text.stdout).toContain('every office on it');
    expect(text.stdout).toContain('pg_restore');

    const copy = await server.freshDatabase();
    execFileSync(path.join(findPgBin(), 'pg_restore'), ['--exit-on-error', `--dbname=${copy.url()}`, out]);
    const shown = await cliOk(['show', 'HY-260912001', '--json'], { env: serverEnv(copy.url()) });
    expect(JSON.parse(shown.stdout)).toMatchObject({ ticket: 'HY-260912001', description: '卫生间天花板漏水，已经三天了' });
  });

  test('an existing file without --force is refused (exit 2) and left as it was', async () => {
    const out = path.join(tempDir(), 'keep.dump');
    fs.writeFileSync(out, 'yesterday');
    const r = await cli(['backup', out], { env: serverEnv(db.url()) });
    expect(r.code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('yesterday');
  });

  test('without pg_dump: exit 5, the server\'s backup is its administrator\'s, and how; no file', async () => {
    const out = path.join(tempDir(), 'none.dump');
    const r = await cli(['backup', out], { env: serverEnv(db.url(), { COMPLAINTS_PG_BIN: tempDir() }) });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/pg_dump is not installed here/);
    expect(r.stderr).toMatch(/Backing up a server is its administrator's job: on the server run `pg_dump --format=custom/);
    expect(r.stderr).toContain('apt-get install postgresql-client');
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  test('a pg_dump older than the server: exit 5 naming both versions; no file', async () => {
    const out = path.join(tempDir(), 'old.dump');
    const r = await cli(['backup', out], { env: serverEnv(db.url(), { COMPLAINTS_PG_BIN: fakePgDump('9.6.24') }) });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/version 9\.6\) is older than the server .* \(version 1\d\)/);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  test('the first pg_dump at least as new as the server is taken: an old one first on PATH is passed over', async () => {
    const old = fakePgDump('9.6.24');
    const found = await findPgDump(15, { path: old });
    expect(found.usable?.path).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin\/pg_dump$/);
    expect(found.usable!.major).toBeGreaterThanOrEqual(15);
    expect(await findPgDump(15, { path: old, root: tempDir() })).toEqual({ usable: null, newest: { path: path.join(old, 'pg_dump'), version: '9.6', major: 9 } });
    expect(await findPgDump(15, { path: '', root: tempDir() })).toEqual({ usable: null, newest: null });
  });

  test("a clerk's role cannot dump every office: exit 5 with pg_dump's reason; no file", async () => {
    await server.loginRole('backup_clerk', ['complaints_office_hy']);
    const u = new URL(db.url());
    u.username = 'backup_clerk';
    const out = path.join(tempDir(), 'clerk.dump');
    const r = await cli(['backup', out], { env: serverEnv(u.toString()) });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/pg_dump could not back up .*: .+\. No backup file was written/);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('doctor on a server', () => {
  test('a sound server: schema, row-level security, triggers and the office\'s counts, exit 0', async () => {
    const r = await cli(['doctor', '--json'], { env: serverEnv(db.url()) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ office: 'HY', ok: true, rowSecurityOff: [], policiesMissing: [], triggersMissing: [], problems: [] });
    expect(report.schema.version).toBe(report.schema.latest);
    expect(report.counts).toMatchObject({ complaints: 1, departments: 7 });
    const text = await cliOk(['doctor'], { env: serverEnv(db.url()) });
    expect(text.stdout).toMatch(/Row-level security: ok/);
    expect(text.stdout).toMatch(/Append-only guards: ok/);
    expect(text.stdout).toContain('No problems found.');
  });

  test.each([
    ['a dropped policy', 'DROP POLICY office_read ON events', /row-level security policies missing: events\.office_read/],
    ['row-level security no longer forced', 'ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY', /row-level security is not enabled and forced on complaints:/],
    ['a dropped trigger', 'DROP TRIGGER events_no_update ON events', /append-only guard trigger\(s\) missing or disabled: events\.events_no_update/],
    ['a disabled trigger', 'ALTER TABLE payments DISABLE TRIGGER payments_no_delete', /missing or disabled: payments\.payments_no_delete/],
  ])('%s: exit 5 naming it', async (_what, sql, message) => {
    const broken = await server.migratedDatabase(['HY']);
    await superuser(broken.url(), sql);
    const r = await cli(['doctor'], { env: serverEnv(broken.url()) });
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(message);
    expect(r.stderr).toMatch(/the server .* has 1 problem\(s\)/);
  });
});
