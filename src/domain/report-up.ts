// Reporting up (上报/通报, SPEC §11): per severity, who must be told, how, and
// within what time of the complaint reaching that severity. Written in a
// setting as a comma-separated list of `role/via/within`, or `none`:
// `director/phone/1h,director/written/24h` (001#12 "5分鐘內上報…24小時內提交相關書面報告").
import { formatRule, parseRule, type DeadlineRule } from './deadline-rule.js';

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
