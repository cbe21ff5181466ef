// Office settings with the defaults of SPEC §5–§6. Stored as key/value text
// in the database; this module knows every key, its default and its check.
import { CATEGORIES, KINDS, SEVERITIES, type Severity } from './types.js';
import { formatRule, parseRule, RULE_MAXIMUM, type DeadlineRule } from './deadline-rule.js';
import { BUILTIN_STEPS, COUNT_FROM, isBuiltinStep, knownStep, STEP_KEY, type CountFrom, type Procedure } from './steps.js';
import { isValidTimeZone } from './time.js';
import { DEFAULT_REPORT_UPS, formatReportUps, parseReportUps, REPORT_LEVELS } from './report-up.js';
import { UsageError } from './errors.js';

export interface Settings {
  officeName: string;
  timeZone: string;
  /** Steps and their deadlines (SPEC §11). */
  procedure: Procedure;
  /** Thresholds of SPEC §6, money in fen. */
  majorClaimFen: number;
  importantClaimFen: number;
  majorHouseholds: number;
  repeatWindowDays: number;
  majorAfterMonths: number;
  groupUnits: number;
  groupWindowDays: number;
  /** Approval levels for compensation (核决权限), fen. */
  generalManagerFromFen: number;
  committeeFromFen: number;
  attachmentMaxBytes: number;
  /** Rounds of talks without agreement that raise a general complaint to important (SPEC §11). */
  disagreedTalks: number;
  /** A complaint about a person raised more than this many months after the incident is possibly invalid (001#14). */
  lateAboutPersonMonths: number;
  /** Where nobody can be asked, refuse an estate the office does not list (when it lists any; SPEC §16). */
  estateStrict: boolean;
}

const r = (text: string): DeadlineRule => parseRule(text)!;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '客户服务中心',
  timeZone: 'Asia/Shanghai',
  // SPEC §5; the other steps have no deadline until an office sets one.
  procedure: {
    rules: {
      general: { contact: r('24h'), resolve: r('3wd'), follow_up: r('5wd') },
      important: { contact: r('24h'), resolve: r('7wd'), follow_up: r('7wd') },
      major: { contact: r('2h'), resolve: r('7wd'), follow_up: r('2wd') },
    },
    byKind: {},
    byCategory: {},
    off: [],
    custom: [],
    progressContact: { general: r('7d'), important: r('7d'), major: r('7d') },
    reportUps: DEFAULT_REPORT_UPS,
  },
  majorClaimFen: 2_000_000,
  importantClaimFen: 500_000,
  majorHouseholds: 5,
  repeatWindowDays: 30,
  majorAfterMonths: 3,
  groupUnits: 5,
  groupWindowDays: 7,
  generalManagerFromFen: 500_000,
  committeeFromFen: 2_000_000,
  attachmentMaxBytes: 20 * 1024 * 1024,
  disagreedTalks: 3,
  lateAboutPersonMonths: 1,
  estateStrict: false,
};

type Kind = 'text' | 'zone' | 'int' | 'yuan' | 'rule' | 'switch' | 'step' | 'reportUp';
/** The values a person may set, in the setting's own unit (hours, working days, yuan, bytes…). */
export interface Range {
  min: number;
  max: number;
}
interface KeyDef {
  kind: Kind;
  /** For 'int' and 'yuan' settings. */
  range?: Range;
  /** For a 'rule' setting of an older name: the unit its bare numbers are in (contact_hours: h). */
  bareUnit?: 'h' | 'wd';
  /** The key the value is stored under (an older name's current one). */
  canonical?: string;
  get: (s: Settings) => string | number;
  set: (s: Settings, v: string | number) => void;
}

// The ranges: wide enough for any office's procedure, narrow enough that every
// deadline and threshold computed from them stays a real date or amount.
/** Amounts in yuan: positive, at most a hundred million. */
const YUAN: Range = { min: 0.01, max: 100_000_000 };
const WINDOW_DAYS: Range = { min: 1, max: 365 };

function intKey(field: keyof Settings, range: Range, kind: Kind = 'int'): KeyDef {
  return {
    kind,
    range,
    get: (s) => (kind === 'yuan' ? (s[field] as number) / 100 : (s[field] as number)),
    set: (s, v) => { (s as unknown as Record<string, number>)[field] = kind === 'yuan' ? Math.round(Number(v) * 100) : Number(v); },
  };
}

