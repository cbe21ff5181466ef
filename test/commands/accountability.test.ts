// SPEC §12, money and accountability: the office's people and who may
// approve what (核决权限), approval before the work, incident facts, cause and
// correction, spot checks and confirmed group complaints. Every refusal says
// what was wrong, exits 2 or 4 and leaves the database byte for byte as it was.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, type Env, expectRefused, onServer, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;

const ok = (args: string[]) => cliOk(args, { env });
const json = <T = any>(args: string[]) => cliJson<T>(args, { env });

// 260912001 free-text approval (no staff yet) · 260912002 to approve before the work · 260912003 about a guard
// · 260912004 resolved, for spot checks · 260912005–009 five units of 阳光海岸 with the same leak · 260912010 open
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  await ok(registerArgs());
  // Before anyone holds an approval role, --approved-by is free text, as it always was.
  await ok(['resolve', '260912-1', '--resolution', '赔偿', '--cost', '800', '--approved-by', '王经理(电话)']);
  await ok(['staff', 'add', '王经理', '--role', 'dept_head', '--dept', '工程部']);
  await ok(['staff', 'add', '孙经理', '--role', 'dept_head', '--dept', '秩序部']);
  await ok(['staff', 'add', '李总', '--role', '总经理']);
  await ok(['staff', 'add', '周主任', '--role', 'director']);
  await ok(['staff', 'add', '钱委员', '--role', 'committee']);
  await ok(registerArgs({ phone: '13900139000', unit: '5-1-302', description: '地板泡水损坏' }));
  await ok(['assign', '260912-2', '--dept', '工程部']);
  await ok(registerArgs({
    phone: '13700137000', unit: '6-1-101', subcategory: 'attitude', description: '北门保安态度恶劣',
    about: '赵保安', 'happened-at': '2026-07-20T21:00', place: '北门岗亭',
  }));
  await ok(registerArgs({ phone: '13600136000', unit: '7-1-101', description: '路灯不亮' }));
  await ok(['resolve', '260912-4', '--resolution', '已更换灯泡']);
  for (const n of [1, 2, 3, 4, 5]) {
    await ok(registerArgs({ phone: `1350013500${n}`, unit: `9-1-10${n}`, description: `地下车库渗水 ${n}` }));
  }
  await ok(registerArgs({ phone: '13400134000', unit: '2-2-202', description: '电梯异响' }));
});

describe('staff and who may approve (核决权限)', () => {
  it('lists the people with their roles and departments', async () => {
    expect(await json(['staff', 'list'])).toEqual([
      { name: '王经理', role: 'dept_head', department: '工程部' },
      { name: '孙经理', role: 'dept_head', department: '秩序部' },
      { name: '李总', role: 'general_manager', department: null },
      { name: '周主任', role: 'director', department: null },
      { name: '钱委员', role: 'committee', department: null },
    ]);
  });

  it('kept the free-text approver recorded before the list existed', async () => {
    const c = await json(['show', '260912-1']);
    expect(c.payments).toEqual([expect.objectContaining({ amount: 800, approvedBy: '王经理(电话)', reviewedBy: [], approvalLevel: 'department_head' })]);
  });

  it('records the approver (审批) and the reviewers (审核) named with them', async () => {
    const c = await json(['resolve', '260912-10', '--resolution', '更换电梯部件', '--cost', '6800', '--responsible', '工程部', '--approved-by', '周主任,王经理,李总']);
    expect(c.approvedBy).toBe('李总');
    expect(c.approvalLevel).toBe('general_manager');
    expect(c.payments[0]).toMatchObject({ amount: 6800, approvedBy: '李总', reviewedBy: ['周主任', '王经理'], approvalLevel: 'general_manager' });
    const shown = await ok(['show', '260912-10']);
    expect(shown.stdout).toContain('李总 (general manager), reviewed by 周主任, 王经理');
  });

  it('renames and removes people; what they approved stays as recorded', async () => {
    await ok(['staff', 'add', '临时工', '--role', 'committee']);
    await ok(['staff', 'rename', '临时工', '吴委员']);
    const after = await json(['staff', 'remove', '吴委员']);
    expect(after.map((p: { name: string }) => p.name)).not.toContain('吴委员');
    expect((await json(['show', '260912-10'])).payments[0].approvedBy).toBe('李总');
  });
});

