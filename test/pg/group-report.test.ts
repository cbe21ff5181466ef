// A group's report merges its offices' counts instead of reading every
// office's rows a second time. Proven against the old way on a real server:
// two generated registers moved in as offices (one under the 002 procedure),
// then for random periods each office's one-pass counts and the merged
// group's give exactly what the query-per-figure oracle gives reading that
// office, or all offices at once.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDatabase } from '../bench/generate.mjs';
import { cliOk, removeTempDirs, tempDir, testEnv } from '../helpers.js';
import { usePgServer } from '../support/pg-test-db.js';
import { reportCountsByQueries } from '../support/report-oracle.js';
import { random, randomPeriod } from '../support/random-periods.js';
import { actingFor, actingForAll, closeServer, openServer, type ServerStore } from '../../src/storage/postgres/open.js';
import { listOffices } from '../../src/storage/postgres/offices.js';
import { periodCounts } from '../../src/storage/report-queries.js';
import { loadSettings } from '../../src/storage/settings.js';
import { loadCalendar } from '../../src/storage/calendar.js';
import { mergePeriodCounts, withGroups, type PeriodCounts } from '../../src/domain/report-merge.js';
import { buildReport, trendMonths } from '../../src/domain/report.js';
import { stepsInForce } from '../../src/domain/steps.js';

const NOW = '2026-11-23T10:00:00+08:00';
const server = usePgServer();
let url: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  url = (await server.freshDatabase()).url();
  for (const [code, count, profile] of [['NA', 1200, false], ['NB', 1600, true]] as const) {
    const file = path.join(tempDir(), `${code}.db`);
    await ensureDatabase(count, { out: file, log: () => {} });
    const env = testEnv(file, { COMPLAINTS_NOW: NOW });
    if (profile) await cliOk(['config', 'profile', 'apply', 'longhu'], { env });
    await cliOk(['migrate', '--to', url, '--office', code], { env });
  }
}, 240_000);

describe("a group's report from its offices' counts", () => {
  test('each office and the group give the old figures exactly, for 20 random periods', async () => {
    const now = Date.parse(NOW);
    const s: ServerStore = await openServer(url, { office: null, officeOptional: true, now });
    try {
      const offices = await listOffices(s);
      expect(offices.map((o) => o.code)).toEqual(['NA', 'NB']);
      // The group's figures are worked out under one office's settings and calendar (whoever asks).
      const first = await actingFor(s, offices[0]);
      const settings = await loadSettings(first);
      const calendar = await loadCalendar(first);
      const tz = settings.timeZone;
      const steps = stepsInForce(settings.procedure).map((d) => d.key);
      const r = random(7);
      for (let i = 0; i < 20; i++) {
        const p = randomPeriod(r, tz);
        const at = p.from + Math.floor(r() * (now - p.from));
        const months = trendMonths(p, tz);
        const report = (c: Parameters<typeof buildReport>[1]) => buildReport(p, c, calendar, tz, 'x', steps);
        const parts: PeriodCounts[] = [];
        for (const office of offices) {
          const one = await actingFor(s, office);
          const counts = await periodCounts(one, p, at, months);
          parts.push(counts);
          expect(report(withGroups(counts, settings)), `${office.code} ${p.label}`).toEqual(report(await reportCountsByQueries(one, p, at, settings, months)));
        }
        const all = await actingForAll(s, offices);
        expect(report(withGroups(mergePeriodCounts(parts), settings)), `group ${p.label}`)
          .toEqual(report(await reportCountsByQueries(all, p, at, settings, months)));
      }
    } finally {
      await closeServer(s);
    }
  }, 240_000);
});
