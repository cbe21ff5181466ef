// `calendar` through main(), in-process with a fake terminal and a temp
// database, and the built binary under a clock zone behind UTC.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/prompter.js';
import { cli, dbBytes as bytesOf, ensureBuilt, onServer, removeTempDirs, spawnCli, tempDb } from '../helpers.js';

const NOW = '2026-09-30T15:00:00+08:00';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  removeTempDirs();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-calendar-'));
  dirs.push(d);
  return d;
}

type Env = Record<string, string | undefined>;
interface Result { code: number; stdout: string; stderr: string }

const noPrompts: Prompter = {
  input: async (o) => { throw new Error(`unexpected prompt ${o.message}`); },
  select: async (o) => { throw new Error(`unexpected prompt ${o.message}`); },
  confirm: async (o) => { throw new Error(`unexpected prompt ${o.message}`); },
};

let dir: string;
let db: string;
let env: Env;

beforeEach(() => {
  dir = tempDir();
  db = tempDb();
  env = { COMPLAINTS_DB: db, COMPLAINTS_NOW: NOW, COMPLAINTS_ACTOR: 'li', COMPLAINTS_LANG: 'en' };
});

async function run(args: string[], o: { env?: Env; tty?: boolean } = {}): Promise<Result> {
  return cli(args, { env: { ...env, ...o.env }, tty: o.tty, prompter: noPrompts });
}

