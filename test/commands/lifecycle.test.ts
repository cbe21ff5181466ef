// The lifecycle through main(), in-process, with a fixed clock and a temp database.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR, cli, cliJson, registerArgs, removeTempDirs, tempDb, testEnv, type Env, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** Every key of SPEC §10's example complaint. */
const COMPLAINT_KEYS = [
  'ticket', 'receivedAt', 'channel', 'kind', 'category', 'subcategory', 'severity', 'validity', 'status', 'complainant',
  'subject', 'description', 'demand', 'receiver', 'department', 'assignee', 'households', 'claim', 'safety', 'media',
  'deadlines', 'contactedAt', 'resolvedAt', 'resolution', 'cost', 'responsible', 'approvedBy', 'followUp', 'closedAt',
  'closeReason', 'repeatOf',
];

/** Every time in a complaint's JSON carries the office's +08:00 offset. */
function expectLocalTimes(c: any): void {
  const times = [c.receivedAt, c.contactedAt, c.resolvedAt, c.closedAt, c.deadlines.contact, c.deadlines.resolve, c.deadlines.followUp, c.followUp?.at];
  for (const t of times) if (t !== null && t !== undefined) expect(t).toMatch(ISO_LOCAL);
}

let db: string;
let env: Env;
const at = (now: string, extra: Env = {}) => ({ env: { ...env, COMPLAINTS_NOW: now, ...extra } });

beforeEach(() => {
  db = tempDb();
  env = testEnv(db);
});

