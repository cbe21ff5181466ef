// SPEC §16: listed values by their Chinese labels, full-width letters and
// digits, unit notations; the argument parser's own words in the chosen
// language; and the help and usage slips of issue 13 item 11.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, expectRefused, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
const zh = (args: string[]) => cli(['--lang', 'zh', ...args], { env });

// 260912001: registered with Chinese values, full-width phone, 3栋2单元1501
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(registerArgs({
    channel: '来访', kind: '投诉', category: '物业管理', subcategory: '渗漏',
    phone: '１３８００１３８０００', unit: '3栋2单元1501',
  }), { env });
  await cliOk(registerArgs({ phone: '13900139000', unit: '5-1-302' }), { env });
});

describe('Chinese labels beside the keys', () => {
  it('register takes 来访, 投诉, 物业管理, 渗漏, a full-width phone and 3栋2单元1501', async () => {
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c).toMatchObject({ channel: 'visit', kind: 'complaint', category: 'property_service', subcategory: 'leak' });
    expect(c.complainant).toMatchObject({ phone: '13800138000', unit: '3-2-1501' });
  });

  it.each(['3栋2单元1501', '3幢2单元1501室', '3-2-1501', '３栋２单元１５０１', '3号楼2单元1501'])('list --unit %s finds 3-2-1501', async (unit) => {
    const rows = await cliJson(['list', '--unit', unit], { env });
    expect(rows.map((r: { ticket: string }) => r.ticket)).toEqual(['260912001']);
  });

  it('list --status takes labels, keys and 、 between them', async () => {
    expect(await cliJson(['list', '--status', '已登记'], { env })).toHaveLength(2);
    expect(await cliJson(['list', '--status', '处理中'], { env })).toHaveLength(0);
    expect(await cliJson(['list', '--status', '处理中、registered', '--severity', '一般', '--category', '物业管理'], { env })).toHaveLength(2);
  });

  it('a full-width ticket and Chinese severity and validity on classify', async () => {
    const e = testEnv(tempDb());
    await cliOk(registerArgs(), { env: e });
    const c = await cliJson(['classify', '２６０９１２－１', '--severity', '重要', '--validity', '有效'], { env: e });
    expect(c).toMatchObject({ ticket: '260912001', severity: 'important', validity: 'valid' });
  });

  it('calendar set takes 休 and 班', async () => {
    const e = testEnv(tempDb());
    await cliOk(['calendar', 'set', '2026-10-09', '休'], { env: e });
    await cliOk(['calendar', 'set', '2026-10-10', '班'], { env: e });
    const days = await cliJson(['calendar', 'show', '--month', '2026-10'], { env: e });
    const text = JSON.stringify(days);
    expect(text).toMatch(/2026-10-09[^}]*holiday/);
    expect(text).toMatch(/2026-10-10[^}]*workday/);
  });

  it('help shows each choice with its Chinese label in Chinese mode, keys alone in English', async () => {
    const z = await zh(['list', '--help']);
    expect(z.stdout).toContain('registered 已登记');
    expect(z.stdout).toContain('assigned 处理中');
    const e = await cli(['list', '--help'], { env });
    expect(e.stdout).toContain('order: newest, oldest, due, severity, ticket');
    expect(e.stdout).not.toContain('已登记');
  });

  it('refuses an unknown value listing keys and Chinese labels, in both languages, the file unchanged', async () => {
    await expectRefused(db, ['--lang', 'zh', 'list', '--status', '处理'], env, 2, ['处理', 'assigned (处理中)', '请查看 `complaints help list`']);
    await expectRefused(db, ['list', '--status', 'bogus'], env, 2, ['"bogus"', 'registered (已登记)', 'See `complaints help list`']);
    await expectRefused(db, [...registerArgs({ channel: '飞鸽' })], env, 2, ['飞鸽', 'phone (来电)']);
  });
});