/** Every setting by its public key (the names `config` shows), with the range it may take. */
export const SETTING_KEYS: Record<string, KeyDef> = {
  'office.name': { kind: 'text', get: (s) => s.officeName, set: (s, v) => { s.officeName = String(v); } },
  'office.timezone': { kind: 'zone', get: (s) => s.timeZone, set: (s, v) => { s.timeZone = String(v); } },
  'threshold.major_claim_yuan': intKey('majorClaimFen', YUAN, 'yuan'),
  'threshold.important_claim_yuan': intKey('importantClaimFen', YUAN, 'yuan'),
  'threshold.major_households': intKey('majorHouseholds', { min: 2, max: 100_000 }),
  'threshold.repeat_window_days': intKey('repeatWindowDays', WINDOW_DAYS),
  'threshold.major_after_months': intKey('majorAfterMonths', { min: 1, max: 60 }),
  'threshold.group_units': intKey('groupUnits', { min: 2, max: 100_000 }),
  'threshold.group_window_days': intKey('groupWindowDays', WINDOW_DAYS),
  'approval.general_manager_from_yuan': intKey('generalManagerFromFen', YUAN, 'yuan'),
  'approval.committee_from_yuan': intKey('committeeFromFen', YUAN, 'yuan'),
  // SQLite's largest value is 1,000,000,000 bytes.
  'attachment.max_bytes': intKey('attachmentMaxBytes', { min: 1, max: 1_000_000_000 }),
  // 002: "三次沟通仍不能协调一致"; more than 20 failed rounds is no longer a rule about talks.
  'rule.disagreed_talks': intKey('disagreedTalks', { min: 1, max: 20 }),
  // 001#14 "對企業或員工服務態度不滿在一個月以後提出來的" is an invalid complaint.
  'rule.late_about_person_months': intKey('lateAboutPersonMonths', { min: 1, max: 120 }),
  // Off: an unlisted estate from a script is kept as written, as before estates were listed.
  'estate.strict': { kind: 'switch', get: (s) => (s.estateStrict ? 'on' : 'off'), set: (s, v) => { s.estateStrict = v === 'on'; } },
};

// ── the procedure (SPEC §11): keys made of a severity, kind or category and a step ──

const NONE: DeadlineRule = { unit: 'none' };
const SEVERITY_LIST: readonly string[] = SEVERITIES;

/** The names settings had before steps: a bare number in them keeps its old unit. */
const OLD_NAMES: Record<string, { step: string; bareUnit: 'h' | 'wd' }> = {
  contact_hours: { step: 'contact', bareUnit: 'h' },
  resolve_workdays: { step: 'resolve', bareUnit: 'wd' },
  followup_workdays: { step: 'follow_up', bareUnit: 'wd' },
};

function ruleKey(get: (p: Procedure) => DeadlineRule | undefined, set: (p: Procedure, rule: DeadlineRule) => void): KeyDef {
  return {
    kind: 'rule',
    get: (s) => formatRule(get(s.procedure) ?? NONE),
    set: (s, v) => set(s.procedure, parseRule(String(v)) ?? NONE),
  };
}

/** An override is set or not: unset, it reads as an empty value and the severity's rule applies. */
function overrideKey(table: 'byKind' | 'byCategory', of: string, step: string): KeyDef {
  const rules = (p: Procedure) => p[table] as Record<string, Record<string, DeadlineRule>>;
  return {
    kind: 'rule',
    get: (s) => { const rule = rules(s.procedure)[of]?.[step]; return rule ? formatRule(rule) : ''; },
    set: (s, v) => { (rules(s.procedure)[of] ??= {})[step] = parseRule(String(v)) ?? NONE; },
  };
}

/**
 * The setting a key names, given the steps the settings define (an office's
 * own steps have keys too): the fixed keys above, and
 * `deadline.<severity>.<step>` (older names such as `resolve_workdays` too),
 * `deadline.kind.<kind>.<step>`, `deadline.category.<category>.<step>`,
 * `step.<step>` on|off, `step.<key>.define` from,中文名,English name, and
 * `progress_contact.<severity>`.
 */
