// Random report periods for comparing two ways of counting them: months,
// ISO weeks and ranges of up to 200 days between 2021 and 2026, from a
// seeded generator so that a failure can be replayed.
import { monthPeriod, rangePeriod, weekPeriod, type Period } from '../../src/domain/report.js';
import { addDays } from '../../src/domain/time.js';

/** Deterministic, so a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function randomPeriod(r: () => number, tz: string): Period {
  const year = 2021 + Math.floor(r() * 6);
  const month = 1 + Math.floor(r() * 12);
  switch (Math.floor(r() * 3)) {
    case 0: return monthPeriod(`${year}-${pad(month)}`, tz);
    case 1: return weekPeriod(`${year}-W${pad(1 + Math.floor(r() * 52))}`, tz);
    default: {
      const from = `${year}-${pad(month)}-${pad(1 + Math.floor(r() * 28))}`;
      return rangePeriod(from, addDays(from, Math.floor(r() * 200)), tz);
    }
  }
}

