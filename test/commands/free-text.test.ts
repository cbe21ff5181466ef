// Free text and personal data on their way out: control characters are shown,
// not sent to the terminal (list, show, overdue, report, attachments, import);
// Markdown escapes every cell; --mask hides every phone-shaped number in every
// text field of list, show, overdue, export and report; JSON and CSV stay exact.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, cliJson, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

const ESC_SUBJECT = '漏水\x1b[2J\x1b]0;owned\x07\u202e反转';
const ESC_DESCRIPTION = '第一行\n第二行\x1b[31m红\x7f';
const ESC_ESTATE = '阳光\x1b[5m海岸';
const MD_SUBJECT = '<script>alert(1)</script> a|b *粗* _斜_ `码`';
const PHONE_SUBJECT = '请回电 138 0013 8000';
const PHONE_DESCRIPTION = '座机 0571-87654321，手机１３９００１３９０００';

let db: string;
let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });
const REPORT_NOW = '2026-10-10T09:00:00+08:00';
let escTicket: string;
let mdTicket: string;
let phoneTicket: string;

async function ok(args: string[], now?: string): Promise<string> {
  const r = await cliOk(args, now ? at(now) : { env });
  return r.stdout;
}

beforeAll(async () => {
  db = tempDb();
  env = testEnv(db);
  const reg = async (over: Record<string, string | boolean>) =>
    (await cliJson(registerArgs({ 'received-at': '2026-09-14T09:00:00+08:00', ...over }), at('2026-09-14T10:00:00+08:00'))).ticket as string;
  escTicket = await reg({ subject: ESC_SUBJECT, description: ESC_DESCRIPTION, estate: ESC_ESTATE, name: '王\x1b[8m女士', unit: '1-1-101' });
  mdTicket = await reg({ subject: MD_SUBJECT, safety: true, estate: '翠湖|苑*', unit: '2-1-101', phone: '13900139000' });
  phoneTicket = await reg({ subject: PHONE_SUBJECT, description: PHONE_DESCRIPTION, estate: '金地 13700137000', unit: '3-1-101', phone: '13600136000' });
  await ok(['note', escTicket, '业主说\x1b[2J再等等'], '2026-09-14T11:00:00+08:00');
  await ok(['note', phoneTicket, '改用 +86 135 0013 5000 联系'], '2026-09-14T11:00:00+08:00');
});

const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u202e]/;

