// The steps of an office's procedure (SPEC §11): each has a deadline rule per
// severity and counts from receipt, the first assignment, or the resolution.
// Built in are the steps every procedure of the seeds names; an office adds
// its own (001#12's "3分鐘內知會", "2小時內向客戶中心前臺作出回應") and may
// switch any step off.
import type { Category, Complaint, Instant, Kind, Severity } from './types.js';
import type { DeadlineRule } from './deadline-rule.js';
import type { ReportLevel, ReportUpRule } from './report-up.js';

export const BUILTIN_STEPS = ['dispatch', 'contact', 'site_check', 'plan', 'resolve', 'feedback', 'follow_up'] as const;
export type BuiltinStep = (typeof BUILTIN_STEPS)[number];

/** What a step's deadline counts from. */
export const COUNT_FROM = ['receipt', 'assignment', 'resolution'] as const;
export type CountFrom = (typeof COUNT_FROM)[number];

export interface StepDef {
  key: string;
  from: CountFrom;
  zh: string;
  en: string;
}

/** Where each built-in step counts from; their labels live in the catalogue (step.<key>). */
export const BUILTIN_FROM: Record<BuiltinStep, CountFrom> = {
  dispatch: 'receipt', contact: 'receipt', site_check: 'receipt', plan: 'receipt',
  // resolve counts from receipt, or from the latest reopening (Complaint.resolveFrom).
  resolve: 'receipt', feedback: 'resolution', follow_up: 'resolution',
};

/** Steps recorded by the lifecycle itself (assign, contact, resolve, follow-up); the rest by `complaints step`. */
export const LIFECYCLE_STEPS: readonly string[] = ['dispatch', 'contact', 'resolve', 'follow_up'];

/** An office's own step key: lower-case letters, digits and _, not a built-in one. */
export const STEP_KEY = /^[a-z][a-z0-9_]{1,30}$/;

export function isBuiltinStep(key: string): key is BuiltinStep {
  return (BUILTIN_STEPS as readonly string[]).includes(key);
}

/** The JSON name of a step: camelCase (site_check → siteCheck). */
export function stepJsonKey(key: string): string {
  let json = jsonKeys.get(key);
  if (json === undefined) jsonKeys.set(key, (json = key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())));
  return json;
}

/** The few step keys there are, converted once: the morning chase names tens of thousands of late steps. */
const jsonKeys = new Map<string, string>();

export interface Procedure {
  /** Deadline rules by severity and step. */
  rules: Record<Severity, Record<string, DeadlineRule>>;
  /** Overrides by kind (an inquiry answered within 24h, 001#7) and by category (002's tables), step by step. */
  byKind: Partial<Record<Kind, Record<string, DeadlineRule>>>;
  byCategory: Partial<Record<Category, Record<string, DeadlineRule>>>;
  /** Steps switched off. */
  off: string[];
  /** The office's own steps, in the order they were defined. */
  custom: StepDef[];
  /** How long an open complaint may go without contact with the complainant (每周至少联系一次). */
  progressContact: Record<Severity, DeadlineRule>;
  /** Who must be told of a complaint at each level, how and within what time (上报/通报). */
  reportUps: Record<ReportLevel, ReportUpRule[]>;
}

/** Every step in force, in procedure order: the built-in ones, then the office's own. */
export function stepsInForce(p: Procedure): StepDef[] {
  const builtins = BUILTIN_STEPS.map((key) => ({ key, from: BUILTIN_FROM[key], zh: '', en: '' }));
  return [...builtins, ...p.custom].filter((s) => !p.off.includes(s.key));
}

export function knownStep(p: Procedure, key: string): boolean {
  return isBuiltinStep(key) || p.custom.some((s) => s.key === key);
}

/**
 * The rule for one step of one complaint: a category override, else a kind
 * override, else the rule of its severity; `none` when switched off or unset.
 */
export function ruleFor(p: Procedure, step: string, c: { severity: Severity; kind: Kind; category: Category | null }): DeadlineRule {
  if (p.off.includes(step)) return { unit: 'none' };
  return (c.category !== null ? p.byCategory[c.category]?.[step] : undefined)
    ?? p.byKind[c.kind]?.[step]
    ?? p.rules[c.severity][step]
    ?? { unit: 'none' };
}

/** One step of one complaint, besides contact, resolve and call-back (which the complaint holds itself). */
export interface StepState {
  /** When it is due; null while what it counts from has not happened, or when it has no deadline. */
  due: Instant | null;
  doneAt: Instant | null;
  note: string | null;
}

/** The steps whose deadlines the complaint row holds itself (Complaint.deadlines), by their key there. */
export const COLUMN_STEPS = { contact: 'contact', resolve: 'resolve', follow_up: 'followUp' } as const;
const OWN_COLUMNS: readonly string[] = Object.keys(COLUMN_STEPS);

type StepFacts = Pick<Complaint, 'severity' | 'kind' | 'category' | 'receivedAt' | 'resolvedAt' | 'assignedAt' | 'steps' | 'earlier'>;

/**
 * The steps' states as the procedure gives them now: a step done keeps the
 * due it had (it is on record, met or late); one not done is counted afresh
 * from its start (receipt, the first assignment, the latest resolution), so
 * a raise in severity or a new rule moves it. `dispatch` is done by the
 * first assignment. Steps no longer in force keep what they recorded.
 */
export function refreshSteps(c: StepFacts, p: Procedure, dueOf: (step: string, from: Instant) => Instant | null): Record<string, StepState> {
  const out: Record<string, StepState> = { ...c.steps };
  for (const def of stepsInForce(p)) {
    if (OWN_COLUMNS.includes(def.key)) continue;
    const prev = c.steps[def.key];
    const doneAt = def.key === 'dispatch' ? c.assignedAt : prev?.doneAt ?? null;
    if (doneAt !== null && prev && prev.doneAt === doneAt) continue;
    const from = def.from === 'receipt' ? c.receivedAt : def.from === 'assignment' ? c.assignedAt : c.resolvedAt;
    const counted = from === null ? null : dueOf(def.key, from);
    const earlier = c.earlier[def.key];
    const due = doneAt !== null && prev?.due !== undefined ? prev.due : earlier && (counted === null || earlier.due < counted) ? earlier.due : counted;
    out[def.key] = { due, doneAt, note: prev?.note ?? null };
  }
  return out;
}

/** The steps counted from the resolution start again when a complaint is reopened (their records stay in the timeline). */
export function resetResolutionSteps(c: Pick<Complaint, 'steps'>, p: Procedure): Record<string, StepState> {
  const out: Record<string, StepState> = { ...c.steps };
  for (const def of [...BUILTIN_STEPS.map((key) => ({ key, from: BUILTIN_FROM[key] })), ...p.custom]) {
    if (def.from === 'resolution' && !OWN_COLUMNS.includes(def.key) && out[def.key]) out[def.key] = { due: null, doneAt: null, note: null };
  }
  return out;
}
