// The bulk import path writes without SQLite re-checking CHECK constraints
// (storage/sqlite/import-bulk.ts says why). These tests hold that safe: every CHECK of the
// tables the import writes is one the import's validation enforces with the
// same values, nothing an import writes fails PRAGMA integrity_check (which
// evaluates the CHECKs), and the same connection checks again afterwards.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openStore } from '../../src/storage/sqlite/open.js';
import { importComplaints } from '../../src/storage/import.js';
import { validateRows, type ImportContext } from '../../src/domain/import-rows.js';
import { recogniseHeaders } from '../../src/domain/csv-columns.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { parseInstant } from '../../src/domain/time.js';
import {
  APPROVAL_LEVELS, CATEGORIES, CHANNELS, FOLLOW_UP_METHODS, KINDS, SEVERITIES, STATUSES, VALIDITIES,
} from '../../src/domain/types.js';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const TZ = 'Asia/Shanghai';
const NOW = parseInstant('2026-09-12T10:00:00+08:00', TZ)!;

/** The CHECK expressions of a table as the database holds them. */
function checksOf(db: Database.Database, table: string): string[] {
  const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string;
  const out: string[] = [];
  for (let i = sql.indexOf('CHECK ('); i >= 0; i = sql.indexOf('CHECK (', i + 1)) {
    let depth = 0;
    let j = i + 6;
    for (; j < sql.length; j++) {
      if (sql[j] === '(') depth++;
      else if (sql[j] === ')' && --depth === 0) break;
    }
    out.push(sql.slice(i + 7, j).replace(/\s+/g, ' ').trim());
  }
  return out;
}

const inList = (values: readonly (string | number)[]) => values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(',');

