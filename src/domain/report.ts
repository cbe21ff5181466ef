// Report maths of SPEC §7, pure: which period a report covers (in the office's
// time zone), rates, median and mean working days to resolve, and the report
// document itself. Storage counts; this module turns counts into figures.
import type { Category, CloseReason, Complaint, Instant } from './types.js';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, KINDS, SEVERITIES } from './types.js';
import { addDays, dayOfWeek, isValidDate, localDate, zonedInstant } from './time.js';
import { workdaysBetween, type WorkCalendar } from './workdays.js';
import { byCodePoint } from './text-order.js';
import { stepJsonKey } from './steps.js';
import type { ByReport } from './report-breakdown.js';

export type PeriodKind = 'monthly' | 'weekly' | 'range';

export interface Period {
  kind: PeriodKind;
  /** First and last local date, both included. */
  fromDate: string;
  toDate: string;
  label: string;
  /** Instants: from included, to excluded (local midnight after toDate). */
  from: Instant;
  to: Instant;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function periodOf(kind: PeriodKind, fromDate: string, toDate: string, label: string, tz: string): Period {
  return {
    kind, fromDate, toDate, label,
    from: zonedInstant(fromDate, '00:00:00', tz),
    to: zonedInstant(addDays(toDate, 1), '00:00:00', tz),
  };
}

/** 'YYYY-MM' → its first day, or null when malformed. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

function lastDayOfMonth(first: string): string {
  const [y, m] = first.split('-').map(Number);
  return addDays(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-01`, -1);
}

export function monthPeriod(month: string, tz: string): Period {
  const first = parseMonth(month);
  if (first === null) throw new RangeError(`not a month: ${month}`);
  return periodOf('monthly', first, lastDayOfMonth(first), month.trim(), tz);
}

/** The calendar month before the one `now` falls in, office-local. */
export function previousMonth(now: Instant, tz: string): string {
  const [y, m] = localDate(now, tz).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** Monday of ISO week 1 of that ISO year (the week holding 4 January). */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, -((dayOfWeek(jan4) + 6) % 7));
}

/** The ISO year and week of a date. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(date, 3 - ((dayOfWeek(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const days = Math.round((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / 86_400_000);
  return { year, week: Math.floor(days / 7) + 1 };
}

function weeksIn(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

/** 'YYYY-Www' → its Monday, or null when malformed or past the year's last week. */
export function parseWeek(text: string): string | null {
  const m = /^(\d{4})-?W(\d{2})$/i.exec(text.trim());
  if (!m) return null;
  const year = +m[1];
  const week = +m[2];
  if (week < 1 || week > weeksIn(year)) return null;
  return addDays(isoWeekOneMonday(year), (week - 1) * 7);
}

