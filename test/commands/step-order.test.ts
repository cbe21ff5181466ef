// An office's own steps come in the order it defined them, on both engines,
// even after one of them is changed (a server's rows have no order of their
// own: settings keep the order first written, as a SQLite file's rowid does).
import { afterAll, expect, test } from 'vitest';
import { cliJson, cliOk, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

test("an office's own steps keep the order they were defined in, after a change too", async () => {
  const env = testEnv(tempDb());
  const set = (key: string, value: string) => cliOk(['config', 'set', key, value], { env });
  await set('step.zz_notice.define', 'receipt,通知业主,owner told');
  await set('step.aa_review.define', 'receipt,复核,reviewed');
  await set('deadline.general.zz_notice', '2h');
  await set('deadline.general.aa_review', '1wd');
  // The first one changed after the second was defined.
  await set('step.zz_notice.define', 'receipt,告知业主,owner informed');
  const c = await cliJson([...registerArgs(), '--json'], { env });
  const explained = await cliJson(['calendar', 'explain', c.ticket, '--json'], { env });
  const keys = explained.deadlines.map((d: { key: string }) => d.key);
  expect(keys.slice(-2)).toEqual(['zz_notice', 'aa_review']);
  const shown = await cliJson(['show', c.ticket, '--json'], { env });
  const stepKeys = shown.deadlineStatus.map((d: { step: string }) => d.step).filter((k: string) => k === 'zzNotice' || k === 'aaReview');
  expect(stepKeys).toEqual(['zzNotice', 'aaReview']);
});
