// `today` (SPEC §16): due today, overdue, awaiting call-back, flagged,
// possible group complaints and this month so far, on one screen and in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, registerArgs, removeTempDirs, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });
const NOW = '2026-09-12T10:00:00+08:00';

// 260820001 last month: resolved, called back 2 → closed (not this month's)
// 260910002 received 09-10, contact due 09-11 10:00: overdue
// 260912003 safety (major): contact due today 12:00
// 260912004 resolved today: awaiting its call-back
// 260912005 major, unsatisfied call-back: flagged, reopened
// 260912006…010 five units of 阳光海岸, cleaning: a possible group complaint
beforeAll(async () => {
  env = testEnv(tempDb());
  await cliOk(registerArgs({ 'received-at': '2026-08-20T09:00' }), at('2026-08-20T09:00:00+08:00'));
  await cliOk(['resolve', '260820-1', '--resolution', '已修'], at('2026-08-21T09:00:00+08:00'));
  await cliOk(['follow-up', '260820-1', '--satisfaction', '2'], at('2026-08-22T09:00:00+08:00'));
  await cliOk(registerArgs({ phone: '13900000002', unit: '1-1-102', description: '噪音扰民', 'received-at': '2026-09-10T10:00' }), at(NOW));
  await cliOk(registerArgs({ phone: '13900000003', unit: '1-1-103', description: '电线裸露', safety: true }), at(NOW));
  await cliOk(registerArgs({ phone: '13900000004', unit: '1-1-104', description: '门禁坏了' }), at(NOW));
  await cliOk(['resolve', '260912-4', '--resolution', '已修好'], at(NOW));
  await cliOk(registerArgs({ phone: '13900000005', unit: '1-1-105', description: '电梯困人', media: true }), at(NOW));
  await cliOk(['resolve', '260912-5', '--resolution', '已救出'], at(NOW));
  await cliOk(['follow-up', '260912-5', '--satisfaction', '5'], at(NOW));
  for (let i = 6; i <= 10; i++) {
    await cliOk(registerArgs({ phone: `1390000001${i - 6}`, unit: `2-1-20${i - 5}`, subcategory: 'cleaning', description: `楼道垃圾${i}` }), at(NOW));
  }
});

describe('today', () => {
  it('gives each part with its count and first items, and this month so far, in JSON', async () => {
    const r = await cliJson(['today'], at(NOW));
    expect(r.at).toBe(NOW);
    expect(r.dueToday.items.map((c: any) => c.ticket)[0]).toBe('260912003');
    expect(r.dueToday.items[0].due).toBe('2026-09-12T12:00:00+08:00');
    expect(r.overdue.items.map((c: any) => c.ticket)).toEqual(['260910002']);
    expect(r.overdue.count).toBe(1);
    expect(r.awaitingCallBack).toEqual({ count: 1, items: [expect.objectContaining({ ticket: '260912004', status: 'resolved' })] });
    expect(r.flagged.items.map((c: any) => c.ticket)).toEqual(['260912005']);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ estate: '阳光海岸', subcategory: 'cleaning', units: 5 });
    expect(r.month).toEqual({ from: '2026-09-01T00:00:00+08:00', received: 9, resolved: 1, closed: 0 }); // 260912005 was reopened
  });

  it('lists only --limit of each part and says how many more', async () => {
    // The next morning: the five registered on Saturday owe their first contact by 10:00.
    const morning = '2026-09-13T09:00:00+08:00';
    const r = await cliJson(['today', '--limit', '1'], at(morning));
    expect(r.dueToday.count).toBe(5);
    expect(r.dueToday.items).toHaveLength(1);
    const text = await cli(['today', '--limit', '1'], at(morning));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`and ${r.dueToday.count - 1} more`);
  });

  it('speaks Chinese on one screen', async () => {
    const r = await cli(['--lang', 'zh', 'today'], at(NOW));
    expect(r.code).toBe(0);
    for (const w of ['今日工作 2026-09-12', '今日到期', '已超期：1', '待回访：1', '提交管理层会议：1', '可能的群诉（近 7 天）：1', '本月至今：受理 9']) expect(r.stdout).toContain(w);
    expect(r.stdout).toContain('12:00 到期');
  });

  it('refuses a limit that is not a whole number', async () => {
    const r = await cli(['today', '--limit', 'x'], at(NOW));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
