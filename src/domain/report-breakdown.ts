// Figures for staff assessment (考核, SPEC §12): a report's figures per
// department, per person handling, per receiver, or per estate (SPEC §16). Storage counts each
// figure grouped by the row's key (a few grouped queries over the same index
// ranges as the report's); this module puts the counts together as rows.
import { byCodePoint } from './text-order.js';
import { rate, NONE } from './report.js';

export { BY_DIMENSIONS, type ByDimension } from './types.js';
import type { ByDimension } from './types.js';

/** The counts of one row, as storage groups them (null key: none recorded). */
export interface ByCounts {
  received: number;
  valid: number;
  /** Complaints resolved in the period with this row found responsible. */
  atFault: number;
  /** Deadlines (contact, resolve, call-back, the procedure's steps) due in the period, and those missed. */
  stepsDue: number;
  stepsLate: number;
  resolved: number;
  resolvedOnTime: number;
  callBacksDue: number;
  callBacksOnTime: number;
  scored: number;
  satisfied: number;
  paymentsFen: number;
}

export interface ByRow extends Omit<ByCounts, 'paymentsFen'> {
  key: string;
  resolvedOnTimeRate: number | null;
  callBackOnTimeRate: number | null;
  satisfactionRate: number | null;
  /** Yuan. */
  payments: number;
}

export interface ByReport {
  dimension: ByDimension;
  rows: ByRow[];
}

export const ZERO_COUNTS: ByCounts = {
  received: 0, valid: 0, atFault: 0, stepsDue: 0, stepsLate: 0, resolved: 0, resolvedOnTime: 0,
  callBacksDue: 0, callBacksOnTime: 0, scored: 0, satisfied: 0, paymentsFen: 0,
};

/** Adds grouped counts into a table of rows by key. */
export function addCounts(into: Map<string | null, ByCounts>, key: string | null, counts: Partial<ByCounts>): void {
  const row = into.get(key) ?? { ...ZERO_COUNTS };
  for (const [k, v] of Object.entries(counts) as [keyof ByCounts, number][]) row[k] += Number(v);
  into.set(key, row);
}

/** The rows, most complaints received first (then by key), each with its rates. */
export function byReport(dimension: ByDimension, table: Map<string | null, ByCounts>): ByReport {
  const rows = [...table].map(([key, c]) => {
    const { paymentsFen, ...counts } = c;
    return {
      key: key ?? NONE, ...counts,
      resolvedOnTimeRate: rate(c.resolvedOnTime, c.resolved),
      callBackOnTimeRate: rate(c.callBacksOnTime, c.callBacksDue),
      satisfactionRate: rate(c.satisfied, c.scored),
      payments: paymentsFen / 100,
    };
  });
  rows.sort((a, b) => b.received - a.received || byCodePoint(a.key, b.key));
  return { dimension, rows };
}

/** Several offices' rows as one (a group's report): counts with the same key added. */
export function mergeByReports(dimension: ByDimension, parts: ByReport[]): ByReport {
  const table = new Map<string | null, ByCounts>();
  for (const part of parts) for (const r of part.rows) {
    const counts = Object.fromEntries((Object.keys(ZERO_COUNTS) as (keyof ByCounts)[])
      .map((k) => [k, k === 'paymentsFen' ? Math.round(r.payments * 100) : r[k]])) as unknown as ByCounts;
    addCounts(table, r.key === NONE ? null : r.key, counts);
  }
  return byReport(dimension, table);
}
