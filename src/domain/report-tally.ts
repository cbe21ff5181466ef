// The figures of a report that come from the complaints received in its
// period, counted in one pass over those rows (SPEC §7) instead of one query
// per figure: each breakdown, the invalid and repeat counts, the contact
// figures and the candidates for group complaints. Pure: storage reads the
// rows, this counts them.
import type { Category } from './types.js';
import type { GroupCandidate } from './groups.js';
import type { PeriodCounts } from './report-merge.js';

/** Invalid and malicious complaints count in `received` and `invalid` only. */
export const DISMISSED: readonly string[] = ['invalid', 'malicious'];

/** One complaint received in the period, as the pass reads it. */
export interface ReceivedRow {
  kind: string | null;
  category: string | null;
  subcategory: string | null;
  severity: string | null;
  channel: string | null;
  department: string | null;
  estate: string | null;
  validity: string;
  repeat: boolean;
  /** Already confirmed as part of a group complaint (SPEC §12): no longer a possible one. */
  grouped: boolean;
  contactedAt: number | null;
  contactDue: number;
  ticket: string;
  receivedAt: number;
  unit: string | null;
  id: number;
  status: string;
  /** Read only for a major complaint: the report lists those. */
  subject: string | null;
}

export type KeyCount = { key: string | null; n: number };

export interface ReceivedTally {
  received: number;
  byKind: KeyCount[];
  byCategory: KeyCount[];
  bySubcategory: KeyCount[];
  bySeverity: KeyCount[];
  byChannel: KeyCount[];
  byDepartment: KeyCount[];
  byEstate: KeyCount[];
  invalid: number;
  repeats: number;
  /** Of the valid: contacted, or past the contact deadline at `now`; of these, contacted by the deadline. */
  contacted: number;
  contactedOnTime: number;
  /** Valid complaints with estate, unit, category and subcategory, not yet confirmed in a group, in the order read (by receipt). */
  groupCandidates: GroupCandidate[];
  /** Valid major complaints, in the order read. */
  major: PeriodCounts['major'];
}

/** A count per value, in the order first seen (the report orders them itself). */
class Counter {
  private readonly counts = new Map<string | null, number>();
  add(key: string | null): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  rows(): KeyCount[] {
    return [...this.counts].map(([key, n]) => ({ key, n }));
  }
}

export function tallyReceived(rows: Iterable<ReceivedRow>, now: number): ReceivedTally {
  const kind = new Counter(), category = new Counter(), subcategory = new Counter(), severity = new Counter();
  const channel = new Counter(), department = new Counter(), estate = new Counter();
  let received = 0, invalid = 0, repeats = 0, contacted = 0, contactedOnTime = 0;
  const groupCandidates: GroupCandidate[] = [];
  const major: PeriodCounts['major'] = [];
  for (const r of rows) {
    received++;
    kind.add(r.kind); category.add(r.category); subcategory.add(r.subcategory); severity.add(r.severity);
    channel.add(r.channel); department.add(r.department); estate.add(r.estate);
    if (DISMISSED.includes(r.validity)) { invalid++; continue; }
    if (r.repeat) repeats++;
    if (r.severity === 'major') major.push({ ticket: r.ticket, subject: r.subject ?? '', status: r.status, department: r.department, receivedAt: r.receivedAt, id: r.id });
    if (r.contactedAt !== null || r.contactDue < now) {
      contacted++;
      if (r.contactedAt !== null && r.contactedAt <= r.contactDue) contactedOnTime++;
    }
    if (!r.grouped && r.estate !== null && r.unit !== null && r.category !== null && r.subcategory !== null) {
      groupCandidates.push({ ticket: r.ticket, receivedAt: r.receivedAt, estate: r.estate, unit: r.unit, category: r.category as Category, subcategory: r.subcategory });
    }
  }
  return {
    received, byKind: kind.rows(), byCategory: category.rows(), bySubcategory: subcategory.rows(), bySeverity: severity.rows(),
    byChannel: channel.rows(), byDepartment: department.rows(), byEstate: estate.rows(), invalid, repeats, contacted, contactedOnTime, groupCandidates, major,
  };
}
