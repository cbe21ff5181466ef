// `undo <ticket> --reason` (SPEC §13): the last step taken back by an event of
// its own; the undone step stays in the timeline, marked, and counts in no
// figure; a closed month's snapshot stays as it was.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, type Env, expectRefused, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
let db: string;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });

beforeEach(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(registerArgs(), { env });
});

async function show(): Promise<any> {
  return cliJson(['show', '260912-1'], { env: { ...env, COMPLAINTS_NOW: '2026-10-05T09:00:00+08:00' } });
}

describe('undo', () => {
  it('takes back an unsatisfied call-back with the reopening it caused; the timeline keeps both, marked undone', async () => {
    await cliOk(['resolve', '260912-1', '--resolution', '已修复'], at('2026-09-14T10:00:00+08:00'));
    const resolved = await show();
    await cliOk(['follow-up', '260912-1', '--satisfaction', '5'], at('2026-09-15T10:00:00+08:00'));
    expect((await show())).toMatchObject({ status: 'assigned', severity: 'important' });
    const c = await cliJson(['undo', '260912-1', '--reason', '满意度选错'], at('2026-09-15T10:05:00+08:00'));
    expect(c).toMatchObject({ status: 'resolved', severity: 'general', followUp: null, resolvedAt: '2026-09-14T10:00:00+08:00' });
    expect(c.deadlines).toEqual(resolved.deadlines);
    const { events } = await show();
    const undone = events.filter((e: any) => e.undone).map((e: any) => e.action);
    expect(undone).toEqual(['follow-up', 'reopen']);
    expect(events.at(-1)).toMatchObject({ action: 'undo', note: '满意度选错', after: { step: 'follow-up' } });
    // The call-back can be recorded again, and this time it closes the complaint.
    const again = await cliJson(['follow-up', '260912-1', '--satisfaction', '2'], at('2026-09-15T10:10:00+08:00'));
    expect(again).toMatchObject({ status: 'closed', followUp: { satisfaction: 2 } });
    const report = await cliJson(['report', 'monthly', '--month', '2026-09'], at('2026-10-02T09:00:00+08:00'));
    expect(report.satisfaction).toMatchObject({ 2: 1, 5: 0 });
    expect(report.escalated).toBe(0);
  });

  it('takes back a resolve with its payment: the cost counts nowhere', async () => {
    await cliOk(['resolve', '260912-1', '--resolution', '赔偿', '--cost', '800', '--approved-by', '王经理'], at('2026-09-14T10:00:00+08:00'));
    const c = await cliJson(['undo', '260912-1', '--reason', '尚未赔付'], at('2026-09-14T11:00:00+08:00'));
    expect(c).toMatchObject({ status: 'registered', resolvedAt: null, cost: null, payments: [], resolution: null });
    const report = await cliJson(['report', 'monthly', '--month', '2026-09'], at('2026-10-02T09:00:00+08:00'));
    expect(report.compensation.total).toBe(0);
    expect(report.resolved).toBe(0);
  });

  it('goes back one step at a time: an undo of an undo is the step before', async () => {
    await cliOk(['assign', '260912-1', '--dept', '工程部'], at('2026-09-12T11:00:00+08:00'));
    await cliOk(['escalate', '260912-1', '--to', 'major', '--reason', '业主找媒体'], at('2026-09-12T12:00:00+08:00'));
    const escalated = await show();
    expect(escalated.reportUps.length).toBeGreaterThan(0);
    const a = await cliJson(['undo', '260912-1', '--reason', '误操作'], at('2026-09-12T12:10:00+08:00'));
    expect(a).toMatchObject({ severity: 'general', status: 'assigned', department: '工程部' });
    expect(a.reportUps.every((r: any) => r.due === null)).toBe(true);
    const b = await cliJson(['undo', '260912-1', '--reason', '派错部门'], at('2026-09-12T12:20:00+08:00'));
    expect(b).toMatchObject({ status: 'registered', department: null });
    const shown = await show();
    expect(shown.deadlineStatus.some((d: any) => d.step === 'reportUp')).toBe(false);
    const report = await cliJson(['report', 'monthly', '--month', '2026-09'], at('2026-10-02T09:00:00+08:00'));
    expect(report.escalated).toBe(0);
  });

  it('takes back a close, an edit and a failed call-back attempt', async () => {
    await cliOk(['close', '260912-1', '--reason', 'withdrawn'], { env });
    expect((await cliJson(['undo', '260912-1', '--reason', '业主未撤诉'], { env })).status).toBe('registered');
    await cliOk(['edit', '260912-1', '--phone', '13900139000', '--received-at', '2026-09-11T16:00', '--reason', 'x'], { env });
    const back = await cliJson(['undo', '260912-1', '--reason', '改错了'], { env });
    expect(back.complainant.phone).toBe('13800138000');
    expect(back.receivedAt).toBe('2026-09-12T10:00:00+08:00');
    expect(back.deadlines.resolve).toBe('2026-09-17T23:59:59+08:00');
    await cliOk(['resolve', '260912-1', '--resolution', '已修复'], { env });
    await cliOk(['follow-up', '260912-1', '--attempt', 'no_answer'], { env });
    await cliOk(['undo', '260912-1', '--reason', '其实接通了'], { env });
    const shown = await show();
    expect(shown.events.filter((e: any) => e.action === 'follow-up-attempt' && !e.undone)).toEqual([]);
  });

  it("leaves a closed month's snapshot as it was; --refresh counts without the undone step", async () => {
    await cliOk(['resolve', '260912-1', '--resolution', '已修复'], at('2026-09-14T10:00:00+08:00'));
    await cliOk(['follow-up', '260912-1', '--satisfaction', '1'], at('2026-09-20T10:00:00+08:00'));
    const first = await cliJson(['report', 'monthly', '--month', '2026-09'], at('2026-10-02T09:00:00+08:00'));
    expect(first.satisfaction['1']).toBe(1);
    await cliOk(['undo', '260912-1', '--reason', '回访记错'], at('2026-10-03T09:00:00+08:00'));
    const kept = await cliJson(['report', 'monthly', '--month', '2026-09'], at('2026-10-04T09:00:00+08:00'));
    expect({ ...kept, snapshot: null }).toEqual({ ...first, snapshot: null });
    expect(kept.snapshot.staleSince).toBe('2026-10-03T09:00:00+08:00');
    const fresh = await cliJson(['report', 'monthly', '--month', '2026-09', '--refresh'], at('2026-10-04T09:00:00+08:00'));
    expect(fresh.satisfaction['1']).toBe(0);
    expect(fresh.followUpRate).toBe(0);
  });
});

