// How each step's deadline of one complaint is counted (`calendar explain`,
// SPEC §11): every step in force, in procedure order, with what it counts
// from, its rule, the due the rule gives now, the due on record, and for a
// day rule the days counted. Pure: the same counting `dueUnder` does.
import type { Complaint, Instant } from './types.js';
import { explainDayRule, type DayRuleCount, type OfficeCalendar } from './calendar.js';
import type { DeadlineRule } from './deadline-rule.js';
import { stepDue, type Clock } from './deadlines.js';
import { ruleFor, stepsInForce, type StepDef } from './steps.js';
import { localDate } from './time.js';

export interface StepExplanation {
  def: StepDef;
  rule: DeadlineRule;
  /** What it counts from happened then; null while it has not (not yet assigned, not resolved). */
  start: Instant | null;
  /** `resolve` counts from the latest reopening rather than receipt. */
  reopened: boolean;
  /** False for a call-back a non-complaint does not owe. */
  owed: boolean;
  /** The due the rule gives now; null for `none`, before the start, or when not owed. */
  due: Instant | null;
  /** The due on the complaint's record; null when none is. */
  recorded: Instant | null;
  /** The recorded due is an extension agreed with the complainant. */
  extended: boolean;
  /** Day by day, for a day rule (wd, d, eod) once it has started. */
  count: DayRuleCount | null;
}

type ExplainFacts = Pick<Complaint, 'kind' | 'severity' | 'category' | 'receivedAt' | 'resolveFrom' | 'assignedAt' | 'resolvedAt'
  | 'extendedUntil' | 'deadlines' | 'steps'>;

function startOf(c: ExplainFacts, def: StepDef): Instant | null {
  if (def.key === 'resolve') return c.resolveFrom;
  return def.from === 'receipt' ? c.receivedAt : def.from === 'assignment' ? c.assignedAt : c.resolvedAt;
}

function recordedOf(c: ExplainFacts, key: string): Instant | null {
  if (key === 'contact') return c.deadlines.contact;
  if (key === 'resolve') return c.deadlines.resolve;
  if (key === 'follow_up') return c.deadlines.followUp;
  return c.steps[key]?.due ?? null;
}

export function explainSteps(c: ExplainFacts, k: Clock & { calendar: OfficeCalendar }): StepExplanation[] {
  return stepsInForce(k.settings.procedure).map((def) => {
    const rule = ruleFor(k.settings.procedure, def.key, c);
    const start = startOf(c, def);
    const owed = def.key !== 'follow_up' || c.kind === 'complaint';
    const due = owed && start !== null ? stepDue(c, def.key, start, k) : null;
    const recorded = recordedOf(c, def.key);
    const count = due !== null && start !== null && rule.unit !== 'm' && rule.unit !== 'h' && rule.unit !== 'none'
      ? explainDayRule(k.calendar, rule.unit === 'eod' ? rule : { unit: rule.unit, n: rule.n }, localDate(start, k.tz)) : null;
    return {
      def, rule, start, owed, due, recorded, count,
      reopened: def.key === 'resolve' && c.resolveFrom !== c.receivedAt,
      extended: def.key === 'resolve' && c.extendedUntil !== null && recorded === c.extendedUntil,
    };
  });
}
