// Runs compiled queries on one node-postgres connection. Every write
// transaction first takes the office's advisory lock: SQLite's single writer
// is what the domain's read–compute–write relies on (two clerks stepping the
// same complaint), and this gives an office the same one writer at a time,
// while other offices write on.
import type { Client, ClientBase } from 'pg';
import type { CompiledQuery, Executor } from '../store.js';

/** The lock's first key: this program's (the second is the office). */
const WRITE_LOCK = 0x636f6d71;

/** Rows a streamed query fetches from its cursor at a time. */
const BATCH = 500;

/** Holds the office's write lock until the transaction ends: its one writer at a time. */
/** The statement that takes an office's write lock until its transaction ends (both keys numbers, written as literals). */
const lockStatement = (officeId: number) => `SELECT pg_advisory_xact_lock(${WRITE_LOCK}, ${Math.trunc(officeId)})`;

export async function lockOffice(client: ClientBase, officeId: number): Promise<void> {
  await client.query(lockStatement(officeId));
}

export function pgExecutor(client: Client, officeId: () => number | null): Executor {
  let depth = 0;
  let cursors = 0;
  const params = (q: CompiledQuery) => q.parameters as unknown[];
  return {
    all: async <R>(q: CompiledQuery) => (await client.query({ text: q.sql, values: params(q) })).rows as R[],
    arrays: async (q: CompiledQuery) => (await client.query({ text: q.sql, values: params(q), rowMode: 'array' })).rows as unknown[][],
    first: async <R>(q: CompiledQuery) => (await client.query({ text: q.sql, values: params(q) })).rows[0] as R | undefined,
    run: async (q: CompiledQuery) => ({ changes: (await client.query({ text: q.sql, values: params(q) })).rowCount ?? 0 }),
    async *iterate<R>(q: CompiledQuery, o: { arrays?: boolean } = {}) {
      // A cursor lives in a transaction: its own, read-only, unless one is open.
      const own = depth === 0;
      const name = `rows_${++cursors}`;
      if (own) await client.query('BEGIN READ ONLY');
      try {
        await client.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${q.sql}`, values: params(q) });
        for (;;) {
          const fetch = `FETCH ${BATCH} FROM ${name}`;
          const r = o.arrays ? await client.query({ text: fetch, rowMode: 'array' }) : await client.query(fetch);
          if (r.rows.length) yield r.rows as R[];
          if (r.rows.length < BATCH) break;
        }
        await client.query(`CLOSE ${name}`);
      } finally {
        if (own) await client.query('COMMIT').catch(() => undefined);
      }
    },
    async transaction<T>(fn: () => Promise<T>) {
      const nested = depth > 0;
      const name = `nested_${depth}`;
      const office = officeId();
      // The office's lock is taken with BEGIN, in the same round trip (both literals: the id is a number).
      const lock = !nested && office !== null ? `; ${lockStatement(office)}` : '';
      await client.query(nested ? `SAVEPOINT ${name}` : `BEGIN${lock}`);
      depth++;
      try {
        const result = await fn();
        await client.query(nested ? `RELEASE SAVEPOINT ${name}` : 'COMMIT');
        return result;
      } catch (err) {
        await client.query(nested ? `ROLLBACK TO SAVEPOINT ${name}` : 'ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        depth--;
      }
    },
  };
}
