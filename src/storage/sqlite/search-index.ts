// SQLite-only (FTS5): keeps the full-text index in step with a complaint's searchable text.
import { searchDoc } from '../../domain/search-terms.js';
import type { Complaint } from '../../domain/types.js';
import { sqliteOf, statement, type Store } from '../store.js';

export function searchableTexts(c: Complaint): (string | null)[] {
  return [
    c.ticket, c.subject, c.description, c.demand, c.complainant.name, c.complainant.estate, c.complainant.unit,
    c.subcategory, c.resolution, c.assignee,
  ];
}

export async function indexComplaint(s: Store, id: number, c: Complaint): Promise<void> {
  const doc = searchDoc(searchableTexts(c));
  const db = sqliteOf(s);
  statement(db, 'DELETE FROM complaint_search WHERE rowid = ?').run(id);
  statement(db, 'INSERT INTO complaint_search (rowid, uni, bi, words) VALUES (?, ?, ?, ?)').run(id, doc.uni, doc.bi, doc.words);
}
