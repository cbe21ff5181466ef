// register prints the complaint it wrote without reading it back (one round
// trip less per registration on a server): what it prints must be what any
// later read gives — under a procedure with steps owed and reports up, with
// a repeat, on both engines.
import { afterAll, expect, test } from 'vitest';
import { cliJson, cliOk, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

test('register --json is the complaint as show reads it back (steps, reports up, repeat)', async () => {
  const env = testEnv(tempDb());
  await cliOk(['config', 'profile', 'apply', 'longhu'], { env });
  const args = registerArgs({ category: 'property_service', subcategory: 'leak', safety: true });
  await cliOk(args, { env });
  const written = await cliJson([...args, '--json'], { env });
  const read = await cliJson(['show', written.ticket, '--json'], { env });
  const { deadlineStatus, events, ...stored } = read;
  expect(deadlineStatus.length).toBeGreaterThan(0);
  expect(events.length).toBe(1);
  expect(written.repeatOf).not.toBeNull();
  expect(written.reportUps.length).toBeGreaterThan(0);
  expect(written).toEqual(stored);
});