describe("the parser's own words", () => {
  it.each([
    [['list', '--bogus'], '没有选项 --bogus。', 'unknown option --bogus.', 'list'],
    [['list', '--statu', 'x'], '是否要输入 --status？', 'Did you mean --status?', 'list'],
    [['lst'], '没有命令“lst”。是否要输入 list？', 'unknown command "lst". Did you mean list?', ''],
    [['show'], '缺少参数 <ticket>。', 'missing the argument <ticket>.', 'show'],
    [['calendar', 'set', '2026-10-09'], '缺少参数 <kind>。', 'missing the argument <kind>.', 'calendar set'],
    [['show', '260912-1', 'extra'], '参数过多（show）', 'too many arguments for show', 'show'],
    [['list', '--limit'], '选项 --limit <n> 缺少取值。', 'option --limit <n> needs a value.', 'list'],
    [['audit', '260912-1', '--note', 'x'], '缺少必填选项 --result <result>。', 'option --result <result> is required.', 'audit'],
  ])('%j in Chinese and English, with the hint naming the command', async (args, zhWords, enWords, command) => {
    const hint = command ? ` ${command}` : '';
    await expectRefused(db, ['--lang', 'zh', ...args], env, 2, [zhWords, `请查看 \`complaints help${hint}\``]);
    await expectRefused(db, ['--lang', 'en', ...args], env, 2, [enWords, `See \`complaints help${hint}\``]);
  });

  it('help headings and built-in options in Chinese', async () => {
    const r = await zh(['list', '--help']);
    for (const w of ['用法：', '选项：', '显示本帮助', '示例：', '（默认：50）']) expect(r.stdout).toContain(w);
    expect(r.stdout).not.toMatch(/Usage:|Options:|Examples:|display help|default:/);
    const top = await zh(['--help']);
    expect(top.stdout).toContain('命令：');
    expect(top.stdout).toContain('显示版本号');
  });
});

