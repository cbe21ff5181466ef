// Listed values (SPEC §16): every option, argument and prompt that takes one of
// a list of keys takes it through this table. Each list is its keys and the
// catalogue prefix of their labels, so a key, its Chinese label and its English
// label read alike (--status 处理中 = --status assigned), full-width letters and
// digits read as ASCII, help shows the Chinese labels beside the keys in Chinese
// mode and a refusal lists both. Completion offers the same words.
// Nothing here is built at start-up beyond these few arrays: labels are looked
// up when a value is read or help is drawn.
import { Argument, InvalidArgumentError, Option } from 'commander';
import { halfWidth } from '../domain/half-width.js';
import {
  ATTEMPT_OUTCOMES, AUDIT_RESULTS, CATEGORIES, CHANNELS, CLOSE_REASONS, FOLLOW_UP_METHODS, KINDS, SEVERITIES,
  STATUSES, SUGGESTED_SUBCATEGORIES, TALK_OUTCOMES, VALIDITIES, HEADER_STYLES, BY_DIMENSIONS,
} from '../domain/types.js';
import { STAFF_ROLES } from '../domain/approval.js';
import { REPORT_ROLES, REPORT_VIAS } from '../domain/report-up.js';
import { DAY_KINDS } from '../domain/calendar.js';
import { BUILTIN_STEPS } from '../domain/steps.js';
import { label, type Translator } from '../output/i18n.js';
import type { Choice } from './prompter.js';

export interface ValueList {
  keys: readonly string[];
  /** Catalogue prefix of the keys' labels (`status` → `status.closed`); null: the keys are their own words (formats). */
  prefix: string | null;
  /** More words for a key, in either language (calendar days: 休 and 班 beside 放假 and 上班). */
  more?: Record<string, readonly string[]>;
}

const list = (keys: readonly string[], prefix: string | null, more?: ValueList['more']): ValueList => ({ keys, prefix, more });

/** Every list of values an option, argument or prompt takes. */
export const VALUES = {
  status: list([...STATUSES, 'open', 'all'], 'status'),
  severity: list(SEVERITIES, 'severity'),
  category: list(CATEGORIES, 'category'),
  subcategory: list(SUGGESTED_SUBCATEGORIES, 'subcategory'),
  channel: list(CHANNELS, 'channel'),
  kind: list(KINDS, 'kind'),
  validity: list(VALIDITIES, 'validity'),
  method: list(FOLLOW_UP_METHODS, 'method'),
  attempt: list(ATTEMPT_OUTCOMES, 'outcome'),
  talk: list(TALK_OUTCOMES, 'talk'),
  closeReason: list(CLOSE_REASONS, 'closeReason'),
  staffRole: list(STAFF_ROLES, 'staffRole'),
  reportRole: list(REPORT_ROLES, 'role'),
  via: list(REPORT_VIAS, 'via'),
  audit: list(AUDIT_RESULTS, 'audit'),
  dayKind: list(DAY_KINDS, 'daykind', { holiday: ['休', '假'], workday: ['班'] }),
  step: list(BUILTIN_STEPS, 'step'),
  dimension: list(BY_DIMENSIONS, 'report.byKey'),
  sort: list(['newest', 'oldest', 'due', 'severity', 'ticket'], 'sort'),
  headers: list(HEADER_STYLES, 'headers'),
  reportFormat: list(['table', 'json', 'csv', 'md', 'html', 'xlsx'], null),
  exportFormat: list(['csv', 'xlsx'], null),
  shell: list(['bash', 'zsh', 'fish'], null),
} satisfies Record<string, ValueList>;

export type ListName = keyof typeof VALUES;

/** Every word that reads as `key`: the key, its labels in both languages, and any more words. */
export function wordsFor(v: ValueList, key: string): string[] {
  const words = [key];
  if (v.prefix) words.push(label('zh', `${v.prefix}.${key}`), label('en', `${v.prefix}.${key}`));
  words.push(...(v.more?.[key] ?? []));
  return [...new Set(words)];
}

