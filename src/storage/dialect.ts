// The few SQL forms the two engines spell differently (SPEC §14). Queries
// shared by both are written with kysely or in SQL both accept (RETURNING,
// count(*) FILTER, ->>); what is left is here, by engine, and nowhere else.
import { sql, type RawBuilder } from 'kysely';
import type { Store } from './store.js';

/**
 * A JSON array (as text; '[]' when there are no rows) of `source`'s rows,
 * each row an array of `columns`, in `order`. Rides along with each
 * complaint read: a list streams its rows, and a connection that is
 * iterating can run no other query.
 */
export function jsonArrays(s: Store, columns: string, source: RawBuilder<unknown>, order: string): RawBuilder<string> {
  return s.engine === 'postgres'
    ? sql<string>`(SELECT coalesce(json_agg(json_build_array(${sql.raw(columns)}) ORDER BY ${sql.raw(order)}), '[]')::text FROM (${source}) AS rows_)`
    : sql<string>`(SELECT json_group_array(json_array(${sql.raw(columns)})) FROM (SELECT * FROM (${source}) AS source_ ORDER BY ${sql.raw(order)}) AS rows_)`;
}

/**
 * Two columns of `source`'s rows as one text, "a b a b …" (null when there are
 * no rows), in no particular order: for words without spaces (step keys) and
 * numbers. The chase reads twenty thousand of these; building and parsing
 * JSON arrays, sorted, cost a tenth of its query.
 */
export function pairsText(s: Store, a: string, b: string, source: RawBuilder<unknown>): RawBuilder<string | null> {
  return s.engine === 'postgres'
    ? sql<string | null>`(SELECT string_agg(${sql.raw(a)} || ' ' || ${sql.raw(b)}, ' ') FROM (${source}) AS rows_)`
    : sql<string | null>`(SELECT group_concat(${sql.raw(a)} || ' ' || ${sql.raw(b)}, ' ') FROM (${source}) AS rows_)`;
}

/** A JSON object (as text; '{}' when there are no rows) of `source`'s rows: key → {field: column, …}. */
export function jsonObjectOf(s: Store, key: string, fields: Record<string, string>, source: RawBuilder<unknown>): RawBuilder<string> {
  const pairs = Object.entries(fields).map(([name, column]) => `'${name}', ${column}`).join(', ');
  return s.engine === 'postgres'
    ? sql<string>`(SELECT coalesce(json_object_agg(${sql.raw(key)}, json_build_object(${sql.raw(pairs)})), '{}')::text FROM (${source}) AS rows_)`
    : sql<string>`(SELECT json_group_object(${sql.raw(key)}, json_object(${sql.raw(pairs)})) FROM (${source}) AS rows_)`;
}

/**
 * A column read so that SQLite does not answer a condition on it from an
 * index (`+c.status`: one index range per value, then a sort, instead of
 * walking the index the query is ordered by). PostgreSQL plans it itself.
 */
export function unindexed(s: Store, column: string): RawBuilder<string> {
  return s.engine === 'postgres' ? sql<string>`${sql.ref(column)}` : sql<string>`+${sql.ref(column)}`;
}

/** The larger of two numbers: SQLite's scalar max(), PostgreSQL's greatest(). */
export function greatest(s: Store, a: RawBuilder<number>, b: RawBuilder<number>): RawBuilder<number> {
  return s.engine === 'postgres' ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`;
}

/**
 * In a subquery written as SQL, the condition that keeps `table`'s rows to
 * the office of the row `outer` it hangs off (` AND table.office_id =
 * outer.office_id`): the office plugin scopes what kysely builds, not what is
 * written as text, and row-level security does not hold back an
 * administrator. A SQLite file is one office: nothing to add.
 */
export function sameOffice(s: Store, table: string, outer = 'c'): RawBuilder<unknown> {
  return s.engine === 'postgres' ? sql` AND ${sql.ref(`${table}.office_id`)} = ${sql.ref(`${outer}.office_id`)}` : sql.raw('');
}

/**
 * The order rows of a key/value table were first written in: SQLite's rowid
 * (an upsert keeps it); on a server the identity column that stands for it.
 */
export function insertionOrder(s: Store): RawBuilder<unknown> {
  return s.engine === 'postgres' ? sql`seq` : sql`rowid`;
}
