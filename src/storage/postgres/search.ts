// Chinese search on PostgreSQL: the same terms as the SQLite FTS5 table
// (domain/search-terms.ts), as one tsvector per complaint and a tsquery per
// search. Both are written as literals: casting text to tsvector/tsquery only
// reads the literal, no text-search parser or dictionary touches the terms,
// so nothing outside stock PostgreSQL is needed and no language is assumed.
//
// The three FTS5 columns become weights: uni A (single characters), bi B
// (overlapping pairs, with positions so a longer word is the phrase of its
// pairs, `'漏水':B <-> '水管':B`, and the separator between runs is a skipped
// position a phrase cannot cross), words C (other words, lower-cased without
// diacritics as FTS5's unicode61 tokenizer does; searched by prefix).
import { sql } from 'kysely';
import type { Complaint } from '../../domain/types.js';
import { run, type Store } from '../store.js';
import { HAN_RUN, searchableTexts, searchDoc, type SearchDoc } from '../../domain/search-terms.js';
/** PostgreSQL keeps positions up to 16383; past it they all read as 16383. */
const MAX_POSITION = 16383;

const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Words as FTS5's `unicode61 remove_diacritics 2` sees them. */
export function wordTokens(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The tsvector literal of a document made by searchDoc(). */
export function searchVector(doc: SearchDoc): string {
  const entries: string[] = [];
  // Single characters and words are found alone: one position is enough.
  for (const u of new Set(doc.uni.split(' ').filter(Boolean))) entries.push(`${lexeme(u)}:1A`);
  for (const w of new Set(wordTokens(doc.words))) entries.push(`${lexeme(w)}:1C`);
  // Pairs keep their order; searchDoc's separator token '0' ends a run.
  let position = 0;
  for (const token of doc.bi.split(' ')) {
    position++;
    if (token === '' || token === '0') continue;
    entries.push(`${lexeme(token)}:${Math.min(position, MAX_POSITION)}B`);
  }
  return entries.join(' ');
}

/** The tsvector literal for a complaint's searchable texts (search-index.ts searchableTexts). */
export function searchVectorOf(texts: (string | null | undefined)[]): string {
  return searchVector(searchDoc(texts));
}

/** The tsquery literal for a person's search term, as matchQuery() builds the FTS5 one; null when nothing to search. */
export function searchQuery(term: string): string | null {
  const parts: string[] = [];
  for (const run of term.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) {
      parts.push(`${lexeme(chars[0])}:A`);
      continue;
    }
    const pairs: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(`${lexeme(chars[i] + chars[i + 1])}:B`);
    parts.push(pairs.length === 1 ? pairs[0] : `(${pairs.join(' <-> ')})`);
  }
  for (const w of wordTokens(term.replace(HAN_RUN, ' '))) parts.push(`${lexeme(w)}:*C`);
  return parts.length ? parts.join(' & ') : null;
}

/** Keeps a complaint's tsvector in step with its searchable text. */
export async function indexInTsvector(s: Store, id: number, c: Complaint): Promise<void> {
  const doc = searchVectorOf(searchableTexts(c));
  await run(s, s.q.insertInto('complaint_search').values({ complaint_id: id, doc: sql`${doc}::tsvector` } as never)
    .onConflict((oc) => oc.column('complaint_id' as never).doUpdateSet({ doc: sql`excluded.doc` } as never)));
}

/** The tsvector search of a term: complaints found by their id, newest first as on SQLite. */
export function tsvectorMatch(query: string) {
  return { table: 'complaint_search', key: sql.ref('complaint_search.complaint_id'), matches: sql<boolean>`complaint_search.doc @@ ${query}::tsquery` };
}
