// Prompting (SPEC §8, ARCHITECTURE 5): only at a terminal, never with --no-input,
// --json, CI or without a TTY; a cancel is exit 130 and saves nothing.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/domain/errors.js';
import {
  cli, cliJson, dbBytes, registerArgs, removeTempDirs, scriptedPrompter, tempDb, testEnv, type Env,
} from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
beforeEach(() => {
  db = tempDb();
  env = testEnv(db);
});

// … then safety, media/12345, households (empty: 1) and claim (empty: none).
const FULL_SCRIPT = ['王女士', '138 0013 8000', '阳光海岸', '3-2-1501', 'visit', 'complaint', 'property_service', 'leak', '卫生间天花板漏水', '尽快维修', false, false, '', ''];

async function allComplaints(): Promise<any[]> {
  return cliJson(['list', '--status', 'all'], { env });
}

describe('register at a terminal', () => {
  it('asks for every missing field and saves the answers', async () => {
    const prompter = scriptedPrompter(FULL_SCRIPT);
    const r = await cli(['register'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Registered 260912001.');
    expect(prompter.remaining).toEqual([]);
    expect(prompter.asked.map((q) => q.kind)).toEqual(['input', 'input', 'input', 'input', 'select', 'select', 'select', 'select', 'input', 'input', 'confirm', 'confirm', 'input', 'input']);
    expect(prompter.asked[0].message).toBe('Complainant name');
    const c = await cliJson(['show', '260912001'], { env });
    expect(c).toMatchObject({
      channel: 'visit', kind: 'complaint', category: 'property_service', subcategory: 'leak',
      complainant: { name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501' },
      description: '卫生间天花板漏水', demand: '尽快维修',
    });
  });

  it('asks only for what the flags did not give', async () => {
    const prompter = scriptedPrompter(['', '', '', 'phone', 'complaint', 'other', '', '', false, false, '', '']);
    const r = await cli(['register', '--name', '李先生', '--description', '电梯经常停运'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    const messages = prompter.asked.map((q) => q.message);
    expect(messages).not.toContain('Complainant name');
    expect(messages).not.toContain('What is the complaint about?');
    expect(prompter.remaining).toEqual([]);
    const c = await cliJson(['show', '260912-1'], { env });
    expect(c).toMatchObject({ complainant: { name: '李先生', phone: null, estate: null, unit: null }, category: 'other', subcategory: null, demand: null });
  });

  it('asks in Chinese with --lang zh', async () => {
    const prompter = scriptedPrompter(FULL_SCRIPT);
    const r = await cli(['--lang', 'zh', 'register'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0].message).toBe('投诉人姓名');
    expect(prompter.asked[8].message).toBe('投诉内容');
  });

  it('the phone question rejects a number that is not a phone', async () => {
    let verdict: true | string = true;
    const base = scriptedPrompter(FULL_SCRIPT);
    const prompter = {
      ...base,
      async input(o: { message: string; validate?: (v: string) => true | string }) {
        if (o.message.startsWith('Phone') && o.validate) verdict = o.validate('12345');
        return base.input(o);
      },
    };
    expect((await cli(['register'], { env, tty: true, prompter })).code).toBe(0);
    expect(verdict).not.toBe(true);
  });

  it('shows the caller\'s earlier complaints and asks before saving', async () => {
    await cli(registerArgs(), { env });
    const prompter = scriptedPrompter([...FULL_SCRIPT, true]);
    const r = await cli(['register'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This caller has 1 earlier complaint(s)');
    expect(r.stderr).toContain('260912001');
    expect(prompter.asked.at(-1)).toMatchObject({ kind: 'confirm', message: 'Save this complaint?' });
    expect((await allComplaints()).map((c) => c.ticket)).toEqual(['260912002', '260912001']);
  });

  it('declining to save after seeing the earlier complaints saves nothing (exit 130)', async () => {
    await cli(registerArgs(), { env });
    const before = dbBytes(db);
    const prompter = scriptedPrompter([...FULL_SCRIPT, false]);
    const r = await cli(['register'], { env, tty: true, prompter });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('cancelled');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it.each([0, 3, 9])('a cancel at question %i exits 130 and saves nothing', async (at) => {
    await cli(registerArgs(), { env });
    const before = dbBytes(db);
    const script: (string | boolean | Error)[] = [...FULL_SCRIPT];
    script[at] = new CancelledError('cancelled');
    const prompter = scriptedPrompter(script);
    const r = await cli(['register'], { env, tty: true, prompter });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('cancelled; nothing was saved.');
    expect(r.stdout).toBe('');
    expect(prompter.asked).toHaveLength(at + 1);
    expect(dbBytes(db).equals(before)).toBe(true);
    expect(await allComplaints()).toHaveLength(1);
  });
});

describe('register never prompts when it cannot', () => {
  it.each([
    ['--no-input at a terminal', ['register', '--no-input'], true, {}],
    ['no terminal', ['register'], false, {}],
    ['--json at a terminal', ['register', '--json'], true, {}],
    ['CI set at a terminal', ['register'], true, { CI: 'true' }],
  ] as const)('%s: exit 2 naming --name and --description', async (_what, args, tty, extra) => {
    const prompter = scriptedPrompter([]); // any question would throw "no scripted answer"
    const r = await cli([...args], { env: { ...env, ...extra }, tty, prompter });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
    expect(r.stderr).toContain('--description');
    expect(r.stdout).toBe('');
    expect(prompter.asked).toEqual([]);
  });

  it('names only the flag that is missing', async () => {
    const r = await cli(['register', '--name', '王女士'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--description');
    expect(r.stderr).not.toContain('--name');
  });

  it('with every required flag and no terminal it saves without asking', async () => {
    const r = await cli(['register', '--name', '王女士', '--description', '漏水'], { env, tty: false, prompter: scriptedPrompter([]) });
    expect(r.code).toBe(0);
  });
});

describe('other commands prompt for what is missing at a terminal', () => {
  beforeEach(async () => {
    await cli(registerArgs(), { env });
  });

  it('assign asks for the department from the active list', async () => {
    await cli(['dept', 'disable', '营销部'], { env });
    const prompter = scriptedPrompter(['工程部', '', '']);
    const r = await cli(['assign', '260912-1'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0].choices).toContain('工程部');
    expect(prompter.asked[0].choices).not.toContain('营销部');
    expect((await cliJson(['show', '260912-1'], { env })).department).toBe('工程部');
    const piped = await cli(['assign', '260912-1'], { env, tty: false, prompter: scriptedPrompter([]) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--dept');
  });

  it('resolve asks for the resolution; follow-up for the satisfaction', async () => {
    const p1 = scriptedPrompter(['已更换水管', '']);
    expect((await cli(['resolve', '260912-1'], { env, tty: true, prompter: p1 })).code).toBe(0);
    const p2 = scriptedPrompter(['2']);
    expect((await cli(['follow-up', '260912-1'], { env, tty: true, prompter: p2 })).code).toBe(0);
    expect(p2.asked[0].choices).toEqual(['1', '2', '3', '4', '5', 'no_answer', 'wrong_number', 'refused', 'call_later']);
    expect(await cliJson(['show', '260912-1'], { env })).toMatchObject({ status: 'closed', resolution: '已更换水管', followUp: { satisfaction: 2 } });
  });

  it('close asks for a reason; cancelling it changes nothing', async () => {
    const before = dbBytes(db);
    const r = await cli(['close', '260912-1'], { env, tty: true, prompter: scriptedPrompter([new CancelledError('cancelled')]) });
    expect(r.code).toBe(130);
    expect(dbBytes(db).equals(before)).toBe(true);
    const p = scriptedPrompter(['invalid', '误登记']);
    const ok = await cli(['close', '260912-1'], { env, tty: true, prompter: p });
    expect(ok.code).toBe(0);
    expect(p.asked.map((a) => a.kind)).toEqual(['select', 'input']);
    expect(p.asked[0].choices).toEqual(['invalid', 'duplicate', 'withdrawn', 'merged', 'unreachable']);
    expect(await cliJson(['show', '260912-1'], { env })).toMatchObject({ closeReason: 'invalid', validity: 'invalid' });
  });
});