describe('approval before the work', () => {
  it('approves an amount; a later resolve up to it needs no approver, and records the approval', async () => {
    const approved = await json(['approve', '260912-2', '--amount', '6000', '--by', '王经理,李总', '--note', '更换地板方案']);
    expect(approved.approvals).toEqual([{
      at: '2026-09-12T10:00:00+08:00', amount: 6000, approvalLevel: 'general_manager', approvedBy: '李总', reviewedBy: ['王经理'], note: '更换地板方案',
    }]);
    const resolved = await json(['resolve', '260912-2', '--resolution', '已更换地板', '--cost', '5800', '--responsible', '工程部']);
    expect(resolved.payments).toEqual([expect.objectContaining({ amount: 5800, approvedBy: '李总', reviewedBy: ['王经理'], approvalLevel: 'general_manager' })]);
    const events = (await json(['show', '260912-2'])).events.map((e: { action: string }) => e.action);
    expect(events).toContain('approve');
  });
});

describe('incident facts', () => {
  it('records whom it is about, when and where, and flags a complaint about a person raised over a month later', async () => {
    const c = await json(['show', '260912-3']);
    expect(c).toMatchObject({ about: '赵保安', happenedAt: '2026-07-20T21:00:00+08:00', place: '北门岗亭', possiblyInvalid: true });
    const shown = await ok(['show', '260912-3']);
    expect(shown.stdout).toMatch(/About\s+赵保安/);
    expect(shown.stdout).toMatch(/Possibly invalid\s+yes/);
  });

  it('does not flag one about a department, nor one raised within the setting', async () => {
    const dept = await json([...registerArgs({ phone: '13300133001', unit: '1-1-101', about: '秩序部', 'happened-at': '2026-07-01' })]);
    expect(dept.possiblyInvalid).toBe(false);
    const soon = await json([...registerArgs({ phone: '13300133002', unit: '1-1-102', about: '钱保洁', 'happened-at': '2026-08-20' })]);
    expect(soon.possiblyInvalid).toBe(false);
    await ok(['config', 'set', 'rule.late_about_person_months', '3']);
    const later = await json([...registerArgs({ phone: '13300133003', unit: '1-1-103', about: '钱保洁', 'happened-at': '2026-07-01' })]);
    expect(later.possiblyInvalid).toBe(false);
    await ok(['config', 'set', 'rule.late_about_person_months', '1']);
  });

  it('says so when it is registered', async () => {
    const r = await ok([...registerArgs({ phone: '13300133004', unit: '1-1-104', about: '孙保安', 'happened-at': '2026-06-01' })]);
    expect(r.stdout).toContain('possibly invalid');
  });

  it('finds a complaint by whom it is about and where', async () => {
    const found = await json(['list', '--search', '北门岗亭']);
    expect(found.map((c: { ticket: string }) => c.ticket)).toEqual(['260912003']);
    expect((await json(['list', '--search', '赵保安'])).map((c: { ticket: string }) => c.ticket)).toEqual(['260912003']);
  });
});

describe('cause and correction', () => {
  it('are recorded with the resolution, shown, exported and found by search', async () => {
    const c = await json(['resolve', '260912-3', '--resolution', '已向业主道歉', '--cause', '夜班保安未经服务培训', '--action', '全员服务礼仪培训并考核']);
    expect(c).toMatchObject({ cause: '夜班保安未经服务培训', correctiveAction: '全员服务礼仪培训并考核' });
    const shown = await ok(['show', '260912-3']);
    expect(shown.stdout).toMatch(/Cause\s+夜班保安未经服务培训/);
    expect(shown.stdout).toMatch(/Corrective action\s+全员服务礼仪培训并考核/);
    const csv = (await ok(['export', '--search', '礼仪培训'])).stdout.split('\r\n');
    const header = csv[0].split(',');
    const row = csv[1].split(',');
    expect(row[header.indexOf('cause')]).toBe('夜班保安未经服务培训');
    expect(row[header.indexOf('correctiveAction')]).toBe('全员服务礼仪培训并考核');
    expect(row[header.indexOf('about')]).toBe('赵保安');
  });
});

describe('spot checks (抽查)', () => {
  it('a pass is recorded on a resolved complaint and changes nothing else', async () => {
    const c = await json(['audit', '260912-4', '--result', 'pass', '--note', '回访核实已修好']);
    expect(c.status).toBe('resolved');
    expect(c.audits).toEqual([{ at: '2026-09-12T10:00:00+08:00', by: 'li', result: 'pass', note: '回访核实已修好' }]);
  });

  it('a fail reopens it one level up, back to its department, as an unsatisfied call-back does', async () => {
    const c = await json(['audit', '260912-4', '--result', '不合格', '--note', '路灯仍不亮']);
    expect(c).toMatchObject({ status: 'assigned', severity: 'important', resolvedAt: null });
    expect(c.audits.map((a: { result: string }) => a.result)).toEqual(['pass', 'fail']);
    const shown = await json(['show', '260912-4']);
    const reopen = shown.events.find((e: { action: string }) => e.action === 'reopen');
    expect(reopen.note).toBe('audit_failed');
    expect((await ok(['show', '260912-4'])).stdout).toContain('spot check failed');
  });

  it('are counted in the report, with the fails', async () => {
    const r = await json(['report', 'range', '--from', '2026-09-01', '--to', '2026-09-30']);
    expect(r.audits).toEqual({ done: 2, failed: 1 });
  });
});

