// SPEC §11: deadlines in minutes and hours are clock time, working days and
// eod follow the office's calendar in the office's zone — the same answers
// whatever zone the machine running the program is set to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, registerArgs, removeTempDirs, spawnCli, tempDb, testEnv } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function deadlinesUnder(tz: string): Record<string, string | null> {
  const env = testEnv(tempDb(), { TZ: tz, COMPLAINTS_NOW: '2026-09-30T22:30:00+08:00' });
  for (const [key, value] of [['deadline.general.dispatch', 'eod'], ['deadline.general.site_check', '90m'], ['deadline.general.plan', '2d']]) {
    const r = spawnCli(['config', 'set', key, value], env);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  // Received Wednesday 2026-09-30 22:30, the eve of 国庆 (10-01..07 off, Saturday 10-10 worked):
  // dispatch eod the same night; site check 90 minutes on the clock; plan 2 calendar days, holidays
  // counted; resolve 3 working days: 10-08, 10-09 and the worked Saturday 10-10.
  const r = spawnCli([...registerArgs({ 'received-at': '2026-09-30T22:30' }), '--json'], env);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).deadlines;
}

describe('the procedure under any zone of the machine', () => {
  it('gives the same deadlines in Shanghai, Los Angeles and UTC', () => {
    const expected = {
      dispatch: '2026-09-30T23:59:59+08:00', contact: '2026-10-01T22:30:00+08:00', siteCheck: '2026-10-01T00:00:00+08:00',
      plan: '2026-10-02T23:59:59+08:00', resolve: '2026-10-10T23:59:59+08:00', feedback: null, followUp: null,
    };
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) expect(deadlinesUnder(tz), tz).toEqual(expected);
  });
});
