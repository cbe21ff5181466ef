// The desk's prompts at a real pseudo-terminal (issue 13: "tests drive the
// prompts at a real pseudo-terminal … at 80 and 120 columns, in Chinese and
// English, and check that no line is wider than the terminal"): register
// asking what matters, an unlisted estate offered its close match, and the
// call-back's arrow-key slip caught by the confirmation.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWritten, atTerminal, ensureBuilt, KEY, registerArgs, removeTempDirs, spawnCli, tempDb, testEnv, widerThan, type Env, type TerminalRun, type TerminalStep } from '../helpers.js';

let hasScript = true;
try {
  execFileSync('script', ['--version'], { stdio: 'ignore' });
} catch {
  hasScript = false;
}

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function ok(args: string[], env: Env): any {
  const r = spawnCli([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The lines up to the one saying `done`: the questions and answers (the complaint shown after them is drawn by the output's tables). */
function questions(run: TerminalRun, done: string): TerminalRun {
  const end = run.lines.findIndex((l) => asWritten(l).includes(done));
  expect(end).toBeGreaterThan(0);
  return { ...run, lines: run.lines.slice(0, end) };
}

const steps = (...pairs: [string, string][]): TerminalStep[] => pairs.map(([waitFor, send]) => ({ waitFor, send }));
const down = (n: number) => KEY.down.repeat(n) + KEY.enter;

describe.skipIf(!hasScript)('register at a terminal', () => {
  it.each([
    ['en', 80, ['Complainant name', 'Phone', 'Estate', 'Unit', 'Channel', 'Kind', 'Category', 'Subcategory', 'What is the complaint about?', 'What does the complainant ask for?', 'Is there a safety hazard?', 'Are the media', 'Households affected', 'Amount claimed'], 'Registered 260912001.'],
    ['zh', 120, ['投诉人姓名', '联系电话', '项目', '房号', '渠道', '类型', '类别', '子类', '投诉内容', '客户诉求', '是否存在安全隐患', '是否有媒体', '涉及户数', '索赔金额'], '已登记 260912001'],
    ['zh', 80, ['投诉人姓名', '联系电话', '项目', '房号', '渠道', '类型', '类别', '子类', '投诉内容', '客户诉求', '是否存在安全隐患', '是否有媒体', '涉及户数', '索赔金额'], '已登记 260912001'],
  ] as const)('in %s at %i columns asks every question, safety and households included, within the width', async (lang, cols, q, done) => {
    const env = testEnv(tempDb(), { COMPLAINTS_LANG: lang });
    const run = await atTerminal(['register'], env, steps(
      [q[0], '王女士' + KEY.enter], [q[1], '13800138000' + KEY.enter], [q[2], '阳光海岸' + KEY.enter], [q[3], '3-2-1501' + KEY.enter],
      [q[4], KEY.enter], [q[5], KEY.enter], [q[6], KEY.enter],
      // none, security … facilities, leak (the 11th), other
      [q[7], down(10)],
      [q[8], '卫生间天花板漏水' + KEY.enter], [q[9], KEY.enter],
      [q[10], 'y' + KEY.enter], [q[11], KEY.enter], [q[12], '6' + KEY.enter], [q[13], KEY.enter],
    ), cols);
    expect(run.code).toBe(0);
    expect(run.text).toContain(done);
    expect(widerThan(questions(run, done), cols)).toEqual([]);
    expect(ok(['show', '260912-1'], env)).toMatchObject({
      complainant: { name: '王女士', phone: '13800138000', estate: '阳光海岸', unit: '3-2-1501' },
      subcategory: 'leak', safety: true, media: false, households: 6, claim: null, severity: 'major',
    });
  }, 60_000);

  it('offers the close match of an unlisted estate (Chinese, 80 columns)', async () => {
    const env = testEnv(tempDb(), { COMPLAINTS_LANG: 'zh' });
    ok(['estate', 'add', '阳光海岸'], env);
    const args = registerArgs({ estate: '阳光海按', channel: 'phone', kind: 'complaint', demand: '修', households: '1', claim: '0' });
    const run = await atTerminal(args, env, steps(
      ['“阳光海按”不是已登记的项目。您要找的是', KEY.enter], ['是否存在安全隐患', KEY.enter], ['是否有媒体', KEY.enter],
    ), 80);
    expect(run.code).toBe(0);
    expect(widerThan(questions(run, '已登记 260912001'), 80)).toEqual([]);
    expect(ok(['show', '260912-1'], env).complainant.estate).toBe('阳光海岸');
  }, 60_000);
});

describe.skipIf(!hasScript)('follow-up at a terminal', () => {
  function resolved(lang: string): Env {
    const env = testEnv(tempDb(), { COMPLAINTS_LANG: lang });
    ok(registerArgs(), env);
    ok(['assign', '260912-1', '--dept', '工程部'], env);
    ok(['resolve', '260912-1', '--resolution', '已修'], env);
    return env;
  }

  it('an arrow-key slip to 4 is caught: declined, the score is asked again and 3 closes it (English, 80 columns)', async () => {
    const env = resolved('en');
    const run = await atTerminal(['follow-up', '260912-1'], env, steps(
      ['Satisfaction', down(3)], ['Record score 4 (unsatisfied)?', 'n' + KEY.enter], ['Satisfaction', KEY.up + KEY.enter],
    ), 80);
    expect(run.code).toBe(0);
    expect(run.text).toContain('This reopens 260912001 one level up (general → important), back to 工程部.');
    expect(widerThan(run, 80)).toEqual([]);
    expect(ok(['show', '260912-1'], env)).toMatchObject({ status: 'closed', severity: 'general', followUp: { satisfaction: 3 } });
  }, 60_000);

  it.each([80, 120])('a 5 confirmed reopens it one level up (Chinese, %i columns)', async (cols) => {
    const env = resolved('zh');
    const run = await atTerminal(['follow-up', '260912-1'], env, steps(['满意度', down(4)], ['确认记录满意度 5（很不满意）？', 'y' + KEY.enter]), cols);
    expect(run.code).toBe(0);
    expect(run.text).toContain('将重新打开 260912001，级别“一般”→“重要”，退回工程部处理。');
    expect(widerThan(run, cols)).toEqual([]);
    expect(ok(['show', '260912-1'], env)).toMatchObject({ status: 'assigned', severity: 'important' });
  }, 60_000);
});
