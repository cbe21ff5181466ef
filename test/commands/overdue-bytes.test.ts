// `overdue` is read by scripts and cron mails that diff it day to day: its
// text and JSON must stay byte for byte what they are, whatever is done to
// make it faster. The list of an office under the 002 profile (longhu: more
// steps, an office's own step, reports up) with every kind of entry — late
// steps in hours and in working days, reports up with their role and way,
// unassigned ones, several departments, control characters, long subjects,
// phone numbers for --mask, stale ones never contacted — is compared with the
// text it was when written (test/fixtures/overdue/), in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, onServer, registerArgs, removeTempDirs, ROOT, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

const GOLDEN = path.join(ROOT, 'test/fixtures/overdue');
/** Set to write the fixtures afresh from today's output (only when the output is meant to change). */
const RECORD = process.env.COMPLAINTS_RECORD_FIXTURES === '1';

let db: string;
let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });

beforeAll(async () => {
  if (onServer) return;
  db = tempDb();
  env = testEnv(db);
  await cliOk(['config', 'profile', 'apply', 'longhu'], at('2026-11-02T08:00:00+08:00'));
  // An office's own step counted from the assignment, in hours.
  await cliOk(['config', 'set', 'step.dept_ack.define', 'assignment,部门回应,department acknowledges'], at('2026-11-02T08:00:00+08:00'));
  await cliOk(['config', 'set', 'deadline.general.dept_ack', '2h'], at('2026-11-02T08:00:00+08:00'));
  const cases: [string, Record<string, string | boolean>][] = [
    ['2026-11-02T09:00', {}],
    ['2026-11-02T15:30', { category: 'sales_promise', subject: '交房时承诺的车位至今未落实，多次联系销售无果，请尽快给出答复和补偿方案', phone: '13912345678' }],
    ['2026-11-03T10:15', { category: 'construction_quality', safety: true, subject: '外墙瓷砖脱落\u001b[31m砸坏车辆\ttab\nline', unit: '7-1-302' }],
    ['2026-11-04T11:00', { category: 'planning_design', kind: 'inquiry', subject: 'Is the new gate open? call 13700001111' }],
    ['2026-11-05T16:45', { media: true, subject: '12345 投诉：电梯故障困人' }],
    ['2026-11-06T08:20', { category: 'other', subject: '噪音' }],
    ['2026-11-09T09:10', { subject: '楼道灯不亮', phone: '02788886666' }],
    ['2026-11-10T14:00', { category: 'property_service', subject: '保洁不及时' }],
    ['2026-11-11T10:00', { subject: '门禁卡失效' }],
    ['2026-11-12T10:00', { subject: '水压低' }],
  ];
  for (const [when, over] of cases) await cliOk(registerArgs({ 'received-at': when, ...over }), at(`${when}:00+08:00`));
  const steps: [string, string[]][] = [
    ['2026-11-02T10:00:00+08:00', ['assign', '261102-1', '--dept', '工程部', '--to', '张工']],
    ['2026-11-02T11:00:00+08:00', ['contact', '261102-1']],
    ['2026-11-03T16:00:00+08:00', ['assign', '261102-2', '--dept', '客服中心']],
    ['2026-11-03T12:00:00+08:00', ['assign', '261103-3', '--dept', '工程部', '--to', '李工']],
    ['2026-11-03T13:00:00+08:00', ['step', '261103-3', 'site_check']],
    ['2026-11-05T17:00:00+08:00', ['assign', '261105-5', '--dept', '秩序部', '--to', '王队']],
    ['2026-11-05T17:10:00+08:00', ['report-up', '261105-5', '--to', '周主任', '--via', 'phone']],
    ['2026-11-06T09:00:00+08:00', ['escalate', '261106-6', '--to', 'important', '--reason', '多次投诉']],
    ['2026-11-09T10:00:00+08:00', ['assign', '261109-7', '--dept', '工程部']],
    ['2026-11-09T15:00:00+08:00', ['resolve', '261109-7', '--resolution', '已更换灯具']],
    ['2026-11-10T15:00:00+08:00', ['assign', '261110-8', '--dept', '客服中心', '--to', '赵姐']],
    ['2026-11-10T16:00:00+08:00', ['contact', '261110-8']],
    ['2026-11-11T11:00:00+08:00', ['assign', '261111-9', '--dept', '客服中心', '--to', '赵姐']],
    ['2026-11-11T12:00:00+08:00', ['resolve', '261111-9', '--resolution', '已补办']],
    ['2026-11-12T11:00:00+08:00', ['escalate', '261112-10', '--to', 'major', '--reason', '整栋楼停水']],
  ];
  for (const [when, args] of steps) await cliOk(args, at(when));
});

/** Each run's output, named as its fixture. */
const RUNS: [string, string[], string][] = [
  ['en.json', ['overdue', '--json'], '2026-11-25T10:00:00+08:00'],
  ['en.txt', ['overdue'], '2026-11-25T10:00:00+08:00'],
  ['zh.txt', ['overdue', '--lang', 'zh'], '2026-11-25T10:00:00+08:00'],
  ['zh-mask.json', ['overdue', '--json', '--mask', '--lang', 'zh'], '2026-11-25T10:00:00+08:00'],
  ['zh-mask.txt', ['overdue', '--mask', '--lang', 'zh'], '2026-11-25T10:00:00+08:00'],
  // A morning early in the month: hours, not working days, for most of them.
  ['early.json', ['overdue', '--json'], '2026-11-06T07:30:00+08:00'],
  ['early.txt', ['overdue'], '2026-11-06T07:30:00+08:00'],
  // Late the same day as a step fell due: overdue by hours, no working day yet.
  ['evening.json', ['overdue', '--json'], '2026-11-10T17:30:00+08:00'],
  ['evening.txt', ['overdue', '--lang', 'zh'], '2026-11-10T17:30:00+08:00'],
];

// SQLite file only: on a server every ticket carries its office's code, which
// widens the ticket column, and the fixtures are a file's output.
describe.skipIf(onServer)('overdue, byte for byte', () => {
  it.each(RUNS)('%s is the text it was', async (name, args, now) => {
    const r = await cli(args, at(now));
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(GOLDEN, name);
    if (RECORD) fs.mkdirSync(GOLDEN, { recursive: true }), fs.writeFileSync(file, r.stdout);
    expect(r.stdout).toBe(fs.readFileSync(file, 'utf8'));
    if (name.endsWith('.json')) expect(r.stdout).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
  });
});
