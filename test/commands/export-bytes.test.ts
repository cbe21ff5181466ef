// `export` writes its CSV by hand (src/domain/csv-lines.ts) from raw rows
// (src/storage/export-rows.ts). These tests hold its bytes to the way it was
// written before: whole Complaint objects in export's order, cells from
// complaintCells with the former time formatter, text from csv-stringify with
// the export options — on cells made to be awkward (quotes, commas, CR/LF,
// formula starts, byte-order marks, empty and null, Chinese, instants in
// other eras, zones and centuries), with every filter, sort, limit, mask,
// header style and --out; and through the built binary, to a pipe and to a
// reader that stops early. The import round trip of such a file is checked too.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintCells, headerRow, HEADER_STYLES, minuteFormatter, neutralise, type CellFormat } from '../../src/domain/csv-columns.js';
import { translator } from '../../src/output/i18n.js';
import { csvField, csvRecord } from '../../src/domain/csv-lines.js';
import { formatOffset, offsetMinutes } from '../../src/domain/time.js';
import type { Instant } from '../../src/domain/types.js';
import { toFilter } from '../../src/commands/list.js';
import type { ExportOptions } from '../../src/commands/export.js';
import { filtered, sorted, toComplaint, type ListSort } from '../../src/storage/complaints.js';
import { all } from '../../src/storage/store.js';
import { openStore } from '../../src/storage/sqlite/open.js';
import { BIN, cli, cliJson, ensureBuilt, registerArgs, removeTempDirs, spawnEnv, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;
const NOW = '2026-09-12T10:00:00+08:00';

/** The cell time formatter export used before (csv-columns.ts isoFormatter), verbatim. */
function formerIsoFormatter(tz: string): (ms: Instant | null) => string {
  const cache = new Map<number, string>();
  const QUARTER = 15 * 60_000;
  return (ms) => {
    if (ms === null) return '';
    const bucket = Math.floor(ms / QUARTER);
    let off = cache.get(bucket);
    let minutes: number;
    if (off === undefined) {
      if (cache.size > 50_000) cache.clear();
      minutes = offsetMinutes(ms, tz);
      off = `${minutes}|${formatOffset(minutes)}`;
      cache.set(bucket, off);
    }
    const bar = off.indexOf('|');
    minutes = Number(off.slice(0, bar));
    const local = new Date(Math.floor(ms / 1000) * 1000 + minutes * 60_000).toISOString();
    return local.slice(0, 19) + off.slice(bar + 1);
  };
}

/** The former neutralise, verbatim. */
const FORMULA = /^'*[=+\-@\t\r]/;
const formerNeutralise = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

/** What `export` wrote before, for the same database, zone and options. */
async function formerExport(db: string, tz: string, o: ExportOptions): Promise<string> {
  const now = Date.parse(NOW);
  const s = openStore(db, now, { create: false });
  try {
    const filter = await toFilter({ tz: async () => tz, now: async () => now } as never, { ...o, status: o.status ?? ['all'] });
    // Chinese values (--headers zh) are complaintCells with the Chinese words and times to the minute.
    const zh = translator('zh');
    const fmt: CellFormat = o.headers === 'zh'
      ? { iso: minuteFormatter(tz), mask: !!o.mask, words: { label: (family, key) => zh.l(`${family}.${key}`), yes: '是', no: '否' } }
      : { iso: formerIsoFormatter(tz), mask: !!o.mask };
    let text = o.out !== undefined && o.bom !== false ? '\uFEFF' : '';
    text += stringify([headerRow(o.headers ?? 'keys')], CSV_OPTIONS);
    const q = sorted(await filtered(s, filter), (o.sort ?? 'ticket') as ListSort);
    const rows = (await all(s, o.limit !== undefined ? q.limit(o.limit) : q)).map(toComplaint).map((c) => complaintCells(c, fmt));
    if (rows.length) text += stringify(rows, CSV_OPTIONS);
    return text;
  } finally {
    s.sqlite.close();
  }
}

/** Cells that need quoting, doubling, neutralising, or nothing at all. */
const AWKWARD = [
  'plain', '', 'a,b', 'say "hi"', '"', '""', ',', 'line1\nline2', 'cr\ronly', 'crlf\r\nend', '\r\n', '\n',
  '=SUM(A1)', '+86 138', '-5', '@cmd', '\tx', '\rx', "'=x", "''+y", "'plain", "it's", "'", '=', '-',
  '\uFEFFbom', 'x\uFEFF', '中文，全角逗号', '楼上漏水, 已经三天了 — "很严重"\n第二行\r\n第三行',
  ' leading space', 'trailing ', '😀 emoji', 'line\u2028sep', 'a\x1fb', 'nul\u0000x', '=HYPERLINK("http://x","y")',
];

// A small deterministic generator, for many cells built from the awkward characters.
function* randomCells(n: number): Generator<string> {
  const alphabet = ['"', ',', '\r', '\n', "'", '=', '+', '-', '@', '\t', ' ', 'a', '1', '中', '，', '\uFEFF', '😀', '\u0000'];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    let cell = '';
    const len = Math.floor(next() * 8);
    for (let j = 0; j < len; j++) cell += alphabet[Math.floor(next() * alphabet.length)];
    yield cell;
  }
}

