// Prompts that ask what matters (SPEC §16, issue 13 item 9), through the
// scripted prompter: register asks about safety, media/12345, households and
// claim and offers each category's subcategories (or free text); follow-up
// confirms a 4 or 5; assign asks for the person and a note; resolve for cost,
// fault and approval; classify with no flags offers its fields. A terminal
// of its own: test/e2e/desk-terminal.test.ts.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/domain/errors.js';
import { cli, cliJson, cliOk, dbBytes, expectRefused, registerArgs, removeTempDirs, scriptedPrompter, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
beforeEach(() => {
  db = tempDb();
  env = testEnv(db);
});

const show = (ticket = '260912-1') => cliJson(['show', ticket], { env });
const OTHER = '\u0000other';

describe('register at a terminal', () => {
  it('asks about safety, media/12345, households and claim, and applies the severity rules to the answers', async () => {
    const prompter = scriptedPrompter([true, false, '6', '1200.50']);
    await cliOk(registerArgs({ channel: 'phone', kind: 'complaint', demand: '尽快处理' }), { env, tty: true, prompter });
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([
      ['confirm', 'Is there a safety hazard?'],
      ['confirm', 'Are the media, a court or a regulator (12345 / 12315) involved?'],
      ['input', 'Households affected'],
      ['input', 'Amount claimed, yuan (empty if none)'],
    ]);
    expect(await show()).toMatchObject({ safety: true, media: false, households: 6, claim: 1200.5, severity: 'major' });
  });

  it('asks in Chinese, and takes an empty households as 1 and an empty claim as none', async () => {
    const prompter = scriptedPrompter([false, true, '', '']);
    await cliOk(['--lang', 'zh', ...registerArgs({ channel: 'phone', kind: 'complaint', demand: '尽快处理' })], { env, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual(['是否存在安全隐患？', '是否有媒体、法院或监管部门（12345/12315）介入？', '涉及户数', '索赔金额（元，没有可留空）']);
    expect(await show()).toMatchObject({ safety: false, media: true, households: 1, claim: null });
  });

  it('offers the subcategories of the category chosen, with free text', async () => {
    const prompter = scriptedPrompter(['construction_quality', OTHER, '电梯异响', false, false, '', '']);
    await cliOk(registerArgs({ channel: 'phone', kind: 'complaint', demand: '修', category: false, subcategory: false }), { env, tty: true, prompter });
    const sub = prompter.asked.find((q) => q.message === 'Subcategory (empty to skip)')!;
    expect(sub.choices).toEqual(['', 'leak', 'repair', 'facilities', 'noise', OTHER]);
    expect(await show()).toMatchObject({ category: 'construction_quality', subcategory: '电梯异响' });
  });

  it('flags given are not asked again; --no-input asks nothing', async () => {
    await cliOk(registerArgs({ channel: 'phone', kind: 'complaint', demand: '修', safety: true, media: true, households: '2', claim: '10' }), { env, tty: true, prompter: scriptedPrompter([]) });
    await cliOk([...registerArgs({ phone: '13900139000' }), '--no-input'], { env, tty: true, prompter: scriptedPrompter([]) });
  });
});

describe('follow-up confirms a 4 or 5', () => {
  beforeEach(async () => {
    await cliOk(registerArgs(), { env });
    await cliOk(['assign', '260912-1', '--dept', '工程部'], { env });
    await cliOk(['resolve', '260912-1', '--resolution', '已修'], { env });
  });

  it('an arrow-key slip declined is asked again, and nothing reopens', async () => {
    const prompter = scriptedPrompter(['4', false, '3']);
    const r = await cliOk(['follow-up', '260912-1'], { env, tty: true, prompter });
    expect(r.stderr).toContain('This reopens 260912001 one level up (general → important), back to 工程部.');
    expect(prompter.asked[1]).toEqual({ kind: 'confirm', message: 'Record score 4 (unsatisfied)?' });
    expect(prompter.asked[2].kind).toBe('select');
    expect(await show()).toMatchObject({ status: 'closed', severity: 'general', followUp: { satisfaction: 3 } });
  });

  it('confirmed, it reopens one level up', async () => {
    await cliOk(['--lang', 'zh', 'follow-up', '260912-1'], { env, tty: true, prompter: scriptedPrompter(['5', true]) });
    expect(await show()).toMatchObject({ status: 'assigned', severity: 'important' });
  });

  it('a 4 given as a flag and declined records nothing (exit 130); --no-input and scripts are not asked', async () => {
    const before = dbBytes(db);
    const r = await cli(['follow-up', '260912-1', '--satisfaction', '4'], { env, tty: true, prompter: scriptedPrompter([false]) });
    expect(r.code).toBe(130);
    expect(dbBytes(db).equals(before)).toBe(true);
    const zh = scriptedPrompter([new CancelledError('cancelled')]);
    const cancelled = await cli(['--lang', 'zh', 'follow-up', '260912-1', '--satisfaction', '4'], { env, tty: true, prompter: zh });
    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toContain('将重新打开 260912001，级别“一般”→“重要”，退回工程部处理。');
    expect(zh.asked[0].message).toBe('确认记录满意度 4（不满意）？');
    expect(dbBytes(db).equals(before)).toBe(true);
    await cliOk(['follow-up', '260912-1', '--satisfaction', '4', '--no-input'], { env, tty: true, prompter: scriptedPrompter([]) });
    expect((await show()).status).toBe('assigned');
  });

  it('a 1–3 or a failed call is not asked to confirm', async () => {
    const prompter = scriptedPrompter(['no_answer']);
    await cliOk(['follow-up', '260912-1'], { env, tty: true, prompter });
    expect(prompter.asked).toHaveLength(1);
  });
});

describe('assign, resolve and classify at a terminal', () => {
  beforeEach(async () => {
    await cliOk(registerArgs(), { env });
  });

  it('assign asks for the department, the person and a note', async () => {
    const prompter = scriptedPrompter(['工程部', '张工', '请今天上门']);
    await cliOk(['assign', '260912-1'], { env, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual(['Department', 'Person who handles it (empty if none yet)', 'Note for them (empty to skip)']);
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c).toMatchObject({ department: '工程部', assignee: '张工' });
    expect(c.events.at(-1).note).toBe('请今天上门');
  });

  it('resolve asks for the cost, and for a cost who was at fault and who approved it', async () => {
    await cliOk(['assign', '260912-1', '--dept', '工程部'], { env });
    const prompter = scriptedPrompter(['赔偿地板', '800', '工程部', '张工', '王经理']);
    await cliOk(['resolve', '260912-1'], { env, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual([
      'What was done?', 'Compensation or repair cost paid, yuan (empty if none)', 'Department found at fault',
      'Person found at fault (empty if none)', 'Approved by (names, comma-separated)',
    ]);
    expect(prompter.asked[2].choices).toContain('');
    expect(await show()).toMatchObject({ cost: 800, responsible: '工程部', approvedBy: '王经理' });
  });

  it('resolve with --cost at a terminal asks only who was at fault and who approved; no cost asks nothing more', async () => {
    await cliOk(['assign', '260912-1', '--dept', '工程部'], { env });
    const prompter = scriptedPrompter(['', '王经理']);
    await cliOk(['resolve', '260912-1', '--resolution', '已修', '--cost', '300'], { env, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual(['Department found at fault', 'Approved by (names, comma-separated)']);
    expect(await show()).toMatchObject({ cost: 300, responsible: null, approvedBy: '王经理' });
  });

  it('classify with no flags offers the fields with their values, and asks a reason where one is needed', async () => {
    const prompter = scriptedPrompter(['category', 'construction_quality', 'subcategory', 'repair', 'validity', 'invalid', '', '重复来电']);
    await cliOk(['classify', '260912-1'], { env, tty: true, prompter });
    expect(prompter.asked[0].message).toBe('Which field to change?');
    expect(prompter.asked[3].choices).toEqual(['', 'leak', 'repair', 'facilities', 'noise', OTHER]);
    expect(prompter.asked.at(-1)).toMatchObject({ kind: 'input', message: 'Reason' });
    expect(await show()).toMatchObject({ category: 'construction_quality', subcategory: 'repair', validity: 'invalid' });
    const zh = scriptedPrompter(['']);
    const r = await cli(['--lang', 'zh', 'classify', '260912-1'], { env, tty: true, prompter: zh });
    expect(zh.asked[0].message).toBe('要修改哪一项？');
    expect(r.code).toBe(2);
  });

  it('classify with no flags and no terminal is refused as before, changing nothing', async () => {
    await expectRefused(db, ['classify', '260912-1'], env, 2, ['nothing to change. Give at least one of --kind']);
  });
});