describe('group complaints (群诉)', () => {
  it('links five units into one group, raises each to major, and shows it', async () => {
    const r = await json(['group', '260912-5', '260912-6', '260912-7', '260912-8', '260912-9', '--reason', '地下车库同一水管渗漏']);
    expect(r.group).toMatchObject({ reason: '地下车库同一水管渗漏', tickets: ['260912005', '260912006', '260912007', '260912008', '260912009'] });
    expect(r.complaints.map((c: { severity: string }) => c.severity)).toEqual(['major', 'major', 'major', 'major', 'major']);
    const one = await json(['show', '260912-7']);
    expect(one.group).toEqual({ id: r.group.id, reason: '地下车库同一水管渗漏', tickets: r.group.tickets });
    expect(one.events.at(-1)).toMatchObject({ action: 'group', note: '地下车库同一水管渗漏' });
    expect((await ok(['show', '260912-7'])).stdout).toMatch(/Group complaint\s+\d+\s+地下车库同一水管渗漏/);
    const listed = await json(['list', '--group', '--sort', 'ticket']);
    expect(listed.map((c: { ticket: string }) => c.ticket)).toEqual(r.group.tickets);
    expect(await json(['list', '--group', String(r.group.id + 1)])).toEqual([]);
    const report = await json(['report', 'range', '--from', '2026-09-01', '--to', '2026-09-30']);
    expect(report.confirmedGroups).toEqual([{ id: r.group.id, at: '2026-09-12T10:00:00+08:00', reason: '地下车库同一水管渗漏', tickets: r.group.tickets }]);
    // Confirmed, they are no longer among the report's possible group complaints.
    expect(report.groups.flatMap((g: { tickets: string[] }) => g.tickets)).not.toContain('260912005');
  });

  it('sweep no longer proposes complaints already confirmed as a group', async () => {
    const swept = await json(['sweep']);
    expect(swept.groups.flatMap((g: { tickets: string[] }) => g.tickets)).not.toContain('260912005');
  });
});

// Each refusal: what it is, the command, the exit code, words stderr must hold.
const refusals: [string, string[], number, string[]][] = [
  ['a role that does not exist', ['staff', 'add', '赵六', '--role', 'boss'], 2, ['"boss" is not a role', 'general_manager (总经理)']],
  ['a department head without a department', ['staff', 'add', '赵六', '--role', 'dept_head'], 2, ['--dept']],
  ['a department head of an unknown department', ['staff', 'add', '赵六', '--role', 'dept_head', '--dept', '不存在部'], 2, ['no department "不存在部"']],
  ['a department for another role', ['staff', 'add', '赵六', '--role', 'general_manager', '--dept', '工程部'], 2, ['--dept is for a department head']],
  ['a person already on the list', ['staff', 'add', '李总', '--role', 'committee'], 2, ['already on the staff list']],
  ['a name with a comma', ['staff', 'add', '赵,六', '--role', 'committee'], 2, ['without commas']],
  ['removing someone not on the list', ['staff', 'remove', '赵六'], 2, ['not on the staff list']],
  ['renaming to a name taken', ['staff', 'rename', '王经理', '李总'], 2, ['already on the staff list']],
  ['an approver not on the list', ['resolve', '260912-11', '--resolution', '赔偿', '--cost', '300', '--approved-by', '张三'], 2, ['"张三" is not on the office\'s staff list', 'staff add']],
  ['an approver without the authority', ['resolve', '260912-11', '--resolution', '赔偿', '--cost', '6800', '--approved-by', '王经理'], 2, ['may approve 6,800.00 yuan', 'general manager', '李总, 钱委员']],
  ['a director is no approver', ['resolve', '260912-11', '--resolution', '赔偿', '--cost', '300', '--approved-by', '周主任'], 2, ['none of 周主任']],
  ['the head of another department', ['resolve', '260912-11', '--resolution', '赔偿', '--cost', '300', '--responsible', '工程部', '--approved-by', '孙经理'], 2, ['none of 孙经理', '王经理']],
  ['approving before the work of a resolved complaint', ['approve', '260912-2', '--amount', '500', '--by', '李总'], 4, ['cannot approve 260912002']],
  ['approving with a person not on the list', ['approve', '260912-11', '--amount', '500', '--by', '张三'], 2, ['"张三" is not on the office\'s staff list']],
  ['approving above the approver\'s authority', ['approve', '260912-11', '--amount', '25000', '--by', '李总'], 2, ['compensation committee']],
  ['approving an amount that is not money', ['approve', '260912-11', '--amount', 'lots', '--by', '李总'], 2, ['amount in yuan']],
  ['approving without saying who', ['approve', '260912-11', '--amount', '500'], 2, ['--by']],
  ['assigning to the person it is about', ['assign', '260912-12', '--dept', '秩序部', '--to', '钱保洁'], 4, ['about 钱保洁', '--to someone else']],
  ['an incident after the complaint was received', [...registerArgs({ phone: '13300133009', 'happened-at': '2026-09-12T11:00' })], 2, ['--happened-at', 'after the complaint was received']],
  ['a spot check of an open complaint', ['audit', '260912-11', '--result', 'pass', '--note', 'x'], 4, ['cannot audit 260912011', 'resolved or closed']],
  ['a spot check without a result word', ['audit', '260912-1', '--result', 'good', '--note', 'x'], 2, ['pass (合格) or fail (不合格)']],
  ['a spot check without a note', ['audit', '260912-1', '--result', 'pass'], 2, ['--note']],
  ['a group of fewer units than the threshold', ['group', '260912-10', '260912-11', '260912-12', '--reason', '同一问题'], 2, ['5 or more different units', 'from 3']],
  ['a group with a complaint already grouped', ['group', '260912-5', '260912-10', '260912-11', '260912-12', '260912-13', '--reason', 'x'], 4, ['already in group complaint']],
  ['a group with an unknown ticket', ['group', '260912-10', '260912-99', '--reason', 'x'], 3, ['no complaint 260912099']],
  ['a group without a reason', ['group', '260912-10', '260912-11'], 2, ['--reason']],
  ['list of a group that is not a number', ['list', '--group', 'abc'], 2, ['--group']],
];

