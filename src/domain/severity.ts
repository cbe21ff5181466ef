// Severity rules of SPEC §6 that follow from a complaint's own facts.
// Severity never drops by itself: rules only ever raise it.
import type { ApprovalLevel, Complaint, Severity } from './types.js';
import { maxSeverity } from './types.js';
import type { Settings } from './settings.js';

export type SeverityReason = 'safety' | 'media' | 'households' | 'major_claim' | 'important_claim' | 'repeat';

type Facts = Pick<Complaint, 'safety' | 'media' | 'households' | 'claimFen' | 'repeatOf'>;

export function severityReasons(f: Facts, s: Settings): { severity: Severity; reasons: SeverityReason[] } {
  const major: SeverityReason[] = [];
  if (f.safety) major.push('safety');
  if (f.media) major.push('media');
  if (f.households >= s.majorHouseholds) major.push('households');
  if (f.claimFen !== null && f.claimFen >= s.majorClaimFen) major.push('major_claim');
  if (major.length) return { severity: 'major', reasons: major };
  const important: SeverityReason[] = [];
  if (f.claimFen !== null && f.claimFen >= s.importantClaimFen) important.push('important_claim');
  if (f.repeatOf !== null) important.push('repeat');
  if (important.length) return { severity: 'important', reasons: important };
  return { severity: 'general', reasons: [] };
}

/** The severity after applying the rules to the current one. */
export function ruledSeverity(current: Severity, f: Facts, s: Settings): Severity {
  return maxSeverity(current, severityReasons(f, s).severity);
}

/** 核决权限: who must approve a compensation of this amount. */
export function approvalLevel(costFen: number, s: Settings): ApprovalLevel {
  if (costFen >= s.committeeFromFen) return 'compensation_committee';
  if (costFen >= s.generalManagerFromFen) return 'general_manager';
  return 'department_head';
}

/** An important complaint still open after N months becomes major (sweep). */
export function isLongOpenImportant(c: Pick<Complaint, 'severity' | 'status' | 'receivedAt'>, now: number, s: Settings): boolean {
  if (c.severity !== 'important' || c.status === 'closed') return false;
  const limit = new Date(c.receivedAt);
  limit.setUTCMonth(limit.getUTCMonth() + s.majorAfterMonths);
  return now > limit.getTime();
}
