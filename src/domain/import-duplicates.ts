// A register row that repeats a complaint (SPEC §15): the same phone, or the
// same estate and unit (the complainant's name when neither is written), the
// same minute received and the same description — one already in the
// database (the register imported twice) or earlier in the same file. Such a
// row is refused by its row number unless the import allows duplicates.
import type { RowProblem } from './import-rows.js';
import type { Instant } from './types.js';
import { NumberTable } from './number-table.js';

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
  const seen = new FileDuplicates();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const p = seen.check(r, column);
    if (p) problems.push(p);
  }
  return problems;
}

/**
 * The rows of a file seen so far, by what a duplicate is recognised by: fed
 * the rows in the file's order, it tells each one that repeats an earlier
 * one. A key is remembered as two hashes of its text, not the text (a key
 * holds the whole description, and a file may have a million rows; in a
 * NumberTable, outside the garbage-collected heap): the
 * first hash finds it, the second confirms it, and the rare key whose first
 * hash another key already has is kept as text.
 */
export class FileDuplicates {
  /** First hash → row number × 2^20 + 20 bits of the second hash. */
  private readonly byHash = new NumberTable();
  private readonly byText = new Map<string, number>();

  /** The problem of a row that repeats an earlier one; else null, and the row is remembered. */
  check(r: FileRow, column: string | null): RowProblem | null {
    const keys = keysOf(r.facts);
    for (const [by, k] of keys) {
      const other = this.lineOf(k);
      if (other !== undefined) return { line: r.line, column, code: 'duplicateRow', params: { other, by } };
    }
    for (const [, k] of keys) this.remember(k, r.line);
    return null;
  }

  private lineOf(key: string): number | undefined {
    const held = this.byHash.get(hash53(key));
    if (held === undefined) return undefined;
    if (held % TAG === hash20(key)) return Math.floor(held / TAG);
    return this.byText.get(key);
  }

  private remember(key: string, line: number): void {
    const h = hash53(key);
    const held = this.byHash.get(h);
    if (held === undefined) this.byHash.set(h, line * TAG + hash20(key));
    else if (held % TAG !== hash20(key) && !this.byText.has(key)) this.byText.set(key, line);
  }
}

const TAG = 2 ** 20;

/** cyrb53: a fast 53-bit string hash. */
function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 20 bits of an independent hash (another seed). */
const hash20 = (s: string): number => hash53(s, 0x9e3779b9) % TAG;

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
