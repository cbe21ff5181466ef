// SQLite-only (FTS5): keeps the full-text index in step with a complaint's searchable text.
import { searchableTexts, searchDoc } from '../../domain/search-terms.js';
import type { Complaint } from '../../domain/types.js';
import { sql } from 'kysely';
import { sqliteOf, statement, type Store } from '../store.js';

export async function indexInFts(s: Store, id: number, c: Complaint): Promise<void> {
  const doc = searchDoc(searchableTexts(c));
  const db = sqliteOf(s);
  statement(db, 'DELETE FROM complaint_search WHERE rowid = ?').run(id);
  statement(db, 'INSERT INTO complaint_search (rowid, uni, bi, words) VALUES (?, ?, ?, ?)').run(id, doc.uni, doc.bi, doc.words);
}

/** The FTS5 search of a term: the index's rows are complaint ids, handed out newest first. */
export function ftsMatch(match: string) {
  return { table: 'complaint_search', key: sql.ref('complaint_search.rowid'), matches: sql<boolean>`complaint_search MATCH ${match}` };
}
