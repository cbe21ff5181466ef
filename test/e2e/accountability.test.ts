// SPEC §12 end to end through the built binary (node bin/complaints.js), with
// no terminal: the staff list and who may approve, approval before the work,
// incident facts, cause and correction, a failed spot check, a group complaint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbBytes, ensureBuilt, registerArgs, removeTempDirs, spawnCli, tempDb, testEnv } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

describe('money and accountability through the binary', () => {
  it('approves, resolves within the approval, checks, and groups; refusals exit 2 or 4 and change nothing', () => {
    const db = tempDb();
    const env = testEnv(db);
    const step = (args: string[]): any => {
      const r = spawnCli([...args, '--json'], env);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const refused = (args: string[], code: number, words: string) => {
      const before = dbBytes(db);
      const r = spawnCli(args, env);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(words);
      expect(dbBytes(db).equals(before)).toBe(true);
    };

    step(['staff', 'add', '王经理', '--role', 'dept_head', '--dept', '工程部']);
    step(['staff', 'add', '李总', '--role', 'general_manager']);
    const c = step(registerArgs({ about: '张工', 'happened-at': '2026-09-11T15:00', place: '3号楼' }));
    expect(c).toMatchObject({ about: '张工', place: '3号楼', possiblyInvalid: false });
    refused(['assign', '260912-1', '--dept', '工程部', '--to', '张工'], 4, 'about 张工');
    step(['assign', '260912-1', '--dept', '工程部', '--to', '刘工']);
    refused(['approve', '260912-1', '--amount', '6800', '--by', '王经理'], 2, 'general manager');
    expect(step(['approve', '260912-1', '--amount', '6800', '--by', '王经理,李总']).approvals[0]).toMatchObject({ approvedBy: '李总', reviewedBy: ['王经理'] });
    refused(['resolve', '260912-1', '--resolution', '赔偿', '--cost', '7000'], 4, 'approve 260912001');
    const res = step(['resolve', '260912-1', '--resolution', '赔偿地板', '--cost', '6800', '--cause', '施工损坏', '--action', '施工前铺保护层']);
    expect(res).toMatchObject({ status: 'resolved', cost: 6800, approvedBy: '李总', cause: '施工损坏', correctiveAction: '施工前铺保护层' });
    const failed = step(['audit', '260912-1', '--result', 'fail', '--note', '地板仍翘起']);
    expect(failed).toMatchObject({ status: 'assigned', severity: 'important' });
    refused(['audit', '260912-1', '--result', 'pass', '--note', 'x'], 4, 'cannot audit');

    for (const n of [1, 2, 3, 4, 5]) step(registerArgs({ phone: `1350013500${n}`, unit: `9-1-10${n}`, description: `车库渗水 ${n}` }));
    refused(['group', '260912-2', '260912-3', '260912-4', '260912-5', '--reason', '车库渗水'], 2, '5 or more different units');
    const g = step(['group', '260912-2', '260912-3', '260912-4', '260912-5', '260912-6', '--reason', '车库渗水']);
    expect(g.complaints.map((x: { severity: string }) => x.severity)).toEqual(['major', 'major', 'major', 'major', 'major']);
    expect(step(['list', '--group']).length).toBe(5);
    const report = step(['report', 'range', '--from', '2026-09-01', '--to', '2026-09-30']);
    expect(report.audits).toEqual({ done: 1, failed: 1 });
    expect(report.confirmedGroups[0].tickets).toEqual(['260912002', '260912003', '260912004', '260912005', '260912006']);
  });
});
