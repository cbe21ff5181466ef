// The group schema on a real PostgreSQL: the record stays append-only, an
// office's clerks see and change only their office, the group reads all,
// ticket numbers stay gap-free per office under concurrency, and Chinese
// search finds words of any length as the SQLite FTS5 index does.
import pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { searchQuery, searchVectorOf } from '../../src/storage/postgres/search.js';
import { connect, inOffice, insertComplaint, TAKE_NUMBER, usePgServer, type PgServer } from '../support/pg-test-db.js';

const server = usePgServer();
let db: Awaited<ReturnType<PgServer['migratedDatabase']>>;

/** Runs fn with a client of `user` (the superuser when omitted), closed afterwards. */
async function as<T>(user: string | undefined, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = await connect(db.url(user));
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every row of the office tables, as text: what a refusal must leave unchanged. */
async function dump(c: pg.Client): Promise<string> {
  const out: string[] = [];
  for (const t of ['complaints', 'events', 'ticket_counters', 'complaint_search']) {
    const rows = (await c.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
    out.push(t, JSON.stringify(rows));
  }
  return out.join('\n');
}

beforeAll(async () => {
  db = await server.migratedDatabase(['HY', 'YG']);
  // Role names are the server's: unique per test file.
  await server.loginRole('clerk_hy', ['complaints_office_hy']);
  await server.loginRole('clerk_yg', ['complaints_office_yg']);
  await server.loginRole('group_viewer', ['complaints_group']);
  // One complaint with an event in each office, written by its own clerk.
  for (const [user, code] of [['clerk_hy', 'HY'], ['clerk_yg', 'YG']]) {
    await as(user, (c) =>
      inOffice(c, code, async () => {
        const id = await insertComplaint(c, { ticket: `${code}-260912001`, seq: 1, subject: `${code} 楼上漏水` });
        await c.query("INSERT INTO events (complaint_id, at, actor, action) VALUES ($1, 0, $2, 'register')", [id, user]);
      }),
    );
  }
});

describe('append-only records', () => {
  const refusals: [string, string, RegExp][] = [
    ['changing an event', "UPDATE events SET note = 'x'", /events are append-only: an event cannot be changed/],
    ['deleting an event', 'DELETE FROM events', /events are append-only: an event cannot be deleted/],
    ['emptying the event log', 'TRUNCATE events', /events are append-only: an event cannot be deleted/],
    ['deleting a complaint', 'DELETE FROM complaints', /a complaint is never deleted: close it with a reason/],
    ['renumbering a complaint', "UPDATE complaints SET ticket = 'HY-260912999'", /a complaint keeps its id and ticket number/],
  ];
  test.each(refusals)('%s is refused even to the owner, and nothing changes', async (_what, sql, message) => {
    await as(undefined, async (c) => {
      const before = await dump(c);
      await expect(inOffice(c, 'HY', () => c.query(sql))).rejects.toThrow(message);
      expect(await dump(c)).toBe(before);
    });
  });

  test('approvals before the work and spot checks are kept as recorded, against the owner and without privilege for a clerk', async () => {
    const kept = async (c: pg.Client) => JSON.stringify([
      (await c.query('SELECT * FROM approvals ORDER BY 1, 2')).rows, (await c.query('SELECT * FROM audits ORDER BY 1, 2')).rows,
    ]);
    await as(undefined, async (c) => {
      await inOffice(c, 'HY', async () => {
        const id = (await c.query("SELECT id FROM complaints WHERE ticket = 'HY-260912001'")).rows[0].id;
        await c.query("INSERT INTO approvals (complaint_id, at, amount_fen, approval_level, approved_by) VALUES ($1, 0, 680000, 'general_manager', '李总')", [id]);
        await c.query("INSERT INTO audits (complaint_id, at, auditor, result, note) VALUES ($1, 0, '周主任', 'pass', '抽查')", [id]);
      });
      const before = await kept(c);
      for (const [sql, message] of [
        ["UPDATE approvals SET approved_by = 'x'", /approvals are kept as recorded: an approval cannot be changed/],
        ['DELETE FROM approvals', /approvals are kept as recorded: an approval cannot be deleted/],
        ['TRUNCATE approvals', /approvals are kept as recorded: an approval cannot be deleted/],
        ["UPDATE audits SET result = 'fail'", /spot checks are kept as recorded: an audit cannot be changed/],
        ['DELETE FROM audits', /spot checks are kept as recorded: an audit cannot be deleted/],
        ['TRUNCATE audits', /spot checks are kept as recorded: an audit cannot be deleted/],
      ] as const) {
        await expect(inOffice(c, 'HY', () => c.query(sql)), sql).rejects.toThrow(message);
      }
      await as('clerk_hy', async (clerk) => {
        for (const sql of ["UPDATE approvals SET note = 'x'", 'DELETE FROM approvals', "UPDATE audits SET note = 'x'", 'DELETE FROM audits']) {
          await expect(inOffice(clerk, 'HY', () => clerk.query(sql)), sql).rejects.toThrow(/permission denied/);
        }
      });
      expect(await kept(c)).toBe(before);
    });
  });

  test("an office's clerk has no privilege to change or delete events, nor to delete complaints", async () => {
    await as(undefined, async (owner) => {
      const before = await dump(owner);
      await as('clerk_hy', async (c) => {
        for (const sql of ["UPDATE events SET note = 'x'", 'DELETE FROM events', 'DELETE FROM complaints']) {
          await expect(inOffice(c, 'HY', () => c.query(sql)), sql).rejects.toThrow(/permission denied/);
        }
      });
      expect(await dump(owner)).toBe(before);
    });
  });
});

describe('who sees what', () => {
  const tickets = async (c: pg.Client) => (await c.query('SELECT ticket FROM complaints ORDER BY ticket')).rows.map((r) => r.ticket);

  test("a clerk of HY sees HY's complaints and events, none of YG's, and nothing without an office", async () => {
    await as('clerk_hy', async (c) => {
      expect(await inOffice(c, 'HY', () => tickets(c))).toEqual(['HY-260912001']);
      expect(await inOffice(c, 'HY', async () => (await c.query('SELECT actor FROM events')).rows)).toEqual([{ actor: 'clerk_hy' }]);
      expect(await inOffice(c, 'YG', () => tickets(c))).toEqual([]);
      expect(await inOffice(c, null, () => tickets(c))).toEqual([]);
    });
  });

  test("a clerk of HY cannot write into YG, in YG's session or by naming YG's office, and YG's rows stay as they were", async () => {
    await as(undefined, async (owner) => {
      const before = await dump(owner);
      const yg = db.officeIds[1];
      await as('clerk_hy', async (c) => {
        await expect(inOffice(c, 'YG', () => insertComplaint(c, { ticket: 'YG-260912002', seq: 2 }))).rejects.toThrow(/row-level security/);
        await expect(
          inOffice(c, 'HY', () => c.query("INSERT INTO settings (office_id, key, value) VALUES ($1, 'office.name', 'x')", [yg])),
        ).rejects.toThrow(/row-level security/);
        // Updates of rows it cannot see touch nothing.
        const r = await inOffice(c, 'YG', () => c.query("UPDATE complaints SET subject = 'x'"));
        expect(r.rowCount).toBe(0);
      });
      expect(await dump(owner)).toBe(before);
    });
  });

  test('the group role reads every office when no office is set, one office when it is, and writes none', async () => {
    await as('group_viewer', async (c) => {
      expect(await inOffice(c, null, () => tickets(c))).toEqual(['HY-260912001', 'YG-260912001']);
      expect(await inOffice(c, 'YG', () => tickets(c))).toEqual(['YG-260912001']);
      // A mistyped office reads nothing rather than everything.
      expect(await inOffice(c, 'XX', () => tickets(c))).toEqual([]);
      await expect(inOffice(c, 'HY', () => insertComplaint(c, { ticket: 'HY-260912009', seq: 9 }))).rejects.toThrow(/row-level security/);
    });
  });

  test('a row written without naming its office belongs to the session office; without one it is refused', async () => {
    await as(undefined, async (owner) => {
      // Even where row-level security does not apply, a row needs an office.
      await expect(inOffice(owner, null, () => owner.query("INSERT INTO settings (key, value) VALUES ('rule.none', '1')"))).rejects.toThrow(
        /null value in column "office_id"/,
      );
    });
    await as('clerk_yg', async (c) => {
      const office = await inOffice(c, 'YG', async () => {
        await c.query("INSERT INTO settings (key, value) VALUES ('rule.test', '1')");
        return (await c.query("SELECT office_id FROM settings WHERE key = 'rule.test'")).rows[0].office_id;
      });
      expect(Number(office)).toBe(db.officeIds[1]);
      await expect(inOffice(c, null, () => c.query("INSERT INTO settings (key, value) VALUES ('rule.none', '1')"))).rejects.toThrow(
        /row-level security/,
      );
    });
  });

  test('each office starts with the departments of a new SQLite file, names unique within the office', async () => {
    await as(undefined, async (c) => {
      const r = await c.query('SELECT office_id, count(*)::int AS n FROM departments GROUP BY office_id ORDER BY office_id');
      expect(r.rows.map((x) => [Number(x.office_id), x.n])).toEqual([[db.officeIds[0], 7], [db.officeIds[1], 7]]);
      await expect(inOffice(c, 'HY', () => c.query("INSERT INTO departments (name, created_at) VALUES ('工程部', 0)"))).rejects.toThrow(
        /duplicate key/,
      );
    });
  });
});

describe('ticket numbers', () => {
  test('8 connections registering in two offices get gap-free numbers per office, rollbacks included', async () => {
    const perConnection = 12;
    const taken = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        as(i % 2 ? 'clerk_yg' : 'clerk_hy', async (c) => {
          const code = i % 2 ? 'YG' : 'HY';
          const mine: number[] = [];
          for (let k = 0; k < perConnection; k++) {
            // Every third registration fails after taking its number: the number goes back.
            const fail = k % 3 === 2;
            const n = await inOffice(c, code, async () => {
              const last = (await c.query(TAKE_NUMBER, [2027])).rows[0].last as number;
              if (fail) throw new Error('registration failed');
              return last;
            }).catch((e: Error) => (e.message === 'registration failed' ? null : Promise.reject(e)));
            if (n !== null) mine.push(n);
          }
          return { code, mine };
        }),
      ),
    );
    for (const code of ['HY', 'YG']) {
      const numbers = taken.filter((t) => t.code === code).flatMap((t) => t.mine).sort((a, b) => a - b);
      const committed = 4 * (perConnection - perConnection / 3);
      expect(numbers).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
    }
  });
});