export function settingDef(key: string, s: Settings = DEFAULT_SETTINGS): KeyDef | undefined {
  if (SETTING_KEYS[key]) return SETTING_KEYS[key];
  const p = s.procedure;
  let m = /^deadline\.(general|important|major)\.([a-z0-9_]+)$/.exec(key);
  if (m) {
    const sev = m[1] as Severity;
    const old = OLD_NAMES[m[2]];
    const step = old?.step ?? m[2];
    if (!knownStep(p, step)) return undefined;
    const def = ruleKey((q) => q.rules[sev][step], (q, rule) => { q.rules[sev][step] = rule; });
    return old ? { ...def, bareUnit: old.bareUnit, canonical: `deadline.${sev}.${step}` } : def;
  }
  m = /^deadline\.(kind|category)\.([a-z_]+)\.([a-z0-9_]+)$/.exec(key);
  if (m) {
    const of = m[2];
    const valid: readonly string[] = m[1] === 'kind' ? KINDS : CATEGORIES;
    if (!valid.includes(of) || !knownStep(p, m[3])) return undefined;
    return overrideKey(m[1] === 'kind' ? 'byKind' : 'byCategory', of, m[3]);
  }
  m = /^progress_contact\.(general|important|major)$/.exec(key);
  if (m) {
    const sev = m[1] as Severity;
    return ruleKey((q) => q.progressContact[sev], (q, rule) => { q.progressContact[sev] = rule; });
  }
  m = /^report_up\.(general|important|major|critical)$/.exec(key);
  if (m) {
    const level = m[1] as keyof Procedure['reportUps'];
    return {
      kind: 'reportUp',
      get: (x) => formatReportUps(x.procedure.reportUps[level]),
      // A stored value that does not read (written by hand) leaves the default.
      set: (x, v) => { x.procedure.reportUps[level] = parseReportUps(String(v)) ?? DEFAULT_REPORT_UPS[level]; },
    };
  }
  m = /^step\.([a-z0-9_]+)\.define$/.exec(key);
  if (m) {
    const stepKey = m[1];
    if (isBuiltinStep(stepKey) || !STEP_KEY.test(stepKey)) return undefined;
    return {
      kind: 'step',
      get: (x) => { const d = x.procedure.custom.find((c) => c.key === stepKey); return d ? `${d.from},${d.zh},${d.en}` : ''; },
      set: (x, v) => {
        const [from, zh, en] = String(v).split(',').map((t) => t.trim());
        const def = { key: stepKey, from: from as CountFrom, zh, en };
        const custom = x.procedure.custom.filter((c) => c.key !== stepKey);
        x.procedure.custom = [...custom, def];
      },
    };
  }
  m = /^step\.([a-z0-9_]+)$/.exec(key);
  if (m && knownStep(p, m[1])) {
    const stepKey = m[1];
    return {
      kind: 'switch',
      get: (x) => (x.procedure.off.includes(stepKey) ? 'off' : 'on'),
      set: (x, v) => {
        const off = x.procedure.off.filter((k) => k !== stepKey);
        x.procedure.off = v === 'off' ? [...off, stepKey] : off;
      },
    };
  }
  return undefined;
}

/** Every key the settings have, for `config list`: the fixed ones, then the procedure's. */
export function settingKeys(s: Settings): string[] {
  const p = s.procedure;
  const steps = [...BUILTIN_STEPS, ...p.custom.map((c) => c.key)];
  const overrides = (table: 'kind' | 'category', t: Partial<Record<string, Record<string, DeadlineRule>>>) =>
    Object.entries(t).flatMap(([of, rules]) => Object.keys(rules ?? {}).map((step) => `deadline.${table}.${of}.${step}`));
  return [
    ...Object.keys(SETTING_KEYS),
    ...SEVERITY_LIST.flatMap((sev) => steps.map((step) => `deadline.${sev}.${step}`)),
    ...overrides('kind', p.byKind),
    ...overrides('category', p.byCategory),
    ...p.custom.map((c) => `step.${c.key}.define`),
    ...steps.map((step) => `step.${step}`),
    ...SEVERITY_LIST.map((sev) => `progress_contact.${sev}`),
    ...REPORT_LEVELS.map((level) => `report_up.${level}`),
  ];
}

/** The key a value is stored under: an older name's current one. */
export function canonicalKey(key: string, s: Settings = DEFAULT_SETTINGS): string {
  return settingDef(key, s)?.canonical ?? key;
}

/** Settings that must keep their order: `lower` never above `upper` (SPEC §6 thresholds, approval levels rising). */
export const SETTING_ORDER: { lower: string; upper: string }[] = [
  { lower: 'threshold.important_claim_yuan', upper: 'threshold.major_claim_yuan' },
  { lower: 'approval.general_manager_from_yuan', upper: 'approval.committee_from_yuan' },
];

/** Checks the form of a value typed by a person; returns the value to store or null. */
export function validateSetting(key: string, raw: string, s: Settings = DEFAULT_SETTINGS): string | null {
  const def = settingDef(key, s);
  if (!def) return null;
  const v = raw.trim();
  switch (def.kind) {
    case 'rule': { const rule = parseRule(v, def.bareUnit ?? null); return rule && formatRule(rule); }
    case 'switch': return v === 'on' || v === 'off' ? v : null;
    case 'step': {
      const [from, zh, en, extra] = v.split(',').map((t) => t.trim());
      const ok = (COUNT_FROM as readonly string[]).includes(from) && !!zh && !!en && extra === undefined && zh.length <= 20 && en.length <= 40;
      return ok ? `${from},${zh},${en}` : null;
    }
    case 'reportUp': { const rules = parseReportUps(v); return rules && formatReportUps(rules); }
    case 'text': return v.length > 0 && v.length <= 100 ? v : null;
    case 'zone': return isValidTimeZone(v) ? v : null;
    case 'int': return /^\d{1,10}$/.test(v) && inRange(Number(v), def.range) ? String(Number(v)) : null;
    case 'yuan': return /^\d{1,10}(\.\d{1,2})?$/.test(v) && inRange(Number(v), def.range) ? v : null;
  }
}

