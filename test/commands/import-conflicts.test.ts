// An import's dry run checks exactly what the import checks (one validation
// for both): a kept ticket whose year and running count belong to another
// ticket — in the database or earlier in the file — is refused by line with
// exit 2 on both paths, never a raw UNIQUE failure.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

function csv(lines: string[]): string {
  const file = path.join(tempDir(), 'r.csv');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

async function refusedBoth(env: Env, file: string, words: string[]): Promise<void> {
  const before = dbBytes(env.COMPLAINTS_DB!);
  for (const dry of [['--dry-run'], []]) {
    const r = await cli(['import', file, ...dry], { env });
    expect(r.code, r.stderr).toBe(2);
    for (const w of words) expect(r.stderr).toContain(w);
    expect(r.stderr).not.toContain('UNIQUE');
    expect(r.stdout).toBe('');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  }
}

describe('kept tickets whose count is taken', () => {
  it('260911001 when 260910001 is in the database: refused by the dry run and the import alike', async () => {
    const env = { ...testEnv(tempDb()), COMPLAINTS_NOW: '2026-09-10T10:00:00+08:00' };
    const r = await cli(registerArgs(), { env });
    expect(r.code, r.stderr).toBe(0);
    const file = csv(['ticket,receivedAt,name,description', '260911001,2026-09-11 09:00,张三,电梯坏了']);
    await refusedBoth({ ...env, COMPLAINTS_NOW: '2026-09-12T10:00:00+08:00' }, file, ['row 2 (ticket 260911001)', 'count 1 of 2026', '260910001']);
  });

  it('two kept tickets of one year and count in the same file', async () => {
    const env = testEnv(tempDb());
    expect((await cli(registerArgs(), { env })).code).toBe(0);
    const file = csv([
      'ticket,receivedAt,name,description',
      '260910005,2026-09-10 09:00,张三,电梯坏了',
      '260911005,2026-09-11 09:00,李四,漏水',
    ]);
    await refusedBoth(env, file, ['row 3 (ticket 260911005)', 'count 5 of 2026', '260910005', 'row 2']);
  });

  it('the dry run passes what the import then takes', async () => {
    const env = testEnv(tempDb());
    expect((await cli(registerArgs(), { env })).code).toBe(0);
    const file = csv(['ticket,receivedAt,name,description', '260911007,2026-09-11 09:00,张三,电梯坏了', ',2026-09-11 10:00,李四,漏水']);
    expect(await cliJson(['import', file, '--dry-run'], { env })).toMatchObject({ rows: 2, kept: 1, renumbered: 1 });
    expect(await cliJson(['import', file], { env })).toMatchObject({ tickets: ['260911007', '260911008'] });
  });
});