describe('Chinese search', () => {
  // Texts as search-index.ts gathers them, indexed as the server engine will.
  const docs: [string, string[]][] = [
    ['HY-260912101', ['楼上漏水', '卫生间天花板渗水，已经三天']],
    ['HY-260912102', ['电梯故障', '3号楼电梯停在12层 Otis']],
    ['HY-260912103', ['噪音', '楼下装修，漏电了，水管爆裂']],
  ];

  beforeAll(async () => {
    await as('clerk_hy', (c) =>
      inOffice(c, 'HY', async () => {
        let seq = 100;
        for (const [ticket, texts] of docs) {
          const id = await insertComplaint(c, { ticket, seq: ++seq, subject: texts[0], description: texts[1] });
          await c.query('INSERT INTO complaint_search (complaint_id, doc) VALUES ($1, $2::tsvector)', [id, searchVectorOf([ticket, ...texts])]);
        }
      }),
    );
  });

  const find = (user: string, office: string, term: string) =>
    as(user, (c) =>
      inOffice(c, office, async () => {
        const r = await c.query(
          `SELECT c.ticket FROM complaint_search s JOIN complaints c ON c.office_id = s.office_id AND c.id = s.complaint_id
           WHERE s.doc @@ $1::tsquery ORDER BY c.ticket`,
          [searchQuery(term)],
        );
        return r.rows.map((x) => x.ticket);
      }),
    );

  test.each([
    ['水', ['HY-260912101', 'HY-260912103']], // one character
    ['漏水', ['HY-260912101']], // two: one pair
    ['天花板', ['HY-260912101']], // three: the phrase of its pairs
    ['梯故障', ['HY-260912102']],
    ['漏水管', []], // 漏水 and 水管 both occur in 103's text, but not together
    ['水管爆裂', ['HY-260912103']],
    ['otis', ['HY-260912102']], // other words, any case, by prefix
    ['OT 电梯', ['HY-260912102']],
    ['12', ['HY-260912102']],
    ['hy-2609121', ['HY-260912101', 'HY-260912102', 'HY-260912103']], // the ticket is words too
  ])('%s finds %j', async (term, expected) => {
    expect(await find('clerk_hy', 'HY', term)).toEqual(expected);
  });

  test("another office's clerk finds nothing of HY's", async () => {
    expect(await find('clerk_yg', 'YG', '漏水')).toEqual([]);
  });

  test('the search uses the GIN index', async () => {
    await as(undefined, async (c) => {
      await c.query('SET enable_seqscan = off');
      const plan = (await c.query('EXPLAIN SELECT complaint_id FROM complaint_search WHERE doc @@ $1::tsquery', [searchQuery('漏水')])).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toMatch(/complaint_search_doc/);
    });
  });
});
