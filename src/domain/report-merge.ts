// A group's report (SPEC §14) from its offices' counts: every figure of a
// period is a sum, a list or a count per key, so the group's counts are the
// offices' merged, not a second reading of every office's rows. Group
// complaints are found last, over the candidates of all offices, with the
// settings of whoever asks (as one reading of all offices did).
import type { Instant } from './types.js';
import { findGroups, type GroupCandidate } from './groups.js';
import { byCodePoint } from './text-order.js';
import type { ConfirmedGroupItem, MajorItem, ReportCounts } from './report.js';

/** What storage counts for a period, before the settings find its group complaints. */
export interface PeriodCounts extends Omit<ReportCounts, 'groups' | 'major'> {
  /** With the order they are listed in: by receipt, then by row. */
  major: (MajorItem & { receivedAt: Instant; id: number })[];
  groupCandidates: GroupCandidate[];
}

export function withGroups(c: PeriodCounts, settings: { groupUnits: number; groupWindowDays: number }): ReportCounts {
  const { groupCandidates, major, ...rest } = c;
  return {
    ...rest,
    major: major.map(({ ticket, subject, status, department }) => ({ ticket, subject, status, department })),
    groups: findGroups(groupCandidates, settings.groupUnits, settings.groupWindowDays)
      .map((g) => ({ estate: g.estate, category: g.category, subcategory: g.subcategory, units: g.units, tickets: g.tickets })),
  };
}

type Keyed = { key: string | null };

/** Rows with the same key added together by `add`, in the order keys are first met. */
function mergeBy<T extends Keyed>(lists: T[][], add: (a: T, b: T) => T): T[] {
  const out = new Map<string | null, T>();
  for (const list of lists) for (const r of list) {
    const had = out.get(r.key);
    out.set(r.key, had ? add(had, r) : { ...r });
  }
  return [...out.values()];
}

const addN = <T extends Keyed & { n: number }>(a: T, b: T): T => ({ ...a, n: a.n + b.n });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function mergePeriodCounts(parts: PeriodCounts[]): PeriodCounts {
  const total = (f: (c: PeriodCounts) => number) => sum(parts.map(f));
  const counts = (f: (c: PeriodCounts) => { key: string | null; n: number }[]) => mergeBy(parts.map(f), addN);
  return {
    received: total((c) => c.received),
    byKind: counts((c) => c.byKind),
    byCategory: counts((c) => c.byCategory),
    bySubcategory: counts((c) => c.bySubcategory),
    bySeverity: counts((c) => c.bySeverity),
    byChannel: counts((c) => c.byChannel),
    byDepartment: counts((c) => c.byDepartment),
    byEstate: counts((c) => c.byEstate),
    invalid: total((c) => c.invalid),
    contacted: total((c) => c.contacted),
    contactedOnTime: total((c) => c.contactedOnTime),
    resolved: total((c) => c.resolved),
    resolvedOnTime: total((c) => c.resolvedOnTime),
    extended: total((c) => c.extended),
    resolveSpans: parts.flatMap((c) => c.resolveSpans),
    followUpsOwed: total((c) => c.followUpsOwed),
    followedUp: total((c) => c.followedUp),
    satisfaction: mergeBy(parts.map((c) => c.satisfaction.map((x) => ({ key: String(x.score), ...x }))), (a, b) => ({ ...a, n: a.n + b.n }))
      .map(({ score, n }) => ({ score, n })),
    repeats: total((c) => c.repeats),
    // A complaint belongs to one office: the distinct ones of each add up.
    escalated: total((c) => c.escalated),
    major: parts.flatMap((c) => c.major).sort((a, b) => a.receivedAt - b.receivedAt || a.id - b.id),
    groupCandidates: parts.flatMap((c) => c.groupCandidates).sort((a, b) => a.receivedAt - b.receivedAt || byCodePoint(a.ticket, b.ticket)),
    compensationFen: mergeBy(parts.map((c) => c.compensationFen), (a, b) => ({ ...a, fen: Number(a.fen) + Number(b.fen) })),
    closedWithoutCallBack: counts((c) => c.closedWithoutCallBack),
    stepCounts: mergeBy(parts.map((c) => c.stepCounts), (a, b) => ({ ...a, n: a.n + b.n, onTime: a.onTime + b.onTime })),
    reportUps: { n: total((c) => c.reportUps.n), onTime: total((c) => c.reportUps.onTime) },
    openAtEnd: total((c) => c.openAtEnd),
    overdueAtEnd: total((c) => c.overdueAtEnd),
    trend: (parts[0]?.trend ?? []).map((m, i) => ({ month: m.month, received: total((c) => c.trend[i].received) })),
  };
}

/** The spot checks and confirmed group complaints of several offices: checks added up, groups listed office after office. */
export function mergeAccountability(parts: { audits: { done: number; failed: number }; confirmedGroups: ConfirmedGroupItem[] }[]):
  { audits: { done: number; failed: number }; confirmedGroups: ConfirmedGroupItem[] } {
  return {
    audits: { done: sum(parts.map((p) => p.audits.done)), failed: sum(parts.map((p) => p.audits.failed)) },
    confirmedGroups: parts.flatMap((p) => p.confirmedGroups),
  };
}
