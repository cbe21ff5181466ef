// Reporting up (SPEC §11): what a complaint owes on reaching a severity by
// any path, recorded with `complaints report-up`, chased by `overdue`, shown
// by `show`, counted by reports.
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

describe('reports up', () => {
  it('a major complaint owes the director a call within 1h and a written report within 24h; made ones are recorded', async () => {
    const db = tempDb();
    const env = testEnv(db);
    const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });
    await cliOk(registerArgs({ 'received-at': '2026-11-18T09:00' }), at('2026-11-18T09:00:00+08:00'));
    expect((await cliJson(['show', '261118-1'], at('2026-11-18T09:01:00+08:00'))).reportUps).toEqual([]);
    // Raised to major at 10:00: owed from then.
    const raised = await cliJson(['escalate', '261118-1', '--to', 'major', '--reason', '业主已向12345投诉'], at('2026-11-18T10:00:00+08:00'));
    expect(raised.reportUps.map((r: any) => [r.role, r.via, r.due, r.doneAt])).toEqual([
      ['director', 'phone', '2026-11-18T11:00:00+08:00', null], ['director', 'written', '2026-11-19T10:00:00+08:00', null],
    ]);
    // Late for the call: overdue lists it.
    const o = await cliJson(['overdue'], at('2026-11-18T11:30:00+08:00'));
    expect(o.overdue[0].deadlines).toContainEqual(expect.objectContaining({ step: 'reportUp', role: 'director', via: 'phone' }));
    // A wide page (as a cron mail may set COLUMNS): at 80 columns the second late step is cut.
    const zh = await cli(['overdue', '--lang', 'zh'], { env: { ...at('2026-11-18T11:30:00+08:00').env, COLUMNS: '200' } });
    expect(zh.stdout).toContain('上报 主任 电话');
    // Reported by phone (Chinese words), late; then in writing to a person by name, on time.
    await cliOk(['report-up', '261118-1', '--to', '主任', '--via', '电话', '--note', '已电话报告'], at('2026-11-18T11:40:00+08:00'));
    const done = await cliJson(['report-up', '261118-1', '--to', '王主任', '--via', 'written'], at('2026-11-18T16:00:00+08:00'));
    expect(done.reportUps.map((r: any) => [r.role, r.via, r.doneAt, r.to])).toEqual([
      ['director', 'phone', '2026-11-18T11:40:00+08:00', null], ['director', 'written', '2026-11-18T16:00:00+08:00', '王主任'],
    ]);
    const shown = await cliJson(['show', '261118-1'], at('2026-11-18T16:10:00+08:00'));
    expect(shown.deadlineStatus.filter((d: any) => d.step === 'reportUp').map((d: any) => [d.via, d.state])).toEqual([['phone', 'late'], ['written', 'met']]);
    const report = await cliJson(['report', 'range', '--from', '2026-11-18', '--to', '2026-11-19'], at('2026-11-20T09:00:00+08:00'));
    expect(report.reportUps).toEqual({ due: 2, onTime: 1, onTimeRate: 0.5 });

    const before = dbBytes(db);
    const bad = await cli(['report-up', '261118-1', '--to', 'director', '--via', 'email'], at('2026-11-18T16:20:00+08:00'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('written (书面)');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('a complaint registered major with a safety hazard owes the critical rules too (特大), set per office', async () => {
    const env = testEnv(tempDb());
    const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });
    await cliOk(['config', 'set', 'report_up.critical', 'group/phone/10m,group/written/48h'], at('2026-11-18T08:00:00+08:00'));
    const c = await cliJson(registerArgs({ 'received-at': '2026-11-18T09:00', safety: true }), at('2026-11-18T09:00:00+08:00'));
    expect(c.severity).toBe('major');
    expect(c.reportUps.map((r: any) => [r.level, r.role, r.via, r.due])).toEqual([
      ['major', 'director', 'phone', '2026-11-18T10:00:00+08:00'], ['major', 'director', 'written', '2026-11-19T09:00:00+08:00'],
      ['critical', 'group', 'phone', '2026-11-18T09:10:00+08:00'], ['critical', 'group', 'written', '2026-11-20T09:00:00+08:00'],
    ]);
  });
});