async function json<T = any>(args: string[], o: { env?: Env } = {}): Promise<T> {
  const r = await run([...args, '--json'], o);
  if (r.code !== 0) throw new Error(`complaints ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const REGISTER = ['register', '--name', '王女士', '--phone', '13800138000', '--estate', '阳光海岸', '--unit', '3-2-1501',
  '--category', 'property_service', '--description', '卫生间天花板漏水'];

async function register(now = NOW, extra: string[] = []): Promise<any> {
  return json([...REGISTER, ...extra], { env: { COMPLAINTS_NOW: now } });
}

/** The tables read (and below, changed) with better-sqlite3: the tests that do are SQLite-only. */
const SQLITE_TABLES = '(SQLite file only: reads its tables with better-sqlite3)';

function sql<T = any>(query: string, ...params: unknown[]): T[] {
  const d = new Database(db);
  try {
    return d.prepare(query).all(...params) as T[];
  } finally {
    d.close();
  }
}

function exec(statements: string): void {
  const d = new Database(db);
  try {
    d.exec(statements);
  } finally {
    d.close();
  }
}

function dbBytes(): Buffer {
  return bytesOf(db);
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('deadlines on the official calendar', () => {
  it('a complaint registered the afternoon before National Day is due when a Chinese office counts by hand', async () => {
    const r = await run([...REGISTER, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const c = JSON.parse(r.stdout);
    // 10-01…10-07 off; 10-08 Thu, 10-09 Fri, 10-10 the worked Saturday.
    expect(c.deadlines).toMatchObject({ contact: '2026-10-01T15:00:00+08:00', resolve: '2026-10-10T23:59:59+08:00', followUp: null });
  });

  it.skipIf(onServer)(`calendar set 2026-10-09 holiday moves the open deadline, records why, and unset moves it back ${SQLITE_TABLES}`, async () => {
    const c = await register();
    const set = await run(['calendar', 'set', '2026-10-09', 'holiday', '--name', '台风停工'], { env: { COMPLAINTS_NOW: '2026-10-08T09:00:00+08:00' } });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('2026-10-09 (Fri) is now a holiday for the office: 台风停工.');
    expect(set.stdout).toContain(`Deadlines moved for 1 open complaint(s): ${c.ticket}.`);

    const shown = await json(['show', c.ticket]);
    expect(shown.deadlines.resolve).toBe('2026-10-12T23:59:59+08:00');
    const recount = shown.events.find((e: any) => e.action === 'recount');
    expect(recount).toMatchObject({
      actor: 'li', note: 'calendar set 2026-10-09 holiday',
      before: { deadlines: { resolve: '2026-10-10T23:59:59+08:00' } }, after: { deadlines: { resolve: '2026-10-12T23:59:59+08:00' } },
    });
    // The office-wide record of the change itself.
    expect(sql("SELECT complaint_id, actor, action, before, after FROM events WHERE action LIKE 'calendar-%'")).toEqual([
      { complaint_id: null, actor: 'li', action: 'calendar-set', before: null, after: JSON.stringify({ date: '2026-10-09', kind: 'holiday', name: '台风停工' }) },
    ]);
    expect(sql('SELECT date, kind, name, actor FROM calendar_overrides')).toEqual([{ date: '2026-10-09', kind: 'holiday', name: '台风停工', actor: 'li' }]);

    // A complaint registered now counts the office's holiday too.
    const later = await register('2026-09-30T16:00:00+08:00', ['--phone', '13900139000', '--unit', '5-1-101']);
    expect(later.deadlines.resolve).toBe('2026-10-12T23:59:59+08:00');

    const unset = await run(['calendar', 'unset', '2026-10-09']);
    expect(unset.code).toBe(0);
    expect(unset.stdout).toContain('it is a working day again');
    expect((await json(['show', c.ticket])).deadlines.resolve).toBe('2026-10-10T23:59:59+08:00');
    expect(sql('SELECT count(*) AS n FROM calendar_overrides')[0].n).toBe(0);
  });

  it('a deadline already met stays as it was when the calendar changes', async () => {
    const c = await register();
    await json(['resolve', c.ticket, '--resolution', '已修好'], { env: { COMPLAINTS_NOW: '2026-10-08T10:00:00+08:00' } });
    const before = await json(['show', c.ticket]);
    // Follow-up: 5 working days after 10-08 → 10-09, 10-10, 10-12, 10-13, 10-14.
    expect(before.deadlines.followUp).toBe('2026-10-14T23:59:59+08:00');
    await json(['calendar', 'set', '2026-10-09', 'holiday']);
    const after = await json(['show', c.ticket]);
    expect(after.deadlines.resolve).toBe(before.deadlines.resolve);
    expect(after.deadlines.followUp).toBe('2026-10-15T23:59:59+08:00');
  });

  it.skipIf(onServer)(`set twice changes nothing the second time; bad dates and kinds are refused ${SQLITE_TABLES}`, async () => {
    await json(['calendar', 'set', '2026-11-21', 'workday', '--name', '补班']);
    const again = await run(['calendar', 'set', '2026-11-21', 'workday', '--name', '补班']);
    expect(again.stdout).toContain('already set that way');
    expect(sql("SELECT count(*) AS n FROM events WHERE action = 'calendar-set'")[0].n).toBe(1);

    const badDate = await run(['calendar', 'set', '2026-02-30', 'holiday']);
    expect(badDate).toMatchObject({ code: 2, stdout: '' });
    expect(badDate.stderr).toContain('"2026-02-30" is not a date');
    const badKind = await run(['calendar', 'set', '2026-10-09', 'vacation']);
    expect(badKind.code).toBe(2);
    const noOverride = await run(['calendar', 'unset', '2026-10-01']);
    expect(noOverride.code).toBe(2);
    expect(noOverride.stderr).toContain('2026-10-01 has no office setting to remove');
    expect(sql('SELECT date FROM calendar_overrides')).toEqual([{ date: '2026-11-21' }]);
  });

  it('set --json describes the day, what it was and the complaints it moved', async () => {
    const c = await register();
    const out = await json(['calendar', 'set', '2026-10-10', 'holiday', '--name', '不调休']);
    expect(out).toMatchObject({
      date: '2026-10-10', weekday: 6, workday: false, reason: 'holiday', source: 'office', name: '不调休',
      official: { kind: 'workday', name: '国庆节' }, previous: null, changed: true, recounted: [c.ticket],
    });
  });
});

describe('calendar show', () => {
  it('piped: one stable line per marked day', async () => {
    const r = await run(['calendar', 'show', '--month', '2026-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'date\tkind\tname\tsource',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}\tholiday\tNational Day\tofficial`),
      '2026-10-10\tworkday\tNational Day\tofficial',
      '',
    ].join('\n'));
  });

  it('defaults to this month; --year alone shows the whole year', async () => {
    const month = await json<any[]>(['calendar', 'show']);
    expect(month.map((d) => d.date)[0]).toBe('2026-09-01');
    expect(month).toHaveLength(30);
    const year = await json<any[]>(['calendar', 'show', '--year', '2025']);
    expect(year).toHaveLength(365);
    expect(year.filter((d) => d.reason === 'workday').map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('--json: every day with whether it is worked and why', async () => {
    const days = await json<any[]>(['calendar', 'show', '--year', '2026', '--month', '2']);
    expect(days).toHaveLength(28);
    expect(days.find((d) => d.date === '2026-02-14')).toEqual({
      date: '2026-02-14', weekday: 6, workday: true, reason: 'workday', kind: 'workday', name: '春节', nameEn: 'Spring Festival',
      source: 'official', official: null, provisional: false,
    });
    expect(days.find((d) => d.date === '2026-02-07')).toMatchObject({ workday: false, reason: 'weekend', kind: null, source: null });
  });

  it('on a terminal: a Monday–Sunday grid with holidays (休) and worked weekends (班) marked, office days starred', async () => {
    await json(['calendar', 'set', '2026-10-09', 'holiday', '--name', '台风停工']);
    const r = await run(['calendar', 'show', '--month', '2026-10', '--lang', 'zh', '--no-color'], { tty: true });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0].trim()).toBe('2026年10月');
    expect(lines[1]).toBe(' 一    二    三    四    五    六    日');
    expect(lines[2]).toBe('                    1休   2休   3休   4休');
    expect(lines[3]).toBe('  5休   6休   7休   8     9休* 10班  11');
    expect(r.stdout).toContain('10-10 周六  周末调休上班  国庆节');
    expect(r.stdout).toContain('10-09 周五  放假          台风停工 (本单位调整)');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('an uncovered year is shown with its statutory days, marked provisional, with the warning on stderr', async () => {
    const r = await run(['calendar', 'show', '--month', '2027-10', '--no-color'], { tty: true });
    expect(r.stdout).toContain('October 2027 (provisional: no State Council notice loaded)');
    expect(r.stdout).toContain('10-01 Fri   holiday  National Day (statutory day off, provisional)');
    expect(r.stdout).not.toContain('10-04');
    expect(r.stderr).toMatch(/^warning: the State Council's holiday notice for 2027 is not loaded: 2027 is provisional — weekends and the statutory holidays .* no 调休 .* `complaints calendar import/);
    const days = await json<any[]>(['calendar', 'show', '--month', '2027-10']);
    expect(days[0]).toMatchObject({ date: '2027-10-01', workday: false, reason: 'holiday', source: 'statutory', name: '国庆节', provisional: true });
    expect(days[3]).toMatchObject({ date: '2027-10-04', workday: true, source: null, provisional: true });
    const piped = await run(['calendar', 'show', '--month', '2027-02']);
    expect(piped.stdout.split('\n').slice(1, 5)).toEqual([
      '2027-02-05\tholiday\tSpring Festival\tstatutory', '2027-02-06\tholiday\tSpring Festival\tstatutory',
      '2027-02-07\tholiday\tSpring Festival\tstatutory', '2027-02-08\tholiday\tSpring Festival\tstatutory',
    ]);
  });

  it('past the years the statutory days are computed for, weekends only, and says so', async () => {
    const r = await run(['calendar', 'show', '--month', '2100-01', '--json']);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ date: '2100-01-01', workday: true, source: null, provisional: true });
    expect(r.stderr).toContain('warning: the official calendar has no data for 2100 and the statutory holidays are not computed that far');
  });

  it('refuses a month that is not one', async () => {
    const r = await run(['calendar', 'show', '--month', '13']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('month 1–12');
  });
});

describe('beyond the covered years', () => {
  it('skips the statutory days (元旦 2027), warns once on stderr each run, and show marks the deadline provisional', async () => {
    const r = await run([...REGISTER, '--json'], { env: { COMPLAINTS_NOW: '2026-12-30T10:00:00+08:00' } });
    expect(r.code).toBe(0);
    // 12-31, then 2027: Friday 01-01 is 元旦 by law, Monday 01-04, Tuesday 01-05.
    expect(JSON.parse(r.stdout).deadlines.resolve).toBe('2027-01-05T23:59:59+08:00');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("warning: the State Council's holiday notice for 2027 is not loaded");

    const shown = await run(['show', '261230-1'], { env: { COMPLAINTS_NOW: '2026-12-30T11:00:00+08:00' } });
    expect(shown.stdout).toMatch(/resolve\s+2027-01-05 23:59\s+.*\(provisional: no State Council notice loaded\)/);
    expect(shown.stderr).toContain('notice for 2027 is not loaded');
    const j = await json(['show', '261230-1']);
    expect(j.deadlineStatus.find((d: any) => d.step === 'resolve').provisional).toBe(true);

    const zh = await run(['show', '261230-1', '--lang', 'zh']);
    expect(zh.stderr).toContain('警告: 尚未载入国务院 2027 年放假通知：2027 年暂按周末和法定假日');
    expect(zh.stdout).toContain('（暂定：未载入国务院放假通知）');

    const explained = await run(['calendar', 'explain', '261230-1'], { env: { COMPLAINTS_NOW: '2026-12-30T11:00:00+08:00' } });
    expect(explained.stdout).toContain("2027-01-01 Fri   —  holiday  New Year's Day (statutory day off, provisional)");
    expect(explained.stdout).toMatch(/2027-01-05 Tue\s+3\s+working day/);
  });

  it('a complaint received before 春节 2027 waits out 除夕 to 初三', async () => {
    const c = await register('2027-02-04T09:00:00+08:00');
    // 02-05 除夕 (Fri), weekend, 02-08 初三 (Mon) off: 02-09, 02-10, 02-11.
    expect(c.deadlines.resolve).toBe('2027-02-11T23:59:59+08:00');
  });

  it('no warning for deadlines inside the covered years', async () => {
    const r = await run([...REGISTER], { env: { COMPLAINTS_NOW: '2026-12-24T10:00:00+08:00' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('calendar import', () => {
  it.skipIf(onServer)(`imports a CSV: every row or none ${SQLITE_TABLES}`, async () => {
    const c = await register();
    const good = file('office.csv', 'date,kind,name\n2026-10-09,holiday,台风停工\n2026/10/11,班,"调休, 补班"\n');
    const r = await run(['calendar', 'import', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 2 day(s)');
    expect(r.stdout).toContain(`Deadlines moved for 1 open complaint(s): ${c.ticket}.`);
    expect(sql('SELECT date, kind, name FROM calendar_overrides ORDER BY date')).toEqual([
      { date: '2026-10-09', kind: 'holiday', name: '台风停工' },
      { date: '2026-10-11', kind: 'workday', name: '调休, 补班' },
    ]);
    // 10-08, (10-09 off), 10-10 worked Saturday, 10-11 the office's worked Sunday.
    expect((await json(['show', c.ticket])).deadlines.resolve).toBe('2026-10-11T23:59:59+08:00');
    expect(sql("SELECT count(*) AS n FROM events WHERE action = 'calendar-set' AND note = 'calendar import office.csv'")[0].n).toBe(2);
  });

  it('refuses a CSV with any bad row, naming each line, and writes nothing', async () => {
    await register();
    const bytes = dbBytes();
    const bad = file('bad.csv', 'date,kind,name\n2026-10-09,holiday,ok\n2026-13-01,holiday,x\n2026-10-12,maybe,\n');
    const r = await run(['calendar', 'import', bad]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('has 2 problem(s); nothing was imported');
    expect(r.stderr).toContain('line 3: "2026-13-01" is not a date');
    expect(r.stderr).toContain('line 4: kind "maybe" must be holiday or workday');
    expect(dbBytes().equals(bytes)).toBe(true);
    const zh = await run(['calendar', 'import', bad, '--lang', 'zh']);
    expect(zh.stderr).toContain('第 3 行：“2026-13-01”不是日期');
  });

  it('refuses a UTF-8 file with a stray byte, naming line, column, offset and byte, and writes nothing', async () => {
    await register();
    const bytes = dbBytes();
    const bad = file('damaged.csv', Buffer.concat([Buffer.from('date,kind,name\n2026-10-09,holiday,台风'), Buffer.from([0xb7]), Buffer.from('停工\n')]));
    const r = await run(['calendar', 'import', bad]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('line 2, column 22 (byte offset 40): 0xB7');
    expect(dbBytes().equals(bytes)).toBe(true);
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    await json(['calendar', 'set', '2026-10-09', 'holiday', '--name', '台风']);
    const bytes = dbBytes();
    const f = file('office.csv', 'date,kind,name\n2026-10-09,holiday,台风\n2026-10-12,holiday,停电\n2026-11-21,workday,\n');
    const r = await run(['calendar', 'import', f, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'date\tkind\tname\tchange',
      '2026-10-09\tholiday\t台风\tunchanged',
      '2026-10-12\tholiday\t停电\tnew',
      '2026-11-21\tworkday\t\tnew',
      'Dry run: 3 day(s) checked — 2 new, 0 changed, 1 unchanged. Nothing was written.',
      '',
    ].join('\n'));
    const j = await json(['calendar', 'import', f, '--dry-run']);
    expect(j).toMatchObject({ dryRun: true, added: 2, changed: 0, unchanged: 1, recounted: [] });
    expect(dbBytes().equals(bytes)).toBe(true);
  });

  it('imports an .ics calendar: all-day events, DTEND exclusive, 班 means a working day', async () => {
    const ics = file('office.ics', [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271004', 'SUMMARY:国庆节(休)', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270926', 'DTEND;VALUE=DATE:20270927', 'SUMMARY:国庆节(班)', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n'));
    const out = await json(['calendar', 'import', ics]);
    expect(out.days.map((d: any) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
      '2027-09-26 workday 国庆节', '2027-10-01 holiday 国庆节', '2027-10-02 holiday 国庆节', '2027-10-03 holiday 国庆节',
    ]);
    const days = await json<any[]>(['calendar', 'show', '--month', '2027-10']);
    expect(days[0]).toMatchObject({ date: '2027-10-01', workday: false, source: 'office', provisional: true });
  });

  it('reads the package\'s own .ics for 2026, which agrees with the official days', async () => {
    const src = path.join(path.dirname(new URL(import.meta.url).pathname), '../../node_modules/chinese-days/dist/years/2026.ics');
    const j = await json(['calendar', 'import', file('2026.ics', fs.readFileSync(src)), '--dry-run']);
    const official = (await json<any[]>(['calendar', 'show', '--year', '2026'])).filter((d) => d.source === 'official');
    expect(j.days.map((d: any) => `${d.date} ${d.kind}`)).toEqual(official.map((d) => `${d.date} ${d.kind}`));
  });

  it('reads a CSV saved by a Chinese spreadsheet in GB18030', async () => {
    // "date,kind,name\n2026-10-09,休,台风停工\n" in GB18030.
    const gb = Buffer.concat([
      Buffer.from('date,kind,name\n2026-10-09,'), Buffer.from([0xd0, 0xdd]), Buffer.from(','),
      Buffer.from([0xcc, 0xa8, 0xb7, 0xe7, 0xcd, 0xa3, 0xb9, 0xa4]), Buffer.from('\n'),
    ]);
    const out = await json(['calendar', 'import', file('gbk.csv', gb)]);
    expect(out.days).toEqual([{ date: '2026-10-09', kind: 'holiday', name: '台风停工', change: 'new' }]);
  });

  it('refuses other file types and missing files', async () => {
    const xlsx = await run(['calendar', 'import', file('days.xlsx', 'x')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('give a .csv file');
    const missing = await run(['calendar', 'import', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv does not exist');
    expect(missing.stderr).not.toContain('ENOENT');
  });
});

describe('the two layers in the database', () => {
  it('a read-only command on an up-to-date database writes nothing', async () => {
    const c = await register();
    const bytes = dbBytes();
    for (const args of [['calendar', 'show'], ['calendar', 'show', '--year', '2026', '--json'], ['show', c.ticket], ['calendar', 'explain', c.ticket]]) {
      expect((await run(args)).code).toBe(0);
      expect(dbBytes().equals(bytes), args.join(' ')).toBe(true);
    }
  });

  it.skipIf(onServer)(`re-seeds the official days when the program's data is newer, and never touches the overrides ${SQLITE_TABLES}`, async () => {
    await json(['calendar', 'set', '2026-10-01', 'workday', '--name', '值班']);
    const version = sql('SELECT version FROM calendar_source')[0].version;
    exec(`UPDATE calendar_source SET version = 'chinese-days@0.0.1#00000000';
      DELETE FROM calendar_official WHERE date = '2026-10-02';
      INSERT INTO calendar_official (date, kind, name) VALUES ('2026-11-20', 'holiday', 'bogus');`);
    const days = await json<any[]>(['calendar', 'show', '--month', '2026-10']);
    expect(days.find((d) => d.date === '2026-10-02')).toMatchObject({ workday: false, source: 'official', name: '国庆节' });
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ workday: true, source: 'office', name: '值班' });
    expect(sql("SELECT count(*) AS n FROM calendar_official WHERE date = '2026-11-20'")[0].n).toBe(0);
    expect(sql('SELECT version FROM calendar_source')[0].version).toBe(version);
    expect(sql('SELECT date, kind, name FROM calendar_overrides')).toEqual([{ date: '2026-10-01', kind: 'workday', name: '值班' }]);
  });

  it.skipIf(onServer)(`re-seeding recounts the open deadlines the new data moves ${SQLITE_TABLES}`, async () => {
    const c = await register();
    // As if an older program's data had lacked the worked Saturday 10-10, and counted 10-12.
    exec(`UPDATE calendar_source SET version = 'chinese-days@0.0.1#00000000';
      DELETE FROM calendar_official WHERE date = '2026-10-10';
      UPDATE complaints SET resolve_due = resolve_due + 2 * 86400000;`);
    expect(sql('SELECT count(*) AS n FROM events')[0].n).toBe(1);
    const shown = await json(['show', c.ticket]);
    expect(shown.deadlines.resolve).toBe('2026-10-10T23:59:59+08:00');
    expect(shown.events.at(-1)).toMatchObject({
      action: 'recount', note: expect.stringMatching(/^official calendar chinese-days@/),
      before: { deadlines: { resolve: '2026-10-12T23:59:59+08:00' } }, after: { deadlines: { resolve: '2026-10-10T23:59:59+08:00' } },
    });
  });

  it.skipIf(onServer)(`a database seeded by a newer program keeps its data, and counts on it ${SQLITE_TABLES}`, async () => {
    await register();
    exec(`UPDATE calendar_source SET version = 'chinese-days@99.0.0#ffffffff', last_year = 2027;
      INSERT INTO calendar_official (date, kind, name, name_en) VALUES ('2027-10-01', 'holiday', '国庆节', 'National Day');`);
    const r = await run(['calendar', 'show', '--month', '2027-10', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ date: '2027-10-01', workday: false, source: 'official', provisional: false });
    expect(sql('SELECT version FROM calendar_source')[0].version).toBe('chinese-days@99.0.0#ffffffff');
  });
});

describe('calendar explain', () => {
  it('shows each deadline and the days counted, day by day', async () => {
    const c = await register();
    const r = await run(['calendar', 'explain', c.ticket]);
    expect(r.code).toBe(0);
    // The steps go by the procedure's names (step.contact: first contact), as `show` names them.
    expect(r.stdout).toContain('First contact: 24 clock hours from 2026-09-30 15:00 → 2026-10-01 15:00');
    expect(r.stdout).toContain('Resolve: 3 working days after 2026-09-30 Wed → due 2026-10-10 23:59:59');
    expect(r.stdout).toContain('  2026-10-01 Thu   —  holiday  National Day');
    expect(r.stdout).toContain('  2026-10-08 Thu   1  working day');
    expect(r.stdout).toContain('  2026-10-10 Sat   3  worked weekend  National Day');
    expect(r.stdout).toContain('Call-back: counted once it is resolved: 5 working days after the day it is resolved.');
    const zh = await run(['calendar', 'explain', c.ticket, '--lang', 'zh']);
    expect(zh.stdout).toContain('处理完成：2026-09-30 周三 之后第 3 个工作日 → 2026-10-10 23:59:59 截止');
    expect(zh.stdout).toContain('  2026-10-10 周六  3  周末调休上班  国庆节');
  });

  it('--json: every deadline with its count, and the call-back from the day it was resolved', async () => {
    const c = await register();
    await json(['resolve', c.ticket, '--resolution', '已修好'], { env: { COMPLAINTS_NOW: '2026-10-09T17:00:00+08:00' } });
    const x = await json(['calendar', 'explain', c.ticket]);
    expect(x).toMatchObject({ ticket: c.ticket, severity: 'general', timeZone: 'Asia/Shanghai', followUpOwed: true });
    // Every step in force, in procedure order; those with no deadline have none.
    expect(x.deadlines.map((d: any) => [d.step, d.due])).toEqual([
      ['dispatch', null],
      ['contact', '2026-10-01T15:00:00+08:00'],
      ['siteCheck', null],
      ['plan', null],
      ['resolve', '2026-10-10T23:59:59+08:00'],
      ['feedback', null],
      ['followUp', '2026-10-15T23:59:59+08:00'],
    ]);
    const fu = x.deadlines[6];
    expect(fu).toMatchObject({ fromDate: '2026-10-09', workdays: 5, recorded: '2026-10-15T23:59:59+08:00', provisional: false });
    // Resolved Friday 10-09: the worked Saturday counts, Sunday does not.
    expect(fu.days.map((d: any) => `${d.date}:${d.count ?? '-'}`)).toEqual([
      '2026-10-10:1', '2026-10-11:-', '2026-10-12:2', '2026-10-13:3', '2026-10-14:4', '2026-10-15:5',
    ]);
  });

  describe('every step of the procedure', () => {
    // An office that times more than contact, resolve and call-back (SPEC §11).
    async function procedure(): Promise<void> {
      for (const [key, value] of [
        ['deadline.general.site_check', '24h'], ['deadline.general.plan', '5d'], ['deadline.general.dispatch', 'eod'],
        ['step.dept_ack.define', 'assignment,部门回应,department acknowledges'], ['deadline.general.dept_ack', '30m'],
      ]) expect((await run(['config', 'set', key, value])).code).toBe(0);
    }
    const AT = { env: { COMPLAINTS_NOW: '2026-10-01T09:00:00+08:00' } };

    it('received the afternoon before National Day: minutes, hours, calendar days, eod and working days, each from its start', async () => {
      await procedure();
      const c = await register();
      // Assigned ten minutes before midnight: 30m runs into the first day of the holiday.
      await json(['assign', c.ticket, '--dept', '工程部', '--no-input'], { env: { COMPLAINTS_NOW: '2026-09-30T23:50:00+08:00' } });
      const r = await run(['calendar', 'explain', c.ticket], AT);
      expect(r.code).toBe(0);
      const text = r.stdout;
      const order = ['Dispatch:', 'First contact:', 'Site check:', 'Plan:', 'Resolve:', 'Feedback to the desk:', 'Call-back:', 'Department acknowledges:'];
      expect(order.map((h) => text.indexOf(`\n${h}`))).toEqual(order.map((h) => text.indexOf(`\n${h}`)).sort((a, b) => a - b));
      expect(order.every((h) => text.includes(`\n${h}`))).toBe(true);
      // eod from a working day: the end of that same day.
      expect(text).toContain('Dispatch: the end of the working day counting starts on, 2026-09-30 Wed → due 2026-09-30 23:59:59\n'
        + '  rule eod, counted from receipt at 2026-09-30 15:00\n  2026-09-30 Wed   1  working day\n');
      expect(text).toContain('First contact: 24 clock hours from 2026-09-30 15:00 → 2026-10-01 15:00');
      expect(text).toContain('Site check: 24 clock hours from 2026-09-30 15:00 → 2026-10-01 15:00');
      // 5d: every calendar day counts, the holiday too — 10-01 … 10-05.
      expect(text).toContain('Plan: 5 calendar days after 2026-09-30 Wed → due 2026-10-05 23:59:59 (every day counts, days off too)\n'
        + '  rule 5d, counted from receipt at 2026-09-30 15:00\n'
        + '  2026-10-01 Thu   1  holiday  National Day\n');
      expect(text).toContain('  2026-10-05 Mon   5  holiday  National Day\n\nResolve:');
      expect(text).toContain('Resolve: 3 working days after 2026-09-30 Wed → due 2026-10-10 23:59:59');
      expect(text).toContain('Feedback to the desk: no deadline.');
      expect(text).toContain('Call-back: counted once it is resolved: 5 working days after the day it is resolved.');
      expect(text).toContain('Department acknowledges: 30 minutes from 2026-09-30 23:50 → 2026-10-01 00:20');
      expect(text).toContain('  rule 30m, counted from the first assignment at 2026-09-30 23:50');
      expect(text).not.toContain('recorded deadline');

      const zh = (await run(['calendar', 'explain', c.ticket, '--lang', 'zh'], AT)).stdout;
      expect(zh).toContain('派单：计时当日（2026-09-30 周三）下班前 → 2026-09-30 23:59:59 截止');
      expect(zh).toContain('整改方案：2026-09-30 周三 之后第 5 个自然日 → 2026-10-05 23:59:59 截止');
      expect(zh).toContain('  规则 5d，自受理（2026-09-30 15:00）起计算');
      expect(zh).toContain('部门回应：自 2026-09-30 23:50 起 30 分钟 → 2026-10-01 00:20');
      expect(zh).toContain('反馈首问：无时限。');

      const x = await json(['calendar', 'explain', c.ticket], AT);
      const by = Object.fromEntries(x.deadlines.map((d: any) => [d.key, d]));
      expect(x.deadlines.map((d: any) => d.key)).toEqual(['dispatch', 'contact', 'site_check', 'plan', 'resolve', 'feedback', 'follow_up', 'dept_ack']);
      expect(by.dispatch).toMatchObject({ step: 'dispatch', rule: 'eod', countsFrom: 'receipt', from: '2026-09-30T15:00:00+08:00',
        due: '2026-09-30T23:59:59+08:00', recorded: '2026-09-30T23:59:59+08:00', fromDate: '2026-09-30' });
      expect(by.dispatch.days.map((d: any) => `${d.date}:${d.count ?? '-'}`)).toEqual(['2026-09-30:1']);
      expect(by.contact).toMatchObject({ step: 'contact', rule: '24h', hours: 24, from: '2026-09-30T15:00:00+08:00', due: '2026-10-01T15:00:00+08:00', days: null });
      expect(by.site_check).toMatchObject({ step: 'siteCheck', rule: '24h', hours: 24, due: '2026-10-01T15:00:00+08:00', recorded: '2026-10-01T15:00:00+08:00' });
      expect(by.plan).toMatchObject({ step: 'plan', rule: '5d', calendarDays: 5, due: '2026-10-05T23:59:59+08:00', fromDate: '2026-09-30' });
      expect(by.plan.days.map((d: any) => `${d.date}:${d.count}:${d.workday}`)).toEqual(
        ['2026-10-01:1:false', '2026-10-02:2:false', '2026-10-03:3:false', '2026-10-04:4:false', '2026-10-05:5:false']);
      expect(by.resolve).toMatchObject({ step: 'resolve', rule: '3wd', workdays: 3, due: '2026-10-10T23:59:59+08:00', extendedUntil: null });
      expect(by.feedback).toMatchObject({ step: 'feedback', rule: 'none', due: null, recorded: null, days: null });
      expect(by.follow_up).toMatchObject({ step: 'followUp', rule: '5wd', countsFrom: 'resolution', from: null, due: null });
      expect(by.dept_ack).toMatchObject({ step: 'deptAck', rule: '30m', minutes: 30, hours: 0.5, countsFrom: 'assignment',
        from: '2026-09-30T23:50:00+08:00', due: '2026-10-01T00:20:00+08:00', recorded: '2026-10-01T00:20:00+08:00' });
      // The dues explained are those the complaint holds.
      const shown = await json(['show', c.ticket], AT);
      for (const d of x.deadlines) if (d.due !== null) expect(shown.deadlines[d.step], d.key).toBe(d.due);
    });

    it('received on a day off: eod and working days start on the next working day, calendar days do not wait', async () => {
      await procedure();
      const c = await register('2026-10-03T11:00:00+08:00', ['--received-at', '2026-10-03T10:00']);
      const x = await json(['calendar', 'explain', c.ticket], AT);
      const by = Object.fromEntries(x.deadlines.map((d: any) => [d.key, d]));
      // 10-03 … 10-07 off: eod is the end of Thursday 10-08.
      expect(by.dispatch).toMatchObject({ due: '2026-10-08T23:59:59+08:00', recorded: '2026-10-08T23:59:59+08:00', fromDate: '2026-10-08' });
      expect(by.dispatch.days.map((d: any) => `${d.date}:${d.count ?? '-'}`)).toEqual(
        ['2026-10-03:-', '2026-10-04:-', '2026-10-05:-', '2026-10-06:-', '2026-10-07:-', '2026-10-08:1']);
      // 3wd after Thursday 10-08: Fri 10-09, the worked Saturday 10-10, Mon 10-12.
      expect(by.resolve).toMatchObject({ due: '2026-10-12T23:59:59+08:00', recorded: '2026-10-12T23:59:59+08:00', fromDate: '2026-10-08' });
      expect(by.resolve.days.map((d: any) => `${d.date}:${d.count ?? '-'}`)).toEqual(['2026-10-09:1', '2026-10-10:2', '2026-10-11:-', '2026-10-12:3']);
      // 5d counts from the day received, holiday or not: 10-04 … 10-08.
      expect(by.plan).toMatchObject({ due: '2026-10-08T23:59:59+08:00', fromDate: '2026-10-03' });
      expect(by.site_check.due).toBe('2026-10-04T10:00:00+08:00');
      expect(by.dept_ack).toMatchObject({ from: null, due: null, recorded: null });
      const text = (await run(['calendar', 'explain', c.ticket], AT)).stdout;
      expect(text).toContain('Resolve: 3 working days after 2026-10-08 Thu → due 2026-10-12 23:59:59\n'
        + '  rule 3wd, counted from receipt at 2026-10-03 10:00\n'
        + '  2026-10-03 Sat is a day off: counting starts on the next working day, 2026-10-08 Thu.\n');
      expect(text).toContain('  2026-10-03 Sat   —  holiday  National Day\n');
      expect(text).toContain('Department acknowledges: counted once it is first assigned: 30 minutes after it.');
    });

    it('a step done under an older rule shows the due it gives now and the one it was done against', async () => {
      await procedure();
      const c = await register();
      await json(['step', c.ticket, 'site_check'], { env: { COMPLAINTS_NOW: '2026-10-01T10:00:00+08:00' } });
      expect((await run(['config', 'set', 'deadline.general.site_check', '48h'], AT)).code).toBe(0);
      const x = await json(['calendar', 'explain', c.ticket], AT);
      expect(x.deadlines.find((d: any) => d.key === 'site_check')).toMatchObject({
        rule: '48h', hours: 48, due: '2026-10-02T15:00:00+08:00', recorded: '2026-10-01T15:00:00+08:00',
      });
      const text = (await run(['calendar', 'explain', c.ticket], AT)).stdout;
      expect(text).toContain('Site check: 48 clock hours from 2026-09-30 15:00 → 2026-10-02 15:00');
      expect(text).toContain('  recorded deadline: 2026-10-01 15:00 (counted when the calendar or the rule was different');
    });
  });

  it('an unknown ticket exits 3', async () => {
    await register();
    const r = await run(['calendar', 'explain', '260101-9']);
    expect(r.code).toBe(3);
  });
});

describe('the built binary under a clock zone behind UTC', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('gives the same answers with TZ=America/Los_Angeles as with TZ=Asia/Shanghai', () => {
    const outputs = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Honolulu'].map((tz) => {
      const e = { COMPLAINTS_DB: tempDb(), COMPLAINTS_ACTOR: 'li', COMPLAINTS_LANG: 'en', TZ: tz };
      const at = (now: string) => ({ ...e, COMPLAINTS_NOW: now });
      const out: string[] = [];
      // Received 01:00 on 10-09 in Shanghai — still 10-08 in Los Angeles: counting must start from 10-09.
      const reg = spawnCli([...REGISTER, '--received-at', '2026-10-09T01:00', '--json'], at('2026-10-09T02:00:00+08:00'));
      expect(reg.code, reg.stderr).toBe(0);
      expect(JSON.parse(reg.stdout).deadlines.resolve).toBe('2026-10-13T23:59:59+08:00');
      out.push(reg.stdout);
      const before = spawnCli([...REGISTER, '--phone', '13900139000', '--unit', '1-1-101', '--json'], at(NOW));
      expect(JSON.parse(before.stdout).deadlines.resolve).toBe('2026-10-10T23:59:59+08:00');
      out.push(before.stdout);
      for (const args of [['calendar', 'explain', '261009-1', '--json'], ['calendar', 'show', '--month', '2026-10', '--json'], ['calendar', 'show', '--year', '2026']]) {
        const r = spawnCli(args, at('2026-10-09T02:00:00+08:00'));
        expect(r.code, r.stderr).toBe(0);
        out.push(r.stdout);
      }
      return out.join('\n---\n');
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });
});

describe('doctor and provisional years', () => {
  const NOTICE_2027 = ['date,kind,name', '2027-01-01,holiday,元旦',
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d},holiday,春节`), '2027-02-14,workday,春节',
    '2027-04-05,holiday,清明', ...['01', '02', '03', '04', '05'].map((d) => `2027-05-${d},holiday,劳动节`), '2027-04-25,workday,劳动节',
    '2027-06-09,holiday,端午', '2027-09-15,holiday,中秋', ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d},holiday,国庆节`),
  ].join('\n') + '\n';

  it('in December: warns of open deadlines in a provisional year and of next year\'s missing notice, and still exits 0', async () => {
    await register('2026-12-30T10:00:00+08:00');
    await register('2026-12-01T10:00:00+08:00', ['--phone', '13900139000', '--unit', '1-1-101']);
    const r = await run(['doctor', '--json'], { env: { COMPLAINTS_NOW: '2026-12-30T12:00:00+08:00' } });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.ok).toBe(true);
    expect(d.problems).toEqual([]);
    expect(d.warnings).toHaveLength(2);
    expect(d.warnings[0]).toMatch(/^1 open complaint\(s\) have a deadline in a provisional year \(2027\): .*`complaints calendar import/);
    expect(d.warnings[1]).toMatch(/^the State Council's holiday notice for 2027 is not loaded yet .*`complaints calendar import <file.csv\|file.ics>`/);
    const zh = await run(['doctor', '--lang', 'zh'], { env: { COMPLAINTS_NOW: '2026-12-30T12:00:00+08:00' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('提示: 1 件未结投诉的时限落在暂定年份（2027）');
    expect(zh.stdout).toContain('提示: 尚未载入国务院 2027 年放假通知（通常于11月发布）');
  });

  it('in November, with nothing open: only next year\'s notice', async () => {
    expect((await run(['init'])).code).toBe(0);
    const d = await json(['doctor'], { env: { COMPLAINTS_NOW: '2026-11-02T09:00:00+08:00' } });
    expect(d.warnings).toEqual([expect.stringMatching(/^the State Council's holiday notice for 2027 is not loaded yet/)]);
  });

  it('in October: no warning yet, and none in November when next year is covered', async () => {
    await register('2026-10-20T10:00:00+08:00');
    expect((await json(['doctor'], { env: { COMPLAINTS_NOW: '2026-10-31T23:00:00+08:00' } })).warnings).toEqual([]);
    expect((await json(['doctor'], { env: { COMPLAINTS_NOW: '2025-11-15T09:00:00+08:00' } })).warnings).toEqual([]);
  });

  it('this year itself provisional is said too', async () => {
    expect((await run(['init'])).code).toBe(0);
    const d = await json(['doctor'], { env: { COMPLAINTS_NOW: '2027-03-01T09:00:00+08:00' } });
    expect(d.warnings).toContain('the calendar of 2027, this year, is provisional (no State Council notice loaded): `complaints calendar import <file>` loads it.');
  });

  it.skipIf(onServer)("once the notice is loaded with calendar import, the year is covered: no warnings, deadlines not provisional (SQLite file only: the coverage line of a file's doctor)", async () => {
    const c = await register('2026-12-30T10:00:00+08:00');
    const imported = await run(['calendar', 'import', file('2027.csv', NOTICE_2027)], { env: { COMPLAINTS_NOW: '2026-12-30T11:00:00+08:00' } });
    expect(imported.code).toBe(0);
    const d = await json(['doctor'], { env: { COMPLAINTS_NOW: '2026-12-30T12:00:00+08:00' } });
    expect(d.warnings).toEqual([]);
    const shown = await run(['show', c.ticket, '--json'], { env: { COMPLAINTS_NOW: '2026-12-30T12:00:00+08:00' } });
    expect(shown.stderr).toBe('');
    expect(JSON.parse(shown.stdout).deadlineStatus.find((x: any) => x.step === 'resolve')).toMatchObject({ due: '2027-01-05T23:59:59+08:00', provisional: false });
    const text = await run(['doctor'], { env: { COMPLAINTS_NOW: '2027-01-02T12:00:00+08:00' } });
    expect(text.stdout).toMatch(/Calendar: 2004–2026 .*; 2027 ok/);
  });
});