describe('register --json (SPEC §10 shape)', () => {
  it('prints the complaint with every key of the contract, times with +08:00', async () => {
    const c = await cliJson(registerArgs({ subcategory: 'noise', description: '楼上装修噪音，晚上十点后仍在施工' }), { env });
    for (const key of COMPLAINT_KEYS) expect(c).toHaveProperty(key);
    expect(c).toMatchObject({
      ticket: '260912001',
      receivedAt: '2026-09-12T10:00:00+08:00',
      channel: 'phone', kind: 'complaint', category: 'property_service', subcategory: 'noise',
      severity: 'general', validity: 'unverified', status: 'registered',
      complainant: { name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501' },
      subject: '楼上装修噪音，晚上十点后仍在施工', description: '楼上装修噪音，晚上十点后仍在施工', demand: null,
      receiver: 'li', department: null, assignee: null, households: 1, claim: null, safety: false, media: false,
      deadlines: { contact: '2026-09-13T10:00:00+08:00', followUp: null },
      contactedAt: null, resolvedAt: null, resolution: null, cost: null, responsible: null, approvedBy: null,
      followUp: null, closedAt: null, closeReason: null, repeatOf: null,
    });
    expect(Object.keys(c.complainant).sort()).toEqual(['estate', 'name', 'phone', 'unit']);
    // One key per step in force, in the procedure's order (SPEC §11); null when it has no deadline (yet).
    expect(Object.keys(c.deadlines)).toEqual(['dispatch', 'contact', 'siteCheck', 'plan', 'resolve', 'feedback', 'followUp']);
    expectLocalTimes(c);
  });

  it('numbers tickets per year from 001, by the date received', async () => {
    const a = await cliJson(registerArgs(), { env });
    const b = await cliJson(registerArgs({ phone: '13900139000', unit: '5-1-302', 'received-at': '2026-09-10T08:00' }), { env });
    const c = await cliJson(registerArgs({ phone: '13700137000', unit: '6-1-101' }), at('2027-01-02T09:00:00+08:00'));
    expect([a.ticket, b.ticket, c.ticket]).toEqual(['260912001', '260910002', '270102001']);
    expect(b.receivedAt).toBe('2026-09-10T08:00:00+08:00');
  });

  it('keeps amounts in yuan and applies the severity rules', async () => {
    const claim = await cliJson(registerArgs({ claim: '6800.50' }), { env });
    expect(claim.claim).toBe(6800.5);
    expect(claim.severity).toBe('important');
    const big = await cliJson(registerArgs({ phone: '13900139000', unit: '1-1-101', claim: '20000', category: 'construction_quality' }), { env });
    expect(big.severity).toBe('major');
    expect(big.deadlines.contact).toBe('2026-09-12T12:00:00+08:00');
    const safety = await cliJson(registerArgs({ phone: '13700137000', unit: '2-1-101', safety: true, category: 'other' }), { env });
    expect(safety).toMatchObject({ safety: true, severity: 'major' });
    const households = await cliJson(registerArgs({ phone: '13600136000', unit: '4-1-101', households: '5', category: 'sales_promise' }), { env });
    expect(households).toMatchObject({ households: 5, severity: 'major' });
  });

  it('normalises the phone and defaults the receiver to the acting user', async () => {
    // A file takes any acting name; on a server the acting person is the login role (ACTOR).
    const [zhang, wang] = onServer ? [ACTOR, ACTOR] : ['zhang', 'wang'];
    const c = await cliJson(registerArgs({ phone: '+86 138 0013 8000' }), at('2026-09-12T10:00:00+08:00', { COMPLAINTS_ACTOR: zhang }));
    expect(c.complainant.phone).toBe('13800138000');
    expect(c.receiver).toBe(zhang);
    const d = await cliJson(['--actor', wang, ...registerArgs({ phone: '010-12345678', unit: '9-9-909', receiver: '赵' })], { env });
    expect(d.complainant.phone).toBe('010-12345678');
    expect(d.receiver).toBe('赵');
  });
});

describe('the whole lifecycle, in English', () => {
  it('register → classify → assign → transfer → contact → note → resolve → follow-up → closed', async () => {
    const r = await cli(registerArgs(), { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Registered 260912001.');

    const classified = await cliJson(['classify', '260912-1', '--validity', 'valid', '--subcategory', 'leak'], { env });
    expect(classified.validity).toBe('valid');

    const assigned = await cliJson(['assign', '260912001', '--dept', '工程部', '--to', '张工'], { env });
    expect(assigned).toMatchObject({ status: 'assigned', department: '工程部', assignee: '张工' });

    const transfer = await cli(['assign', '260912-1', '--dept', '秩序部', '--to', '刘队', '--note', '涉及公共管道'], at('2026-09-14T09:00:00+08:00'));
    expect(transfer.code).toBe(0);
    expect(transfer.stdout).toContain('260912001: transferred.');

    const contacted = await cliJson(['contact', '260912-1', '--note', '已电话联系'], at('2026-09-14T09:30:00+08:00'));
    expect(contacted.contactedAt).toBe('2026-09-14T09:30:00+08:00');

    const noted = await cli(['note', '260912-1', '维修工已到场'], at('2026-09-14T14:00:00+08:00'));
    expect(noted.code).toBe(0);

    const resolved = await cliJson(
      ['resolve', '260912-1', '--resolution', '已更换漏水水管', '--cost', '6800', '--responsible', '工程部', '--responsible-person', '张工', '--approved-by', '李总'],
      at('2026-09-15T16:00:00+08:00'),
    );
    expect(resolved).toMatchObject({
      status: 'resolved', resolvedAt: '2026-09-15T16:00:00+08:00', resolution: '已更换漏水水管',
      cost: 6800, responsible: '工程部', responsiblePerson: '张工', approvedBy: '李总',
      payments: [{ at: '2026-09-15T16:00:00+08:00', amount: 6800, responsible: '工程部', responsiblePerson: '张工', approvalLevel: 'general_manager', approvedBy: '李总' }],
      deadlines: { followUp: '2026-09-21T23:59:59+08:00' }, // 5 working days after Tuesday 15th; Sunday 20th is a 调休 working day
    });
    expect(resolved.approvalLevel).toBe('general_manager');

    const done = await cliJson(['follow-up', '260912-1', '--satisfaction', '2', '--note', '业主表示满意'], at('2026-09-16T10:00:00+08:00'));
    expect(done).toMatchObject({
      status: 'closed', closedAt: '2026-09-16T10:00:00+08:00',
      followUp: { at: '2026-09-16T10:00:00+08:00', method: 'phone', satisfaction: 2, note: '业主表示满意' },
    });
    expect(Object.keys(done.followUp).sort()).toEqual(['at', 'method', 'note', 'satisfaction']);
    expectLocalTimes(done);

    // show --json: the complaint, its deadline states and its events
    const shown = await cliJson(['show', '260912001'], at('2026-09-17T10:00:00+08:00'));
    for (const key of COMPLAINT_KEYS) expect(shown).toHaveProperty(key);
    expect(shown.events.map((e: any) => e.action)).toEqual(['register', 'classify', 'assign', 'transfer', 'contact', 'note', 'resolve', 'follow-up']);
    for (const e of shown.events) {
      expect(e.at).toMatch(ISO_LOCAL);
      expect(e.actor).toBe('li');
    }
    const transferEvent = shown.events[3];
    expect(transferEvent.before).toEqual({ department: '工程部', assignee: '张工' });
    expect(transferEvent.after).toEqual({ department: '秩序部', assignee: '刘队' });
    expect(transferEvent.note).toBe('涉及公共管道');
    expect(shown.events[5].note).toBe('维修工已到场');
    expect(shown.events[6].after.cost).toBe(6800); // event values in yuan too
    const states = Object.fromEntries(shown.deadlineStatus.map((d: any) => [d.step, d.state]));
    // contact was due Sunday 13th 10:00 and happened Monday: late; resolved Tuesday before Wednesday: met.
    expect(states).toEqual({ contact: 'late', resolve: 'met', followUp: 'met' });

    // show as text: labels, timeline and deadline states for a person
    const text = await cli(['show', '260912-1'], at('2026-09-17T10:00:00+08:00'));
    expect(text.code).toBe(0);
    for (const word of ['260912001', 'Timeline', 'Deadlines', 'transferred', 'called back', 'late by', 'met', '秩序部 / 刘队', '¥6,800.00', '业主表示满意']) {
      expect(text.stdout).toContain(word);
    }
  });

  it('show reports pending and overdue deadlines', async () => {
    await cli(registerArgs(), { env });
    const early = await cliJson(['show', '260912-1'], at('2026-09-12T12:00:00+08:00'));
    expect(early.deadlineStatus.map((d: any) => [d.step, d.state])).toEqual([['contact', 'pending'], ['resolve', 'pending']]);
    const late = await cliJson(['show', '260912-1'], at('2026-09-18T12:00:00+08:00'));
    expect(late.deadlineStatus.map((d: any) => [d.step, d.state])).toEqual([['contact', 'overdue'], ['resolve', 'overdue']]);
    // Received Saturday, counted from Monday: due Thursday 17th; Friday is one working day past.
    expect(late.deadlineStatus[1].workdays).toBe(1);
    const text = await cli(['show', '260912-1'], at('2026-09-18T12:00:00+08:00'));
    expect(text.stdout).toContain('overdue by 1 working day');
  });

  it('an unsatisfied call-back reopens the complaint one level up, to its department', async () => {
    await cli(registerArgs(), { env });
    await cli(['assign', '260912-1', '--dept', '工程部'], { env });
    await cli(['resolve', '260912-1', '--resolution', '已维修'], at('2026-09-14T10:00:00+08:00'));
    const r = await cli(['follow-up', '260912-1', '--satisfaction', '4', '--note', '仍有渗水'], at('2026-09-15T10:00:00+08:00'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('reopened to 工程部');
    const c = await cliJson(['show', '260912-1'], at('2026-09-15T10:00:00+08:00'));
    expect(c).toMatchObject({ status: 'assigned', severity: 'important', department: '工程部', resolvedAt: null });
    expect(c.deadlines.resolve).toBe('2026-09-23T23:59:59+08:00'); // 7 working days from Tuesday 15th, Sunday 20th worked
    expect(c.events.slice(-2).map((e: any) => e.action)).toEqual(['follow-up', 'reopen']);
  });

  it('a major complaint with an unsatisfied call-back is flagged for the management meeting', async () => {
    await cli(registerArgs({ safety: true }), { env });
    await cli(['resolve', '260912-1', '--resolution', '已排除隐患'], { env });
    const r = await cli(['follow-up', '260912-1', '--satisfaction', '5'], at('2026-09-14T10:00:00+08:00'));
    expect(r.stdout).toContain('Flagged for the management meeting.');
    const c = await cliJson(['show', '260912-1'], at('2026-09-14T10:00:00+08:00'));
    expect(c).toMatchObject({ severity: 'major', flagged: true, status: 'assigned' });
  });

  it('an inquiry is closed when resolved', async () => {
    const c = await cliJson(registerArgs({ kind: 'inquiry', description: '咨询物业费缴纳方式' }), { env });
    const done = await cliJson(['resolve', c.ticket, '--resolution', '已告知缴费方式'], { env });
    expect(done).toMatchObject({ status: 'closed', closedAt: '2026-09-12T10:00:00+08:00', deadlines: { followUp: null } });
  });

  it('unreachable after failed attempts on 3 different days', async () => {
    await cli(registerArgs(), { env });
    await cli(['resolve', '260912-1', '--resolution', '已维修'], { env });
    for (const day of ['2026-09-14', '2026-09-15']) {
      expect((await cli(['follow-up', '260912-1', '--attempt', 'no_answer'], at(`${day}T10:00:00+08:00`))).code).toBe(0);
    }
    const early = await cli(['close', '260912-1', '--reason', 'unreachable'], at('2026-09-15T11:00:00+08:00'));
    expect(early.code).toBe(4);
    expect(early.stderr).toContain('3 different days');
    await cli(['follow-up', '260912-1', '--attempt', 'wrong_number'], at('2026-09-16T10:00:00+08:00'));
    const closed = await cliJson(['close', '260912-1', '--reason', 'unreachable'], at('2026-09-16T11:00:00+08:00'));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'unreachable', followUp: null });
  });

  it('extend, escalate and reopen through the CLI', async () => {
    await cli(registerArgs(), { env });
    const ext = await cliJson(['extend', '260912-1', '--until', '2026-10-30', '--reason', '需厂家更换配件', '--agreed-by', '王女士'], { env });
    expect(ext.deadlines.resolve).toBe('2026-10-30T23:59:59+08:00');
    expect(ext.extendedUntil).toBe('2026-10-30T23:59:59+08:00');
    const esc = await cliJson(['escalate', '260912-1', '--to', 'major', '--reason', '业主已向12345投诉'], { env });
    expect(esc.severity).toBe('major');
    await cli(['resolve', '260912-1', '--resolution', '已处理'], { env });
    const re = await cliJson(['reopen', '260912-1', '--reason', '再次漏水'], at('2026-09-14T10:00:00+08:00'));
    expect(re).toMatchObject({ status: 'assigned', severity: 'major', resolvedAt: null });
  });
});

describe('the lifecycle in Chinese', () => {
  it('--lang zh labels the card, the show view and the errors in Chinese', async () => {
    const reg = await cli(['--lang', 'zh', ...registerArgs()], { env });
    expect(reg.code).toBe(0);
    expect(reg.stdout).toContain('已登记 260912001。');
    expect(reg.stdout).toContain('编号');
    expect(reg.stdout).toContain('一般');

    const asg = await cli(['--lang', 'zh', 'assign', '260912-1', '--dept', '工程部'], { env });
    expect(asg.stdout).toContain('260912001：派单。');
    expect(asg.stdout).toContain('处理中');
    const trf = await cli(['assign', '260912-1', '--dept', '秩序部', '--lang', 'zh'], { env });
    expect(trf.stdout).toContain('转派');

    await cli(['resolve', '260912-1', '--resolution', '已维修'], { env: { ...env, COMPLAINTS_LANG: 'zh' } });
    const shown = await cli(['show', '260912-1'], { env: { ...env, COMPLAINTS_LANG: 'zh' } });
    for (const word of ['已处理待回访', '受理时间', '投诉人', '处理记录', '时限', '登记', '派单', '转派', '处理完成', '来电', '物业管理', '渗漏']) {
      expect(shown.stdout).toContain(word);
    }
    expect(shown.stdout).not.toContain('Timeline');

    const refused = await cli(['--lang', 'zh', 'resolve', '260912-1', '--resolution', 'again'], { env });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('错误');
    expect(refused.stderr).toContain('已处理待回访');

    const closed = await cli(['--lang', 'zh', 'follow-up', '260912-1', '--satisfaction', '1'], { env });
    expect(closed.stdout).toContain('已关闭');
  });

  it('JSON keeps the English enum keys whatever the language', async () => {
    const c = await cliJson(['--lang', 'zh', ...registerArgs()], { env });
    expect(c).toMatchObject({ status: 'registered', severity: 'general', channel: 'phone', kind: 'complaint' });
  });
});

describe('repeats and transfers', () => {
  it('the same phone in the same category within 30 days is a repeat: important, repeatOf set', async () => {
    const first = await cliJson(registerArgs({ 'received-at': '2026-08-20T09:00' }), { env });
    const second = await cliJson(registerArgs({ estate: false, unit: false, description: '又漏水了' }), { env });
    expect(second.repeatOf).toBe(first.ticket);
    expect(second.severity).toBe('important');
    expect(second.deadlines.resolve).toBe('2026-09-22T23:59:59+08:00'); // 7 working days from Monday 14th, Sunday 20th worked
    const r = await cli(['show', second.ticket], { env });
    expect(r.stdout).toContain(`Repeat of`);
  });

  it('the same estate and unit from another phone is a repeat too', async () => {
    const first = await cliJson(registerArgs(), { env });
    const second = await cliJson(registerArgs({ phone: '13900139000', description: '家人再次反映漏水' }), { env });
    expect(second.repeatOf).toBe(first.ticket);
    expect(second.severity).toBe('important');
  });

  it('another category, another caller, or more than 30 days earlier is not a repeat', async () => {
    await cliJson(registerArgs({ 'received-at': '2026-08-12T09:00' }), { env }); // 31 days earlier
    const late = await cliJson(registerArgs({ description: '漏水' }), { env });
    expect(late.repeatOf).toBeNull();
    const otherCategory = await cliJson(registerArgs({ phone: '13900139000', unit: '8-8-808', category: 'other' }), { env });
    const otherCaller = await cliJson(registerArgs({ phone: '13700137000', unit: '7-7-707' }), { env });
    expect(otherCategory.repeatOf).toBeNull();
    expect(otherCaller.repeatOf).toBeNull();
    expect(otherCaller.severity).toBe('general');
  });

  it('a category given later by classify can make it a repeat', async () => {
    const first = await cliJson(registerArgs(), { env });
    const second = await cliJson(registerArgs({ category: false, description: '再次反映' }), { env });
    expect(second.repeatOf).toBeNull();
    const classified = await cliJson(['classify', second.ticket, '--category', 'property_service'], { env });
    expect(classified.repeatOf).toBe(first.ticket);
    expect(classified.severity).toBe('important');
  });

  it('assign twice records a transfer event', async () => {
    await cli(registerArgs(), { env });
    await cli(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], { env });
    const again = await cliJson(['assign', '260912-1', '--dept', '秩序部'], { env });
    expect(again.department).toBe('秩序部');
    const shown = await cliJson(['show', '260912-1'], { env });
    expect(shown.events.map((e: any) => e.action)).toEqual(['register', 'assign', 'transfer']);
    const same = await cli(['assign', '260912-1', '--dept', '秩序部'], { env });
    expect(same.code).toBe(4);
  });
});

describe('departments and settings', () => {
  it('lists the seeded departments; a disabled one cannot be assigned', async () => {
    const list = await cliJson(['dept', 'list'], { env });
    expect(list.map((d: any) => d.name)).toEqual(['客服中心', '工程部', '秩序部', '环境部', '财务部', '营销部', '设计研发部']);
    expect((await cli(['dept', 'add', '绿化部'], { env })).code).toBe(0);
    expect((await cli(['dept', 'disable', '营销部'], { env })).code).toBe(0);
    await cli(registerArgs(), { env });
    const r = await cli(['assign', '260912-1', '--dept', '营销部'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('disabled');
    expect((await cli(['assign', '260912-1', '--dept', '绿化部'], { env })).code).toBe(0);
  });

  it('a configured deadline changes new complaints', async () => {
    expect((await cli(['config', 'set', 'deadline.general.resolve_workdays', '5'], { env })).code).toBe(0);
    const got = await cliJson(['config', 'get', 'deadline.general.resolve_workdays'], { env });
    // The older name still works; it reads as the deadline rule it now is.
    expect(got).toEqual({ 'deadline.general.resolve_workdays': '5wd' });
    expect(await cliJson(['config', 'get', 'deadline.general.resolve'], { env })).toEqual({ 'deadline.general.resolve': '5wd' });
    const c = await cliJson(registerArgs(), { env });
    expect(c.deadlines.resolve).toBe('2026-09-20T23:59:59+08:00'); // 5 working days from Monday 14th, Sunday 20th worked
  });
});

describe('language, actor and colour', () => {
  it('takes the language from --lang, else COMPLAINTS_LANG, else the locale', async () => {
    const { COMPLAINTS_LANG: _drop, ...noLang } = env;
    const zhLocale = await cli(registerArgs(), { env: { ...noLang, LANG: 'zh_CN.UTF-8' } });
    expect(zhLocale.stdout).toContain('已登记 260912001。');
    const enLocale = await cli(['show', '260912-1'], { env: { ...noLang, LANG: 'en_US.UTF-8' } });
    expect(enLocale.stdout).toContain('Timeline');
    const flagWins = await cli(['--lang', 'en', 'show', '260912-1'], { env: { ...env, COMPLAINTS_LANG: 'zh' } });
    expect(flagWins.stdout).toContain('Timeline');
  });

  it.skipIf(onServer)(`records the acting user from --actor, else COMPLAINTS_ACTOR (on a server the acting person is the login role, not --actor: test/pg/cli-on-server.test.ts)`, async () => {
    await cli(['--actor', '小李', ...registerArgs()], { env });
    await cli(['assign', '260912-1', '--dept', '工程部'], { env: { ...env, COMPLAINTS_ACTOR: '老王' } });
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c.receiver).toBe('小李');
    expect(c.events.map((e: any) => e.actor)).toEqual(['小李', '老王']);
  });

  it('colours only at a terminal, and never with NO_COLOR or --no-color', async () => {
    await cli(registerArgs({ safety: true }), { env });
    const ESC = '\u001b[';
    expect((await cli(['show', '260912-1'], { env })).stdout).not.toContain(ESC);
    expect((await cli(['show', '260912-1'], { env, tty: true })).stdout).toContain(ESC);
    expect((await cli(['show', '260912-1'], { env: { ...env, NO_COLOR: '1' }, tty: true })).stdout).not.toContain(ESC);
    expect((await cli(['show', '260912-1', '--no-color'], { env, tty: true })).stdout).not.toContain(ESC);
  });

  it('normalises dashes in the unit', async () => {
    const c = await cliJson(registerArgs({ unit: '3—2－1501' }), { env });
    expect(c.complainant.unit).toBe('3-2-1501');
  });
});
