// config set refuses a value outside its range or out of order with another
// setting, leaving the file byte-identical; a value stored out of range by an
// older version does not stop the desk.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, type Env, onServer } from '../helpers.js';
import { SETTING_KEYS } from '../../src/domain/settings.js';

afterAll(removeTempDirs);

let db: string;
let env: Env;
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  expect((await cli(['init'], { env })).code).toBe(0);
});

const RANGED = Object.entries(SETTING_KEYS).filter(([, d]) => d.range);
const outside = RANGED.flatMap(([key, d]) => {
  const step = d.kind === 'yuan' ? 0.01 : 1;
  const fmt = (n: number) => String(Math.round(n * 100) / 100);
  return [[key, fmt(d.range!.min - step), d.range!], [key, fmt(d.range!.max + step), d.range!]] as const;
});

describe('config set refuses what is out of range', () => {
  it.each(outside)('%s %s → exit 2 naming the range, file unchanged', async (key, value, range) => {
    const before = dbBytes(db);
    const r = await cli(['config', 'set', key, value], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`from ${range.min} to ${range.max}`);
    expect(r.stdout).toBe('');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('the value of the report: 999999999 working days, in both languages', async () => {
    const before = dbBytes(db);
    const en = await cli(['config', 'set', 'deadline.general.resolve_workdays', '999999999'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('at most a year (250wd');
    const zh = await cli(['--lang', 'zh', 'config', 'set', 'deadline.general.resolve_workdays', '999999999'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('最长一年（250wd');
    expect(dbBytes(db).equals(before)).toBe(true);
  });

  it('a value that would put two settings out of order names the one in the way', async () => {
    const before = dbBytes(db);
    const up = await cli(['config', 'set', 'threshold.important_claim_yuan', '30000'], { env });
    expect(up.code).toBe(2);
    expect(up.stderr).toContain('may not be above threshold.major_claim_yuan, which is 20000');
    const down = await cli(['config', 'set', 'threshold.major_claim_yuan', '4999.99'], { env });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('may not be below threshold.important_claim_yuan, which is 5000');
    const approval = await cli(['--lang', 'zh', 'config', 'set', 'approval.general_manager_from_yuan', '20000.01'], { env });
    expect(approval.code).toBe(2);
    expect(approval.stderr).toContain('不得高于 approval.committee_from_yuan（当前为 20000）');
    expect(dbBytes(db).equals(before)).toBe(true);
    // In order, both move: raise the upper one first.
    expect((await cli(['config', 'set', 'threshold.major_claim_yuan', '40000'], { env })).code).toBe(0);
    expect((await cli(['config', 'set', 'threshold.important_claim_yuan', '30000'], { env })).code).toBe(0);
  });
});

describe.skipIf(onServer)(`a setting stored out of range by an older version (SQLite file only: reads or changes its tables with better-sqlite3)`, () => {
  it('is used at the nearest end of its range, with a warning that says how to fix it', async () => {
    const file = tempDb();
    const e = testEnv(file);
    expect((await cli(['init'], { env: e })).code).toBe(0);
    const sqlite = new Database(file);
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('deadline.general.resolve_workdays', '999999999')").run();
    sqlite.close();
    const r = await cli([...registerArgs(), '--json'], { env: e });
    expect(r.code).toBe(0);
    // Once, not once per deadline computed (beside the calendar's own note that 2027 is not covered).
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('setting'))).toEqual([
      'warning: the setting deadline.general.resolve_workdays holds "999999999", outside 1–250; 250wd is used instead. Set it with `complaints config set deadline.general.resolve_workdays <value>`.',
    ]);
    const due = JSON.parse(r.stdout).deadlines.resolve as string;
    expect(due.slice(0, 4)).toBe('2027');
    expect((await cli(['config', 'set', 'deadline.general.resolve_workdays', '3'], { env: e })).code).toBe(0);
    const after = await cli(['show', '260912-1', '--json'], { env: e });
    expect(after.stderr).not.toContain('setting');
    expect((await cliJson(['config', 'get', 'deadline.general.resolve_workdays'], { env: e }))['deadline.general.resolve_workdays']).toBe('3wd');
  });
});
