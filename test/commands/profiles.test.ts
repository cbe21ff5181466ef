// SPEC §11 "Profiles": the procedures of seeds 000, 002 and 001#12 as named
// sets of settings, walked through with the 2026 calendar (国庆 10-01..07 off,
// Sunday 09-20 and Saturday 10-10 worked); config export/import; report_up.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv } from '../helpers.js';
import { PROFILES } from '../../src/domain/profiles/index.js';
import { checkSettingsBatch } from '../../src/commands/config-batch.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';

afterAll(removeTempDirs);

const at = (db: string, now: string) => ({ env: testEnv(db, { COMPLAINTS_NOW: now }) });
const deadlines = async (db: string, now: string, ticket: string) => (await cliJson(['show', ticket], at(db, now))).deadlines;

describe('the shipped profiles', () => {
  it.each(PROFILES.map((p) => [p.name, p] as const))('%s: every key and value is one the settings layer takes, as written', (_, p) => {
    const changes = checkSettingsBatch(Object.entries(p.settings).map(([key, value]) => ({ key, value })), DEFAULT_SETTINGS);
    expect(changes).toHaveLength(Object.keys(p.settings).length);
    for (const [key, value] of changes) expect(value).toBe(p.settings[key]);
    expect(p.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('longhu (002): 当日告知, 24h 核实现场, 48h 方案, 12h 审批, 7 working days to the call-back', async () => {
    const db = tempDb();
    const wed = '2026-09-30T16:00:00+08:00';
    expect((await cliOk(['init', '--profile', 'longhu'], at(db, wed))).stdout).toContain('Profile longhu');
    await cliOk(registerArgs({ category: 'construction_quality' }), at(db, wed));
    expect(await deadlines(db, wed, '260930-1')).toMatchObject({
      dispatch: '2026-09-30T23:59:59+08:00', // eod: the same working day
      siteCheck: '2026-10-01T16:00:00+08:00', // 24 clock hours, holiday or not
      plan: '2026-10-02T16:00:00+08:00', // 48h
      planApproval: '2026-10-03T04:00:00+08:00', // 48h + 12h
      followUp: null,
    });
    // 4.2 销售承诺: the marketing manager within 24h.
    await cliOk(registerArgs({ category: 'sales_promise', phone: '13900139000', unit: '1-1-101' }), at(db, wed));
    expect((await deadlines(db, wed, '260930-2')).dispatch).toBe('2026-10-01T16:00:00+08:00');
    // Received on a holiday: eod is the end of the next working day (Thursday 10-08).
    await cliOk(registerArgs({ phone: '13700137000', unit: '2-1-101' }), at(db, '2026-10-03T10:00:00+08:00'));
    expect((await deadlines(db, '2026-10-03T10:00:00+08:00', '261003-3')).dispatch).toBe('2026-10-08T23:59:59+08:00');
    // Resolved Friday 10-09: 7 working days with Saturday 10-10 worked → Monday 10-19.
    await cliOk(['assign', '260930-1', '--dept', '工程部'], at(db, '2026-09-30T17:00:00+08:00'));
    await cliOk(['resolve', '260930-1', '--resolution', '已整改'], at(db, '2026-10-09T10:00:00+08:00'));
    expect((await deadlines(db, '2026-10-09T10:00:00+08:00', '260930-1')).followUp).toBe('2026-10-19T23:59:59+08:00');
    expect(await cliJson(['config', 'get', 'report_up.major'], at(db, wed))).toEqual({ 'report_up.major': 'director/phone/1h,director/written/24h,group/written/24h' });
  });

  it('xx-property (001#12): 3 minutes, 12h, 2h after the dispatch, 2h after resolving, call-back in 2 working days over 国庆', async () => {
    const db = tempDb();
    const wed = '2026-09-30T16:00:00+08:00';
    await cliOk(['init', '--profile', 'xx-property'], at(db, wed));
    await cliOk(registerArgs({ safety: true }), at(db, wed));
    expect(await deadlines(db, wed, '260930-1')).toMatchObject({
      deskNotice: '2026-09-30T16:03:00+08:00', dispatch: '2026-10-01T04:00:00+08:00', deptAck: null, feedback: null,
    });
    await cliOk(['assign', '260930-1', '--dept', '工程部'], at(db, '2026-09-30T17:00:00+08:00'));
    expect((await deadlines(db, '2026-09-30T17:00:00+08:00', '260930-1')).deptAck).toBe('2026-09-30T19:00:00+08:00');
    await cliOk(['resolve', '260930-1', '--resolution', '已修复'], at(db, '2026-09-30T20:00:00+08:00'));
    expect(await deadlines(db, '2026-09-30T20:00:00+08:00', '260930-1')).toMatchObject({
      feedback: '2026-09-30T22:00:00+08:00', followUp: '2026-10-09T23:59:59+08:00', // 10-08, 10-09
    });
    const list = await cliJson(['config', 'list'], at(db, wed));
    expect(list).toMatchObject({ 'report_up.major': 'director/phone/5m,director/written/24h', 'report_up.critical': 'group/phone/10m,group/written/48h' });
  });

  it('sunshine-coast (000): the call-back within 5 working days at every severity, Sunday 09-20 worked', async () => {
    const db = tempDb();
    const sat = '2026-09-19T10:00:00+08:00';
    await cliOk(['init', '--profile', 'sunshine-coast'], at(db, sat));
    await cliOk(registerArgs({ claim: '5000' }), at(db, sat)); // important
    await cliOk(['resolve', '260919-1', '--resolution', '已赔付'], at(db, '2026-09-20T10:00:00+08:00'));
    const d = await cliJson(['show', '260919-1'], at(db, '2026-09-20T10:00:00+08:00'));
    expect(d.severity).toBe('important');
    // 21, 22, 23, 24, then 中秋 25–27 off, 28 (were Sunday 09-20 off, counting would start on 21: 09-29).
    expect(d.deadlines.followUp).toBe('2026-09-28T23:59:59+08:00');
  });

  it('applying a profile replaces the procedure of another, recounts open complaints and says how many moved', async () => {
    const db = tempDb();
    const wed = '2026-09-30T16:00:00+08:00';
    await cliOk(['init', '--profile', 'longhu'], at(db, wed));
    await cliOk(registerArgs(), at(db, wed));
    const applied = await cliOk(['config', 'profile', 'apply', 'xx-property'], at(db, wed));
    expect(applied.stdout).toContain('1 open complaint(s) moved');
    const list = await cliJson(['config', 'list'], at(db, wed));
    expect(list).not.toHaveProperty('step.plan_approval.define');
    expect(list['deadline.general.site_check']).toBe('none');
    expect((await deadlines(db, wed, '260930-1')).dispatch).toBe('2026-10-01T04:00:00+08:00');
    const zh = await cliOk(['config', 'profile', 'list', '--lang', 'zh'], at(db, wed));
    expect(zh.stdout).toContain('龙湖客户投诉处理流程');
    expect(await cliJson(['config', 'profile', 'show', 'longhu'], at(db, wed))).toMatchObject({ seed: '002', settings: { 'deadline.general.dispatch': 'eod' } });
  });
});

describe('config export / import', () => {
  it('round trip: a fresh database importing the export has the same config list', async () => {
    const a = tempDb();
    const b = tempDb();
    const now = '2026-09-30T16:00:00+08:00';
    await cliOk(['init', '--profile', 'xx-property', '--office', '测试中心'], at(a, now));
    await cliOk(['config', 'set', 'threshold.major_claim_yuan', '30000'], at(a, now));
    const file = path.join(tempDir(), 'office.conf');
    await cliOk(['config', 'export', file], at(a, now));
    const stdout = (await cliOk(['config', 'export'], at(a, now))).stdout;
    expect(fs.readFileSync(file, 'utf8')).toBe(stdout);
    expect(stdout).toContain('step.desk_notice.define = receipt,告知客服中心,desk informed\n');
    await cliOk(['init'], at(b, now));
    await cliOk(['config', 'import', file], at(b, now));
    expect(await cliJson(['config', 'list'], at(b, now))).toEqual(await cliJson(['config', 'list'], at(a, now)));
    // The guarded writer: an existing file is not replaced without --force.
    expect((await cli(['config', 'export', file], at(a, now))).code).toBe(2);
  });

  const refusals: [string, string | null, string[], string[]][] = [
    ['an unknown key after a good own step', 'step.x_y.define = receipt,甲,a\ndeadline.general.x_y = 2h\nfoo.bar = 1\n', [], ['line 3', 'no setting "foo.bar"', 'Nothing was imported']],
    ['a line that is not key = value', 'deadline.general.resolve = 3wd\njust words\n', [], ['line 2', 'not a setting']],
    ['a bad value', '# mine\ndeadline.general.resolve = soon\n', [], ['line 2', '"soon" is not a deadline']],
    ['a key given twice', 'deadline.general.resolve = 3wd\ndeadline.general.resolve = 4wd\n', [], ['line 2', 'first on line 1']],
    ['a bad report_up', 'report_up.major = director/fax/1h\n', [], ['line 1', 'role/via/within']],
    ['thresholds out of order', 'threshold.important_claim_yuan = 30000\n', [], ['threshold.important_claim_yuan', 'threshold.major_claim_yuan']],
    ['an unknown profile', null, ['config', 'profile', 'apply', 'vanke'], ['no profile "vanke"', 'sunshine-coast, longhu, xx-property']],
    ['init with an unknown profile', null, ['init', '--profile', 'vanke'], ['no profile "vanke"']],
    ['a bad report_up setting', null, ['config', 'set', 'report_up.critical', 'group/phone'], ['role/via/within', 'director/phone/1h']],
  ];
  it.each(refusals)('refuses %s with exit 2 and leaves the database byte-identical', async (_, content, args, needles) => {
    const db = tempDb();
    const now = '2026-09-30T16:00:00+08:00';
    await cliOk(['init', '--profile', 'longhu'], at(db, now));
    await cliOk(registerArgs(), at(db, now));
    const file = path.join(tempDir(), 'in.conf');
    if (content !== null) fs.writeFileSync(file, content);
    const before = dbBytes(db);
    const r = await cli(content !== null ? ['config', 'import', file] : args, at(db, now));
    expect(r.code).toBe(2);
    for (const n of needles) expect(r.stderr).toContain(n);
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('names the report_up grammar in Chinese', async () => {
    const db = tempDb();
    const r = await cli(['config', 'set', 'report_up.major', '主任/电话/1h', '--lang', 'zh'], at(db, '2026-09-30T16:00:00+08:00'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('对象/方式/时限');
  });
});

describe('report_up settings', () => {
  it('defaults, set, list and none', async () => {
    const db = tempDb();
    const o = at(db, '2026-09-30T16:00:00+08:00');
    expect(await cliJson(['config', 'list'], o)).toMatchObject({
      'report_up.general': 'none', 'report_up.important': 'none', 'report_up.major': 'director/phone/1h,director/written/24h', 'report_up.critical': 'none',
    });
    expect((await cliOk(['config', 'set', 'report_up.important', ' Dept_Head/meeting/2WD , general_manager/written/eod '], o)).stdout)
      .toBe('dept_head/meeting/2wd,general_manager/written/eod\n');
    await cliOk(['config', 'set', 'report_up.major', 'none'], o);
    expect((await cliOk(['config', 'get', 'report_up.major'], o)).stdout).toBe('none\n');
  });
});
