// My work (SPEC §16): `list --mine`, `--receiver`, `--flagged`, a phone by
// its last four digits, part of an estate's or an assignee's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
let db: string;

// The acting user is li (on a server, the login role).
// 260912001 received by li, 阳光海岸, 13800138000, assigned to 张工
// 260912002 received by wang, 阳光海岸二期, 13900138000, assigned to li
// 260912003 received by wang, 翠湖花园, 010-12348000; unsatisfied twice: flagged
// 260912004 received by wang, 翠湖花园, 13700137000
beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  await cliOk(registerArgs(), { env });
  await cliOk(registerArgs({ phone: '13900138000', estate: '阳光海岸二期', unit: '1-1-101', description: '电梯故障', receiver: 'wang' }), { env });
  await cliOk(registerArgs({ phone: '010-12348000', estate: '翠湖花园', unit: '2-1-201', description: '外墙渗水', receiver: 'wang' }), { env });
  await cliOk(registerArgs({ phone: '13700137000', estate: '翠湖花园', unit: '3-1-301', description: '停车位被占', receiver: 'wang' }), { env });
  await cliOk(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], { env });
  await cliOk(['assign', '260912-2', '--dept', '工程部', '--to', 'li'], { env });
  await cliOk(['escalate', '260912-3', '--to', 'major', '--reason', '媒体'], { env });
  await cliOk(['resolve', '260912-3', '--resolution', '已修'], { env });
  await cliOk(['follow-up', '260912-3', '--satisfaction', '5'], { env });
});

async function tickets(args: string[]): Promise<string[]> {
  return (await cliJson(['list', ...args], { env })).map((c: any) => c.ticket).sort();
}

describe('my work', () => {
  it.each([
    [['--mine'], 'li', ['260912001', '260912002']],
    [['--receiver', 'wang'], 'li', ['260912002', '260912003', '260912004']],
    [['--flagged'], 'li', ['260912003']],
    [['--phone', '8000'], 'li', ['260912001', '260912002', '260912003']],
    [['--phone', '7000'], 'li', ['260912004']],
    [['--phone', '13800138000'], 'li', ['260912001']],
    [['--estate', '阳光'], 'li', ['260912001', '260912002']],
    [['--estate', '阳光海岸'], 'li', ['260912001', '260912002']],
    [['--estate', '二期'], 'li', ['260912002']],
    [['--estate', '翠湖', '--phone', '8000'], 'li', ['260912003']],
    [['--assignee', '张'], 'li', ['260912001']],
    [['--assignee', 'L'], 'li', ['260912002']],
    [['--estate', '50%'], 'li', []],
  ])('list %j as %s', async (args, _actor, expected) => {
    expect(await tickets(args as string[])).toEqual(expected);
  });

  it('a phone that is neither whole nor four digits is refused, saying both forms', async () => {
    const before = dbBytes(db);
    const r = await cli(['list', '--phone', '800'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('last four digits (8000)');
    expect(dbBytes(db).equals(before)).toBe(true);
    const zh = await cli(['--lang', 'zh', 'list', '--phone', '800'], { env });
    expect(zh.stderr).toContain('后四位');
  });
});
