// The report's figures come from one pass over a period's complaints (and a
// few index-range counts) instead of one query per figure. Proven here the
// way the change must hold: on generated registers, with and without an
// office's procedure applied, for random months, weeks and ranges at random
// "now"s, the one pass and the old query-per-figure oracle give the same
// report to the last digit.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureDatabase } from '../bench/generate.mjs';
import { openStore } from '../../src/storage/sqlite/open.js';
import { reportCounts } from '../../src/storage/report-queries.js';
import { loadSettings } from '../../src/storage/settings.js';
import { loadCalendar } from '../../src/storage/calendar.js';
import { buildReport, trendMonths } from '../../src/domain/report.js';
import { random, randomPeriod } from '../support/random-periods.js';
import { stepsInForce } from '../../src/domain/steps.js';
import { reportCountsByQueries } from '../support/report-oracle.js';
import { cliOk, onServer, removeTempDirs, tempDir, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

/**
 * Raisings the generator does not make: every 40th complaint raised to major
 * a day after receipt (an escalate event), every 97th major and re-classified
 * at major, its severity unchanged (an event naming major that raises nothing).
 */
function addRaisings(file: string): void {
  const db = new Database(file);
  db.exec(`
    INSERT INTO events (complaint_id, at, actor, action, before, after, note)
      SELECT id, received_at + 86400000, 'test', 'escalate', json_object('severity', severity), json_object('severity', 'major'), NULL
      FROM complaints WHERE id % 40 = 0 AND severity <> 'major';
    UPDATE complaints SET severity = 'major' WHERE id % 40 = 0;
    UPDATE complaints SET severity = 'major' WHERE id % 97 = 0;
    INSERT INTO events (complaint_id, at, actor, action, before, after, note)
      SELECT id, received_at + 3600000, 'test', 'classify', json_object('severity', 'major'), json_object('severity', 'major'), NULL
      FROM complaints WHERE id % 97 = 0;`);
  db.close();
}

/** A register generated as the benchmark's, small, with raisings; optionally with the 002 profile's steps and reports up. */
async function generated(profile: boolean): Promise<string> {
  const file = path.join(tempDir(), 'register.db');
  await ensureDatabase(3000, { out: file, log: () => {} });
  addRaisings(file);
  if (profile) await cliOk(['config', 'profile', 'apply', 'longhu'], { env: testEnv(file, { COMPLAINTS_NOW: '2026-11-23T10:00:00+08:00' }) });
  return file;
}

describe.skipIf(onServer)('reports in one pass (generated SQLite registers; the server runs the same code through the report tests)', () => {
  for (const profile of [false, true]) {
    it(`gives the query-per-figure figures exactly, for 40 random periods${profile ? ', under the 002 procedure' : ''}`, async () => {
      const s = openStore(await generated(profile), Date.parse('2026-11-23T10:00:00+08:00'), { create: false });
      const settings = await loadSettings(s);
      const calendar = await loadCalendar(s);
      const tz = settings.timeZone;
      const steps = stepsInForce(settings.procedure).map((d) => d.key);
      const r = random(profile ? 2 : 1);
      for (let i = 0; i < 40; i++) {
        const p = randomPeriod(r, tz);
        const now = p.from + Math.floor(r() * (Date.parse('2026-11-23T10:00:00+08:00') - p.from));
        const trend = trendMonths(p, tz);
        const one = buildReport(p, await reportCounts(s, p, now, settings, trend), calendar, tz, 'x', steps);
        const old = buildReport(p, await reportCountsByQueries(s, p, now, settings, trend), calendar, tz, 'x', steps);
        expect(one, `${p.label} at ${new Date(now).toISOString()}`).toEqual(old);
        expect(JSON.stringify(one)).toBe(JSON.stringify(old));
      }
      s.sqlite.close();
    }, 120_000);
  }
});
