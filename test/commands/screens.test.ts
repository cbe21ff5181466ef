// Screens that fit (SPEC §16): every table at a terminal of 40, 80, 100 and
// 120 columns, in Chinese and English, with long Chinese subjects and long
// estate names, has no line wider than the terminal; `list` shows each
// complaint's next deadline and how many of how many it shows; overdue times
// past a day read in working days; sizes in KB and MB.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, onServer, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';
import { displayWidth } from '../../src/output/text.js';

afterAll(removeTempDirs);

/** Text without its colours. */
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

const LONG_SUBJECT = '卫生间天花板漏水已经三天了，楼上住户一直不在家，物业也没有人来处理，墙面发霉，家具损坏，要求尽快维修并赔偿损失';
const LONG_ESTATE = '阳光海岸国际花园二期东区南苑别墅区';

let db: string;
let env: Env;
/** At a terminal this many columns wide (COLUMNS: the in-process terminal has no size of its own). */
const at = (columns: number, lang: 'zh' | 'en', now?: string) => ({ env: { ...env, COLUMNS: String(columns), COMPLAINTS_LANG: lang, ...(now ? { COMPLAINTS_NOW: now } : {}) }, tty: true });

beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(['dept', 'add', '工程部维修服务中心第二分部'], { env });
  await cliOk(['staff', 'add', '欧阳建国先生', '--role', 'dept_head', '--dept', '工程部维修服务中心第二分部'], { env });
  const received = ['2026-09-07T09:00', '2026-09-08T15:30', '2026-09-10T11:00', '2026-09-11T16:45', '2026-09-12T09:10'];
  for (const [i, when] of received.entries()) {
    await cliOk(registerArgs({ 'received-at': when, subject: `${LONG_SUBJECT} ${i}`, estate: LONG_ESTATE, unit: `12-3-${1501 + i}`, name: '欧阳女士' }), { env });
  }
  await cliOk(registerArgs({ subject: 'The water pressure on the upper floors has been too low to shower for a week now', estate: 'Sunshine Coast International Garden Phase Two' }), { env });
  await cliOk(['assign', '260907-1', '--dept', '工程部维修服务中心第二分部', '--to', '欧阳建国先生'], { env });
  const file = path.join(tempDir(), '现场照片-卫生间天花板漏水-楼上住户-二〇二六年九月.jpg');
  fs.writeFileSync(file, Buffer.alloc(150 * 1024, 1));
  await cliOk(['attach', '260907-1', file], { env });
});

const SCREENS: [string, string[]][] = [
  ['list', ['list']],
  ['list --status all', ['list', '--status', 'all']],
  ['overdue', ['overdue']],
  ['today', ['today']],
  ['report', ['report', 'monthly', '--month', '2026-09', '--by', 'department']],
  ['dept list', ['dept', 'list']],
  ['staff list', ['staff', 'list']],
  ['attachments', ['attachments', '260907-1']],
];

describe('screens that fit', () => {
  for (const width of [40, 80, 100, 120]) {
    for (const lang of ['zh', 'en'] as const) {
      it.each(SCREENS)(`%s at ${width} columns (${lang}): no line wider than the terminal`, async (_name, args) => {
        const r = await cli(args, at(width, lang));
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
        const wide = r.stdout.split('\n').filter((l) => displayWidth(l) > width);
        expect(wide).toEqual([]);
      });
    }
  }

  it('the subject takes what the other columns leave, cut with an ellipsis by display width', async () => {
    const narrow = (await cliOk(['list'], at(80, 'zh'))).stdout.split('\n');
    const wide = (await cliOk(['list'], at(120, 'zh'))).stdout.split('\n');
    const row = (lines: string[]) => lines.find((l) => l.includes('260907001'))!;
    expect(row(narrow)).toMatch(/…$/);
    expect(displayWidth(row(wide))).toBeGreaterThan(displayWidth(row(narrow)));
    // At 120 columns the estate is shown whole up to its column's 20, and the subject gets the rest of the line.
    expect(displayWidth(row(wide))).toBeGreaterThan(110);
  });

  it('without a terminal a table fits 80 columns, or COLUMNS', async () => {
    const lines = (r: { stdout: string }) => r.stdout.split('\n');
    const piped = await cliOk(['overdue'], { env: { ...env, COLUMNS: undefined } });
    expect(Math.max(...lines(piped).map(displayWidth))).toBeLessThanOrEqual(80);
    const wide = await cliOk(['overdue'], { env: { ...env, COLUMNS: '200' } });
    expect(Math.max(...lines(wide).map(displayWidth))).toBeGreaterThan(80);
  });
});

