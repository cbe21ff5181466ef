// The deadline grammar in every deadline setting (SPEC §11), per severity,
// per kind and per category; changing one recounts the open complaints.
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, cliOk, registerArgs, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

describe('deadline settings in the grammar of SPEC §11', () => {
  it('takes 30m, 2h, 3wd, 5d and eod per severity, kind and category, and recounts what is open', async () => {
    const env = testEnv(tempDb(), { COMPLAINTS_NOW: '2026-11-20T15:00:00+08:00' });
    const opts = { env };
    // Friday 2026-11-20 15:00.
    const before = await cliJson(registerArgs(), opts);
    expect(before.deadlines.resolve).toBe('2026-11-25T23:59:59+08:00'); // 3wd

    const set = await cliOk(['config', 'set', 'deadline.general.resolve', '7d'], opts);
    expect(set.stdout).toBe('7d\n');
    expect(set.stderr).toContain('1 open complaint(s) moved');
    expect((await cliJson(['show', '261120-1'], opts)).deadlines.resolve).toBe('2026-11-27T23:59:59+08:00'); // 7 calendar days
    await cliOk(['config', 'set', 'deadline.general.resolve', '2wd'], opts);
    expect((await cliJson(['show', '261120-1'], opts)).deadlines.resolve).toBe('2026-11-24T23:59:59+08:00');

    await cliOk(['config', 'set', 'deadline.general.contact', '30m'], opts);
    expect((await cliJson(registerArgs({ phone: '13900139000', unit: '1-1-101' }), opts)).deadlines.contact).toBe('2026-11-20T15:30:00+08:00');

    // An inquiry answered the same working day (001#7), whatever its severity.
    await cliOk(['config', 'set', 'deadline.kind.inquiry.resolve', 'eod'], opts);
    const inquiry = await cliJson(registerArgs({ kind: 'inquiry', phone: '13700137000', unit: '2-1-101' }), opts);
    expect(inquiry.deadlines.resolve).toBe('2026-11-20T23:59:59+08:00');
    // A category override wins over the kind's.
    await cliOk(['config', 'set', 'deadline.category.sales_promise.resolve', '2h'], opts);
    const sales = await cliJson(registerArgs({ kind: 'inquiry', category: 'sales_promise', phone: '13600136000', unit: '4-1-101' }), opts);
    expect(sales.deadlines.resolve).toBe('2026-11-20T17:00:00+08:00');

    // unset: back to the severity's rule.
    await cliOk(['config', 'unset', 'deadline.kind.inquiry.resolve'], opts);
    expect((await cliJson(['show', '261120-3'], opts)).deadlines.resolve).toBe('2026-11-24T23:59:59+08:00');

    const list = await cliJson(['config', 'list'], opts);
    expect(list).toMatchObject({
      'deadline.general.resolve': '2wd', 'deadline.general.contact': '30m', 'deadline.major.follow_up': '2wd',
      'deadline.general.site_check': 'none', 'deadline.category.sales_promise.resolve': '2h', 'step.plan': 'on', 'progress_contact.general': '7d',
    });
    expect(list).not.toHaveProperty('deadline.kind.inquiry.resolve');
  });

  it('an office defines its own step and switches a step off', async () => {
    const env = testEnv(tempDb(), { COMPLAINTS_NOW: '2026-11-20T15:00:00+08:00' });
    await cliOk(['config', 'set', 'step.dept_reply.define', 'assignment,部门回复,department reply'], { env });
    await cliOk(['config', 'set', 'deadline.general.dept_reply', '2h'], { env });
    await cliOk(['config', 'set', 'step.plan', 'off'], { env });
    const list = await cliJson(['config', 'list'], { env });
    expect(list).toMatchObject({ 'step.dept_reply.define': 'assignment,部门回复,department reply', 'deadline.general.dept_reply': '2h', 'step.plan': 'off' });
    const zh = await cli(['config', 'set', 'deadline.general.dept_reply', '两小时', '--lang', 'zh'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('不是 deadline.general.dept_reply 的时限');
  });
});

describe('a database whose settings have the older names', () => {
  it('keeps its time limits through the migration, renamed with their unit', async () => {
    const Database = (await import('better-sqlite3')).default;
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { ROOT, tempDir } = await import('../helpers.js');
    const db = path.join(tempDir(), 'old.db');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'release-0005-costs.db'), db);
    const raw = new Database(db);
    raw.prepare("INSERT INTO settings (key, value) VALUES ('deadline.general.resolve_workdays', '4'), ('deadline.major.contact_hours', '1'), ('deadline.important.followup_workdays', '6')").run();
    raw.close();
    const env = testEnv(db, { COMPLAINTS_NOW: '2026-11-20T15:00:00+08:00' });
    expect(await cliJson(['config', 'list'], { env })).toMatchObject({
      'deadline.general.resolve': '4wd', 'deadline.major.contact': '1h', 'deadline.important.follow_up': '6wd',
    });
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT key FROM settings WHERE key LIKE 'deadline.%' ORDER BY key").pluck().all())
      .toEqual(['deadline.general.resolve', 'deadline.important.follow_up', 'deadline.major.contact']);
    check.close();
  });
});
