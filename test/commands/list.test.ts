// `list` filters over one small register, built once with the clock moving forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, registerArgs, removeTempDirs, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
const at = (now: string): { env: Env } => ({ env: { ...env, COMPLAINTS_NOW: now } });

async function ok(args: string[], now: string): Promise<void> {
  const r = await cli(args, at(now));
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
}

// A 260820001 resolved 08-21, call-back due 08-28: overdue (resolved)
// B 260901002 with 工程部, contacted, resolve due 09-04: overdue
// C 260905003 with 秩序部, called back satisfied: closed
// D 260910004 contacted, resolve due 09-15: on time at NOW
// E 260912005 just registered, contact due 09-13: on time at NOW
beforeAll(async () => {
  env = testEnv(tempDb());
  await ok(registerArgs({ name: '周先生', phone: '13600136000', unit: '2-2-202', subcategory: 'cleaning', description: '楼道垃圾无人清理' }), '2026-08-20T10:00:00+08:00');
  await ok(['resolve', '260820-1', '--resolution', '已安排保洁清理'], '2026-08-21T10:00:00+08:00');

  await ok(registerArgs({ description: '卫生间天花板漏水' }), '2026-09-01T09:00:00+08:00');
  await ok(['assign', '260901-2', '--dept', '工程部', '--to', '张工'], '2026-09-01T10:00:00+08:00');
  await ok(['contact', '260901-2'], '2026-09-01T11:00:00+08:00');

  await ok(registerArgs({ name: '李先生', phone: '13900139000', unit: '5-1-302', subcategory: 'noise', description: '楼上装修噪音，晚上十点后仍在施工' }), '2026-09-05T10:00:00+08:00');
  await ok(['assign', '260905-3', '--dept', '秩序部', '--to', '刘队'], '2026-09-05T11:00:00+08:00');
  await ok(['resolve', '260905-3', '--resolution', '已劝导施工方'], '2026-09-06T10:00:00+08:00');
  await ok(['follow-up', '260905-3', '--satisfaction', '1'], '2026-09-07T10:00:00+08:00');

  await ok(registerArgs({ name: '张女士', phone: '010-12345678', estate: '翠湖花园', unit: '3-2-1501', category: 'construction_quality', subcategory: 'leak', description: '外墙渗水，墙皮脱落' }), '2026-09-10T14:00:00+08:00');
  await ok(['contact', '260910-4'], '2026-09-10T15:00:00+08:00');

  await ok(registerArgs({ name: '赵先生', phone: '13700137000', estate: '翠湖花园', unit: '1-1-101', category: 'other', subcategory: 'parking', description: '停车位被占用' }), '2026-09-12T09:00:00+08:00');
});

