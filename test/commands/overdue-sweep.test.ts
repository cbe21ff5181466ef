// overdue (the morning chase list) and sweep (the nightly time-based rules),
// as a cron job runs them: no terminal, fixed clock.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });

beforeEach(() => {
  db = tempDb();
  env = testEnv(db);
});

describe('overdue', () => {
  beforeEach(async () => {
    // Thursday 2026-11-19 10:00: general, 3 working days → due Tuesday 24th.
    await cli(registerArgs({ 'received-at': '2026-11-19T10:00' }), at('2026-11-19T10:00:00+08:00'));
    await cli(['assign', '261119-1', '--dept', '工程部', '--to', '张工'], at('2026-11-19T11:00:00+08:00'));
    await cli(['contact', '261119-1'], at('2026-11-19T12:00:00+08:00'));
    // A second one, not contacted and not assigned, Friday 20th.
    await cli(registerArgs({ 'received-at': '2026-11-20T09:00', phone: '13900139000', unit: '5-1-201', category: 'other' }), at('2026-11-20T09:00:00+08:00'));
  });

  it('nothing is overdue before the deadlines: exit 0 even with --exit-status', async () => {
    const r = await cli(['overdue', '--exit-status'], at('2026-11-20T10:00:00+08:00'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing overdue');
  });

  it('lists what is past due by department with working days, and --exit-status exits 1', async () => {
    const now = '2026-11-26T09:00:00+08:00'; // Thursday: resolve of the first was due Tuesday 24th
    const j = await cliJson(['overdue'], at(now));
    expect(j.overdue.map((o: any) => [o.ticket, o.department, o.assignee])).toEqual([
      ['261119001', '工程部', '张工'],
      ['261120002', null, null],
    ]);
    expect(j.overdue[0].deadlines).toEqual([{ step: 'resolve', due: '2026-11-24T23:59:59+08:00', workdays: 2, hours: 33 }]);
    expect(j.overdue[1].deadlines.map((d: any) => d.step)).toEqual(['contact', 'resolve']);
    // Written piece by piece, it is still the text JSON.stringify makes of the whole.
    const raw = (await cli(['overdue', '--json'], at(now))).stdout;
    expect(raw).toBe(JSON.stringify(JSON.parse(raw), null, 2) + '\n');
    const r = await cli(['overdue', '--exit-status'], at(now));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工程部 (1)');
    expect(r.stdout).toContain('overdue by 2 working days');
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour in a cron mail
    const zh = await cli(['overdue', '--lang', 'zh'], at(now));
    expect(zh.stdout).toContain('已超期 2 个工作日');
    expect(zh.stdout).toContain('（未派单）');
  });

  it('the order is stable run to run', async () => {
    const a = await cli(['overdue'], at('2026-11-26T09:00:00+08:00'));
    const b = await cli(['overdue'], at('2026-11-26T09:00:00+08:00'));
    expect(a.stdout).toBe(b.stdout);
  });

  it('lists open complaints nobody has contacted for 7 days; an internal note does not count as contact', async () => {
    // The week (progress_contact 7d) ends at 23:59:59 on the 7th day after the last contact.
    const j = await cliJson(['overdue'], at('2026-11-27T13:00:00+08:00'));
    // The first was last contacted on the 19th (its week ended the 26th); the second never, received on the 20th (the 27th).
    expect(j.stale.map((s: any) => [s.ticket, s.days])).toEqual([['261119001', 8]]);
    const j2 = await cliJson(['overdue'], at('2026-11-28T09:00:00+08:00'));
    expect(j2.stale.map((s: any) => [s.ticket, s.days])).toEqual([['261119001', 8], ['261120002', 8]]);
    await cli(['note', '261119-1', '等配件'], at('2026-11-28T10:00:00+08:00'));
    const noted = await cliJson(['overdue'], at('2026-11-28T11:00:00+08:00'));
    expect(noted.stale.map((s: any) => s.ticket)).toEqual(['261119001', '261120002']);
    await cli(['contact', '261119-1', '--note', '告知业主配件下周到'], at('2026-11-28T12:00:00+08:00'));
    const after = await cliJson(['overdue'], at('2026-11-28T13:00:00+08:00'));
    expect(after.stale.map((s: any) => s.ticket)).toEqual(['261120002']);
  });

  it('a resolved complaint is chased for its call-back, closed ones never', async () => {
    await cli(['resolve', '261119-1', '--resolution', '已修好'], at('2026-11-20T10:00:00+08:00'));
    // general call-back: 5 working days after Friday 20th → Friday 27th.
    const j = await cliJson(['overdue'], at('2026-11-30T09:00:00+08:00'));
    expect(j.overdue.find((o: any) => o.ticket === '261119001').deadlines.map((d: any) => d.step)).toEqual(['followUp']);
    await cli(['follow-up', '261119-1', '--satisfaction', '1'], at('2026-11-30T10:00:00+08:00'));
    const later = await cliJson(['overdue'], at('2026-11-30T11:00:00+08:00'));
    expect(later.overdue.map((o: any) => o.ticket)).toEqual(['261120002']);
  });
});

describe('sweep', () => {
  it('raises an important complaint open over 3 months to major, once', async () => {
    await cli(registerArgs({ 'received-at': '2026-08-10T10:00', claim: '6000' }), at('2026-08-10T10:00:00+08:00'));
    expect((await cliJson(['show', '260810-1'], at('2026-08-10T10:00:00+08:00'))).severity).toBe('important');
    const early = await cliJson(['sweep'], at('2026-11-09T10:00:00+08:00'));
    expect(early.escalated).toEqual([]);
    const first = await cliJson(['sweep'], at('2026-11-10T10:00:01+08:00'));
    expect(first.escalated).toEqual([{ ticket: '260810001', from: 'important', to: 'major' }]);
    const shown = await cliJson(['show', '260810-1'], at('2026-11-10T10:00:01+08:00'));
    expect(shown.severity).toBe('major');
    expect(shown.events.at(-1).action).toBe('sweep');
    // A second run changes nothing, not even a byte.
    const before = dbBytes(db);
    const second = await cliJson(['sweep'], at('2026-11-10T10:00:02+08:00'));
    expect(second.escalated).toEqual([]);
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('leaves closed and general complaints alone', async () => {
    await cli(registerArgs({ 'received-at': '2026-01-05T10:00' }), at('2026-01-05T10:00:00+08:00'));
    await cli(registerArgs({ 'received-at': '2026-01-06T10:00', phone: '13900139000', unit: '1-1-101', claim: '6000' }), at('2026-01-06T10:00:00+08:00'));
    await cli(['close', '260106-2', '--reason', '撤诉'], at('2026-01-07T10:00:00+08:00'));
    expect((await cliJson(['sweep'], at('2026-11-10T10:00:00+08:00'))).escalated).toEqual([]);
  });

  it('reports 5 units of one estate with the same category and subcategory within 7 days as a possible group complaint', async () => {
    for (let i = 1; i <= 5; i++) {
      const day = `2026-11-${String(15 + i).padStart(2, '0')}`;
      await cli(registerArgs({ 'received-at': `${day}T10:00`, phone: `1390013900${i}`, unit: `3-2-${i}01`, subcategory: 'noise' }), at(`${day}T10:00:00+08:00`));
    }
    const j = await cliJson(['sweep'], at('2026-11-20T12:00:00+08:00'));
    expect(j.groups).toHaveLength(1);
    expect(j.groups[0]).toMatchObject({ estate: '阳光海岸', category: 'property_service', subcategory: 'noise', units: 5 });
    expect(j.groups[0].tickets).toHaveLength(5);
    const text = await cli(['sweep', '--lang', 'zh'], at('2026-11-20T12:00:00+08:00'));
    expect(text.stdout).toContain('可能的群诉：1 起');
    // Four units are not a group.
    const fewer = await cliJson(['sweep'], at('2026-11-24T09:00:00+08:00'));
    expect(fewer.groups).toEqual([]);
  });
});
