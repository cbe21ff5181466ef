// `edit <ticket> --reason` (SPEC §13): every intake fact corrected as an
// event with before and after; the severity rules applied again (they only
// raise); deadlines moved with the received time; the ticket never changes.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, type Env, expectRefused, registerArgs, removeTempDirs, scriptedPrompter, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
let db: string;
beforeEach(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(registerArgs(), { env });
});

describe('edit', () => {
  it('corrects a phone, an estate and a demand, recorded with before, after and the reason', async () => {
    const c = await cliJson(['edit', '260912-1', '--phone', '139 0013 9000', '--estate', '阳光海岸二期', '--demand', '尽快维修', '--reason', '电话记错一位'], { env });
    expect(c.ticket).toBe('260912001');
    expect(c.complainant).toMatchObject({ phone: '13900139000', estate: '阳光海岸二期' });
    expect(c.demand).toBe('尽快维修');
    const shown = await cliJson(['show', '260912-1'], { env });
    const e = shown.events.at(-1);
    expect(e).toMatchObject({ action: 'edit', note: '电话记错一位' });
    expect(e.before.complainant.phone).toBe('13800138000');
    expect(e.after.complainant.phone).toBe('13900139000');
    expect(e.before.demand).toBeNull();
  });

  it('moves the contact and resolve deadlines when the received time moves; the ticket stays', async () => {
    const before = await cliJson(['show', '260912-1'], { env });
    expect(before.deadlines.resolve).toBe('2026-09-17T23:59:59+08:00'); // received on a Saturday
    const c = await cliJson(['edit', '260912-1', '--received-at', '2026-09-11T16:00', '--reason', '周五来电，次日补登'], { env });
    expect(c.ticket).toBe('260912001');
    expect(c.receivedAt).toBe('2026-09-11T16:00:00+08:00');
    expect(c.deadlines.contact).toBe('2026-09-12T16:00:00+08:00');
    expect(c.deadlines.resolve).toBe('2026-09-16T23:59:59+08:00');
  });

  it('applies the severity rules again: 5 households make it major; putting them back does not lower it', async () => {
    const major = await cliJson(['edit', '260912-1', '--households', '6', '--reason', '核实后为 6 户'], { env });
    expect(major.severity).toBe('major');
    expect(major.deadlines.contact).toBe('2026-09-12T12:00:00+08:00'); // major: 2 hours
    const back = await cliJson(['edit', '260912-1', '--households', '1', '--reason', '再次核实'], { env });
    expect(back.severity).toBe('major');
    const safety = await cliJson(['edit', '260912-1', '--safety', '--reason', '有安全隐患'], { env });
    expect(safety.safety).toBe(true);
    expect((await cliJson(['edit', '260912-1', '--no-safety', '--reason', '无隐患'], { env })).safety).toBe(false);
  });

  it('clears an optional fact with an empty value; an emptied subject follows the description', async () => {
    const c = await cliJson(['edit', '260912-1', '--unit', '', '--subject', '', '--description', '厨房水管漏水', '--reason', '记录有误'], { env });
    expect(c.complainant.unit).toBeNull();
    expect(c.description).toBe('厨房水管漏水');
    expect(c.subject).toBe('厨房水管漏水');
  });

  it('corrects a closed complaint without owing it anything again', async () => {
    await cliOk(['resolve', '260912-1', '--resolution', '已修复'], { env });
    await cliOk(['follow-up', '260912-1', '--satisfaction', '1'], { env });
    const c = await cliJson(['edit', '260912-1', '--claim', '30000', '--reason', '补记索赔金额'], { env });
    expect(c).toMatchObject({ status: 'closed', severity: 'major', claim: 30000 });
    expect(c.reportUps ?? []).toEqual([]);
  });

  it('makes a corrected caller a repeat of the caller\'s earlier complaint', async () => {
    await cliOk(registerArgs({ phone: '13700137000', unit: '9-9-909', description: '又漏水了' }), { env });
    const c = await cliJson(['edit', '260912-2', '--phone', '13800138000', '--reason', '同一业主'], { env });
    expect(c.repeatOf).toBe('260912001');
    expect(c.severity).toBe('important');
  });

  it('at a terminal with no flags offers each fact with its current value, then asks why', async () => {
    const prompter = scriptedPrompter(['phone', '13900139000', 'safety', true, '', '电话记错']);
    const r = await cli(['edit', '260912-1'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.remaining).toEqual([]);
    expect(prompter.asked[0]).toMatchObject({ kind: 'select', message: 'Which fact to correct?' });
    expect(prompter.asked[0].choices).toEqual(expect.arrayContaining(['name', 'phone', 'receivedAt', 'claimFen', 'safety', '']));
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c).toMatchObject({ complainant: { phone: '13900139000' }, safety: true, severity: 'major' });
    expect(c.events.at(-1)).toMatchObject({ action: 'edit', note: '电话记错' });
  });

  it('at a terminal, choosing done at once corrects nothing', async () => {
    const before = dbBytes(db);
    const r = await cli(['edit', '260912-1'], { env, tty: true, prompter: scriptedPrompter(['']) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to correct');
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});

describe('edit refusals change nothing', () => {
  const refusals: [string, string[], number, string[]][] = [
    ['no reason', ['edit', '260912-1', '--phone', '13900139000'], 2, ['edit needs a reason', '--reason']],
    ['nothing to correct', ['edit', '260912-1', '--reason', 'x'], 2, ['nothing to correct', '--phone']],
    ['the same value as now', ['edit', '260912-1', '--phone', '13800138000', '--reason', 'x'], 2, ['nothing to correct']],
    ['a bad phone', ['edit', '260912-1', '--phone', '12345', '--reason', 'x'], 2, ['invalid --phone', '13800138000']],
    ['an empty name', ['edit', '260912-1', '--name', ' ', '--reason', 'x'], 2, ['name cannot be empty']],
    ['a received time in the future', ['edit', '260912-1', '--received-at', '2026-09-13T09:00', '--reason', 'x'], 2, ['in the future', '--received-at']],
    ['a bad amount', ['edit', '260912-1', '--claim', 'lots', '--reason', 'x'], 2, ['amount in yuan']],
    ['an unknown channel', ['edit', '260912-1', '--channel', 'telegram', '--reason', 'x'], 2, ['telegram', 'phone']],
    ['an unknown ticket', ['edit', '260912-99', '--phone', '13900139000', '--reason', 'x'], 3, ['no complaint 260912099']],
  ];
  it.each(refusals)('%s → exit %i', async (_what, args, code, words) => {
    await expectRefused(db, args, env, code, words);
  });

  it('a received time after the complaint was already handled', async () => {
    await cliOk(['assign', '260912-1', '--dept', '工程部'], { env: { ...env, COMPLAINTS_NOW: '2026-09-12T11:00:00+08:00' } });
    const before = dbBytes(db);
    const r = await cli(['edit', '260912-1', '--received-at', '2026-09-12T11:30', '--reason', 'x'], { env: { ...env, COMPLAINTS_NOW: '2026-09-12T12:00:00+08:00' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already handled at 2026-09-12 11:00');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await cli(['--lang', 'zh', 'edit', '260912-1', '--reason', 'x'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有要更正的内容');
  });
});
