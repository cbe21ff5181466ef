// The streamed import (a file read twice, never held; rows written a batch
// at a time with the ids and numbers an import in order of receipt gives;
// an empty file's indexes built after the load) leaves the same database as
// the plain row-by-row import of the same rows read the old way (csv-parse,
// findTable, validateRows, storage/import.ts importRowByRow): every row of
// every table the import writes, the search index's answers, the counters,
// integrity_check. And a refused row anywhere — the very last of a file of
// several batches — leaves the file byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createContext } from '../../src/cli/context.js';
import { findTable } from '../../src/domain/register-file.js';
import { recogniseHeaders } from '../../src/domain/csv-columns.js';
import { validateRows } from '../../src/domain/import-rows.js';
import { importRowByRow } from '../../src/storage/import.js';
import { knownEstates } from '../../src/storage/import-lookups.js';
import { matchQuery } from '../../src/domain/search-terms.js';
import { cli, cliJson, cliOk, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, onServer, ACTOR, refusingPrompter } from '../helpers.js';

afterAll(removeTempDirs);

/** A deterministic register of `n` rows, out of order, with most of what a register holds (more rows than one batch of 5,000). */
function register(n: number): string[][] {
  let seed = 7;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % k;
  };
  const header = ['编号', '受理时间', '投诉人', '联系电话', '小区', '房号', '投诉内容', '类别', '责任部门', '处理结果', '费用', '回访情况', '关闭时间', '重复投诉'];
  const estates = ['阳光海岸', '阳光海岸二期', '翠湖苑', '金色家园'];
  const words = ['楼上漏水', '电梯停运', '噪音扰民', '停车位被占', 'Wi-Fi 信号差', '保洁不及时', '物业费 receipt 错误', '绿化带枯死'];
  const rows: string[][] = [];
  const keptAt = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    // Two years, minutes apart, shuffled; some rows share their minute.
    const minute = rand(2 * 365 * 24 * 60);
    const at = new Date(Date.UTC(2024, 8, 1) + minute * 60_000);
    const local = new Date(at.getTime() + 8 * 3600_000);
    const two = (x: number) => String(x).padStart(2, '0');
    const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
    const time = `${date} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
    // A third keep their ticket (a count unique in its year), a few carry text that is no ticket.
    const kind = i % 3;
    const ticket = kind === 0 ? `${date.slice(2).replace(/-/g, '')}${String(200_000 + i)}` : i % 17 === 0 ? `旧-${i}` : '';
    if (kind === 0) keptAt.set(i, ticket);
    const estate = estates[rand(estates.length)];
    const estateInUnit = i % 11 === 0;
    const resolved = rand(3) > 0;
    const called = resolved && rand(2) === 0;
    const repeat = i % 97 === 5 && keptAt.size ? [...keptAt.values()][rand(keptAt.size)] : '';
    rows.push([
      ticket, time, `业主${i}`, i % 13 === 0 ? '' : `13${String(800_000_000 + i * 7).padStart(9, '0')}`,
      estateInUnit ? '' : estate, estateInUnit ? `${estate}${1 + rand(9)}栋${1 + rand(3)}单元${100 + rand(900)}` : `${1 + rand(9)}-${1 + rand(3)}-${100 + rand(900)}`,
      `${words[rand(words.length)]}，第${i}次反映`, ['维修', '保洁', '安保', '工程质量', '物业服务', ''][rand(6)],
      ['工程部', '客服部', `新部门${rand(3)}`, ''][rand(4)], resolved ? `已处理：${words[rand(words.length)]}` : '',
      resolved && rand(5) === 0 ? String(100 + rand(5000)) : '', called ? ['非常满意', '满意', '基本满意', '不满意'][rand(4)] : '',
      called && rand(2) ? `${date} 23:59` : '', repeat,
    ]);
  }
  return [header, ...rows];
}

interface Dump {
  tables: Record<string, unknown[]>;
  searches: Record<string, number[]>;
  integrity: unknown[];
}

const TERMS = ['漏', '漏水', '楼上漏水', '电梯', '业主1', '阳光海岸', '翠湖苑', 'receipt', 'Wi', '3-2', '停车位', '已处理'];

/** Every row of the tables an import writes, and what the search index answers. */
function dump(file: string): Dump {
  const db = new Database(file, { readonly: true });
  try {
    const tables: Record<string, unknown[]> = {};
    for (const [t, order] of [['complaints', 'id'], ['events', 'id'], ['follow_ups', 'id'], ['payments', 'id'], ['departments', 'id'],
      ['ticket_counters', 'year'], ['complaint_steps', 'complaint_id, step'], ['report_snapshots', 'label']]) {
      tables[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).raw().all();
    }
    // Each complaint's token counts in the search index; not its `origin`,
    // which numbers the index segment the terms were first written to (row by
    // row, a segment per row; in bulk, one for many): storage, not content.
    tables.searchSizes = db.prepare('SELECT id, sz FROM complaint_search_docsize ORDER BY id').raw().all();
    tables.schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name").raw().all();
    const searches: Record<string, number[]> = {};
    for (const term of TERMS) {
      searches[term] = db.prepare('SELECT rowid FROM complaint_search WHERE complaint_search MATCH ? ORDER BY rowid').pluck().all(matchQuery(term)!) as number[];
    }
    return { tables, searches, integrity: db.prepare('PRAGMA integrity_check').pluck().all() };
  } finally {
    db.close();
  }
}

/** The import as it was: the whole file parsed by csv-parse, checked whole, written row by row. */
async function importTheOldWay(db: string, file: string): Promise<string[]> {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, stdoutIsTTY: false };
  const ctx = createContext(io, testEnv(db) as NodeJS.ProcessEnv, refusingPrompter(), {});
  try {
    const records = parse(fs.readFileSync(file), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    const table = findTable(records.map((cells, i) => ({ row: i + 1, cells })))!;
    const keys = recogniseHeaders(table.header).keys;
    const s = await ctx.store();
    const estates = keys.includes('unit') ? await knownEstates(s) : [];
    const k = { ...(await ctx.clock()), actor: ACTOR, estates };
    const { items, problems } = validateRows(table.header, keys, table.rows.map((r) => ({ line: r.row, cells: r.cells })), k, table.headerRow);
    expect(problems).toEqual([]);
    const r = await importRowByRow(s, items, { actor: ACTOR, now: await ctx.now(), tz: await ctx.tz(), source: path.basename(file) });
    return r.tickets;
  } finally {
    await ctx.close();
  }
}

describe.skipIf(onServer)('the streamed import against the row-by-row import (SQLite file: its bulk path)', () => {
  const file = path.join(tempDir(), 'register.csv');
  fs.writeFileSync(file, stringify(register(12_000)));

  for (const held of [false, true]) {
    it(held ? 'into a file holding complaints: the same rows, ids, numbers, search answers and counters' : 'into an empty file (indexes built after the load): the same rows, ids, numbers, search answers and counters', async () => {
      const streamed = tempDb();
      const plain = tempDb();
      for (const db of [streamed, plain]) {
        await cliOk(['init'], { env: testEnv(db) });
        if (held) {
          await cliOk(registerArgs({ estate: '翠湖苑' }), { env: testEnv(db) });
          await cliOk(registerArgs({ 'received-at': '2025-03-01T09:00:00+08:00', description: '楼上漏水很久了' }), { env: testEnv(db) });
        }
      }
      const r = await cliJson(['import', file], { env: testEnv(streamed) });
      expect(r.rows).toBe(12_000);
      const tickets = await importTheOldWay(plain, file);
      expect(r.tickets).toEqual(tickets);
      const a = dump(streamed);
      const b = dump(plain);
      expect(a.integrity).toEqual(['ok']);
      expect(a.tables.complaints.length).toBe(12_000 + (held ? 2 : 0));
      // The file has call-backs, payments, repeats and new departments to compare.
      expect(a.tables.follow_ups.length).toBeGreaterThan(1000);
      expect(a.tables.payments.length).toBeGreaterThan(100);
      expect(a.tables.departments.length).toBeGreaterThan(3);
      const repeatAt = 44; // repeat_of_id: 45th column of complaints
      expect((a.tables.complaints as unknown[][]).filter((c) => c[repeatAt] !== null).length).toBeGreaterThan(10);
      for (const t of Object.keys(b.tables)) expect(a.tables[t], t).toEqual(b.tables[t]);
      expect(a.searches).toEqual(b.searches);
      expect(Object.entries(a.searches).filter(([, ids]) => !ids.length).map(([term]) => term)).toEqual([]);
    }, 120_000);
  }
});

describe('a refused row in the last line of a file of several batches', () => {
  for (const held of [false, true]) {
    it(`exit 2 naming it, the database byte for byte as it was (${held ? 'a file holding complaints' : 'an empty file'})`, async () => {
      const rows = register(11_000).map((r) => r.slice(1, 7));
      rows[rows.length - 1][2] = '12345';
      const file = path.join(tempDir(), 'last-row-bad.csv');
      fs.writeFileSync(file, stringify(rows));
      const env = testEnv(tempDb());
      await cliOk(['init'], { env });
      if (held) await cliOk(registerArgs(), { env });
      const before = dbBytes(env.COMPLAINTS_DB!);
      const r = await cli(['import', file], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('row 11001');
      expect(r.stderr).toContain('12345');
      expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
    }, 120_000);
  }
});
