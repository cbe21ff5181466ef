// Possible group complaints (群诉, SPEC §6): five or more different units of
// one estate complaining in the same category and subcategory within 7 days.
import type { Category, Instant } from './types.js';
import { DAY } from './time.js';
import { byCodePoint } from './text-order.js';
import { UsageError } from './errors.js';

export interface GroupCandidate {
  ticket: string;
  receivedAt: Instant;
  estate: string | null;
  unit: string | null;
  category: Category | null;
  subcategory: string | null;
}

export interface Group {
  estate: string;
  category: Category;
  subcategory: string;
  units: number;
  tickets: string[];
  from: Instant;
  to: Instant;
}

const receivedThenTicket = (a: GroupCandidate, b: GroupCandidate) => a.receivedAt - b.receivedAt || byCodePoint(a.ticket, b.ticket);

function inOrder(list: readonly GroupCandidate[]): boolean {
  for (let i = 1; i < list.length; i++) if (receivedThenTicket(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** For each estate/category/subcategory, the window of `windowDays` with the most distinct units, when it has enough. */
export function findGroups(items: GroupCandidate[], minUnits: number, windowDays: number): Group[] {
  const byKey = new Map<string, GroupCandidate[]>();
  for (const c of items) {
    if (!c.estate || !c.unit || !c.category || !c.subcategory) continue;
    const key = `${c.estate}\u0000${c.category}\u0000${c.subcategory}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(c);
  }
  const groups: Group[] = [];
  const span = windowDays * DAY;
  for (const list of byKey.values()) {
    // Candidates mostly come in received order already: checked in one pass, sorted only when not.
    if (!inOrder(list)) list.sort(receivedThenTicket);
    // The window starting at each complaint, slid along with a count per
    // unit: a week of a busy estate's complaints was a slice and a set per
    // complaint (quadratic; a month's report holds tens of thousands).
    const perUnit = new Map<string | null, number>();
    let bestStart = 0;
    let bestEnd = 0;
    let bestUnits = 0;
    let end = 0;
    for (let start = 0; start < list.length; start++) {
      if (end < start) end = start; // a window of no days holds nothing
      else if (start > 0) {
        const left = list[start - 1].unit;
        const n = perUnit.get(left)! - 1;
        if (n === 0) perUnit.delete(left);
        else perUnit.set(left, n);
      }
      while (end < list.length && list[end].receivedAt < list[start].receivedAt + span) {
        const unit = list[end++].unit;
        perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
      }
      if (perUnit.size > bestUnits) {
        bestStart = start;
        bestEnd = end;
        bestUnits = perUnit.size;
      }
    }
    const best = list.slice(bestStart, bestEnd);
    if (bestUnits >= minUnits) {
      const first = best[0];
      groups.push({
        estate: first.estate!, category: first.category!, subcategory: first.subcategory!, units: bestUnits,
        tickets: best.map((c) => c.ticket), from: first.receivedAt, to: best[best.length - 1].receivedAt,
      });
    }
  }
  return groups.sort((a, b) => b.units - a.units || byCodePoint(a.estate, b.estate) || a.from - b.from);
}

/**
 * A group complaint confirmed by a person (`group`, SPEC §12): its
 * complaints must come from at least `minUnits` different units (the
 * households threshold of a major complaint, 002 "涉及5户以上"); a complaint
 * without a unit counts for none. The units counted, or a refusal.
 */
export function checkGroupUnits(items: readonly Pick<GroupCandidate, 'ticket' | 'estate' | 'unit'>[], minUnits: number): number {
  const units = new Set(items.filter((c) => c.unit).map((c) => `${c.estate ?? ''}\u0000${c.unit}`)).size;
  if (units < minUnits) {
    throw new UsageError('group.tooFew', {
      units, min: minUnits, count: items.length, noUnit: items.filter((c) => !c.unit).map((c) => c.ticket).join(', ') || '—',
    });
  }
  return units;
}
