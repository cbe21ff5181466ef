// Chinese search of 1-, 2- and longer words on either engine: FTS5 tables
// in a SQLite file, a tsvector with a GIN index on a server. Both index the
// same terms (domain/search-terms.ts) and answer the same searches.
import { matchQuery } from '../domain/search-terms.js';
import type { Complaint } from '../domain/types.js';
import type { Store } from './store.js';
import { ftsMatch, indexInFts } from './sqlite/search-index.js';
import { indexInTsvector, searchQuery, tsvectorMatch } from './postgres/search.js';

export function indexComplaint(s: Store, id: number, c: Complaint): Promise<void> {
  return s.engine === 'postgres' ? indexInTsvector(s, id, c) : indexInFts(s, id, c);
}

/**
 * How a term is searched: the search table to join by complaint id (its
 * `key`), the condition, or null when the term has nothing to search for.
 */
export function searchFor(s: Store, term: string) {
  if (s.engine === 'postgres') {
    const query = searchQuery(term);
    return query === null ? null : tsvectorMatch(query);
  }
  const match = matchQuery(term);
  return match === null ? null : ftsMatch(match);
}
