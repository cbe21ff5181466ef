// Steps of the office's procedure (SPEC §11): each timed by a rule of the
// grammar, counted from receipt, assignment or resolution; `complaints step`
// records one (late is late, not refused); show lists every step with its
// state; overdue chases every late step; the weekly contact per severity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });

// Received Wednesday 2026-11-18 09:00.
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  const setup = '2026-11-18T08:00:00+08:00';
  for (const [key, value] of [
    ['deadline.general.dispatch', 'eod'], ['deadline.general.site_check', '24h'], ['deadline.general.plan', '48h'],
    ['deadline.major.site_check', '2h'], ['deadline.general.feedback', '2h'],
    ['step.dept_ack.define', 'assignment,部门回应,department acknowledges'], ['deadline.general.dept_ack', '2h'],
  ]) await cliOk(['config', 'set', key, value], at(setup));
  await cliOk(registerArgs({ 'received-at': '2026-11-18T09:00' }), at('2026-11-18T09:00:00+08:00'));
});

describe('steps with deadlines', () => {
  it('counts each step from its start, records steps late as late, and lists every step in show', async () => {
    const c = await cliJson(['show', '261118-1'], at('2026-11-18T09:05:00+08:00'));
    expect(c.deadlines).toEqual({
      dispatch: '2026-11-18T23:59:59+08:00', contact: '2026-11-19T09:00:00+08:00', siteCheck: '2026-11-19T09:00:00+08:00',
      plan: '2026-11-20T09:00:00+08:00', resolve: '2026-11-23T23:59:59+08:00', feedback: null, followUp: null, deptAck: null,
    });
    // Assigned at 14:00: dispatch done on time; the department's acknowledgement is due 2h later.
    const assigned = await cliJson(['assign', '261118-1', '--dept', '工程部'], at('2026-11-18T14:00:00+08:00'));
    expect(assigned.deadlines.deptAck).toBe('2026-11-18T16:00:00+08:00');
    await cliOk(['step', '261118-1', 'dept_ack', '--note', '已接单'], at('2026-11-18T15:00:00+08:00'));
    // The site check a day and an hour after receipt: late, and recorded.
    const late = await cli(['step', '261118-1', 'site_check'], at('2026-11-19T10:00:00+08:00'));
    expect(late.code).toBe(0);
    const shown = await cliJson(['show', '261118-1'], at('2026-11-19T10:30:00+08:00'));
    const state = Object.fromEntries(shown.deadlineStatus.map((d: any) => [d.step, d.state]));
    expect(state).toMatchObject({ dispatch: 'met', deptAck: 'met', siteCheck: 'late', contact: 'overdue', plan: 'pending', resolve: 'pending' });
    const text = await cli(['show', '261118-1', '--lang', 'zh'], at('2026-11-19T10:30:00+08:00'));
    for (const word of ['派单', '核实现场', '整改方案', '部门回应', '处理完成']) expect(text.stdout).toContain(word);
  });

  it('refuses what is not a step to record, and changes nothing', async () => {
    for (const [args, code, words] of [
      [['step', '261118-1', 'site_visit'], 2, ['no step "site_visit"', 'dept_ack']],
      [['step', '261118-1', 'contact'], 2, ['complaints contact']],
      [['step', '261118-1', 'site_check'], 4, ['already recorded']],
    ] as [string[], number, string[]][]) {
      const before = dbBytes(db);
      const r = await cli(args, at('2026-11-19T11:00:00+08:00'));
      expect(r.code, args.join(' ')).toBe(code);
      for (const w of words) expect(r.stderr).toContain(w);
      expect(dbBytes(db).equals(before)).toBe(true);
    }
  });

  it('overdue chases a late step by its name', async () => {
    const o = await cliJson(['overdue'], at('2026-11-20T10:00:00+08:00'));
    const item = o.overdue.find((i: any) => i.ticket === '261118001');
    expect(item.deadlines.map((d: any) => d.step)).toEqual(['contact', 'plan']);
    // A wide page (as a cron mail may set COLUMNS): at 80 columns the second late step is cut.
    const zh = await cli(['overdue', '--lang', 'zh'], { env: { ...at('2026-11-20T10:00:00+08:00').env, COLUMNS: '200' } });
    expect(zh.stdout).toContain('整改方案');
    await cliOk(['step', '261118-1', 'plan'], at('2026-11-20T11:00:00+08:00'));
    const after = await cliJson(['overdue'], at('2026-11-20T11:05:00+08:00'));
    expect(after.overdue.find((i: any) => i.ticket === '261118001').deadlines.map((d: any) => d.step)).toEqual(['contact']);
  });

  it('a raise in severity moves the steps not yet done', async () => {
    await cliOk(registerArgs({ 'received-at': '2026-11-19T09:00', phone: '13900139000', unit: '2-1-101' }), at('2026-11-19T09:00:00+08:00'));
    expect((await cliJson(['show', '261119-2'], at('2026-11-19T09:01:00+08:00'))).deadlines.siteCheck).toBe('2026-11-20T09:00:00+08:00');
    const raised = await cliJson(['escalate', '261119-2', '--to', 'major', '--reason', '涉及安全'], at('2026-11-19T09:30:00+08:00'));
    expect(raised.deadlines.siteCheck).toBe('2026-11-19T11:00:00+08:00'); // major: 2h from receipt
  });

  it('a step switched off is neither chased nor recordable', async () => {
    await cliOk(['config', 'set', 'step.feedback', 'off'], at('2026-11-20T12:00:00+08:00'));
    const before = dbBytes(db);
    const r = await cli(['step', '261118-1', 'feedback'], at('2026-11-20T12:01:00+08:00'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('switched off');
    expect(dbBytes(db).equals(before)).toBe(true);
    expect(Object.keys((await cliJson(['show', '261118-1'], at('2026-11-20T12:02:00+08:00'))).deadlines)).not.toContain('feedback');
  });
});

describe('reports count each step due in the period and done on time', () => {
  it('per step in force, with the share', async () => {
    const day1 = await cliJson(['report', 'range', '--from', '2026-11-18', '--to', '2026-11-18'], at('2026-11-21T09:00:00+08:00'));
    expect(day1.steps).toMatchObject({ dispatch: { due: 1, onTime: 1, onTimeRate: 1 }, deptAck: { due: 1, onTime: 1, onTimeRate: 1 } });
    const day2 = await cliJson(['report', 'range', '--from', '2026-11-19', '--to', '2026-11-19'], at('2026-11-21T09:00:00+08:00'));
    // 261118-1's site check (due 09:00, done 10:00) and 261119-2's (major: due 11:00, never done); both contacts, never made.
    expect(day2.steps).toMatchObject({ siteCheck: { due: 2, onTime: 0, onTimeRate: 0 }, contact: { due: 2, onTime: 0 } });
    const zh = await cli(['report', 'range', '--from', '2026-11-19', '--to', '2026-11-19', '--lang', 'zh'], at('2026-11-21T09:00:00+08:00'));
    expect(zh.stdout).toContain('本期到期的处理步骤');
    expect(zh.stdout).toContain('核实现场');
  });
});

describe('the weekly progress contact, per severity', () => {
  it('an important complaint is chased after its own interval', async () => {
    const e = testEnv(tempDb());
    const t = (now: string) => ({ env: { ...e, COMPLAINTS_NOW: now } });
    await cliOk(['config', 'set', 'progress_contact.important', '3d'], t('2026-11-02T08:00:00+08:00'));
    await cliOk(registerArgs({ 'received-at': '2026-11-02T09:00', claim: '6000' }), t('2026-11-02T09:00:00+08:00'));
    await cliOk(registerArgs({ 'received-at': '2026-11-02T09:00', phone: '13900139000', unit: '1-1-101' }), t('2026-11-02T09:00:00+08:00'));
    // Important: 3 calendar days after the 2nd ends with the 5th; general keeps 7 days.
    expect((await cliJson(['overdue'], t('2026-11-05T20:00:00+08:00'))).stale.map((x: any) => x.ticket)).toEqual([]);
    expect((await cliJson(['overdue'], t('2026-11-06T09:00:00+08:00'))).stale.map((x: any) => x.ticket)).toEqual(['261102001']);
    expect((await cliJson(['overdue'], t('2026-11-10T09:00:00+08:00'))).stale.map((x: any) => x.ticket)).toEqual(['261102001', '261102002']);
  });
});

describe('a case-specific earlier deadline (001#13 限期解决)', () => {
  it('moves one step earlier with a reason, survives a recount, and refuses a later one', async () => {
    const e = testEnv(tempDb());
    const t = (now: string) => ({ env: { ...e, COMPLAINTS_NOW: now } });
    await cliOk(registerArgs({ 'received-at': '2026-11-18T09:00' }), t('2026-11-18T09:00:00+08:00'));
    const set = await cliJson(['deadline', '261118-1', 'resolve', '--by', '2026-11-19T18:00', '--reason', '业主周五出国'], t('2026-11-18T10:00:00+08:00'));
    expect(set.deadlines.resolve).toBe('2026-11-19T18:00:00+08:00');
    // A recount under a new rule keeps the earlier deadline.
    await cliOk(['config', 'set', 'deadline.general.resolve', '10wd'], t('2026-11-18T11:00:00+08:00'));
    expect((await cliJson(['show', '261118-1'], t('2026-11-18T11:01:00+08:00'))).deadlines.resolve).toBe('2026-11-19T18:00:00+08:00');
    const shown = await cli(['show', '261118-1', '--lang', 'zh'], t('2026-11-18T11:02:00+08:00'));
    expect(shown.stdout).toContain('限期处理');
    const later = await cli(['deadline', '261118-1', 'resolve', '--by', '2026-12-30', '--reason', 'x'], t('2026-11-18T12:00:00+08:00'));
    expect(later.code).toBe(2);
    expect(later.stderr).toContain('complaints extend');
  });
});
