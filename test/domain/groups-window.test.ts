// findGroups slides one window along each estate's complaints; it must pick
// the very window the plain reading of SPEC §6 picks: for each complaint, the
// complaints of the next `windowDays` days, the first with the most units.
import { describe, expect, it } from 'vitest';
import { findGroups, type Group, type GroupCandidate } from '../../src/domain/groups.js';
import { DAY } from '../../src/domain/time.js';
import { byCodePoint } from '../../src/domain/text-order.js';

/** Every window built whole, as the rule reads. */
function plain(items: GroupCandidate[], minUnits: number, windowDays: number): Group[] {
  const byKey = new Map<string, GroupCandidate[]>();
  for (const c of items) {
    if (!c.estate || !c.unit || !c.category || !c.subcategory) continue;
    const key = `${c.estate}\u0000${c.category}\u0000${c.subcategory}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(c);
  }
  const groups: Group[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.receivedAt - b.receivedAt || byCodePoint(a.ticket, b.ticket));
    let best: GroupCandidate[] = [];
    let bestUnits = 0;
    for (const first of list) {
      const window = list.filter((c) => c.receivedAt >= first.receivedAt && c.receivedAt < first.receivedAt + windowDays * DAY
        && list.indexOf(c) >= list.indexOf(first));
      const units = new Set(window.map((c) => c.unit)).size;
      if (units > bestUnits) [best, bestUnits] = [window, units];
    }
    if (bestUnits >= minUnits) {
      groups.push({ estate: best[0].estate!, category: best[0].category!, subcategory: best[0].subcategory!, units: bestUnits,
        tickets: best.map((c) => c.ticket), from: best[0].receivedAt, to: best.at(-1)!.receivedAt });
    }
  }
  return groups.sort((a, b) => b.units - a.units || byCodePoint(a.estate, b.estate) || a.from - b.from);
}

/** A small deterministic generator: the same cases every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('findGroups', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`picks the windows a whole reading picks (generated register ${seed})`, () => {
      const r = random(seed);
      const items: GroupCandidate[] = Array.from({ length: 400 }, (_, i) => ({
        ticket: `2611${String(i).padStart(5, '0')}`,
        receivedAt: Date.UTC(2026, 10, 1) + Math.floor(r() * 20 * DAY),
        estate: ['阳光海岸', '翠湖', null][Math.floor(r() * 3)],
        unit: r() < 0.05 ? null : `${1 + Math.floor(r() * 3)}-1-${100 + Math.floor(r() * 12)}`,
        category: 'property_service',
        subcategory: ['leak', 'noise'][Math.floor(r() * 2)],
      }));
      const received = [...items].sort((a, b) => a.receivedAt - b.receivedAt || byCodePoint(a.ticket, b.ticket));
      for (const input of [items, received]) {
        for (const days of [0, 1, 3, 7]) expect(findGroups([...input], 3, days)).toEqual(plain([...input], 3, days));
      }
      expect(findGroups([...items], 3, 7).length).toBeGreaterThan(0);
    });
  }
});