describe('undo refusals change nothing', () => {
  const cases: [string, string[], number, string[]][] = [
    ['nothing to undo after registering', ['undo', '260912-1', '--reason', 'x'], 4, ['no step left to undo', 'complaints close 260912001 --reason invalid']],
    ['no reason', ['undo', '260912-1'], 2, ['undo needs a reason', '--reason']],
    ['an unknown ticket', ['undo', '260912-99', '--reason', 'x'], 3, ['no complaint 260912099']],
  ];
  it.each(cases)('%s', async (_what, args, code, words) => {
    await cliOk(['note', '260912-1', '已联系'], { env });
    await expectRefused(db, args, env, code, words);
  });

  it('a report up made is kept', async () => {
    await cliOk(['escalate', '260912-1', '--to', 'major', '--reason', '媒体'], { env });
    await cliOk(['report-up', '260912-1', '--to', 'director', '--via', 'phone'], { env });
    const before = dbBytes(db);
    const r = await cli(['undo', '260912-1', '--reason', 'x'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('report up');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('every undo of every step: once all are undone, the next is refused', async () => {
    await cliOk(['classify', '260912-1', '--validity', 'valid'], { env });
    await cliOk(['undo', '260912-1', '--reason', 'a'], { env });
    const r = await cli(['--lang', 'zh', 'undo', '260912-1', '--reason', 'b'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('没有可撤销的步骤');
  });
});
