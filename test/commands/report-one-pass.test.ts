// The report's figures come from one pass over a period's complaints (and a
// few index-range counts) instead of one query per figure. Proven here the
// way the change must hold: on generated registers, with and without an
// office's procedure applied, for random months, weeks and ranges at random
// "now"s, the one pass and the old query-per-figure oracle give the same
// report to the last digit.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ensureDatabase } from '../bench/generate.mjs';
import { openStore } from '../../src/storage/sqlite/open.js';
import { reportCounts } from '../../src/storage/report-queries.js';
import { loadSettings } from '../../src/storage/settings.js';
import { loadCalendar } from '../../src/storage/calendar.js';
import { buildReport, monthPeriod, rangePeriod, trendMonths, weekPeriod, type Period } from '../../src/domain/report.js';
import { stepsInForce } from '../../src/domain/steps.js';
import { addDays } from '../../src/domain/time.js';
import { reportCountsByQueries } from '../support/report-oracle.js';
import { cliOk, onServer, removeTempDirs, tempDir, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

/** Deterministic, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function randomPeriod(r: () => number, tz: string): Period {
  const year = 2021 + Math.floor(r() * 6);
  const month = 1 + Math.floor(r() * 12);
  switch (Math.floor(r() * 3)) {
    case 0: return monthPeriod(`${year}-${pad(month)}`, tz);
    case 1: return weekPeriod(`${year}-W${pad(1 + Math.floor(r() * 52))}`, tz);
    default: {
      const from = `${year}-${pad(month)}-${pad(1 + Math.floor(r() * 28))}`;
      return rangePeriod(from, addDays(from, Math.floor(r() * 200)), tz);
    }
  }
}

/** A register generated as the benchmark's, small; optionally with the 002 profile's steps and reports up. */
async function generated(profile: boolean): Promise<string> {
  const file = path.join(tempDir(), 'register.db');
  await ensureDatabase(3000, { out: file, log: () => {} });
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
