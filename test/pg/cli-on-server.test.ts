// The commands on a server, as a clerk of one office sees them (SPEC §14):
// tickets carry the office's code and the bare number finds them, the acting
// person is the login role, and what a SQLite file checks by its own numbers
// (a duplicate of itself, a kept ticket already in use) is checked against
// the office's numbers. The rest of the suite runs on a server with the code
// taken off what it prints (test/helpers.ts); here it is left on.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, tempDir, testEnv, type Env } from '../helpers.js';
import { usePgServer } from '../support/pg-test-db.js';

const server = usePgServer();
let env: Env;
let url: string;

beforeAll(async () => {
  const db = await server.migratedDatabase(['YG']);
  // Role names are the server's: unique per test file.
  await server.loginRole('yg_clerk', ['complaints_office_yg']);
  // The schema's owner opens it first, which seeds the official calendar (a clerk may only read it).
  const owner = await cli(['list'], { env: { ...testEnv(db.url()), COMPLAINTS_ACTOR: undefined } });
  expect(owner.code, owner.stderr).toBe(0);
  url = db.url('yg_clerk');
  env = { ...testEnv(url), COMPLAINTS_ACTOR: 'yg_clerk' };
  expect((await cli(registerArgs(), { env })).code).toBe(0);
});

describe('a clerk of one office on a server', () => {
  test('tickets carry the office code; the bare number and the short form find them', async () => {
    const c = await cliJson(registerArgs({ phone: '13900139000', unit: '5-1-302' }), { env });
    expect(c.ticket).toBe('YG-260912002');
    expect((await cliJson(['show', '260912-2'], { env })).ticket).toBe('YG-260912002');
    expect((await cliJson(['show', '260912002'], { env })).ticket).toBe('YG-260912002');
    expect((await cliJson(['show', 'yg-260912002'], { env })).ticket).toBe('YG-260912002');
    const text = await cli(['list'], { env });
    expect(text.stdout).toContain('YG-260912001');
  });

  test('another acting name than the login role is refused with exit 2, and nothing changes', async () => {
    const before = dbBytes(url);
    for (const e of [{ ...env, COMPLAINTS_ACTOR: 'li' }, env]) {
      const args = e === env ? ['--actor', 'wang', 'note', '260912-1', '已联系'] : ['note', '260912-1', '已联系'];
      const r = await cli(args, { env: e });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('login role "yg_clerk"');
      expect(r.stdout).toBe('');
    }
    expect(dbBytes(url).equals(before)).toBe(true);
  });

  test('the acting person recorded is the login role', async () => {
    await cli(['note', '260912-1', '已联系'], { env: { ...env, COMPLAINTS_ACTOR: undefined } });
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c.receiver).toBe('yg_clerk');
    expect(c.events.map((e: { actor: string }) => e.actor)).toEqual(['yg_clerk', 'yg_clerk']);
  });

  test('a duplicate of itself, named by its bare number, is refused with exit 2, and nothing changes', async () => {
    const before = dbBytes(url);
    const r = await cli(['close', '260912-1', '--reason', 'duplicate', '--of', '260912001'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('itself');
    expect(dbBytes(url).equals(before)).toBe(true);
  });

  test('an import keeps a ticket under the office code, and refuses one whose count the office has used, changing nothing', async () => {
    const file = (name: string, lines: string[]) => {
      const p = path.join(tempDir(), name);
      fs.writeFileSync(p, lines.join('\n') + '\n');
      return p;
    };
    const kept = await cliJson(['import', file('kept.csv', ['ticket,receivedAt,name,description', '250911001,2025-09-11 09:00,张三,电梯坏了'])], { env });
    expect(kept.tickets).toEqual(['YG-250911001']);
    const before = dbBytes(url);
    const taken = file('taken.csv', ['ticket,receivedAt,name,description', '260910001,2026-09-10 09:00,李四,漏水']);
    for (const dry of [['--dry-run'], []]) {
      const r = await cli(['import', taken, ...dry], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('YG-260912001');
    }
    expect(dbBytes(url).equals(before)).toBe(true);
  });
});
