// `estate list|add|rename|alias` (SPEC §16): the office's estates with the
// other names written for them count as one — at intake (register, edit,
// import resolve an alias), in lists and reports (any name an estate ever had
// counts under its current one), with close matches offered at a terminal
// and, with estate.strict, an unlisted estate refused where nobody can be asked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeEstates, editDistance } from '../../src/domain/estates.js';
import {
  cli, cliJson, cliOk, expectRefused, registerArgs, removeTempDirs, scriptedPrompter, tempDb, tempDir, testEnv, type Env,
} from '../helpers.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
beforeEach(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(['estate', 'add', '阳光海岸'], { env });
  await cliOk(['estate', 'add', '翠湖花园'], { env });
  await cliOk(['estate', 'alias', '阳光海岸', '阳光海岸小区'], { env });
});

const estates = () => cliJson<{ name: string; aliases: string[] }[]>(['estate', 'list'], { env });
const show = (ticket: string) => cliJson(['show', ticket], { env });

describe('estate list|add|rename|alias', () => {
  it('lists the estates with their aliases; a rename keeps the old name as an alias', async () => {
    expect(await estates()).toEqual([{ name: '阳光海岸', aliases: ['阳光海岸小区'] }, { name: '翠湖花园', aliases: [] }]);
    await cliOk(['estate', 'rename', '阳光海岸小区', '阳光海岸一期'], { env }); // named by its alias
    expect(await estates()).toEqual([{ name: '阳光海岸一期', aliases: ['阳光海岸小区', '阳光海岸'] }, { name: '翠湖花园', aliases: [] }]);
    // An alias may become the name again: it is then no longer an alias.
    await cliOk(['estate', 'rename', '阳光海岸一期', '阳光海岸'], { env });
    expect((await estates())[0]).toEqual({ name: '阳光海岸', aliases: ['阳光海岸小区', '阳光海岸一期'] });
    const zh = await cli(['estate', 'list'], { env: { ...env, COMPLAINTS_LANG: 'zh' }, tty: true });
    expect(zh.stdout).toContain('别名');
    expect(zh.stdout).toContain('阳光海岸小区、阳光海岸一期');
  });

  it.each([
    ['an estate that exists', ['estate', 'add', '阳光海岸'], ['"阳光海岸" already names the estate 阳光海岸']],
    ['an alias as a new estate', ['estate', 'add', '阳光海岸小区'], ['"阳光海岸小区" already names the estate 阳光海岸']],
    ['an empty name', ['estate', 'add', '  '], ['invalid estate', '1–50 characters']],
    ['a name of 51 characters', ['estate', 'add', '阳'.repeat(51)], ['invalid estate']],
    ['a rename of an unknown estate', ['estate', 'rename', '北门', '南门'], ['no estate "北门"', 'complaints estate add "北门"']],
    ["a rename onto another estate's name", ['estate', 'rename', '阳光海岸', '翠湖花园'], ['"翠湖花园" already names the estate 翠湖花园']],
    ['an alias of an unknown estate', ['estate', 'alias', '北门', '北门小区'], ['no estate "北门"']],
    ["an alias that is another estate's", ['estate', 'alias', '翠湖花园', '阳光海岸小区'], ['"阳光海岸小区" already names the estate 阳光海岸']],
  ])('refuses %s (exit 2), changing nothing', async (_what, args, words) => {
    await expectRefused(db, args, env, 2, words);
  });

  it('refuses in Chinese too', async () => {
    await expectRefused(db, ['estate', 'rename', '北门', '南门'], { ...env, COMPLAINTS_LANG: 'zh' }, 2, ['没有项目“北门”']);
  });
});

