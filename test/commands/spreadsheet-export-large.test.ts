// A workbook export of a generated register (5,000 complaints of the busy
// office's shape, every column filled somewhere) plus texts that XML must
// escape, read back cell by cell by SheetJS (independent of the writer) and
// compared with the CSV export of the same rows: every cell the CSV has is
// in the workbook, typed, with the same value; every empty one is absent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import { ensureDatabase } from '../bench/generate.mjs';
import { cli, onServer, registerArgs, removeTempDirs, tempDir, testEnv, type Env } from '../helpers.js';
import { RAW_CELLS, unneutralise } from '../../src/domain/csv-columns.js';

afterAll(removeTempDirs);

const NOW = '2026-11-23T10:00:00+08:00';
let env: Env;

async function ok(args: string[]): Promise<string> {
  const r = await cli(args, { env: { ...env, COMPLAINTS_NOW: NOW } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A spreadsheet date read back as the wall-clock time it shows, to the second: 2026-11-16T09:10:00. */
function wallClock(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400) * 1000).toISOString().slice(0, 19);
}

/** The CSV's rows and the workbook's first sheet, from the same export filters. */
async function both(headers: 'keys' | 'zh'): Promise<{ csv: string[][]; ws: XLSX.WorkSheet }> {
  const dir = tempDir();
  const csvFile = path.join(dir, 'all.csv');
  const xlsxFile = path.join(dir, 'all.xlsx');
  await ok(['export', '--out', csvFile, '--headers', headers]);
  await ok(['export', '--format', 'xlsx', '--out', xlsxFile, '--headers', headers]);
  const csv = parse(fs.readFileSync(csvFile), { bom: true }) as string[][];
  const book = XLSX.read(fs.readFileSync(xlsxFile), { cellStyles: true, cellNF: true });
  expect(book.SheetNames).toHaveLength(1);
  return { csv, ws: book.Sheets[book.SheetNames[0]] };
}

/**
 * A cell as the CSV writes its value, or a note of what is wrong with its
 * type or format. Text is compared with the CSV's unneutralised: a text cell
 * needs no formula guard (a leading ').
 */
function cellAsCsv(cell: XLSX.CellObject, kind: string, headers: 'keys' | 'zh'): string {
  const v = cell.v;
  switch (kind) {
    case 'time': {
      if (cell.t !== 'n' || cell.z !== 'yyyy-mm-dd hh:mm') return `not a date: ${cell.t} ${cell.z}`;
      // keys: 2026-11-16T09:10:00+08:00 (the offset is the office's, not in the cell); zh: 2026-11-16 09:10.
      const shown = wallClock(v as number);
      return headers === 'keys' ? `${shown}+08:00` : `${shown.slice(0, 10)} ${shown.slice(11, 16)}`;
    }
    case 'yuan': return cell.t === 'n' && cell.z === '#,##0.00' ? (v as number).toFixed(2) : `not yuan: ${cell.t} ${cell.z}`;
    case 'number': return cell.t === 'n' ? String(v) : `not a number: ${cell.t}`;
    case 'bool': if (headers === 'keys') return cell.t === 'b' ? String(v) : `not a boolean: ${cell.t}`;
    // falls through: 是/否 are text
    default: return cell.t === 's' ? (v as string) : `not text: ${cell.t}`;
  }
}

describe.skipIf(onServer)('a large workbook export against the CSV (SQLite file: the generator writes one)', () => {
  beforeAll(async () => {
    const file = path.join(tempDir(), 'office.db');
    await ensureDatabase(5000, { out: file, log: () => {}, shape: 'office' });
    env = testEnv(file);
    // What XML must escape or keep: markup characters, CR LF, a control character, a tab, Excel's own _xHHHH_ escape, a pair of surrogates.
    await ok(registerArgs({ name: 'A&B <x> "q"', description: 'lead\r\nCR\u0001ctl _x0041_ tab\there 😀 ]]>', demand: '=1+1', 'received-at': '2026-11-20 09:10' }));
  }, 120_000);

  for (const headers of ['keys', 'zh'] as const) {
    it(`--headers ${headers}: every cell as the CSV has it`, async () => {
      const { csv, ws } = await both(headers);
      expect(csv.length).toBe(5002);
      const range = XLSX.utils.decode_range(ws['!ref']!);
      expect(range.e.r + 1).toBe(csv.length);
      // Each cell's difference, gathered rather than asserted: a quarter of a million expects took seconds.
      const wrong: string[] = [];
      let compared = 0;
      for (let r = 0; r < csv.length; r++) {
        for (let c = 0; c < csv[0].length; c++) {
          const want = csv[r][c];
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          const got = cell === undefined ? undefined : cellAsCsv(cell, r === 0 ? 'text' : RAW_CELLS[c], headers);
          if (want === '' ? cell !== undefined : got !== unneutralise(want)) wrong.push(`${csv[0][c]} of row ${r + 1}: ${JSON.stringify(want)} ≠ ${JSON.stringify(cell)}`);
          compared++;
        }
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(compared).toBe(5002 * csv[0].length);
      // The escaped texts came back whole.
      const last = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws).at(-1)!;
      expect(Object.values(last)).toContain('lead\r\nCR\u0001ctl _x0041_ tab\there 😀 ]]>');
    }, 120_000);
  }
});