describe('control characters are shown, not sent to the terminal', () => {
  it('list, piped and on a terminal', async () => {
    const piped = await ok(['list']);
    expect(piped).not.toMatch(RAW_CONTROL);
    expect(piped).toContain('漏水␛[2J␛]0;owned␇\\u202e反转');
    expect(piped).toContain('阳光␛[5m海岸 1-1-101');
    const tty = await cli(['list', '--no-color'], { env, tty: true });
    expect(tty.stdout).not.toMatch(RAW_CONTROL);
    expect(tty.stdout).toContain('王␛[8m女士');
  });

  it('show keeps the description\'s line breaks and shows every other control, in the timeline too', async () => {
    const out = await ok(['show', escTicket]);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain(`${escTicket}  漏水␛[2J␛]0;owned␇\\u202e反转`);
    expect(out).toMatch(/第一行\n +第二行␛\[31m红␡\n/);
    expect(out).toContain('业主说␛[2J再等等');
  });

  it('overdue, the report table and the attachments listing', async () => {
    const overdue = await ok(['overdue'], '2026-10-10T09:00:00+08:00');
    expect(overdue).toContain('漏水␛[2J');
    expect(overdue).not.toMatch(RAW_CONTROL);
    const report = await ok(['report', 'monthly', '--month', '2026-09'], REPORT_NOW);
    expect(report).toContain('阳光␛[5m海岸');
    expect(report).not.toMatch(RAW_CONTROL);
    const file = path.join(tempDir(), 'photo.jpg');
    fs.writeFileSync(file, 'jpeg');
    await ok(['attach', escTicket, file, '--name', '现场\x1b[2J照片.jpg']);
    for (const tty of [false, true]) {
      const r = await cli(['attachments', escTicket, '--no-color'], { env, tty });
      expect(r.stdout).toContain('现场␛[2J照片.jpg');
      expect(r.stdout).not.toMatch(RAW_CONTROL);
    }
  });

  it('JSON and CSV keep the text exact', async () => {
    const list = await cliJson(['list'], { env });
    expect(list.find((c: any) => c.ticket === escTicket).subject).toBe(ESC_SUBJECT);
    const shown = await cliJson(['show', escTicket], { env });
    expect(shown.description).toBe(ESC_DESCRIPTION);
    expect(await ok(['export'])).toContain(`"${ESC_DESCRIPTION}"`);
  });
});

describe('the Markdown report escapes every piece of free text', () => {
  it('subjects and estates: no HTML, no formatting, no extra cells', async () => {
    const md = await ok(['report', 'monthly', '--month', '2026-09', '--format', 'md'], REPORT_NOW);
    expect(md).toContain(`| ${mdTicket} | \\<script\\>alert\\(1\\)\\</script\\> a\\|b \\*粗\\* \\_斜\\_ \\\`码\\\` |`);
    expect(md).toContain('| 翠湖\\|苑\\* | 1 |');
    expect(md).toContain('| 阳光␛\\[5m海岸 | 1 |');
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(RAW_CONTROL);
  });
});

describe('--mask hides every phone-shaped number', () => {
  const CLEAR = ['13600136000', '138 0013 8000', '0571-87654321', '１３９００１３９０００', '135 0013 5000', '13700137000'];
  const expectMasked = (text: string) => {
    for (const p of CLEAR) expect(text).not.toContain(p);
  };

  it('list and show, as text and as JSON, events included', async () => {
    for (const args of [['list', '--mask'], ['list', '--mask', '--json'], ['show', phoneTicket, '--mask'], ['show', phoneTicket, '--mask', '--json']]) {
      const out = await ok(args);
      expectMasked(out);
      expect(out).toContain('138 **** 8000');
    }
    const json = await cliJson(['show', phoneTicket, '--mask'], { env });
    expect(json.ticket).toBe(phoneTicket);
    expect(json.subject).toBe('请回电 138 **** 8000');
    expect(json.description).toBe('座机 ****-****4321，手机１３９****９０００');
    expect(json.complainant).toMatchObject({ phone: '136****6000', estate: '金地 137****7000' });
    expect(json.events.map((e: any) => e.note).join(' ')).toContain('+86 135 **** 5000');
    // Without --mask everything is as stored.
    const clear = await cliJson(['show', phoneTicket], { env });
    expect(clear.subject).toBe(PHONE_SUBJECT);
  });

  it('export masks the subject, description, estate and notes, not only the phone column', async () => {
    const csv = await ok(['export', '--mask']);
    expectMasked(csv);
    for (const m of ['136****6000', '请回电 138 **** 8000', '座机 ****-****4321，手机１３９****９０００', '金地 137****7000']) expect(csv).toContain(m);
    expect(await ok(['export'])).toContain(PHONE_SUBJECT);
  });

  it('report masks in every format; the stored snapshot stays whole', async () => {
    await ok(['escalate', phoneTicket, '--to', 'major', '--reason', '媒体'], '2026-09-15T09:00:00+08:00');
    await ok(['report', 'monthly', '--month', '2026-09', '--refresh'], REPORT_NOW);
    for (const format of ['table', 'json', 'csv', 'md', 'html']) {
      const out = await ok(['report', 'monthly', '--month', '2026-09', '--format', format, '--mask'], REPORT_NOW);
      expectMasked(out);
      expect(out, format).toMatch(/138 \*{4} 8000|138 \\\*\\\*\\\*\\\* 8000/);
      expect(out, format).toMatch(/137\*{4}7000|137\\\*\\\*\\\*\\\*7000/);
    }
    const clear = await ok(['report', 'monthly', '--month', '2026-09', '--format', 'json'], REPORT_NOW);
    expect(clear).toContain(PHONE_SUBJECT);
  });

  it('overdue --mask', async () => {
    const out = await ok(['overdue', '--mask'], '2026-10-10T09:00:00+08:00');
    expect(out).toContain('请回电 138 **** 8000');
    expectMasked(out);
  });
});

describe('list refuses more than it can hold and points to export', () => {
  it('--limit 100000 is allowed', async () => {
    expect((await cli(['list', '--limit', '100000'], { env })).code).toBe(0);
  });
  it('the limit is in list --help', async () => {
    const help = await cli(['list', '--help'], { env });
    expect(help.stdout).toContain('at most 100000');
    expect(help.stdout).toContain('export');
  });
});

describe('full-width formula characters are neutralised like their ASCII forms', () => {
  it('in a short column (written in a joined run) and in free text, and import gives them back', async () => {
    const d = tempDb();
    const e = testEnv(d);
    const r = await cli(registerArgs({ name: '＝HYPERLINK("x")', subject: '＋1 漏水', unit: '＠1-1', demand: '－赔偿' }), { env: e });
    expect(r.code, r.stderr).toBe(0);
    const csv = (await cli(['export'], { env: e })).stdout;
    for (const cell of [`"'＝HYPERLINK(""x"")"`, "'＋1 漏水", "'＠1-1", "'－赔偿"]) expect(csv).toContain(`,${cell},`);
    const file = path.join(tempDir(), 'fw.csv');
    fs.writeFileSync(file, csv);
    const d2 = tempDb();
    expect((await cli(['import', file], { env: testEnv(d2) })).code).toBe(0);
    const back = await cliJson(['list', '--status', 'all'], { env: testEnv(d2) });
    expect(back[0]).toMatchObject({ subject: '＋1 漏水', demand: '－赔偿', complainant: { name: '＝HYPERLINK("x")', unit: '＠1-1' } });
  });
});

describe('list --json is written as the rows are read', () => {
  it('the same text as one JSON.stringify of the whole array, empty or not', async () => {
    for (const args of [['list', '--status', 'all'], ['list', '--search', '没有这样的投诉'], ['list', '--limit', '1']]) {
      const out = (await cli([...args, '--json'], { env })).stdout;
      expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
    }
    expect((await cli(['list', '--search', '没有这样的投诉', '--json'], { env })).stdout).toBe('[]\n');
  });
});