/** The key a typed word stands for (key, label in either language, full-width or not, any case), or null. */
export function readValue(v: ValueList, text: string): string | null {
  const typed = halfWidth(text).trim().toLowerCase();
  if (!typed) return null;
  return v.keys.find((k) => wordsFor(v, k).some((w) => w.toLowerCase() === typed)) ?? null;
}

/** `key 中文` in Chinese mode (keys alone in English), for help. */
export function shownValues(v: ValueList, t: Translator): string {
  if (t.lang !== 'zh' || !v.prefix) return v.keys.join(', ');
  return v.keys.map((k) => `${k} ${label('zh', `${v.prefix}.${k}`)}`).join('，');
}

/** Both, for a refusal in either language: `assigned (处理中)`. */
export function allowedValues(v: ValueList): string {
  return v.keys.map((k) => (v.prefix ? `${k} (${label('zh', `${v.prefix}.${k}`)})` : k)).join(', ');
}

/** The list each option or argument reads, for help and completion. */
const LISTED = new WeakMap<Option | Argument, ValueList>();

export function listedOf(o: Option | Argument): ValueList | undefined {
  return LISTED.get(o);
}

/** An option read by its command's own reader (its own refusal), marked with its list for help and completion. */
export function markListed<T extends Option | Argument>(o: T, name: ListName): T {
  LISTED.set(o, VALUES[name]);
  return o;
}

function reader(v: ValueList, t: Translator) {
  return (text: string): string => {
    const key = readValue(v, text);
    if (key === null) throw new InvalidArgumentError(t.m('values.allowed', { allowed: allowedValues(v) }));
    return key;
  };
}

/** An option that takes one value of a list; its help lists them unless the description already does. */
export function listedOption(flags: string, description: string, name: ListName, t: Translator, show = true): Option {
  const v = VALUES[name];
  const o = new Option(flags, show ? t.m('values.help', { description, values: shownValues(v, t) }) : description).argParser(reader(v, t));
  LISTED.set(o, v);
  return o;
}

/** An argument that takes one value of a list. */
export function listedArgument(name: string, description: string, list: ListName, t: Translator): Argument {
  const v = VALUES[list];
  const a = new Argument(name, t.m('values.help', { description, values: shownValues(v, t) })).argParser(reader(v, t));
  LISTED.set(a, v);
  return a;
}

/** An option that takes several values of a list, separated by commas (also ，and 、): --status registered,处理中. */
export function listedListOption(flags: string, description: string, name: ListName, t: Translator): Option {
  const v = VALUES[name];
  const one = reader(v, t);
  const o = new Option(flags, t.m('values.help', { description, values: shownValues(v, t) })).argParser((text: string): string[] => {
    const items = halfWidth(text).split(/[,、]/).map((s) => s.trim()).filter(Boolean);
    if (!items.length) throw new InvalidArgumentError(t.m('values.allowed', { allowed: allowedValues(v) }));
    return [...new Set(items.map(one))];
  });
  LISTED.set(o, v);
  return o;
}

/** Suggested values that leave free text free: a key or label reads as the key (渗漏 → leak), other text stays as typed. */
export function suggestedOption(flags: string, description: string, name: ListName, t: Translator): Option {
  const v = VALUES[name];
  const o = new Option(flags, t.m('values.help', { description, values: shownValues(v, t) })).argParser((text: string) => readValue(v, text) ?? text);
  LISTED.set(o, v);
  return o;
}

/** An argument of suggested values (a built-in step by its label: 核实现场 → site_check; an office's own step as typed). */
export function suggestedArgument(name: string, description: string, list: ListName): Argument {
  const v = VALUES[list];
  const a = new Argument(name, description).argParser((text: string) => readValue(v, text) ?? text);
  LISTED.set(a, v);
  return a;
}

/** A list as the choices of a prompt: the label shown, the key kept. */
export function promptChoices<T extends string>(name: ListName, t: Translator): Choice<T>[] {
  const v = VALUES[name];
  return v.keys.map((k) => ({ value: k as T, name: v.prefix ? t.l(`${v.prefix}.${k}`) : k }));
}