describe('the hand-written CSV field against csv-stringify', () => {
  it('writes each awkward cell, and many random ones, as csv-stringify did with the export options', () => {
    for (const cell of [...AWKWARD, ...randomCells(5000)]) {
      expect(csvField(cell), JSON.stringify(cell)).toBe(stringify([[cell, 'x']], CSV_OPTIONS).slice(0, -4));
      expect(neutralise(cell), JSON.stringify(cell)).toBe(formerNeutralise(cell));
    }
  });

  it('writes whole records, header rows of every style included, as csv-stringify did', () => {
    const cells = [...randomCells(44 * 50)];
    for (let i = 0; i < cells.length; i += 44) {
      const record = cells.slice(i, i + 44).map(neutralise);
      expect(csvRecord(record)).toBe(stringify([record], CSV_OPTIONS));
    }
    for (const style of HEADER_STYLES) expect(csvRecord(headerRow(style))).toBe(stringify([headerRow(style)], CSV_OPTIONS));
    expect(csvRecord(AWKWARD)).toBe(stringify([AWKWARD], CSV_OPTIONS));
  });
});

let db: string;
let env: Env;

async function ok(args: string[], now = NOW, e = env): Promise<string> {
  const r = await cli(args, { env: { ...e, COMPLAINTS_NOW: now } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Text columns of complaints, and of the call-back, that take any text. */
const TEXT_COLUMNS = [
  'subcategory', 'validity_reason', 'name', 'estate', 'unit', 'subject', 'description', 'demand', 'receiver', 'assignee',
  'resolution', 'responsible_person', 'approved_by', 'close_reason',
];
const TIME_COLUMNS = ['contact_due', 'resolve_due', 'follow_up_due', 'extended_until', 'contacted_at', 'resolved_at', 'closed_at'];

/** Instants whose cells are easy to get wrong: summer time in China (1986–1991), before 1970, years past 9999. */
const AWKWARD_INSTANTS = [
  Date.UTC(1988, 3, 16, 17, 59, 59, 999), Date.UTC(1988, 3, 16, 18, 0, 0), Date.UTC(1988, 8, 10, 16, 30, 0),
  -1, -1500, 0, 999, Date.UTC(1900, 0, 1), Date.UTC(-1, 5, 1, 12), Date.UTC(9999, 11, 31, 15, 59, 59, 999),
  Date.UTC(9999, 11, 31, 16, 0, 0), Date.UTC(10000, 0, 1), Date.UTC(2026, 2, 8, 6, 59, 59), Date.UTC(2026, 2, 8, 7, 0, 0),
  Date.UTC(2026, 10, 1, 5, 30, 0), Date.UTC(2026, 9, 3, 15, 45, 0), Date.UTC(2026, 3, 4, 14, 45, 0),
];

beforeAll(async () => {
  // The database is written with better-sqlite3 below: the tests that read it are SQLite-only.
  if (onServer) return;
  db = tempDb();
  env = testEnv(db);
  // Complaints in every state, through the program.
  await ok(registerArgs({ description: '楼上漏水, 已经三天了 — "很严重"\n第二行\r\n第三行', demand: '=1+1' }), '2026-08-20T10:00:00+08:00');
  await ok(['assign', '260820-1', '--dept', '工程部', '--to', '张工'], '2026-08-20T11:00:00+08:00');
  await ok(['resolve', '260820-1', '--resolution', '-已更换水管', '--cost', '800.05', '--responsible', '工程部', '--approved-by', '王经理'], '2026-08-21T10:00:00+08:00');
  await ok(['follow-up', '260820-1', '--satisfaction', '2', '--note', '=回访, "满意"'], '2026-08-22T10:00:00+08:00');
  await ok(registerArgs({ name: '李先生', phone: '010-12345678', unit: '5-1-302', subcategory: 'noise', description: '装修噪音', claim: '6000.10', households: '12', safety: true, media: true }), '2026-09-01T09:00:00+08:00');
  await ok(['assign', '260901-2', '--dept', '秩序部'], '2026-09-01T10:00:00+08:00');
  await ok(['resolve', '260901-2', '--resolution', '已劝导'], '2026-09-02T10:00:00+08:00');
  await ok(registerArgs({ name: '赵先生', phone: '13700137000', description: '停车位被占用', safety: true }), '2026-09-05T09:00:00+08:00');
  await ok(['close', '260905-3', '--reason', 'withdrawn', '--note', '重复登记, 已合并'], '2026-09-05T10:00:00+08:00');
  await ok(registerArgs({ name: '钱女士', phone: false, estate: false, unit: false, category: 'other', subcategory: false, description: '咨询物业费' }), '2026-09-10T09:00:00+08:00');
  await ok(registerArgs({ description: '电梯困人', claim: '0.01' }), '2026-09-11T09:00:00+08:00');
  await ok(['assign', '260911-5', '--dept', '工程部'], '2026-09-11T09:30:00+08:00');
  for (let i = 0; i < 14; i++) {
    await ok(registerArgs({ name: `业主${i}`, phone: `1390013${String(8000 + i)}`, description: `第${i}件, "测试"` }), `2026-09-12T0${i % 10}:0${i % 6}:00+08:00`);
  }
  // Then cells no form would take, straight into the file.
  const sqlite = new Database(db);
  const ids = sqlite.prepare('SELECT id FROM complaints ORDER BY id').pluck().all() as number[];
  const update = (col: string, value: unknown, id: number) => sqlite.prepare(`UPDATE complaints SET ${col} = ? WHERE id = ?`).run(value, id);
  ids.slice(5).forEach((id, i) => {
    TEXT_COLUMNS.forEach((col, j) => update(col, AWKWARD[(i * 3 + j) % AWKWARD.length], id));
    TIME_COLUMNS.forEach((col, j) => update(col, AWKWARD_INSTANTS[(i * 2 + j) % AWKWARD_INSTANTS.length], id));
    update('claim_fen', [0, 1, 5, 105, 123_456_789, null, 99][i % 7], id);
    update('cost_fen', [null, 7, 100, 0][i % 4], id);
    update('households', [1, 3, 9_999_999][i % 3], id);
  });
  update('received_at', AWKWARD_INSTANTS[0], ids[6]);
  update('received_at', AWKWARD_INSTANTS[8], ids[7]);
  update('phone', '=13800138000', ids[8]);
  update('phone', '138"0013,8000', ids[9]);
  update('phone', '', ids[10]);
  update('repeat_of_id', ids[0], ids[11]);
  // A call-back row with no satisfaction (an attempt) as the complaint's call-back: "null", as toComplaint gave.
  const attempt = sqlite.prepare("INSERT INTO follow_ups (complaint_id, at, method, satisfaction, outcome, note) VALUES (?, ?, NULL, NULL, 'no_answer', ?)")
    .run(ids[12], Date.UTC(2026, 8, 12, 3), '未接, "稍后"\r\n再打').lastInsertRowid;
  update('follow_up_id', attempt, ids[12]);
  sqlite.prepare("UPDATE departments SET name = ? WHERE name = '秩序部'").run('秩序部, "夜班"');
  sqlite.close();
});

/** CLI arguments and the options commander makes of them. */
const CASES: [string[], ExportOptions][] = [
  [[], {}],
  [['--status', 'open'], { status: ['open'] }],
  [['--status', 'closed,resolved', '--severity', 'general'], { status: ['closed', 'resolved'], severity: ['general'] }],
  [['--category', 'other'], { category: ['other'] }],
  [['--dept', '工程部'], { dept: '工程部' }],
  [['--dept', '秩序部, "夜班"'], { dept: '秩序部, "夜班"' }],
  [['--assignee', '张工'], { assignee: '张工' }],
  [['--estate', '阳光海岸', '--unit', '3-2-1501'], { estate: '阳光海岸', unit: '3-2-1501' }],
  [['--phone', '13800138000'], { phone: '13800138000' }],
  [['--from', '2026-09-01', '--to', '2026-09-10'], { from: '2026-09-01', to: '2026-09-10' }],
  [['--overdue'], { overdue: true }],
  [['--search', '噪音'], { search: '噪音' }],
  [['--search', '测试', '--sort', 'newest'], { search: '测试', sort: 'newest' }],
  ...(['newest', 'oldest', 'due', 'severity', 'ticket'] as const).map((sort): [string[], ExportOptions] => [['--sort', sort, '--limit', '7'], { sort, limit: 7 }]),
  [['--mask'], { mask: true }],
  ...HEADER_STYLES.map((h): [string[], ExportOptions] => [['--headers', h, '--mask', '--sort', 'newest'], { headers: h, mask: true, sort: 'newest' }]),
];

describe.skipIf(onServer)(`export against the former writer (SQLite file only: writes cells no command would take straight into its tables with better-sqlite3)`, () => {
  it('has awkward cells to write', async () => {
    const out = await ok(['export']);
    for (const probe of ['"say ""hi"""', "'=SUM(A1)", '"crlf\r\nend"', '1988-04-17T01:59:59+08:00', '1988-04-17T03:00:00+09:00', "'+010000-01-01T00:00", '1900-01-01T08:06:00+08:06', ',null,']) {
      expect(out).toContain(probe);
    }
  });

  it.each(CASES)('writes the same bytes to standard output: export %j', async (args, o) => {
    expect(await ok(['export', ...args])).toBe(await formerExport(db, 'Asia/Shanghai', o));
  });

  it.each(CASES.filter((_, i) => i % 4 === 0))('writes the same bytes through --out (with and without a byte-order mark): export %j', async (args, o) => {
    const dir = tempDir();
    for (const bom of [true, false]) {
      const file = path.join(dir, `x${bom}.csv`);
      await ok(['export', ...args, '--out', file, ...(bom ? [] : ['--no-bom'])]);
      expect(fs.readFileSync(file, 'utf8')).toBe(await formerExport(db, 'Asia/Shanghai', { ...o, out: file, bom }));
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('writes the same bytes in zones with summer time and odd offsets', async () => {
    for (const tz of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      const copy = tempDb();
      fs.copyFileSync(db, copy);
      const e = testEnv(copy);
      await ok(['config', 'set', 'office.timezone', tz], NOW, e);
      expect(await ok(['export'], NOW, e)).toBe(await formerExport(copy, tz, {}));
      expect(await ok(['export', '--sort', 'due', '--mask', '--headers', 'zh'], NOW, e)).toBe(await formerExport(copy, tz, { sort: 'due', mask: true, headers: 'zh' }));
    }
  });

  it('draws no progress when stderr is not a terminal, even with stdout on one', async () => {
    const file = path.join(tempDir(), 'p.csv');
    const r = await cli(['export', '--out', file], { env, tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe(await formerExport(db, 'Asia/Shanghai', { out: file }));
  });
});

describe('import of an exported file', () => {
  it('round trip: export → import into an empty database → export gives the same file, awkward text and all', async () => {
    // Awkward text that import takes back (it checks times and enums): made through the program.
    const src = testEnv(tempDb());
    for (const [i, text] of AWKWARD.filter((t) => t.trim() !== '' && !/[\u0000\u2028\x1f]/.test(t)).entries()) {
      await ok(registerArgs({ name: `业主${i}`, description: text, demand: text, subject: `主题${i}` }), `2026-09-0${1 + (i % 9)}T09:${String(i).padStart(2, '0')}:00+08:00`, src);
    }
    for (const headers of HEADER_STYLES) {
      const dir = tempDir();
      const first = path.join(dir, 'first.csv');
      const second = path.join(dir, 'second.csv');
      await ok(['export', '--out', first, '--headers', headers], NOW, src);
      const other = testEnv(tempDb());
      const r = await cliJson(['import', first], { env: other });
      expect(r).toMatchObject({ kept: r.rows, renumbered: 0, dryRun: false });
      await ok(['export', '--out', second, '--headers', headers], NOW, other);
      expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
    }
  });
});

describe.skipIf(onServer)(`the built binary (SQLite file only: writes cells no command would take straight into its tables with better-sqlite3)`, () => {
  beforeAll(ensureBuilt);

  it('writes the same bytes to a pipe as in-process', async () => {
    const r = spawnSync(process.execPath, [BIN, 'export', '--mask'], { env: spawnEnv(env), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    expect(r.stderr.toString()).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toBe(await formerExport(db, 'Asia/Shanghai', { mask: true }));
  });

  it('stops quietly, exit 0, when the reader goes away (export | head)', async () => {
    // Enough rows that the CSV overfills the pipe before the reader stops.
    const big = tempDb();
    fs.copyFileSync(db, big);
    const sqlite = new Database(big);
    const cols = (sqlite.prepare('PRAGMA table_info(complaints)').all() as { name: string }[])
      .map((c) => c.name).filter((n) => !['id', 'ticket', 'seq'].includes(n)).join(', ');
    sqlite.prepare(`WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 300)
      INSERT INTO complaints (ticket, seq, ${cols}) SELECT 'B' || (c.id * 1000 + n.k), 100000 + c.id * 1000 + n.k, ${cols} FROM complaints c, n`).run();
    sqlite.close();
    const child = spawn(process.execPath, [BIN, 'export'], { env: spawnEnv(testEnv(big)), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