describe('an estate at intake', () => {
  it('register and edit write an alias as its estate; an unlisted one is kept as written', async () => {
    await cliOk(registerArgs({ estate: ' 阳光海岸小区 ' }), { env });
    expect((await show('260912-1')).complainant.estate).toBe('阳光海岸');
    await cliOk(registerArgs({ estate: '北门小区', phone: '13900139000' }), { env });
    expect((await show('260912-2')).complainant.estate).toBe('北门小区');
    await cliOk(['edit', '260912-2', '--estate', '阳光海岸小区', '--reason', '项目写错'], { env });
    expect((await show('260912-2')).complainant.estate).toBe('阳光海岸');
  });

  it('with estate.strict on, an unlisted estate is refused where nobody can be asked, naming the close ones', async () => {
    await cliOk(['config', 'set', 'estate.strict', 'on'], { env });
    await expectRefused(db, registerArgs({ estate: '阳光海按' }), env, 2, ['"阳光海按" is not one of the office\'s estates (close: 阳光海岸)', 'complaints estate alias']);
    await expectRefused(db, registerArgs({ estate: '阳光海按' }), { ...env, COMPLAINTS_LANG: 'zh' }, 2, ['“阳光海按”不是本中心的项目（相近：阳光海岸）']);
    await cliOk(registerArgs({ estate: '阳光海岸小区' }), { env });
    await expectRefused(db, ['edit', '260912-1', '--estate', '北门', '--reason', '改'], env, 2, ['"北门" is not one of the office\'s estates.']);
    // Off again: kept as written, as before estates were listed.
    await cliOk(['config', 'set', 'estate.strict', 'off'], { env });
    await cliOk(['edit', '260912-1', '--estate', '北门', '--reason', '改'], { env });
    expect((await show('260912-1')).complainant.estate).toBe('北门');
  });

  it('at a terminal, an unlisted estate is offered the close ones, kept as written, or typed again', async () => {
    // Everything else given, so the estate is all that is asked.
    const full = (over: Record<string, string>) => registerArgs({ channel: 'phone', kind: 'complaint', demand: '尽快修', households: '1', claim: '0', safety: true, media: true, ...over });
    let prompter = scriptedPrompter(['阳光海岸']);
    await cliOk(full({ estate: '阳光海按' }), { env, tty: true, prompter });
    expect(prompter.asked).toEqual([{ kind: 'select', message: '"阳光海按" is not a listed estate. Did you mean', choices: ['阳光海岸', '\u0000keep', '\u0000other'] }]);
    expect((await show('260912-1')).complainant.estate).toBe('阳光海岸');
    prompter = scriptedPrompter(['\u0000keep']);
    await cliOk(full({ estate: '北门', phone: '13900139000' }), { env, tty: true, prompter });
    expect(prompter.asked[0].message).toBe('"北门" is not a listed estate and none is close');
    expect((await show('260912-2')).complainant.estate).toBe('北门');
    prompter = scriptedPrompter(['\u0000other', '翠湖']);
    // 翠湖 is close to 翠湖花园 (shared characters): offered again, picked.
    prompter.remaining.push('翠湖花园');
    await cliOk(full({ estate: '北门', phone: '13700137000' }), { env, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual(['"北门" is not a listed estate and none is close', 'Estate name', '"翠湖" is not a listed estate. Did you mean']);
    expect((await show('260912-3')).complainant.estate).toBe('翠湖花园');
  });

  it('at a terminal with no --estate, the listed estates are offered, with free text and none', async () => {
    const prompter = scriptedPrompter(['王女士', '', '\u0000other', '阳光海岸小区', '3-2-1501', 'phone', 'complaint', 'property_service', 'leak', '漏水', '', false, false, '', '']);
    await cliOk(['register'], { env, tty: true, prompter });
    const estateQuestion = prompter.asked.find((q) => q.message === 'Estate')!;
    expect(estateQuestion).toMatchObject({ kind: 'select', choices: ['阳光海岸', '翠湖花园', '\u0000other', '\u0000none'] });
    expect((await show('260912-1')).complainant.estate).toBe('阳光海岸');
  });

  it('import writes an alias as its estate', async () => {
    const file = path.join(tempDir(), 'register.csv');
    fs.writeFileSync(file, '投诉时间,业主姓名,联系电话,项目,房号,投诉内容\n2026-09-01 09:00,王女士,13800138000,阳光海岸小区,3-2-1501,漏水\n2026-09-02 09:00,李先生,13900139000,北门,1-1-101,噪音\n');
    await cliOk(['import', file], { env });
    const list = await cliJson<any[]>(['list', '--status', 'all', '--sort', 'oldest'], { env });
    expect(list.map((c) => c.complainant.estate)).toEqual(['阳光海岸', '北门']);
  });
});

describe('lists and reports under the current name', () => {
  it('a renamed estate and its aliases count as one row, under its new name', async () => {
    await cliOk(registerArgs(), { env }); // 阳光海岸
    await cliOk(registerArgs({ phone: '13900139000', unit: '1-1-101' }), { env });
    await cliOk(registerArgs({ estate: '翠湖花园', phone: '13700137000' }), { env });
    await cliOk(registerArgs({ estate: '北门', phone: '13600136000' }), { env });
    await cliOk(['estate', 'rename', '阳光海岸', '阳光海岸一期'], { env });
    // Kept as written on the complaint; listed and found under the new name.
    expect((await show('260912-1')).complainant.estate).toBe('阳光海岸');
    const list = await cliJson<any[]>(['list', '--estate', '一期', '--sort', 'oldest'], { env });
    expect(list.map((c) => [c.ticket, c.complainant.estate])).toEqual([['260912001', '阳光海岸一期'], ['260912002', '阳光海岸一期']]);
    const r = await cliJson(['report', 'monthly', '--month', '2026-09', '--by', 'estate'], { env: { ...env, COMPLAINTS_NOW: '2026-10-05T10:00:00+08:00' } });
    expect(r.byEstate).toEqual({ 阳光海岸一期: 2, 北门: 1, 翠湖花园: 1 });
    expect(r.by.dimension).toBe('estate');
    expect(r.by.rows.map((x: any) => [x.key, x.received])).toEqual([['阳光海岸一期', 2], ['北门', 1], ['翠湖花园', 1]]);
    const zh = await cli(['report', 'monthly', '--month', '2026-09', '--by', '项目'], { env: { ...env, COMPLAINTS_NOW: '2026-10-05T10:00:00+08:00', COMPLAINTS_LANG: 'zh' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('按项目');
  });
});

describe('the same caller under any of an estate\'s names', () => {
  it('a repeat and the earlier complaints are found across a rename and an alias added later', async () => {
    await cliOk(registerArgs({ estate: '翠湖花园', phone: false }), { env });
    await cliOk(['estate', 'rename', '翠湖花园', '翠湖花园一期'], { env });
    // The same unit of the renamed estate, no phone: a repeat of the first (same category within 30 days).
    const second = await cliJson(registerArgs({ estate: '翠湖花园一期', phone: false }), { env });
    expect(second.repeatOf).toBe('260912001');
    // An unlisted spelling made an alias afterwards counts as the estate too.
    await cliOk(registerArgs({ estate: '翠湖', phone: false, unit: '9-9-909' }), { env });
    await cliOk(['estate', 'alias', '翠湖花园一期', '翠湖'], { env });
    const fourth = await cliJson(registerArgs({ estate: '翠湖花园一期', phone: false, unit: '9-9-909' }), { env });
    expect(fourth.repeatOf).toBe('260912003');
  });
});

describe('possible group complaints under the current name', () => {
  it('sweep and today count 5 units of an estate as one group across its rename', async () => {
    for (const [i, unit] of ['1-1-101', '1-1-102', '1-1-103'].entries()) await cliOk(registerArgs({ estate: '翠湖花园', unit, phone: `1390013900${i}` }), { env });
    await cliOk(['estate', 'rename', '翠湖花园', '翠湖花园一期'], { env });
    for (const [i, unit] of ['1-1-104', '1-1-105'].entries()) await cliOk(registerArgs({ estate: '翠湖花园一期', unit, phone: `1370013700${i}` }), { env });
    const sweep = await cliJson(['sweep'], { env });
    expect(sweep.groups.map((g: any) => [g.estate, g.units])).toEqual([['翠湖花园一期', 5]]);
    const today = await cliJson(['today'], { env });
    expect(today.groups.map((g: any) => [g.estate, g.units])).toEqual([['翠湖花园一期', 5]]);
  });
});

describe('close matches', () => {
  const list = [{ name: '阳光海岸', aliases: ['阳光海岸小区'] }, { name: '翠湖花园', aliases: [] }, { name: '北门公寓', aliases: [] }];
  it.each([
    ['阳光海按', ['阳光海岸']],
    ['海岸阳光', ['阳光海岸']],
    ['阳光', ['阳光海岸']],
    ['翠湖', ['翠湖花园']],
    ['北门', ['北门公寓']],
    ['南山', []],
  ])('%s → %j', (typed, expected) => {
    expect(closeEstates(list, typed)).toEqual(expected);
  });
  it('counts Chinese characters as one edit each', () => {
    expect(editDistance('阳光海按', '阳光海岸')).toBe(1);
    expect(editDistance('', '阳光')).toBe(2);
  });
});