/** Tickets listed with --json, in the order printed. */
async function tickets(args: string[], now = '2026-09-12T10:00:00+08:00'): Promise<string[]> {
  const r = await cli(['list', ...args, '--json'], at(now));
  if (r.code !== 0) throw new Error(`list ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  const list = JSON.parse(r.stdout) as { ticket: string }[];
  expect(Array.isArray(list)).toBe(true);
  return list.map((c) => c.ticket);
}

const A = '260820001', B = '260901002', C = '260905003', D = '260910004', E = '260912005';

describe('list', () => {
  it('shows open complaints, newest first, by default', async () => {
    expect(await tickets([])).toEqual([E, D, B, A]);
  });

  it.each([
    [['--status', 'all'], [E, D, C, B, A]],
    [['--status', 'closed'], [C]],
    [['--status', 'resolved'], [A]],
    [['--status', 'registered'], [E, D]],
    [['--status', 'assigned,closed'], [C, B]],
    [['--status', 'open'], [E, D, B, A]],
  ])('status %j', async (args, expected) => {
    expect(await tickets(args)).toEqual(expected);
  });

  it.each([
    [['--dept', '工程部'], [B]],
    [['--dept', '秩序部'], []],
    [['--dept', '秩序部', '--status', 'all'], [C]],
    [['--assignee', '张工'], [B]],
    [['--category', 'construction_quality'], [D]],
    [['--category', 'other,construction_quality'], [E, D]],
    [['--severity', 'general'], [E, D, B, A]],
    [['--severity', 'major'], []],
  ])('department, person, category, severity %j', async (args, expected) => {
    expect(await tickets(args)).toEqual(expected);
  });

  it.each([
    [['--phone', '13800138000'], [B]],
    [['--phone', '+86 138 0013 8000'], [B]],
    [['--phone', '010-12345678'], [D]],
    [['--phone', '01012345678'], [D]],
    [['--phone', '13900139000'], []],
    [['--phone', '13900139000', '--status', 'all'], [C]],
  ])('phone %j', async (args, expected) => {
    expect(await tickets(args)).toEqual(expected);
  });

  it.each([
    [['--estate', '阳光海岸'], [B, A]],
    [['--estate', '阳光海岸', '--status', 'all'], [C, B, A]],
    [['--estate', '翠湖花园'], [E, D]],
    [['--unit', '3-2-1501'], [D, B]],
    [['--estate', '翠湖花园', '--unit', '3-2-1501'], [D]],
    [['--estate', '不存在小区'], []],
  ])('estate and unit %j', async (args, expected) => {
    expect(await tickets(args)).toEqual(expected);
  });

  it.each([
    [['--from', '2026-09-01', '--to', '2026-09-05'], [C, B]], // --to covers the whole day
    [['--from', '2026-09-06'], [E, D]],
    [['--to', '2026-08-31'], [A]],
    [['--from', '2026-09-10T15:00'], [E]],
    [['--from', '2026-09-10T14:00:00+08:00', '--to', '2026-09-10'], [D]],
    [['--from', '2026-09-13'], []],
  ])('received between %j', async (args, expected) => {
    expect(await tickets(['--status', 'all', ...args])).toEqual(expected);
  });

  it('--to with a time of day includes a complaint received at exactly that time', async () => {
    expect(await tickets(['--status', 'all', '--from', '2026-09-10T14:00', '--to', '2026-09-10T14:00'])).toEqual([D]);
    expect(await tickets(['--status', 'all', '--to', '2026-09-10T14:00:00+08:00', '--from', '2026-09-06'])).toEqual([D]);
  });

  it('--overdue lists what is past a deadline now', async () => {
    expect(await tickets(['--overdue'])).toEqual([B, A]);
    // Four days later D's resolve deadline (Tuesday 15th) and E's contact deadline have passed too.
    expect(await tickets(['--overdue'], '2026-09-16T10:00:00+08:00')).toEqual([E, D, B, A]);
    expect(await tickets(['--overdue', '--dept', '工程部'])).toEqual([B]);
  });

  it.each([
    ['漏', [B]], // one character
    ['漏水', [B]], // two characters
    ['天花板漏水', [B]], // five characters
    ['天花板', [B]],
    ['渗水', [D]],
    ['水', [D, B]],
    ['噪音', [C]],
    ['噪', [C]],
    ['楼', [C, A]], // 楼上, 楼道
    ['停车', [E]],
    ['王女士', [B]],
    ['leak', [D, B]], // the subcategory key
    ['1501', [D, B]],
    ['张工', [B]], // the assignee
    ['已劝导', [C]], // the resolution
    ['漏水 1501', [B]],
    ['天花板渗水', []], // both halves exist, the phrase does not
    ['火灾', []],
    ['燃', []],
    ['水漏', []],
    ['nothing', []],
  ])('--search %s', async (term, expected) => {
    expect(await tickets(['--status', 'all', '--search', term])).toEqual(expected);
  });

  it('search stays current after a step changes the text', async () => {
    const isolated = testEnv(tempDb());
    await cli(registerArgs({ description: '电梯故障' }), { env: isolated });
    expect((await cli(['list', '--search', '更换', '--json'], { env: isolated })).stdout.trim()).toBe('[]');
    await cli(['resolve', '260912-1', '--resolution', '已更换电梯门机'], { env: isolated });
    const found = JSON.parse((await cli(['list', '--status', 'all', '--search', '更换', '--json'], { env: isolated })).stdout);
    expect(found.map((c: any) => c.ticket)).toEqual(['260912001']);
  });

  it('sorts and limits', async () => {
    expect(await tickets(['--status', 'all', '--sort', 'oldest'])).toEqual([A, B, C, D, E]);
    expect(await tickets(['--status', 'all', '--sort', 'ticket'])).toEqual([A, B, C, D, E]);
    expect(await tickets(['--status', 'all', '--limit', '2'])).toEqual([E, D]);
    expect(await tickets(['--sort', 'due'])).toEqual([A, B, D, E]); // by resolve deadline
  });

  it('prints a tab-separated table when not at a terminal, and says when nothing matches', async () => {
    const r = await cli(['list', '--dept', '工程部'], at('2026-09-12T10:00:00+08:00'));
    expect(r.code).toBe(0);
    const [header, row, ...rest] = r.stdout.trimEnd().split('\n');
    expect(header.split('\t')).toEqual(['ticket', 'receivedAt', 'status', 'severity', 'category', 'department', 'name', 'unit', 'subject']);
    expect(row.split('\t').slice(0, 6)).toEqual([B, '2026-09-01T09:00:00+08:00', 'assigned', 'general', 'property_service', '工程部']);
    expect(rest).toEqual([]);
    const none = await cli(['list', '--search', '火灾'], at('2026-09-12T10:00:00+08:00'));
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No complaints match.');
  });

  it.each([
    [['--dept', '不存在部'], 'no department'],
    [['--phone', '12345'], 'mainland mobile'],
    [['--status', 'pending'], 'allowed'],
    [['--from', '2026-13-01'], '--from'],
    [['--search', '！？'], 'nothing'],
    [['--limit', 'x'], 'whole number'],
  ])('refuses %j with exit 2', async (args, words) => {
    const r = await cli(['list', ...args], at('2026-09-12T10:00:00+08:00'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.toLowerCase()).toContain(words === 'nothing' ? 'no letters' : words.toLowerCase());
  });
});
