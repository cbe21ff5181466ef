// The lists people run every day must stay index-driven at any size: newest
// open complaints come off a partial index with no sort of all open rows.
// Plans are checked after ANALYZE too, since statistics can change them.
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { closeStore, openStore } from '../../src/storage/sqlite/open.js';
import { listQuery, listTotal, NO_FILTER, totalQuery, type ListFilter } from '../../src/storage/complaints.js';
import { chaseQuery } from '../../src/storage/chase.js';
import { OPEN_STATUSES } from '../../src/domain/types.js';
import type { SqliteStore } from '../../src/storage/store.js';
import path from 'node:path';
import { cliOk, onServer, registerArgs, removeTempDirs, tempDb, tempDir, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

/** Either partial index of open complaints in received order: the narrow one, or the chase's wide one (which also holds the filters' columns). */
const OPEN_IN_ORDER = /complaints_open_(received|rows)\b/;

const none: ListFilter = { ...NO_FILTER, statuses: [...OPEN_STATUSES] };

async function plan(s: SqliteStore, f: ListFilter): Promise<string> {
  const c = (await listQuery(s, f, 'newest', 20)).compile();
  return (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.parameters as unknown[])) as { detail: string }[])
    .map((r) => r.detail).join('\n');
}

/** SQLite's own plans, of a file (PostgreSQL plans its queries itself: test/pg/offices.test.ts checks its search uses the GIN index). */
const SQLITE_PLANS = '(SQLite file only: EXPLAIN QUERY PLAN of the file)';
const planned = () => openStore(path.join(tempDir(), 'plans.db'), 0);

describe.skipIf(onServer)(`query plans ${SQLITE_PLANS}`, () => {
  const s = planned();
  for (const analyzed of [false, true]) {
    it(`newest open complaints use the open partial index without sorting${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      if (analyzed) s.sqlite.exec('ANALYZE');
      const p = await plan(s, none);
      expect(p).toMatch(OPEN_IN_ORDER);
      expect(p).not.toMatch(/TEMP B-TREE/);
    });
    it(`newest open of one department use its partial index${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      const p = await plan(s, { ...none, department: '工程部' });
      expect(p).toMatch(/complaints_open_dept_received/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    });
    it(`newest overdue walk the open partial index and stop at the limit, no OR of status ranges${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      const p = await plan(s, { ...none, overdueAt: Date.UTC(2026, 10, 20) });
      expect(p).toMatch(new RegExp(`SCAN c USING INDEX ${OPEN_IN_ORDER.source}`));
      expect(p).not.toMatch(/MULTI-INDEX OR|TEMP B-TREE/);
    });
  }
});

describe.skipIf(onServer)(`chase plan ${SQLITE_PLANS}`, () => {
  const s = planned();
  for (const analyzed of [false, true]) {
    it(`overdue reads every open complaint from the covering index alone, in received order${analyzed ? ' (after ANALYZE)' : ''}`, () => {
      if (analyzed) s.sqlite.exec('ANALYZE');
      const at = Date.UTC(2026, 10, 20);
      const c = chaseQuery(s, at, { general: at, important: at, major: at }).compile();
      const p = (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.parameters as unknown[])) as { detail: string }[])
        .map((r) => r.detail).join('\n');
      expect(p.split('\n')[0]).toBe('SCAN c USING COVERING INDEX complaints_open_rows');
      // No sort of the open complaints (the late steps' subquery may order its few rows).
      expect(p.split('CORRELATED')[0]).not.toMatch(/TEMP B-TREE/);
    });
  }
});

describe.skipIf(onServer)(`my work plans ${SQLITE_PLANS}`, () => {
  const s = planned();
  for (const analyzed of [false, true]) {
    it(`a caller by the last four digits of the phone, all statuses, is read from its expression index${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      if (analyzed) s.sqlite.exec('ANALYZE');
      const p = await plan(s, { ...NO_FILTER, phoneTail: '8000' });
      expect(p).toMatch(/complaints_phone_tail/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    });
    it(`the flagged, all statuses, are read from their partial index${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      const p = await plan(s, { ...NO_FILTER, flagged: true });
      expect(p).toMatch(/complaints_flagged/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    });
    it(`my open complaints are picked from the covering index of open complaints, with no seek for the others${analyzed ? ' (after ANALYZE)' : ''}`, async () => {
      const p = await plan(s, { ...none, mine: 'li', estate: '阳光' });
      // The ids are read from the index alone; the rows read are only the person's own
      // (walked in received order, or looked up by id and put in order: either reads no one else's).
      expect(p).toMatch(/SCAN complaints USING COVERING INDEX complaints_open_rows/);
      expect(p).toMatch(new RegExp(`SCAN c USING INDEX ${OPEN_IN_ORDER.source}|SEARCH c USING INTEGER PRIMARY KEY`));
      expect(p).not.toMatch(/SCAN c\b(?! USING)/);
    });
  }
});

describe.skipIf(onServer)(`search plans ${SQLITE_PLANS}`, () => {
  const s = planned();
  for (const statuses of [none.statuses, null]) {
    it(`the first page of a search is read from the full-text index in rowid order (${statuses ? 'open' : 'all'})`, async () => {
      const p = await plan(s, { ...none, statuses, search: '漏水' });
      expect(p.split('\n')[0]).toMatch(/SCAN complaint_search VIRTUAL TABLE/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    });
  }
});

describe.skipIf(onServer)(`a list's total ${SQLITE_PLANS}`, () => {
  it('is counted whole for open statuses alone, from an index; any other filter, every status included, up to the cap, then "more than"', async () => {
    const db = tempDb();
    const env = testEnv(db);
    for (let i = 0; i < 4; i++) await cliOk(registerArgs({ subject: `漏水 ${i}` }), { env });
    const s = openStore(db, 0, { create: false });
    try {
      expect(await listTotal(s, none, 2)).toEqual({ count: 4, more: false });
      // Every status (a million complaints, most of them closed): up to the cap.
      expect(await listTotal(s, NO_FILTER, 2)).toEqual({ count: 2, more: true });
      expect(await listTotal(s, { ...none, estate: '阳光' }, 2)).toEqual({ count: 2, more: true });
      expect(await listTotal(s, { ...none, estate: '阳光' }, 4)).toEqual({ count: 4, more: false });
      expect(await listTotal(s, { ...none, estate: '别处' }, 2)).toEqual({ count: 0, more: false });
      // Closed ones are most of an office's file: counted up to the cap like any other filter.
      expect(await listTotal(s, { ...NO_FILTER, statuses: ['closed'] }, 2)).toEqual({ count: 0, more: false });
      // The whole count reads a covering index alone: no table, none of the list's joins.
      const c = (await totalQuery(s, none)).select(sql<number>`count(*)`.as('n')).compile();
      const p = (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(p).toMatch(/^SCAN c USING COVERING INDEX \w+$/);
    } finally {
      closeStore(s);
    }
  });
});
