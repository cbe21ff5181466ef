// edit corrects the incident's facts recorded at intake (SPEC §12 `--about
// --happened-at --place`, SPEC §13 edit), as an edit event with before and after.
import { afterAll, expect, test } from 'vitest';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

test('edit --about --happened-at --place corrects the incident, on the timeline', async () => {
  const db = tempDb();
  const env = testEnv(db);
  const c = await cliJson([...registerArgs({ about: '保安甲', place: '北门', 'happened-at': '2026-09-11T20:00' }), '--json'], { env });
  expect(c).toMatchObject({ about: '保安甲', place: '北门' });
  const edited = await cliJson(['edit', c.ticket, '--about', '保安乙', '--place', '南门岗亭', '--happened-at', '2026-09-11T21:30',
    '--reason', '业主更正当班保安', '--json'], { env });
  expect(edited).toMatchObject({ about: '保安乙', place: '南门岗亭', happenedAt: '2026-09-11T21:30:00+08:00' });
  const shown = await cliJson(['show', c.ticket, '--json'], { env });
  const last = shown.events.at(-1);
  expect(last).toMatchObject({ action: 'edit', note: '业主更正当班保安' });
  expect(last.before).toMatchObject({ about: '保安甲', place: '北门' });
  expect(last.after).toMatchObject({ about: '保安乙', place: '南门岗亭' });
  // An incident time that is no time is refused, and nothing changes.
  const before = dbBytes(db);
  const bad = await cli(['edit', c.ticket, '--happened-at', '昨天晚上', '--reason', 'x'], { env });
  expect(bad.code).toBe(2);
  expect(dbBytes(db).equals(before)).toBe(true);
});
