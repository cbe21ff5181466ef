// A group's server through the CLI (SPEC §14): offices added, listed and
// renamed; each office's complaints numbered and seen apart; a clerk of one
// office cannot read or change another's; the actor is the login role; and
// the group's report has a row per office and the group's totals.
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, NOW, registerArgs } from '../helpers.js';
import { knownPgMigrations } from '../../src/storage/postgres/migrate.js';
import { connect, usePgServer } from '../support/pg-test-db.js';

const server = usePgServer();
let url: (user?: string) => string;

/** The CLI as `user` (the superuser when omitted) on this test's database. */
const as = (user: string | undefined, args: string[], env: Record<string, string> = {}) =>
  cli(args, { env: { COMPLAINTS_DB: url(user), COMPLAINTS_NOW: NOW, COMPLAINTS_LANG: 'en', ...env } });

/** The offices table and every office's complaints and events, as text: what a refusal must leave as it was. */
async function dump(): Promise<string> {
  const c = await connect(url());
  try {
    const out: string[] = [];
    for (const t of ['offices', 'complaints', 'events', 'ticket_counters', 'settings']) out.push(t, JSON.stringify((await c.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows));
    return out.join('\n');
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const db = await server.freshDatabase();
  url = db.url;
  // The first run on an empty server brings its schema; the offices come next.
  expect((await as(undefined, ['office', 'add', 'yg', '--name', '阳光海岸服务中心'])).code).toBe(0);
  expect((await as(undefined, ['office', 'add', 'HY', '--name', '海韵服务中心', '--timezone', 'Asia/Shanghai'])).code).toBe(0);
  await server.loginRole('cli_clerk_yg', ['complaints_office_yg']);
  await server.loginRole('cli_group', ['complaints_group']);
});

describe('offices on a server', () => {
  test('listed with their codes; a second office of the same code, a bad code or a file are refused and change nothing', async () => {
    const list = JSON.parse((await as(undefined, ['office', 'list', '--json'])).stdout);
    expect(list).toEqual([{ code: 'HY', name: '海韵服务中心' }, { code: 'YG', name: '阳光海岸服务中心' }]);
    const before = await dump();
    const again = await as(undefined, ['office', 'add', 'HY', '--name', '另一个']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already an office HY');
    const bad = await as(undefined, ['office', 'add', '1X', '--name', '坏代码']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an office code');
    expect(await dump()).toBe(before);
  });

  test('init on a server with several offices brings the schema only, and says how to add offices', async () => {
    const r = await as(undefined, ['init', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ office: null, timeZone: null, schemaVersion: knownPgMigrations().at(-1)!.version });
    // Naming an office there needs the office chosen: refused, nothing written.
    const before = await dump();
    const refused = await as(undefined, ['init', '--name', '新名称']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('several offices (HY, YG)');
    expect(await dump()).toBe(before);
    // With the office chosen (for init, --office is the name, so by COMPLAINTS_OFFICE), --name names it.
    expect((await as(undefined, ['init', '--name', '海韵客户服务中心'], { COMPLAINTS_OFFICE: 'HY' })).code).toBe(0);
    expect((await as(undefined, ['--office', 'HY', 'config', 'get', 'office.name'])).stdout.trim()).toBe('海韵客户服务中心');
  });

  test('with several offices a command says which to choose, and --office all is for reports only', async () => {
    const r = await as(undefined, ['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('several offices (HY, YG)');
    const all = await as(undefined, ['--office', 'all', 'list']);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('only a report');
  });

  test('each office numbers its own complaints, with its code, and lists only its own', async () => {
    const yg = await as(undefined, ['--office', 'YG', ...registerArgs(), '--json']);
    expect(yg.code).toBe(0);
    expect(JSON.parse(yg.stdout).ticket).toBe('YG-260912001');
    const hy = await as(undefined, registerArgs({ phone: '13900139000' }), { COMPLAINTS_OFFICE: 'hy' });
    expect(hy.stdout).toContain('HY-260912001');
    const ygList = JSON.parse((await as(undefined, ['--office', 'YG', 'list', '--json'])).stdout);
    expect(ygList.map((c: { ticket: string }) => c.ticket)).toEqual(['YG-260912001']);
    // The bare number is the current office's.
    const shown = JSON.parse((await as(undefined, ['--office', 'HY', 'show', '260912001', '--json'])).stdout);
    expect(shown.ticket).toBe('HY-260912001');
  });

  test("a clerk of one office reads and changes only that office's complaints, as the login role", async () => {
    const own = await as('cli_clerk_yg', ['--office', 'YG', 'show', 'YG-260912001', '--json']);
    expect(own.code).toBe(0);
    const before = await dump();
    // Another office's complaint: not there for this clerk, by number or in a list.
    const other = await as('cli_clerk_yg', ['--office', 'HY', 'show', 'HY-260912001']);
    expect(other.code).toBe(3);
    expect(JSON.parse((await as('cli_clerk_yg', ['--office', 'HY', 'list', '--json'])).stdout)).toEqual([]);
    const change = await as('cli_clerk_yg', ['--office', 'HY', 'assign', 'HY-260912001', '--dept', '工程部']);
    expect(change.code).toBe(3);
    // Nor can it file one there: the server refuses the row (row-level security), exit 4.
    const filed = await as('cli_clerk_yg', ['--office', 'HY', ...registerArgs({ phone: '13700137000' })]);
    expect(filed.code).toBe(4);
    expect(filed.stderr).toContain('may not do that here');
    // Another person's name cannot be borrowed on a server.
    const forged = await as('cli_clerk_yg', ['--office', 'YG', 'note', 'YG-260912001', '已联系'], { COMPLAINTS_ACTOR: 'wang' });
    expect(forged.code).toBe(2);
    expect(forged.stderr).toContain('login role "cli_clerk_yg"');
    expect(await dump()).toBe(before);
    // What the clerk does is recorded as the clerk.
    expect((await as('cli_clerk_yg', ['--office', 'YG', 'note', 'YG-260912001', '已联系'])).code).toBe(0);
    const events = JSON.parse((await as('cli_clerk_yg', ['--office', 'YG', 'show', 'YG-260912001', '--json'])).stdout).events;
    expect(events.at(-1).actor).toBe('cli_clerk_yg');
  });

  test("the group's report has a row per office and the group's totals, in every format; a clerk may not ask for it", async () => {
    const j = JSON.parse((await as('cli_group', ['report', 'monthly', '--month', '2026-09', '--office', 'all', '--json'])).stdout);
    expect(j.offices.map((o: { code: string; received: number }) => [o.code, o.received])).toEqual([['HY', 1], ['YG', 1]]);
    expect(j.received).toBe(2);
    // The offices' spot checks added up, their confirmed group complaints listed (none here).
    expect(j.audits).toEqual({ done: 0, failed: 0 });
    expect(j.confirmedGroups).toEqual([]);
    // Per department as well: each office's rows added up by key.
    const by = JSON.parse((await as('cli_group', ['report', 'monthly', '--month', '2026-09', '--office', 'all', '--by', 'department', '--json'])).stdout);
    expect(by.by.rows.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBe(2);
    for (const format of ['table', 'csv', 'md', 'html']) {
      const r = await as('cli_group', ['report', 'monthly', '--month', '2026-09', '--office', 'all', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('海韵服务中心');
      expect(r.stdout).toContain('Group total');
    }
    const clerk = await as('cli_clerk_yg', ['report', 'monthly', '--month', '2026-09', '--office', 'all']);
    expect(clerk.code).toBe(4);
    expect(clerk.stderr).toContain('complaints_group');
  });

  test('an office is renamed, and reports head with the new name', async () => {
    expect((await as(undefined, ['office', 'rename', 'YG', '--name', '阳光海岸客户服务中心'])).code).toBe(0);
    const got = await as(undefined, ['--office', 'YG', 'config', 'get', 'office.name']);
    expect(got.stdout.trim()).toBe('阳光海岸客户服务中心');
  });

  test("each office has its own estates: the same name in both, one office's aliases unknown to the other, as a clerk of the office sees them", async () => {
    const list = async (user: string | undefined, office?: string) =>
      JSON.parse((await as(user, [...(office ? ['--office', office] : []), 'estate', 'list', '--json'])).stdout);
    expect((await as(undefined, ['--office', 'YG', 'estate', 'add', '海景花园'])).code).toBe(0);
    expect((await as(undefined, ['--office', 'YG', 'estate', 'alias', '海景花园', '海景'])).code).toBe(0);
    expect((await as(undefined, ['--office', 'HY', 'estate', 'add', '海景花园'])).code).toBe(0);
    expect(await list(undefined, 'YG')).toEqual([{ name: '海景花园', aliases: ['海景'] }]);
    expect(await list(undefined, 'HY')).toEqual([{ name: '海景花园', aliases: [] }]);
    expect(await list('cli_clerk_yg', 'YG')).toEqual([{ name: '海景花园', aliases: ['海景'] }]);
    // The alias is YG's only: in HY it is kept as written.
    const hy = JSON.parse((await as(undefined, ['--office', 'HY', ...registerArgs({ estate: '海景', phone: '13911112222' }), '--json'])).stdout);
    expect(hy.complainant.estate).toBe('海景');
    const yg = JSON.parse((await as('cli_clerk_yg', ['--office', 'YG', ...registerArgs({ estate: '海景', phone: '13911112222' }), '--json'])).stdout);
    expect(yg.complainant.estate).toBe('海景花园');
  });
});
