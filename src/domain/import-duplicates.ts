// A register row that repeats a complaint (SPEC §15): the same phone, or the
// same estate and unit (the complainant's name when neither is written), the
// same minute received and the same description — one already in the
// database (the register imported twice) or earlier in the same file. Such a
// row is refused by its row number unless the import allows duplicates.
import type { RowProblem } from './import-rows.js';
import type { Instant } from './types.js';

/** What a duplicate is recognised by, for a row of the file or a complaint of the database. */
export interface DuplicateFacts {
  receivedAt: Instant;
  description: string;
  phone: string | null;
  estate: string | null;
  unit: string | null;
  name: string;
}

export type DuplicateBy = 'phone' | 'unit' | 'name';

const MINUTE = 60_000;

export const minuteOf = (at: Instant): number => Math.floor(at / MINUTE);

/** The keys a complaint is known by: one for its phone, one for its estate and unit; its name when it has neither. */
function keysOf(f: DuplicateFacts): [DuplicateBy, string][] {
  const at = `${minuteOf(f.receivedAt)}\u0000${f.description.trim()}`;
  const keys: [DuplicateBy, string][] = [];
  if (f.phone) keys.push(['phone', `p\u0000${at}\u0000${f.phone}`]);
  if (f.unit) keys.push(['unit', `u\u0000${at}\u0000${f.estate ?? ''}\u0000${f.unit}`]);
  if (!keys.length) keys.push(['name', `n\u0000${at}\u0000${f.name}`]);
  return keys;
}

export interface FileRow {
  line: number;
  facts: DuplicateFacts;
}

/** Rows that repeat an earlier row of the same file. */
export function duplicatesInFile(rows: readonly FileRow[], column: string | null): RowProblem[] {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const keys = keysOf(r.facts);
    const hit = keys.find(([, k]) => seen.has(k));
    if (hit) problems.push({ line: r.line, column, code: 'duplicateRow', params: { other: seen.get(hit[1])!, by: hit[0] } });
    else for (const [, k] of keys) seen.set(k, r.line);
  }
  return problems;
}

/** Rows that repeat a complaint the database holds (those received in the rows' minutes). */
export function duplicatesInDatabase(rows: readonly FileRow[], held: readonly (DuplicateFacts & { ticket: string })[], column: string | null): RowProblem[] {
  const known = new Map<string, string>();
  for (const c of held) for (const [, k] of keysOf(c)) known.set(k, c.ticket);
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const hit = keysOf(r.facts).find(([, k]) => known.has(k));
    if (hit) problems.push({ line: r.line, column, code: 'duplicateInDb', params: { ticket: known.get(hit[1])!, by: hit[0] } });
  }
  return problems;
}
