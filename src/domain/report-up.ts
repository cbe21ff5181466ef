// Reporting up (上报/通报, SPEC §11): per severity, who must be told, how, and
// within what time of the complaint reaching that severity. Written in a
// setting as a comma-separated list of `role/via/within`, or `none`:
// `director/phone/1h,director/written/24h` (001#12 "5分鐘內上報…24小時內提交相關書面報告").
import { formatRule, parseRule, type DeadlineRule } from './deadline-rule.js';
import type { Complaint, Instant } from './types.js';

export const REPORT_ROLES = ['director', 'dept_head', 'general_manager', 'group'] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];
export const REPORT_VIAS = ['phone', 'written', 'meeting'] as const;
export type ReportVia = (typeof REPORT_VIAS)[number];

/**
 * The levels rules are set for: the three severities, and `critical` (a major
 * complaint with a safety hazard or media/regulator involved, 001#12's 特大),
 * which owes the major rules plus its own.
 */
export const REPORT_LEVELS = ['general', 'important', 'major', 'critical'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export interface ReportUpRule {
  role: ReportRole;
  via: ReportVia;
  within: DeadlineRule;
}

/** Reads `role/via/within,…` or `none`; null when any part is not of the grammar (a report owed with no time is not a rule). */
export function parseReportUps(text: string): ReportUpRule[] | null {
  const v = text.trim().toLowerCase();
  if (v === 'none') return [];
  if (v === '') return null;
  const rules: ReportUpRule[] = [];
  for (const part of v.split(',')) {
    const [role, via, within, extra] = part.split('/').map((t) => t.trim());
    if (extra !== undefined || !(REPORT_ROLES as readonly string[]).includes(role) || !(REPORT_VIAS as readonly string[]).includes(via)) return null;
    const rule = parseRule(within ?? '');
    if (!rule || rule.unit === 'none') return null;
    rules.push({ role: role as ReportRole, via: via as ReportVia, within: rule });
  }
  return rules;
}

export function formatReportUps(rules: readonly ReportUpRule[]): string {
  return rules.length ? rules.map((r) => `${r.role}/${r.via}/${formatRule(r.within)}`).join(',') : 'none';
}

/** SPEC §11's defaults: a major complaint → the director by phone within 1h, in writing within 24h. */
export const DEFAULT_REPORT_UPS: Record<ReportLevel, ReportUpRule[]> = {
  general: [],
  important: [],
  major: parseReportUps('director/phone/1h,director/written/24h')!,
  critical: [],
};

/** One report up a complaint owes or made: who, how, by when, and when it was made (and to whom by name). */
export interface ReportUp {
  /** 0 until stored. */
  id: number;
  level: ReportLevel;
  role: ReportRole;
  via: ReportVia;
  /** Null for a report made without being owed. */
  due: Instant | null;
  doneAt: Instant | null;
  /** The person told, when a name was given. */
  to: string | null;
  note: string | null;
}

type Facts = Pick<Complaint, 'severity' | 'safety' | 'media'>;

/** The levels a complaint is at: its severity, and critical for a major one with safety or media involved. */
export function reportLevelsOf(c: Facts): ReportLevel[] {
  return c.severity === 'major' && (c.safety || c.media) ? ['major', 'critical'] : [c.severity];
}

/**
 * What a complaint owes on reaching a level it was not at before (a new
 * complaint: every level it starts at), each due within its rule of now.
 */
export function newlyOwed(prev: Facts | null, next: Facts, rules: Record<ReportLevel, ReportUpRule[]>, now: Instant,
  dueOf: (rule: DeadlineRule, from: Instant) => Instant | null): ReportUp[] {
  const before = prev ? reportLevelsOf(prev) : [];
  return reportLevelsOf(next).filter((level) => !before.includes(level)).flatMap((level) => rules[level].map((r) => ({
    id: 0, level, role: r.role, via: r.via, due: dueOf(r.within, now), doneAt: null, to: null, note: null,
  })));
}

/**
 * Records a report made: the first owed one of that role (or, for a person
 * named, of any role) and way; one owed nowhere is recorded as made unowed.
 */
export function makeReportUp(owed: readonly ReportUp[], to: string, via: ReportVia, note: string | null, now: Instant): ReportUp[] {
  const role = (REPORT_ROLES as readonly string[]).includes(to) ? (to as ReportRole) : null;
  const i = owed.findIndex((r) => r.doneAt === null && r.via === via && (role === null || r.role === role));
  if (i >= 0) return owed.map((r, j) => (j === i ? { ...r, doneAt: now, to: role ? null : to, note } : r));
  return [...owed, { id: 0, level: 'general', role: role ?? 'director', via, due: null, doneAt: now, to: role ? null : to, note }];
}