export function weekLabel(date: string): string {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${pad(week)}`;
}

export function weekPeriod(week: string, tz: string): Period {
  const monday = parseWeek(week);
  if (monday === null) throw new RangeError(`not an ISO week: ${week}`);
  return periodOf('weekly', monday, addDays(monday, 6), weekLabel(monday), tz);
}

/** The ISO week before the one `now` falls in, office-local. */
export function previousWeek(now: Instant, tz: string): string {
  return weekLabel(addDays(localDate(now, tz), -7));
}

export function rangePeriod(fromDate: string, toDate: string, tz: string): Period {
  if (!isValidDate(fromDate) || !isValidDate(toDate) || toDate < fromDate) {
    throw new RangeError(`not a range: ${fromDate}..${toDate}`);
  }
  return periodOf('range', fromDate, toDate, `${fromDate}..${toDate}`, tz);
}

/** The 12 months ending with the month of the period's last day, oldest first, with their bounds. */
export function trendMonths(p: Period, tz: string): { month: string; from: Instant; to: Instant }[] {
  let [y, m] = p.toDate.split('-').map(Number);
  const out: { month: string; from: Instant; to: Instant }[] = [];
  for (let i = 0; i < 12; i++) {
    const first = `${y}-${pad(m)}-01`;
    out.unshift({
      month: `${y}-${pad(m)}`,
      from: zonedInstant(first, '00:00:00', tz),
      to: zonedInstant(addDays(lastDayOfMonth(first), 1), '00:00:00', tz),
    });
    if (--m === 0) { m = 12; y--; }
  }
  return out;
}

/**
 * The span of time whose figures a change to one complaint can alter, or
 * null when it alters no past figure. What the change wrote counts (a
 * back-dated receipt, resolution, closing, payment, or the step's own time),
 * not what it cleared: a reopening today is the drift a snapshot exists to
 * hold off, not a correction of the month. A month's figures reach back 12
 * months (the trend) and count what was still open at its end, so the span
 * runs a year on, or for as long as the complaint stays open.
 */
export function touchedSpan(prev: Complaint | null, next: Complaint, at: Instant): { from: Instant; until: Instant } | null {
  const written = [at];
  // Both ends of a change: a time moved (a corrected receipt, an undone
  // resolve) leaves the period it was in as well as entering another.
  const changed = (a: Instant | null | undefined, b: Instant | null | undefined) => {
    if (a === b) return;
    if (b !== null && b !== undefined) written.push(b);
    if (a !== null && a !== undefined) written.push(a);
  };
  changed(prev?.receivedAt, next.receivedAt);
  changed(prev?.contactedAt, next.contactedAt);
  changed(prev?.resolvedAt, next.resolvedAt);
  changed(prev?.closedAt, next.closedAt);
  changed(prev?.followUp?.at, next.followUp?.at);
  for (const p of next.payments.slice(prev?.payments.length ?? 0)) written.push(p.at);
  const from = Math.min(...written);
  if (from >= at) return null;
  const yearOn = from + 366 * 86_400_000;
  const until = next.closedAt === null ? Infinity : Math.max(next.closedAt, yearOn);
  return { from, until };
}

/** The span touched by several changes at once (an import): from the earliest to the latest. */
export function touchedSpanOf(changes: { prev: Complaint | null; next: Complaint }[], at: Instant): { from: Instant; until: Instant } | null {
  let from = Infinity;
  let until = -Infinity;
  for (const { prev, next } of changes) {
    const span = touchedSpan(prev, next, at);
    if (span === null) continue;
    from = Math.min(from, span.from);
    until = Math.max(until, span.until);
  }
  return from === Infinity ? null : { from, until };
}

/** A month report is kept as a snapshot once the month has ended. */
export function isSnapshotPeriod(p: Period, now: Instant): boolean {
  return p.kind === 'monthly' && p.to <= now;
}

// ── figures ────────────────────────────────────────────────────────────────

/** A fraction 0–1 (4 decimals), or null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function mean(values: number[]): number | null {
  if (!values.length) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Working days from the local date received to the local date resolved (same day: 0). */
export function resolveWorkdays(cal: WorkCalendar, receivedAt: Instant, resolvedAt: Instant, tz: string): number {
  return workdaysBetween(cal, localDate(receivedAt, tz), localDate(resolvedAt, tz));
}

/** Complaints without a value (no category, department, estate…) are counted under this key. */
export const NONE = 'none';

/** Keeps every known key (zero when none), then any others in descending count. */
export function countMap(rows: { key: string | null; n: number }[], known: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of known) out[k] = 0;
  const extra = rows
    .map((r) => ({ key: r.key ?? NONE, n: r.n }))
    .sort((a, b) => b.n - a.n || byCodePoint(a.key, b.key));
  for (const r of extra) out[r.key] = (out[r.key] ?? 0) + r.n;
  return out;
}

export const REPORT_KEYS = { kinds: KINDS, categories: CATEGORIES, severities: SEVERITIES, channels: CHANNELS } as const;

export interface MajorItem {
  ticket: string;
  subject: string;
  status: string;
  department: string | null;
}

export interface GroupItem {
  estate: string;
  category: Category;
  subcategory: string;
  units: number;
  tickets: string[];
}

/** The report document: the JSON of SPEC §10 (README "Reports" documents every key). */
export interface Report {
  period: { kind: PeriodKind; from: string; to: string; label: string };
  received: number;
  byKind: Record<string, number>;
  byCategory: Record<string, number>;
  bySubcategory: Record<string, number>;
  bySeverity: Record<string, number>;
  byChannel: Record<string, number>;
  byDepartment: Record<string, number>;
  byEstate: Record<string, number>;
  invalid: number;
  contacted: number;
  contactedOnTime: number;
  contactedOnTimeRate: number | null;
  resolved: number;
  resolvedOnTime: number;
  resolvedOnTimeRate: number | null;
  extended: number;
  medianResolveWorkdays: number | null;
  meanResolveWorkdays: number | null;
  followUpsOwed: number;
  followedUp: number;
  followUpRate: number | null;
  satisfaction: Record<'1' | '2' | '3' | '4' | '5', number>;
  satisfactionRate: number | null;
  repeats: number;
  escalated: number;
  major: MajorItem[];
  groups: GroupItem[];
  compensation: { total: number; byDepartment: Record<string, number> };
  /** Complaints closed in the period without a call-back, by reason (SPEC §13). */
  closedWithoutCallBack: Record<CloseReason, number>;
  /** Per step in force (camelCase, SPEC §11): due in the period, done by their due, and the share. */
  steps: Record<string, { due: number; onTime: number; onTimeRate: number | null }>;
  /** Reports up owed with a due in the period, made by it, and the share (SPEC §11). */
  reportUps: { due: number; onTime: number; onTimeRate: number | null };
  openAtEnd: number;
  overdueAtEnd: number;
  trend: { month: string; received: number }[];
  computedAt: string;
  /**
   * For a month kept as a snapshot: when it was computed, and since when the
   * data of the month differs (a back-dated import, say); null otherwise.
   */
  snapshot: { computedAt: string; staleSince: string | null } | null;
  /** A group's report (report … --office all): a row per office; the figures above are the group's. */
  offices?: OfficeRow[];
  /** Spot checks made in the period, and how many failed (SPEC §12); absent from older snapshots. */
  audits?: { done: number; failed: number };
  /** Group complaints confirmed in the period (`group`, SPEC §12); absent from older snapshots. */
  confirmedGroups?: ConfirmedGroupItem[];
  /** Figures per department, person or receiver (report … --by, SPEC §12); computed each time, never stored in a snapshot. */
  by?: ByReport;
}

export interface ConfirmedGroupItem {
  id: number;
  at: string;
  reason: string;
  tickets: string[];
}

/** One office's line of a group report (SPEC §14). */
export interface OfficeRow {
  code: string;
  name: string;
  received: number;
  resolved: number;
  resolvedOnTimeRate: number | null;
  followUpRate: number | null;
  satisfactionRate: number | null;
  compensation: number;
  openAtEnd: number;
  overdueAtEnd: number;
}

export function officeRow(code: string, name: string, r: Report): OfficeRow {
  return {
    code, name, received: r.received, resolved: r.resolved, resolvedOnTimeRate: r.resolvedOnTimeRate, followUpRate: r.followUpRate,
    satisfactionRate: r.satisfactionRate, compensation: r.compensation.total, openAtEnd: r.openAtEnd, overdueAtEnd: r.overdueAtEnd,
  };
}

/** What storage counts for a period; every figure of the report comes from these. */
export interface ReportCounts {
  received: number;
  byKind: { key: string | null; n: number }[];
  byCategory: { key: string | null; n: number }[];
  bySubcategory: { key: string | null; n: number }[];
  bySeverity: { key: string | null; n: number }[];
  byChannel: { key: string | null; n: number }[];
  byDepartment: { key: string | null; n: number }[];
  byEstate: { key: string | null; n: number }[];
  invalid: number;
  contacted: number;
  contactedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  extended: number;
  /** Received/resolved instants of the complaints resolved in the period, grouped by local day pair. */
  resolveSpans: { receivedAt: Instant; resolvedAt: Instant; n: number }[];
  followUpsOwed: number;
  followedUp: number;
  satisfaction: { score: number; n: number }[];
  repeats: number;
  escalated: number;
  major: MajorItem[];
  groups: GroupItem[];
  compensationFen: { key: string | null; fen: number }[];
  closedWithoutCallBack: { key: string | null; n: number }[];
  /** Per step (its procedure key): how many were due in the period, and how many of them done by their due. */
  stepCounts: { key: string; n: number; onTime: number }[];
  /** Reports up due in the period, and made by their due. */
  reportUps: { n: number; onTime: number };
  openAtEnd: number;
  overdueAtEnd: number;
  trend: { month: string; received: number }[];
}

/** Steps in force, in procedure order, with their counts (zero when none was due). */
export function stepFigures(counts: ReportCounts['stepCounts'], steps: readonly string[]): Report['steps'] {
  return Object.fromEntries(steps.map((key) => {
    const c = counts.find((x) => x.key === key) ?? { n: 0, onTime: 0 };
    return [stepJsonKey(key), { due: c.n, onTime: c.onTime, onTimeRate: rate(c.onTime, c.n) }];
  }));
}

export function buildReport(p: Period, c: ReportCounts, cal: WorkCalendar, tz: string, computedAt: string, steps: readonly string[] = ['contact', 'resolve', 'follow_up']): Report {
  const days: number[] = [];
  const cache = new Map<string, number>();
  for (const s of c.resolveSpans) {
    const a = localDate(s.receivedAt, tz);
    const b = localDate(s.resolvedAt, tz);
    const key = `${a}/${b}`;
    let d = cache.get(key);
    if (d === undefined) cache.set(key, (d = workdaysBetween(cal, a, b)));
    for (let i = 0; i < s.n; i++) days.push(d);
  }
  const sat = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const s of c.satisfaction) sat[String(s.score) as keyof typeof sat] += s.n;
  const scored = sat['1'] + sat['2'] + sat['3'] + sat['4'] + sat['5'];
  const byDeptFen = c.compensationFen.filter((r) => r.fen > 0);
  const totalFen = byDeptFen.reduce((a, r) => a + r.fen, 0);
  return {
    period: { kind: p.kind, from: p.fromDate, to: p.toDate, label: p.label },
    received: c.received,
    byKind: countMap(c.byKind, KINDS),
    byCategory: countMap(c.byCategory, CATEGORIES),
    bySubcategory: countMap(c.bySubcategory),
    bySeverity: countMap(c.bySeverity, SEVERITIES),
    byChannel: countMap(c.byChannel, CHANNELS),
    byDepartment: countMap(c.byDepartment),
    byEstate: countMap(c.byEstate),
    invalid: c.invalid,
    contacted: c.contacted,
    contactedOnTime: c.contactedOnTime,
    contactedOnTimeRate: rate(c.contactedOnTime, c.contacted),
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    resolvedOnTimeRate: rate(c.resolvedOnTime, c.resolved),
    extended: c.extended,
    medianResolveWorkdays: median(days),
    meanResolveWorkdays: mean(days),
    followUpsOwed: c.followUpsOwed,
    followedUp: c.followedUp,
    followUpRate: rate(c.followedUp, c.followUpsOwed),
    satisfaction: sat,
    satisfactionRate: rate(sat['1'] + sat['2'] + sat['3'], scored),
    repeats: c.repeats,
    escalated: c.escalated,
    major: c.major,
    groups: c.groups,
    compensation: {
      total: totalFen / 100,
      byDepartment: Object.fromEntries(
        byDeptFen.map((r) => ({ key: r.key ?? NONE, fen: r.fen }))
          .sort((a, b) => b.fen - a.fen || byCodePoint(a.key, b.key))
          .map((r) => [r.key, r.fen / 100]),
      ),
    },
    closedWithoutCallBack: countMap(c.closedWithoutCallBack, CLOSE_REASONS) as Record<CloseReason, number>,
    steps: stepFigures(c.stepCounts, steps),
    reportUps: { due: c.reportUps.n, onTime: c.reportUps.onTime, onTimeRate: rate(c.reportUps.onTime, c.reportUps.n) },
    openAtEnd: c.openAtEnd,
    overdueAtEnd: c.overdueAtEnd,
    trend: c.trend,
    computedAt,
    snapshot: null,
  };
}