describe('list: the due column and the footer', () => {
  it('shows the next deadline from now: today at a time, tomorrow, in working days, overdue in working days', async () => {
    // Friday 2026-09-11 10:00: 260911-4 (received Friday 16:45) owes its first contact at 16:45 today.
    const friday = await cliOk(['list', '--status', 'all'], at(160, 'zh', '2026-09-11T10:00:00+08:00'));
    const line = (ticket: string, out: string) => out.split('\n').find((l) => l.includes(ticket)) ?? '';
    expect(line('260907001', friday.stdout)).toContain('逾期');
    expect(line('260907001', friday.stdout)).toContain('个工作日');
    expect(friday.stdout).toContain('到期');
    const monday = await cliOk(['list', '--status', 'all'], at(160, 'en', '2026-09-13T20:00:00+08:00'));
    // The contact of 260912-5 (received Saturday 09:10) was due Sunday 09:10: 10 hours late, within the day.
    expect(line('260912005', monday.stdout)).toContain('10 h late');
    const early = await cliOk(['list', '--status', 'all'], at(160, 'en', '2026-09-12T08:00:00+08:00'));
    // 260911-4's contact is due Saturday 16:45: today, at its time.
    expect(line('260911004', early.stdout)).toContain('today 16:45');
    const eve = await cliOk(['list', '--status', 'all'], at(160, 'zh', '2026-09-11T18:00:00+08:00'));
    // Received Friday 16:45: its first contact is due Saturday 16:45, tomorrow.
    expect(line('260911004', eve.stdout)).toContain('明天');
    // An hour after 260907-1 was received (Monday 09:00), its first contact is due tomorrow at 09:00.
    const mon = await cliOk(['list', '--status', 'all'], at(160, 'zh', '2026-09-07T10:00:00+08:00'));
    expect(line('260907001', mon.stdout)).toContain('明天');
    // Once contacted, the next is its resolve: 3 working days after Monday.
    await cliOk(['contact', '260907-1'], { env: { ...env, COMPLAINTS_NOW: '2026-09-07T11:00:00+08:00' } });
    const later = await cliOk(['list', '--status', 'all'], at(160, 'zh', '2026-09-07T12:00:00+08:00'));
    expect(line('260907001', later.stdout)).toContain('3 个工作日后');
  });

  it('says how many of how many it shows, counted with the same filter', async () => {
    const footer = (r: { stdout: string }) => plain(r.stdout).trimEnd().split('\n').at(-1);
    expect(footer(await cliOk(['list', '--status', 'all', '--limit', '2'], at(120, 'zh')))).toBe('显示 2 / 共 6 条');
    expect(footer(await cliOk(['list', '--estate', '阳光', '--limit', '3'], at(120, 'en')))).toBe('3 of 5');
    expect(footer(await cliOk(['list', '--limit', '50'], at(120, 'en')))).toBe('6 of 6');
  });

  it('piped and JSON lists are as they were: no due column, no footer', async () => {
    const piped = await cliOk(['list'], { env });
    expect(piped.stdout.split('\n')[0]).toBe('ticket\treceivedAt\tstatus\tseverity\tcategory\tdepartment\tname\tunit\tsubject');
    expect(piped.stdout).not.toMatch(/ of \d/);
  });
});

describe('overdue times', () => {
  it('past a day, in working days (not 66 h); within the day, in hours', async () => {
    const r = await cliOk(['overdue'], { env: { ...env, COLUMNS: '200' } });
    // 260908-2's first contact was due Wednesday 15:30; Thursday and Friday are two working days.
    expect(r.stdout).toMatch(/260908002 .*first contact overdue by 2 working days \(2026-09-09\)/);
    expect(r.stdout).not.toContain('overdue by 66 h');
    // 260910-3's was due Friday 11:00: 23 hours.
    expect(r.stdout).toMatch(/260910003 .*first contact overdue by 23 h/);
    const zh = await cliOk(['overdue', '--lang', 'zh'], { env: { ...env, COLUMNS: '200' } });
    expect(zh.stdout).toContain('首次联系 已超期 2 个工作日');
  });
});

describe('sizes in KB and MB', () => {
  it('attachments, on a terminal, in KB; through a pipe in bytes', async () => {
    const shown = await cliOk(['attachments', '260907-1'], at(120, 'en'));
    expect(shown.stdout).toContain('150 KB');
    const piped = await cliOk(['attachments', '260907-1'], { env });
    expect(piped.stdout).toContain('\t153600\t');
  });

  it('backup and export summaries', async () => {
    const dir = tempDir();
    // A server's backup is pg_dump's, run as the schema's owner (test/pg/): here a file's copy.
    if (!onServer) {
      const backup = await cliOk(['backup', path.join(dir, 'b.db')], { env });
      expect(backup.stdout).toMatch(/\(\d+(\.\d)? KB, 6 complaint\(s\)\)/);
    }
    const exported = await cliOk(['export', '--out', path.join(dir, 'e.csv')], { env });
    expect(exported.stdout).toMatch(/Exported 6 complaint\(s\) to .*e\.csv \(\d+(\.\d)? KB\)\./);
  });
});