describe('refusals change nothing', () => {
  beforeAll(async () => {
    // 260912011, open, for refusals of approvals and spot checks; 260912012 is about 钱保洁 (registered above).
    expect((await json(['show', '260912-11'])).status).toBe('registered');
    expect((await json(['show', '260912-12'])).about).toBe('钱保洁');
  });

  it.each(refusals)('%s → exit %i', async (_what, args, code, words) => {
    await expectRefused(db, args, env, code, words);
  });

  it('speaks Chinese with --lang zh', async () => {
    const before = dbBytes(db);
    const r = await cli(['--lang', 'zh', 'resolve', '260912-11', '--resolution', '赔偿', '--cost', '6800', '--approved-by', '王经理'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('均无权审批');
    const g = await cli(['--lang', 'zh', 'group', '260912-10', '260912-11', '--reason', 'x'], { env });
    expect(g.stderr).toContain('群诉须涉及 5 户以上');
    expect(dbBytes(db).equals(before)).toBe(true);
  });
});

describe('amounts above an approval', () => {
  it('a cost above what is left of the approval is refused with exit 4, unchanged; a new approval allows it', async () => {
    await ok(['approve', '260912-11', '--amount', '1000', '--by', '王经理']);
    const before = dbBytes(db);
    const r = await cli(['resolve', '260912-11', '--resolution', '赔偿', '--cost', '1200'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('more than the 1000 yuan left of the 1000 yuan approved');
    expect(r.stderr).toContain('complaints approve 260912011');
    expect(dbBytes(db).equals(before)).toBe(true);
    await ok(['approve', '260912-11', '--amount', '1200', '--by', '王经理']);
    const c = await json(['resolve', '260912-11', '--resolution', '赔偿', '--cost', '1200']);
    expect(c.payments.at(-1)).toMatchObject({ amount: 1200, approvedBy: '王经理', approvalLevel: 'department_head' });
  });
});

describe.skipIf(onServer)('approvals and spot checks cannot be rewritten (SQLite file only: changes its tables with better-sqlite3)', () => {
  it('the database refuses changing or deleting them, whatever the statement', () => {
    const sqlite = new Database(db);
    try {
      for (const [table, word] of [['approvals', 'approvals are kept'], ['audits', 'spot checks are kept']] as const) {
        const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
        expect(rows.length).toBeGreaterThan(0);
        expect(() => sqlite.prepare(`UPDATE ${table} SET note = 'forged'`).run()).toThrow(word);
        expect(() => sqlite.prepare(`DELETE FROM ${table}`).run()).toThrow(word);
        expect(() => sqlite.prepare(`INSERT OR REPLACE INTO ${table} SELECT * FROM ${table} WHERE id = 1`).run()).toThrow(word);
        expect(sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()).toEqual(rows);
      }
    } finally {
      sqlite.close();
    }
  });
});
