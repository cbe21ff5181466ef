import type { StepState } from './steps.js';
import type { ReportUp } from './report-up.js';

// The vocabulary of the complaint desk (SPEC §2–§3). Enum values are the
// stored keys and the English JSON values; labels live in output/i18n.ts.

export const STATUSES = ['registered', 'assigned', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
/** Every status but closed: what `list` shows by default and the chase works through. */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'assigned', 'resolved'];

export const CHANNELS = ['phone', 'visit', 'letter', 'fax', 'email', 'online', 'sms', 'transfer', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const KINDS = ['complaint', 'suggestion', 'inquiry', 'praise'] as const;
export type Kind = (typeof KINDS)[number];

export const CATEGORIES = ['planning_design', 'construction_quality', 'sales_promise', 'property_service', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SUGGESTED_SUBCATEGORIES = [
  'security', 'cleaning', 'landscaping', 'repair', 'parking', 'fees', 'noise', 'attitude', 'facilities', 'leak',
] as const;
export type SuggestedSubcategory = (typeof SUGGESTED_SUBCATEGORIES)[number];

/**
 * The subcategories the desk offers for each category (any other text stays
 * allowed): the property service's daily work, building quality's defects,
 * what planning and sales promised about the grounds and the fees.
 */
export const SUBCATEGORIES_OF: Readonly<Record<Category, readonly SuggestedSubcategory[]>> = {
  property_service: SUGGESTED_SUBCATEGORIES,
  construction_quality: ['leak', 'repair', 'facilities', 'noise'],
  planning_design: ['parking', 'landscaping', 'facilities', 'noise'],
  sales_promise: ['facilities', 'parking', 'landscaping', 'fees'],
  other: SUGGESTED_SUBCATEGORIES,
};

export const SEVERITIES = ['general', 'important', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VALIDITIES = ['unverified', 'valid', 'invalid', 'malicious'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const FOLLOW_UP_METHODS = ['phone', 'visit', 'sms', 'other'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

export const ATTEMPT_OUTCOMES = ['no_answer', 'wrong_number', 'refused', 'call_later'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** How a round of talks with the complainant ended (`contact --outcome`, SPEC §11). */
export const TALK_OUTCOMES = ['agreed', 'disagreed'] as const;
export type TalkOutcome = (typeof TALK_OUTCOMES)[number];

export const APPROVAL_LEVELS = ['department_head', 'general_manager', 'compensation_committee'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/**
 * Why a complaint was closed without a call-back (SPEC §13): a person picks
 * one of these; `unreachable` after failed call-back attempts on 3 days.
 */
export const CLOSE_REASONS = ['invalid', 'duplicate', 'withdrawn', 'merged', 'unreachable'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
/** Closings the desk records itself: a call-back 1–3, or a non-complaint answered by its resolution. */
export const AUTOMATIC_CLOSE_REASONS = ['followed_up', 'answered'] as const;

/** Instants are epoch milliseconds; calendar dates are 'YYYY-MM-DD' strings. */
export type Instant = number;

export interface Complainant {
  name: string;
  phone: string | null;
  estate: string | null;
  unit: string | null;
}

export interface FollowUp {
  at: Instant;
  method: FollowUpMethod;
  satisfaction: number;
  note: string | null;
}

export interface Attempt {
  at: Instant;
  outcome: AttemptOutcome;
  note: string | null;
}

/** One cost paid (SPEC §12): every resolve with a cost adds one; none is ever changed or removed. */
export interface Payment {
  at: Instant;
  /** Money is integer fen (分). */
  amountFen: number;
  responsible: string | null;
  responsiblePerson: string | null;
  approvalLevel: ApprovalLevel | null;
  approvedBy: string | null;
  /** Others named with the approver, who reviewed it (审核). */
  reviewedBy: string[];
}

/** A compensation approved before the work (`approve`, SPEC §12); kept as recorded. */
export interface Approval {
  at: Instant;
  amountFen: number;
  approvalLevel: ApprovalLevel;
  approvedBy: string;
  reviewedBy: string[];
  note: string | null;
}

export const AUDIT_RESULTS = ['pass', 'fail'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** A spot check of the handling (抽查, SPEC §12); kept as recorded. */
export interface Audit {
  at: Instant;
  by: string;
  result: AuditResult;
  note: string | null;
}

/** The group complaint (群诉) a complaint was linked into by `group`. */
export interface GroupRef {
  id: number;
  reason: string;
  /** Every complaint of the group, this one included, in ticket order. */
  tickets: string[];
}

export interface Deadlines {
  contact: Instant;
  resolve: Instant;
  followUp: Instant | null;
}

export interface Complaint {
  id: number;
  ticket: string;
  receivedAt: Instant;
  channel: Channel;
  kind: Kind;
  category: Category | null;
  subcategory: string | null;
  severity: Severity;
  validity: Validity;
  validityReason: string | null;
  status: Status;
  complainant: Complainant;
  subject: string;
  description: string;
  demand: string | null;
  receiver: string;
  department: string | null;
  assignee: string | null;
  households: number;
  /** Money is integer fen (分). */
  claimFen: number | null;
  safety: boolean;
  media: boolean;
  deadlines: Deadlines;
  /** Where the resolve deadline counts from: receivedAt, or the latest reopening. */
  resolveFrom: Instant;
  /** Set when `extend` agreed a later resolve deadline with the complainant. */
  extendedUntil: Instant | null;
  contactedAt: Instant | null;
  lastContactAt: Instant | null;
  resolvedAt: Instant | null;
  resolution: string | null;
  /** The sum of the payments, or null when none was recorded. */
  costFen: number | null;
  /** Every cost recorded, oldest first. */
  payments: Payment[];
  responsible: string | null;
  responsiblePerson: string | null;
  approvedBy: string | null;
  approvalLevel: ApprovalLevel | null;
  followUp: FollowUp | null;
  attempts: Attempt[];
  closedAt: Instant | null;
  /** A CloseReason, an automatic one, or (in files from older versions) free text. */
  closeReason: string | null;
  /** The complaint this one duplicates, when closed as `duplicate` (or merged into). */
  duplicateOf: string | null;
  repeatOf: string | null;
  /** A major complaint whose call-back was unsatisfied goes to the management meeting. */
  flagged: boolean;
  /** Rounds of talks that ended without agreement (SPEC §11); an agreed round does not reset it. */
  disagreedTalks: number;
  /** When it was first assigned to a department (the dispatch step, 派单). */
  assignedAt: Instant | null;
  /** The procedure's steps besides contact, resolve and call-back, by step key (SPEC §11). */
  steps: Record<string, StepState>;
  /** Earlier deadlines set for this case, by step key, with their reason (001#13 限期解决). */
  earlier: Record<string, { due: Instant; reason: string }>;
  /** Reports up (上报) owed on reaching a severity, and made (SPEC §11). */
  reportUps: ReportUp[];
  // Accountability (SPEC §12).
  /** Compensation approved before the work, oldest first. */
  approvals: Approval[];
  /** Spot checks, oldest first. */
  audits: Audit[];
  group: GroupRef | null;
  /** The person or department complained about (001#8). */
  about: string | null;
  happenedAt: Instant | null;
  place: string | null;
  /** About a person and raised long after the incident (001#14): possibly invalid, for a person to decide. */
  possiblyInvalid: boolean;
  /** Why it happened, and what was changed so it does not happen again (001#5 改善對策). */
  cause: string | null;
  correctiveAction: string | null;
}

/** One entry of the append-only timeline. */
export interface DomainEvent {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}

export function isOpen(c: Pick<Complaint, 'status'>): boolean {
  return c.status !== 'closed';
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function nextSeverity(s: Severity): Severity {
  return SEVERITIES[Math.min(severityRank(s) + 1, SEVERITIES.length - 1)];
}

/**
 * An open complaint as the chase (`overdue`) sees it: what it shows, and what
 * its deadlines' states depend on (a Complaint has all of it too).
 */
export interface ChaseRow {
  ticket: string;
  department: string | null;
  assignee: string | null;
  severity: Severity;
  status: Status;
  subject: string;
  receivedAt: Instant;
  lastContactAt: Instant | null;
  deadlines: Deadlines;
  contactedAt: Instant | null;
  resolvedAt: Instant | null;
  followUp: { at: Instant } | null;
  /** The procedure's steps owed and late (only those: the chase reads no more). */
  steps?: Record<string, StepState>;
  /** Reports up owed and late. */
  reportUps?: ReportUp[];
}

// Two more listed values, here with the others so that reading an option does
// not load the export's column table or the report's domain code at start-up.

/** Header names of an export (SPEC §15): the round-trip keys, or words in English or Chinese. */
export const HEADER_STYLES = ['keys', 'en', 'zh'] as const;
export type HeaderStyle = (typeof HEADER_STYLES)[number];

/** What a report's rows can be broken down by (`--by`). */
export const BY_DIMENSIONS = ['department', 'person', 'receiver', 'estate'] as const;
export type ByDimension = (typeof BY_DIMENSIONS)[number];
