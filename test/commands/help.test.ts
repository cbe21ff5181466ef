// SPEC §8: `complaints help <command>` and `--help` show options with an example,
// and (ARCHITECTURE 2) never open a database.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { cli, refusingPrompter, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

const names = (await buildProgram(createContext(
  { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, stdoutIsTTY: false },
  testEnv(tempDb()), refusingPrompter(), {},
), COMMANDS)).commands.map((c) => c.name());

describe('help', () => {
  it('lists every command, the exit codes and the environment', async () => {
    const db = tempDb();
    const r = await cli(['--help'], { env: testEnv(db) });
    expect(r.code).toBe(0);
    for (const name of names) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('Exit codes');
    expect(r.stdout).toContain('COMPLAINTS_NOW');
    expect(names).toHaveLength(COMMANDS.length);
    expect(fs.existsSync(db)).toBe(false);
  });

  it.each(names)('`complaints help %s` shows its options with an example, without a database', async (name) => {
    const db = tempDb();
    const viaHelp = await cli(['help', name], { env: testEnv(db) });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/Examples?:/);
    expect(viaHelp.stdout).toContain(`complaints ${name}`);
    const viaFlag = await cli([name, '--help'], { env: testEnv(db) });
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await cli(['--lang', 'zh', '--help'], { env: testEnv(tempDb()) });
    expect(r.stdout).toContain('退出码');
    expect(r.stdout).toContain('登记一条投诉');
  });
});