describe.skipIf(onServer)(`import without CHECK re-evaluation (SQLite file only: the bulk import path, its pragmas and integrity_check)`, () => {
  it('the tables the import writes have only CHECKs that the import validation enforces', () => {
    const s = openStore(tempDb(), NOW);
    try {
      const norm = (xs: string[]) => xs.map((x) => x.replace(/\s*,\s*/g, ','));
      // A new CHECK here must be enforced by domain/import-rows.ts before it is added to this list.
      expect(norm(checksOf(s.sqlite, 'complaints'))).toEqual([
        `channel IN (${inList(CHANNELS)})`,
        `kind IN (${inList(KINDS)})`,
        `category IN (${inList(CATEGORIES)})`,
        `severity IN (${inList(SEVERITIES)})`,
        `validity IN (${inList(VALIDITIES)})`,
        `status IN (${inList(STATUSES)})`,
        'households >= 1', // validated as a whole number >= 1
        'claim_fen >= 0', // parseYuan takes no sign
        'safety IN (0,1)',
        'media IN (0,1)',
        'cost_fen >= 0',
        `approval_level IN (${inList(APPROVAL_LEVELS)})`,
        'flagged IN (0,1)',
        'disagreed_talks >= 0', // the import leaves the column to its default 0: a register file holds no rounds of talks
        'possibly_invalid IN (0,1)', // from a boolean cell, read as flagged is
      ]);
      expect(norm(checksOf(s.sqlite, 'follow_ups'))).toEqual([
        `method IN (${inList(FOLLOW_UP_METHODS)})`,
        'satisfaction BETWEEN 1 AND 5', // validated /^[1-5]$/
        `outcome IN ('no_answer','wrong_number','refused','call_later')`, // the import writes NULL
        '(satisfaction IS NULL) <> (outcome IS NULL)', // an imported call-back always has a satisfaction
      ]);
      expect(norm(checksOf(s.sqlite, 'departments'))).toEqual(['active IN (0,1)']);
      expect(checksOf(s.sqlite, 'events')).toEqual([]);
      expect(checksOf(s.sqlite, 'ticket_counters')).toEqual([]);
    } finally {
      s.sqlite.close();
    }
  });

  it('writes nothing that fails integrity_check, with every value the validation lets through', async () => {
    const header = [
      'ticket', 'receivedAt', 'channel', 'kind', 'category', 'severity', 'validity', 'validityReason', 'status', 'name', 'description',
      'households', 'claim', 'cost', 'safety', 'media', 'flagged', 'department', 'responsible', 'approvalLevel', 'resolvedAt',
      'followUpAt', 'followUpMethod', 'satisfaction', 'closedAt',
    ];
    const rows: string[][] = [];
    for (let i = 0; i < 36; i++) {
      const day = String(1 + (i % 9)).padStart(2, '0');
      const resolved = i % 3 !== 0;
      const called = resolved && i % 2 === 0;
      rows.push([
        i % 4 === 0 ? '' : `2609${day}${String(100 + i)}`, `2026-09-${day}T08:00:00+08:00`,
        CHANNELS[i % CHANNELS.length], KINDS[i % KINDS.length], i % 6 === 5 ? '' : CATEGORIES[i % CATEGORIES.length],
        SEVERITIES[i % SEVERITIES.length], VALIDITIES[i % VALIDITIES.length], i % 2 ? '说明' : '',
        resolved ? (called ? 'closed' : 'resolved') : STATUSES[i % 2], `业主${i}`, `第${i}条：楼上漏水`,
        String(1 + (i % 7)), i % 5 ? '' : '0', i % 4 ? '' : '12345.60', String(i % 2 === 0), String(i % 3 === 0), i % 5 === 0 ? 'yes' : 'no',
        i % 3 ? '工程部' : '新部门', resolved && i % 4 ? '秩序部' : '', i % 7 < 3 ? APPROVAL_LEVELS[i % 3] : '',
        resolved ? `2026-09-${day}T12:00:00+08:00` : '', called ? `2026-09-${day}T15:00:00+08:00` : '',
        called ? FOLLOW_UP_METHODS[i % FOLLOW_UP_METHODS.length] : '', called ? String(1 + (i % 5)) : '',
        called ? `2026-09-${day}T16:00:00+08:00` : '',
      ]);
    }
    const file = path.join(tempDir(), 'all-values.csv');
    fs.writeFileSync(file, stringify([header, ...rows]));
    const db = tempDb();
    const r = await cliJson(['import', file], { env: testEnv(db) });
    expect(r).toMatchObject({ rows: 36, dryRun: false, departmentsAdded: ['新部门'] });
    const check = new Database(db, { readonly: true });
    try {
      expect(check.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(check.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBeGreaterThan(0);
    } finally {
      check.close();
    }
  });

  it('leaves the connection checking CHECK constraints again, for statements prepared before and after', async () => {
    const s = openStore(tempDb(), NOW);
    try {
      const k: ImportContext = {
        settings: DEFAULT_SETTINGS, calendar: { isWorkday: (d: string) => ![0, 6].includes(new Date(d).getUTCDay()) } as never,
        tz: TZ, now: NOW, actor: 'li',
      };
      const header = ['receivedAt', 'name', 'description'];
      const { items, problems } = validateRows(header, recogniseHeaders(header).keys, [{ line: 2, cells: ['2026-09-01 09:00', '张三', '电梯坏了'] }], k);
      expect(problems).toEqual([]);
      const before = s.sqlite.prepare('UPDATE complaints SET channel = ? WHERE id = ?');
      const r = await importComplaints(s, items, { actor: 'li', now: NOW, tz: 'Asia/Shanghai', source: 'x.csv' });
      expect(r.tickets).toEqual(['260901001']);
      expect(s.sqlite.pragma('ignore_check_constraints', { simple: true })).toBe(0);
      expect(() => before.run('pigeon', 1)).toThrow(/CHECK constraint failed/);
      expect(() => s.sqlite.prepare('UPDATE complaints SET households = 0 WHERE id = 1').run()).toThrow(/CHECK constraint failed/);
    } finally {
      s.sqlite.close();
    }
  });

  it('turns checking back on when the import fails and rolls back', async () => {
    const s = openStore(tempDb(), NOW);
    try {
      const k: ImportContext = {
        settings: DEFAULT_SETTINGS, calendar: { isWorkday: () => true } as never, tz: TZ, now: NOW, actor: 'li',
      };
      const header = ['ticket', 'receivedAt', 'name', 'description'];
      const rows = [{ line: 2, cells: ['260901001', '2026-09-01 09:00', '张三', '电梯坏了'] }];
      const { items } = validateRows(header, recogniseHeaders(header).keys, rows, k);
      await importComplaints(s, items, { actor: 'li', now: NOW, tz: 'Asia/Shanghai', source: 'x.csv' });
      // The same ticket again: the database refuses a taken ticket, the transaction rolls back.
      await expect(importComplaints(s, items, { actor: 'li', now: NOW, tz: 'Asia/Shanghai', source: 'x.csv' })).rejects.toThrow(/ticket number is taken/);
      expect(s.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
      expect(s.sqlite.pragma('ignore_check_constraints', { simple: true })).toBe(0);
      expect(() => s.sqlite.prepare("UPDATE complaints SET status = 'lost'").run()).toThrow(/CHECK constraint failed/);
    } finally {
      s.sqlite.close();
    }
  });
});

describe('import encodings', () => {
  it('reads a register saved in GB18030 by a Chinese spreadsheet, and one in UTF-8 with a BOM', async () => {
    const dir = tempDir();
    // "receivedAt,name,description\r\n2026-09-01 09:00,张三,电梯坏了\r\n" with the Chinese in GB18030.
    const gb = Buffer.concat([
      Buffer.from('receivedAt,name,description\r\n2026-09-01 09:00,'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(','), Buffer.from([0xb5, 0xe7, 0xcc, 0xdd, 0xbb, 0xb5, 0xc1, 0xcb]), Buffer.from('\r\n'),
    ]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('receivedAt,name,description\r\n2026-09-01 09:00,张三,电梯坏了\r\n')]);
    for (const bytes of [gb, utf8]) {
      const file = path.join(dir, 'r.csv');
      fs.writeFileSync(file, bytes);
      const env = testEnv(tempDb());
      expect(await cliJson(['import', file], { env })).toMatchObject({ rows: 1, tickets: ['260901001'] });
      const shown = await cliJson(['show', '260901001'], { env });
      expect(shown).toMatchObject({ complainant: { name: '张三' }, description: '电梯坏了' });
      expect(await cliJson(['list', '--search', '电梯'], { env })).toHaveLength(1);
    }
  });
});

describe('import refuses a file that is neither clean UTF-8 nor clean GB18030', () => {
  it('UTF-8 with one stray byte: exit 2 naming line, column, byte offset and value; nothing written', async () => {
    const head = Buffer.from('receivedAt,name,description\r\n2026-09-01 09:00,张三,电梯坏了\r\n2026-09-01 10:00,李');
    const bytes = Buffer.concat([head, Buffer.from([0xb7]), Buffer.from('四,楼上漏水已经三天了\r\n')]);
    const file = path.join(tempDir(), 'damaged.csv');
    fs.writeFileSync(file, bytes);
    const env = testEnv(tempDb());
    expect((await cli(registerArgs(), { env })).code).toBe(0);
    const before = dbBytes(env.COMPLAINTS_DB!);
    for (const dry of [[], ['--dry-run']]) {
      const r = await cli(['import', file, ...dry], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`line 3, column 19 (byte offset ${head.length}): 0xB7`);
      expect(r.stderr).toContain('UTF-8');
    }
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
  });

  it('a Latin-1 file is refused as neither UTF-8 nor GBK', async () => {
    const file = path.join(tempDir(), 'latin1.csv');
    fs.writeFileSync(file, Buffer.from('receivedAt,name,description\r\n2026-09-01 09:00,M\xfcller,Wasser im Keller\r\n', 'latin1'));
    const r = await cli(['import', file], { env: testEnv(tempDb()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('0xFC');
    expect(r.stderr).toContain('GBK');
  });
});

describe('import order', () => {
  it('a newest-first register goes in by time of receipt: new numbers follow receipt, search pages stay newest first', async () => {
    const file = path.join(tempDir(), 'newest-first.csv');
    fs.writeFileSync(file, [
      'receivedAt,name,description',
      '2026-09-03 09:00,丙,楼上漏水第三次',
      '2026-09-02 09:00,乙,楼上漏水第二次',
      '2026-09-01 09:00,甲,楼上漏水第一次',
    ].join('\r\n') + '\r\n');
    const env = testEnv(tempDb());
    // Tickets are reported in the file's order, numbered by receipt.
    expect(await cliJson(['import', file], { env })).toMatchObject({ tickets: ['260903003', '260902002', '260901001'] });
    const found = await cliJson(['list', '--search', '漏水', '--status', 'all'], { env }) as { ticket: string }[];
    expect(found.map((c) => c.ticket)).toEqual(['260903003', '260902002', '260901001']);
  });
});

describe('import into a path with no database yet', () => {
  const register = (rows: string[]) => {
    const file = path.join(tempDir(), 'r.csv');
    fs.writeFileSync(file, ['receivedAt,name,description', ...rows].join('\r\n') + '\r\n');
    return file;
  };
  const fresh = () => path.join(tempDir(), 'new', 'complaints.db');

  it('a refused file leaves no database file (nor its folder) behind', async () => {
    const db = fresh();
    const r = await cli(['import', register(['2026-09-01 09:00,张三,电梯坏了', 'yesterday,李四,漏水'])], { env: testEnv(db) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3');
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it('a dry run reports what would go in and creates nothing', async () => {
    const db = fresh();
    expect(await cliJson(['import', register(['2026-09-01 09:00,张三,电梯坏了']), '--dry-run'], { env: testEnv(db) }))
      .toMatchObject({ dryRun: true, rows: 1, renumbered: 1 });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a good file creates the database with its rows', async () => {
    const db = fresh();
    expect(await cliJson(['import', register(['2026-09-01 09:00,张三,电梯坏了'])], { env: testEnv(db) }))
      .toMatchObject({ dryRun: false, rows: 1, tickets: ['260901001'] });
    expect(await cliJson(['show', '260901001'], { env: testEnv(db) })).toMatchObject({ complainant: { name: '张三' } });
  });
});
