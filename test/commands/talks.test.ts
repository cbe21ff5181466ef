// Three failed rounds of talks (SPEC §11, 002 "三次沟通仍不能协调一致") through
// main(): `contact --outcome agreed|disagreed` (or 达成一致 / 未达成一致), the
// count in show and JSON, the raise to important with its deadline, the
// report's escalations, and a bad outcome refused leaving the file as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, ROOT, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

// Received Friday 2026-11-20 15:00: general resolves by Wed 11-25 (3 working
// days), important by Tue 12-01 (7 working days).
const RECEIVED = '2026-11-20T15:00:00+08:00';
const MON = '2026-11-23T10:00:00+08:00';
const TUE = '2026-11-24T10:00:00+08:00';
const WED = '2026-11-25T10:00:00+08:00';
const TICKET = '261120001';

let db: string;
let env: Env;
const at = (now: string, extra: Env = {}) => ({ env: { ...env, COMPLAINTS_NOW: now, ...extra } });

beforeEach(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(registerArgs({ demand: '全额赔偿' }), at(RECEIVED));
  await cliOk(['assign', TICKET, '--dept', '工程部'], at(RECEIVED));
});

describe('contact --outcome', () => {
  it('the third disagreed round raises general to important, its resolve deadline to 7 working days', async () => {
    const first = await cliJson(['contact', TICKET, '--outcome', 'disagreed', '--note', '业主坚持全额赔偿'], at(MON));
    expect(first).toMatchObject({ severity: 'general', disagreedTalks: 1, deadlines: { resolve: '2026-11-25T23:59:59+08:00' } });
    const agreed = await cliJson(['contact', TICKET, '--outcome', 'agreed'], at(MON));
    expect(agreed).toMatchObject({ severity: 'general', disagreedTalks: 1 });
    const second = await cliJson(['contact', TICKET, '--outcome', '未达成一致'], at(TUE));
    expect(second).toMatchObject({ severity: 'general', disagreedTalks: 2 });

    const third = await cliOk(['contact', TICKET, '--outcome', 'disagreed'], at(WED));
    expect(third.stdout).toContain(`3 rounds of talks without agreement: ${TICKET} is raised to important, to be resolved by 2026-12-01`);

    const shown = await cliJson(['show', TICKET], at(WED));
    expect(shown).toMatchObject({ severity: 'important', disagreedTalks: 3, deadlines: { resolve: '2026-12-01T23:59:59+08:00' } });
    const events = shown.events.slice(-2);
    expect(events.map((e: any) => e.action)).toEqual(['contact', 'escalate']);
    expect(events[0].after).toMatchObject({ outcome: 'disagreed', disagreedTalks: 3 });
    expect(events[1]).toMatchObject({ note: 'disagreed_talks_3', before: { severity: 'general' }, after: { severity: 'important' } });
    // Outcomes given in Chinese are stored by their keys.
    expect(shown.events.filter((e: any) => e.action === 'contact').map((e: any) => e.after.outcome)).toEqual(['disagreed', 'agreed', 'disagreed', 'disagreed']);

    const text = (await cliOk(['show', TICKET], at(WED))).stdout;
    expect(text).toMatch(/Talks without agreement\s+3/);
    expect(text).toContain('— 3 rounds of talks without agreement');
    const zh = (await cliOk(['show', TICKET, '--lang', 'zh'], at(WED))).stdout;
    expect(zh).toMatch(/未达成一致的沟通\s+3/);
    expect(zh).toContain('— 3 次沟通仍不能协调一致');

    // A fourth round raises nothing more: the rule is general → important.
    const fourth = await cliJson(['contact', TICKET, '--outcome', 'disagreed'], at(WED));
    expect(fourth).toMatchObject({ severity: 'important', disagreedTalks: 4 });
    expect((await cliJson(['show', TICKET], at(WED))).events.filter((e: any) => e.action === 'escalate')).toHaveLength(1);
  });

  it('the raise counts as an escalation in the report', async () => {
    for (const now of [MON, TUE, WED]) await cliOk(['contact', TICKET, '--outcome', 'disagreed'], at(now));
    const r = await cliJson(['report', 'range', '--from', '2026-11-01', '--to', '2026-11-30'], at(WED));
    expect(r.escalated).toBe(1);
  });

  it('follows the setting rule.disagreed_talks', async () => {
    await cliOk(['config', 'set', 'rule.disagreed_talks', '1'], at(RECEIVED));
    const c = await cliJson(['contact', TICKET, '--outcome', 'disagreed'], at(MON));
    expect(c).toMatchObject({ severity: 'important', disagreedTalks: 1 });
    const refused = await cli(['config', 'set', 'rule.disagreed_talks', '21'], at(MON));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('from 1 to 20');
  });

  it('a contact without an outcome and the complaint JSON of a new complaint count 0', async () => {
    const c = await cliJson(['contact', TICKET, '--note', '已电话联系'], at(MON));
    expect(c.disagreedTalks).toBe(0);
    const text = (await cliOk(['show', TICKET], at(MON))).stdout;
    expect(text).not.toContain('Talks without agreement');
  });

  it.each([
    ['en', 'maybe', ['"maybe" is not an outcome of talks', 'agreed (达成一致)', 'disagreed (未达成一致)', 'complaints help contact']],
    ['zh', '一致', ['“一致”不是沟通结果', 'agreed（达成一致）', 'disagreed（未达成一致）']],
  ])('refuses --outcome %s %s with exit 2, naming both outcomes in both forms, the file unchanged', async (lang, value, words) => {
    const before = dbBytes(db);
    const r = await cli(['contact', TICKET, '--outcome', value, '--lang', lang], at(MON));
    expect(r.code).toBe(2);
    for (const w of words) expect(r.stderr).toContain(w);
    expect(r.stdout).toBe('');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('help shows the outcomes with their Chinese labels', async () => {
    const r = await cliOk(['help', 'contact'], { env });
    expect(r.stdout).toContain('--outcome');
    expect(r.stdout).toContain('agreed (达成一致)');
    expect(r.stdout).toContain('disagreed (未达成一致)');
  });
});

describe('a database from before rounds of talks were counted', () => {
  it('is upgraded with every complaint at 0', async () => {
    // A file of the previous release (schema 5).
    const file = path.join(tempDir(), 'old.db');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'release-0005-costs.db'), file);
    const env = testEnv(file);
    const old = { env: { ...env, COMPLAINTS_NOW: '2026-11-02T10:00:00+08:00' } };
    expect((await cliJson(['show', '261021-4'], old)).disagreedTalks).toBe(0);
    expect((await cliJson(['contact', '261021-4', '--outcome', 'disagreed'], old)).disagreedTalks).toBe(1);
  });
});