function inRange(n: number, r: Range | undefined): boolean {
  return !r || (n >= r.min && n <= r.max);
}

/** Checks a value typed by a person against the setting's form and range; returns the value to store, or throws naming what is allowed. */
export function checkSettingValue(key: string, raw: string, s: Settings = DEFAULT_SETTINGS): string {
  const def = settingDef(key, s)!;
  const value = validateSetting(key, raw, s);
  if (value !== null) return value;
  if (def.kind === 'rule') throw new UsageError('config.badRule', { key, value: raw, max: `${RULE_MAXIMUM.wd}wd, ${RULE_MAXIMUM.d}d, ${RULE_MAXIMUM.h}h` });
  if (def.kind === 'switch') throw new UsageError('config.badSwitch', { key, value: raw });
  if (def.kind === 'step') throw new UsageError('config.badStep', { key, value: raw });
  if (def.kind === 'reportUp') throw new UsageError('config.badReportUp', { key, value: raw });
  if (def.range) {
    throw new UsageError(def.kind === 'yuan' ? 'config.rangeYuan' : 'config.rangeWhole', { key, value: raw, min: def.range.min, max: def.range.max });
  }
  throw new UsageError(def.kind === 'zone' ? 'config.badZone' : 'config.badText', { key, value: raw });
}

/** Refuses a value that would put a setting out of order with another (SETTING_ORDER), naming the one in the way. */
export function checkSettingOrder(current: Settings, key: string, value: string): void {
  const next = structuredClone(current);
  settingDef(key, current)!.set(next, value);
  for (const { lower, upper } of SETTING_ORDER) {
    if (key !== lower && key !== upper) continue;
    if (Number(settingValue(next, lower)) <= Number(settingValue(next, upper))) continue;
    const other = key === lower ? upper : lower;
    throw new UsageError(key === lower ? 'config.orderAbove' : 'config.orderBelow', { key, value, other, otherValue: settingValue(current, other)! });
  }
}

/** A stored value outside its range (written by an older version, or by hand), and the value used instead. */
export interface SettingProblem {
  key: string;
  stored: string;
  used: string | number;
  min: number;
  max: number;
}

/**
 * Builds settings from stored key/value pairs over the defaults. A number
 * outside its range is brought to the nearest end of it (one that is not a
 * number at all falls back to the default), and reported, so that no
 * command computes a deadline from it.
 */
export function readSettings(stored: Record<string, string>): { settings: Settings; problems: SettingProblem[] } {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  const problems: SettingProblem[] = [];
  // An office's own steps first: the keys of their deadlines name them.
  const entries = Object.entries(stored).sort(([a], [b]) => Number(!a.endsWith('.define')) - Number(!b.endsWith('.define')));
  for (const [key, value] of entries) {
    const def = settingDef(key, s);
    if (!def) continue;
    if (def.kind === 'rule' && validateSetting(key, value, s) === null) {
      // A rule past its unit's year (an older version took any number) is
      // used at the year's end, one under 1 at 1; anything else unreadable
      // falls back to the default.
      const m = /^(\d+)\s*(m|h|wd|d)?$/.exec(value.trim());
      const unit = (m?.[2] ?? def.bareUnit) as keyof typeof RULE_MAXIMUM | undefined;
      const max = unit ? RULE_MAXIMUM[unit] : 1;
      const used = m && unit ? `${Math.min(max, Math.max(1, Number(m[1])))}${unit}` : def.get(DEFAULT_SETTINGS);
      problems.push({ key, stored: value, used, min: 1, max });
      def.set(s, used);
      continue;
    }
    if (def.range) {
      const n = Number(value);
      const used = Number.isFinite(n) && value.trim() !== '' ? Math.min(def.range.max, Math.max(def.range.min, n)) : def.get(DEFAULT_SETTINGS);
      if (used !== n) {
        problems.push({ key, stored: value, used, ...def.range });
        def.set(s, used);
        continue;
      }
    }
    // A rule under an older name is read in its old unit (24 → 24h).
    def.set(s, def.kind === 'rule' ? validateSetting(key, value, s)! : value);
  }
  return { settings: s, problems };
}

export function settingsFrom(stored: Record<string, string>): Settings {
  return readSettings(stored).settings;
}

export function settingValue(s: Settings, key: string): string | number | undefined {
  return settingDef(key, s)?.get(s);
}
