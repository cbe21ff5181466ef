// Office settings with the defaults of SPEC §5–§6. Stored as key/value text
// in the database; this module knows every key, its default and its check.
import type { Severity } from './types.js';
import { isValidTimeZone } from './time.js';

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
};

type Kind = 'text' | 'zone' | 'int' | 'yuan';
interface KeyDef {
  kind: Kind;
  get: (s: Settings) => string | number;
  set: (s: Settings, v: string | number) => void;
}

function deadlineKey(sev: Severity, field: keyof DeadlineRule): KeyDef {
  return { kind: 'int', get: (s) => s.deadlines[sev][field], set: (s, v) => { s.deadlines[sev][field] = Number(v); } };
}
function intKey(field: keyof Settings, kind: Kind = 'int'): KeyDef {
  return {
    kind,
    get: (s) => (kind === 'yuan' ? (s[field] as number) / 100 : (s[field] as number)),
    set: (s, v) => { (s as unknown as Record<string, number>)[field] = kind === 'yuan' ? Math.round(Number(v) * 100) : Number(v); },
  };
}

/** Every setting by its public key (the names `config` shows). */
export const SETTING_KEYS: Record<string, KeyDef> = {
  'office.name': { kind: 'text', get: (s) => s.officeName, set: (s, v) => { s.officeName = String(v); } },
  'office.timezone': { kind: 'zone', get: (s) => s.timeZone, set: (s, v) => { s.timeZone = String(v); } },
  ...Object.fromEntries(
    (['general', 'important', 'major'] as const).flatMap((sev) => [
      [`deadline.${sev}.contact_hours`, deadlineKey(sev, 'contactHours')],
      [`deadline.${sev}.resolve_workdays`, deadlineKey(sev, 'resolveWorkdays')],
      [`deadline.${sev}.followup_workdays`, deadlineKey(sev, 'followUpWorkdays')],
    ]),
  ),
  'threshold.major_claim_yuan': intKey('majorClaimFen', 'yuan'),
  'threshold.important_claim_yuan': intKey('importantClaimFen', 'yuan'),
  'threshold.major_households': intKey('majorHouseholds'),
  'threshold.repeat_window_days': intKey('repeatWindowDays'),
  'threshold.major_after_months': intKey('majorAfterMonths'),
  'threshold.group_units': intKey('groupUnits'),
  'threshold.group_window_days': intKey('groupWindowDays'),
  'approval.general_manager_from_yuan': intKey('generalManagerFromFen', 'yuan'),
  'approval.committee_from_yuan': intKey('committeeFromFen', 'yuan'),
  'attachment.max_bytes': intKey('attachmentMaxBytes'),
};

/** Checks a value typed by a person; returns the value to store or null. */
export function validateSetting(key: string, raw: string): string | null {
  const def = SETTING_KEYS[key];
  if (!def) return null;
  const v = raw.trim();
  switch (def.kind) {
    case 'text': return v.length > 0 && v.length <= 100 ? v : null;
    case 'zone': return isValidTimeZone(v) ? v : null;
    case 'int': return /^\d{1,9}$/.test(v) && Number(v) > 0 ? String(Number(v)) : null;
    case 'yuan': return /^\d{1,9}(\.\d{1,2})?$/.test(v) ? v : null;
  }
}

/** Builds settings from stored key/value pairs over the defaults. */
export function settingsFrom(stored: Record<string, string>): Settings {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const [key, value] of Object.entries(stored)) SETTING_KEYS[key]?.set(s, value);
  return s;
}

export function settingValue(s: Settings, key: string): string | number | undefined {
  return SETTING_KEYS[key]?.get(s);
}