describe('help and usage slips', () => {
  it('a global option before the command keeps the hint on the command', async () => {
    const r = await cli(['--lang', 'zh', '--actor', '王', 'list', '--bogus'], { env });
    expect(r.stderr).toContain('请查看 `complaints help list`。');
    expect(r.stderr).not.toContain('help zh');
  });

  it('help <command> <subcommand> shows the subcommand', async () => {
    const r = await cli(['help', 'calendar', 'set'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: complaints calendar set');
    await expectRefused(db, ['help', 'nosuch'], env, 2, ['unknown command "nosuch"', 'See `complaints help`']);
    const z = await zh(['help', 'config', 'profile', 'apply']);
    expect(z.stdout).toContain('用法： complaints config profile apply');
  });

  it('no arguments prints the help on stdout, exit 0', async () => {
    const r = await cli([], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: complaints');
    expect(r.stderr).toBe('');
    const z = await cli(['--lang', 'zh'], { env });
    expect(z.code).toBe(0);
    expect(z.stdout).toContain('用法： complaints');
  });

  it('--lang other than zh or en is refused in both languages, the file unchanged', async () => {
    await expectRefused(db, ['--lang', 'fr', 'list'], env, 2, ['--lang takes zh or en, not "fr"', '--lang 只能是 zh 或 en']);
    await expectRefused(db, ['list', '--lang=de'], env, 2, ['"de"']);
  });

  it('report --out picks the format from the extension; --format wins over none; a conflicting pair is refused', async () => {
    const dir = tempDir();
    const file = (name: string) => path.join(dir, name);
    for (const [name, starts] of [['r.html', /^<!DOCTYPE html>/i], ['r.csv', /^\uFEFF?[^{<#]/], ['r.md', /^#/], ['r.json', /^\{/]] as const) {
      await cliOk(['report', 'monthly', '--month', '2026-09', '--out', file(name)], { env });
      expect(fs.readFileSync(file(name), 'utf8')).toMatch(starts);
    }
    await cliOk(['report', 'monthly', '--month', '2026-09', '--out', file('r.xlsx')], { env });
    expect(fs.readFileSync(file('r.xlsx')).subarray(0, 2).toString()).toBe('PK');
    await cliOk(['report', 'monthly', '--month', '2026-09', '--format', 'md', '--out', file('r.txt')], { env });
    expect(fs.readFileSync(file('r.txt'), 'utf8')).toMatch(/^#/);
    await expectRefused(db, ['report', 'monthly', '--month', '2026-09', '--format', 'csv', '--out', file('x.html')], env, 2, ['--format csv', 'x.html']);
    expect(fs.existsSync(file('x.html'))).toBe(false);
  });

  it('export --json without --out is refused with a hint; with --out it says what it wrote', async () => {
    await expectRefused(db, ['export', '--json'], env, 2, ['--out', 'complaints list --json']);
    const out = path.join(tempDir(), 'all.xlsx');
    const r = await cliJson(['export', '--out', out], { env });
    expect(r.rows).toBe(2);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('--limit 0 means all', async () => {
    expect(await cliJson(['list', '--limit', '0', '--status', 'all'], { env })).toHaveLength(2);
    expect(await cliJson(['list', '--limit', '1', '--status', 'all'], { env })).toHaveLength(1);
    const csv = (await cliOk(['export', '--limit', '0'], { env })).stdout;
    expect(csv.trim().split('\n')).toHaveLength(3);
    const today = await cliJson(['today', '--limit', '0'], { env });
    expect(today).toBeTruthy();
    await expectRefused(db, ['list', '--limit', '-1'], env, 2, ['--limit']);
  });
});

// Sanity: the refusals above left the shared database as the registrations made it.
it('the shared database is still readable', async () => {
  expect(dbBytes(db).length).toBeGreaterThan(0);
});

describe("show's timeline in words", () => {
  it.each([
    ['zh', ['状态: 已登记 → 处理中', '责任部门: — → 工程部', '结果: 未达成一致', '环节: 核实现场', '电话: 13800138000 → 13900139000', '安全隐患: 否 → 是', '赔偿/费用: — → ¥300.00', '审批级别: — → 部门负责人', '回访: — → 时间 2026-09-12 10:00，方式 电话，满意度 2 满意', '撤销的步骤: 回访', '抽查结果: 不合格', '关闭原因: — → 撤诉']],
    ['en', ['Status: registered → in progress', 'Department: — → 工程部', 'Outcome: not agreed', 'Step: site check', 'Phone: 13800138000 → 13900139000', 'Safety hazard: no → yes', 'Cost: — → ¥300.00', 'Approval level: — → department head', 'Step taken back: called back', 'Result: fail', 'Close reason: — → withdrawn']],
  ])('%s: labels and values, local times, yuan; no keys, JSON, ids or epoch numbers', async (lang, words) => {
    const e = testEnv(tempDb(), { COMPLAINTS_LANG: lang });
    const steps = [
      registerArgs({ claim: '500' }),
      ['assign', '260912-1', '--dept', '工程部', '--to', '张工'],
      ['contact', '260912-1', '--note', '已联系', '--outcome', '未达成一致'],
      ['step', '260912-1', '核实现场'],
      ['edit', '260912-1', '--phone', '13900139000', '--safety', '--reason', '记错'],
      ['resolve', '260912-1', '--resolution', '修好', '--cost', '300', '--approved-by', '李总'],
      ['follow-up', '260912-1', '--satisfaction', '2'],
      ['undo', '260912-1', '--reason', '选错'],
      ['audit', '260912-1', '--result', '不合格', '--note', '未修好'],
      ['close', '260912-1', '--reason', '撤诉'],
    ];
    for (const args of steps) await cliOk(args, { env: e });
    const show = (await cliOk(['show', '260912-1'], { env: e })).stdout;
    const timeline = show.slice(show.lastIndexOf(lang === 'zh' ? '处理记录' : 'Timeline'));
    for (const w of words) expect(timeline).toContain(w);
    expect(timeline).not.toMatch(/[{}"]|\b\d{12,}\b|\b[a-z]+[A-Z]\w*\b|\b(undid|through|followUpId|amountFen|costFen)\b/);
  });
});

describe('doctor in Chinese', () => {
  it('labels its counts by what the tables hold', async () => {
    const r = await zh(['doctor']);
    expect(r.stdout).toMatch(/数量: 投诉 2，处理记录 \d+，回访 0，部门 \d+，附件 0/);
    expect(r.stdout).not.toMatch(/follow_ups|complaints \d/);
  });
});
