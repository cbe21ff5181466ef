// The everyday desk end to end through the built binary, with no terminal:
// edit, undo, my work and today (SPEC §13, §16), and their refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbBytes, ensureBuilt, registerArgs, removeTempDirs, spawnCli, tempDb, testEnv } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

describe('the desk through the binary', () => {
  it('corrects, takes back, finds one\'s own work and shows the day', () => {
    const db = tempDb();
    const env = testEnv(db);
    const json = (args: string[]) => {
      const r = spawnCli([...args, '--json'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    json(registerArgs());
    expect(json(['edit', '260912-1', '--phone', '13900008000', '--households', '5', '--reason', '核实'])).toMatchObject({
      complainant: { phone: '13900008000' }, households: 5, severity: 'major',
    });
    json(['resolve', '260912-1', '--resolution', '已修复']);
    expect(json(['undo', '260912-1', '--reason', '尚未修好'])).toMatchObject({ status: 'registered', resolvedAt: null });
    expect(json(['list', '--mine', '--phone', '8000', '--estate', '阳光']).map((c: any) => c.ticket)).toEqual(['260912001']);
    const today = json(['today']);
    expect(today.dueToday.items.map((c: any) => c.ticket)).toEqual(['260912001']);
    expect(today.month.received).toBe(1);

    // Refusals: their exit code, a message, nothing on stdout, the database unchanged.
    const before = dbBytes(db);
    for (const [args, code] of [
      [['edit', '260912-1', '--reason', 'x'], 2],
      [['edit', '260912-1', '--phone', '13900008000'], 2],
      [['edit', '260912-9', '--phone', '13900008001', '--reason', 'x'], 3],
      [['undo', '260912-1'], 2],
      [['list', '--phone', '800'], 2],
    ] as [string[], number][]) {
      const r = spawnCli(args, env);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    }
    expect(dbBytes(db).equals(before)).toBe(true);
    json(['undo', '260912-1', '--reason', '改回']); // the edit
    const after = dbBytes(db);
    expect(before.equals(after)).toBe(false);
    const r = spawnCli(['undo', '260912-1', '--reason', 'x'], env);
    expect(r.code).toBe(4);
    expect(dbBytes(db).equals(after)).toBe(true);
  });
});
