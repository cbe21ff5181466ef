// Office settings with the defaults of SPEC §5–§6. Stored as key/value text
// in the database; this module knows every key, its default and its check.
import type { Severity } from './types.js';
import { isValidTimeZone } from './time.js';
import { UsageError } from './errors.js';

export interface DeadlineRule {
  contactHours: number;
  resolveWorkdays: number;
  followUpWorkdays: number;
}

export interface Settings {
  officeName: string;
  timeZone: string;
  deadlines: Record<Severity, DeadlineRule>;
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
}

export const DEFAULT_SETTINGS: Settings = {
  officeName: '客户服务中心',
  timeZone: 'Asia/Shanghai',
  deadlines: {
    general: { contactHours: 24, resolveWorkdays: 3, followUpWorkdays: 5 },
    important: { contactHours: 24, resolveWorkdays: 7, followUpWorkdays: 7 },
    major: { contactHours: 2, resolveWorkdays: 7, followUpWorkdays: 2 },
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
};

type Kind = 'text' | 'zone' | 'int' | 'yuan';
/** The values a person may set, in the setting's own unit (hours, working days, yuan, bytes…). */
export interface Range {
  min: number;
  max: number;
}
interface KeyDef {
  kind: Kind;
  /** For 'int' and 'yuan' settings. */
  range?: Range;
  get: (s: Settings) => string | number;
  set: (s: Settings, v: string | number) => void;
}

// The ranges: wide enough for any office's procedure, narrow enough that every
// deadline and threshold computed from them stays a real date or amount.
/** A year of working days (mainland China has about 250). */
const WORKDAYS: Range = { min: 1, max: 250 };
/** Up to 30 days to first contact the complainant. */
const CONTACT_HOURS: Range = { min: 1, max: 720 };
/** Amounts in yuan: positive, at most a hundred million. */
const YUAN: Range = { min: 0.01, max: 100_000_000 };
const WINDOW_DAYS: Range = { min: 1, max: 365 };

function deadlineKey(sev: Severity, field: keyof DeadlineRule, range: Range): KeyDef {
  return { kind: 'int', range, get: (s) => s.deadlines[sev][field], set: (s, v) => { s.deadlines[sev][field] = Number(v); } };
}
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
  ...Object.fromEntries(
    (['general', 'important', 'major'] as const).flatMap((sev) => [
      [`deadline.${sev}.contact_hours`, deadlineKey(sev, 'contactHours', CONTACT_HOURS)],
      [`deadline.${sev}.resolve_workdays`, deadlineKey(sev, 'resolveWorkdays', WORKDAYS)],
      [`deadline.${sev}.followup_workdays`, deadlineKey(sev, 'followUpWorkdays', WORKDAYS)],
    ]),
  ),
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
};

/** Settings that must keep their order: `lower` never above `upper` (SPEC §6 thresholds, approval levels rising). */
export const SETTING_ORDER: { lower: string; upper: string }[] = [
  { lower: 'threshold.important_claim_yuan', upper: 'threshold.major_claim_yuan' },
  { lower: 'approval.general_manager_from_yuan', upper: 'approval.committee_from_yuan' },
];

/** Checks the form of a value typed by a person; returns the value to store or null. */
export function validateSetting(key: string, raw: string): string | null {
  const def = SETTING_KEYS[key];
  if (!def) return null;
  const v = raw.trim();
  switch (def.kind) {
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
export function checkSettingValue(key: string, raw: string): string {
  const def = SETTING_KEYS[key];
  const value = validateSetting(key, raw);
  if (value !== null) return value;
  if (def.range) {
    throw new UsageError(def.kind === 'yuan' ? 'config.rangeYuan' : 'config.rangeWhole', { key, value: raw, min: def.range.min, max: def.range.max });
  }
  throw new UsageError(def.kind === 'zone' ? 'config.badZone' : 'config.badText', { key, value: raw });
}

/** Refuses a value that would put a setting out of order with another (SETTING_ORDER), naming the one in the way. */
export function checkSettingOrder(current: Settings, key: string, value: string): void {
  const next = structuredClone(current);
  SETTING_KEYS[key].set(next, value);
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
  for (const [key, value] of Object.entries(stored)) {
    const def = SETTING_KEYS[key];
    if (!def) continue;
    if (def.range) {
      const n = Number(value);
      const used = Number.isFinite(n) && value.trim() !== '' ? Math.min(def.range.max, Math.max(def.range.min, n)) : def.get(DEFAULT_SETTINGS);
      if (used !== n) {
        problems.push({ key, stored: value, used, ...def.range });
        def.set(s, used);
        continue;
      }
    }
    def.set(s, value);
  }
  return { settings: s, problems };
}

export function settingsFrom(stored: Record<string, string>): Settings {
  return readSettings(stored).settings;
}

export function settingValue(s: Settings, key: string): string | number | undefined {
  return SETTING_KEYS[key]?.get(s);
}
