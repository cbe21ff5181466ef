// What an event changed, as a person reads it in `show` (SPEC §16): each fact
// by its label, each value in words (labels, local times, yuan, 是/否), never a
// field key, JSON or an internal id. JSON keeps the events as stored.
import { localDateTime } from '../domain/time.js';
import { formatYuan } from '../domain/money.js';
import type { Payment } from '../domain/types.js';
import type { Translator } from './i18n.js';

export interface TimelineView {
  t: Translator;
  tz: string;
  /** A step's name (built-in or the office's own). */
  step(key: string): string;
  /** A payment as the card shows it. */
  payment(p: Payment): string;
  /** A close reason by its label (free text of older versions as written). */
  closeReason(reason: string): string;
}

/** Facts that are times (epoch ms), amounts (fen), and listed values (by their label prefix). */
const INSTANTS = new Set(['receivedAt', 'contactedAt', 'resolvedAt', 'closedAt', 'extendedUntil', 'resolveFrom', 'assignedAt', 'happenedAt', 'due', 'at', 'lastContactAt']);
const AMOUNTS = new Set(['claimFen', 'costFen', 'amountFen']);
const TALKS = new Set(['agreed', 'disagreed']);
const LISTED: Record<string, string> = {
  status: 'status', severity: 'severity', channel: 'channel', kind: 'kind', category: 'category', validity: 'validity',
  approvalLevel: 'approval', outcome: 'outcome', result: 'audit', role: 'role', via: 'via', method: 'method', subcategory: 'subcategory',
};
/** Ids and bookkeeping a person has no use for; the timeline's own lines say it. */
const HIDDEN = new Set(['deadlines', 'undid', 'through', 'followUpId', 'id', 'payments', 'steps', 'attempts', 'reportUps', 'earlier', 'approvals', 'audits', 'disagreedTalks']);
/** The catalogue label of a fact, where it is not `field.<key>`. */
const LABEL: Record<string, string> = {
  claimFen: 'field.claim', costFen: 'field.cost', amountFen: 'timeline.amount', assignedAt: 'timeline.assignedAt', resolveFrom: 'timeline.resolveFrom',
  approvalLevel: 'timeline.approvalLevel', outcome: 'timeline.outcome', result: 'timeline.result', role: 'timeline.role', to: 'timeline.to',
  via: 'timeline.via', step: 'timeline.step', payment: 'timeline.payment', validityReason: 'timeline.validityReason', lastContactAt: 'timeline.lastContactAt',
  duplicateOf: 'timeline.duplicateOf', method: 'timeline.method', satisfaction: 'timeline.satisfaction', note: 'timeline.note', at: 'timeline.at',
  reviewedBy: 'timeline.reviewedBy', group: 'field.group', date: 'timeline.date', name: 'field.name',
};

function labelOf(t: Translator, key: string): string {
  return t.l(LABEL[key] ?? `field.${key}`);
}

function valueText(v: TimelineView, key: string, value: unknown): string {
  const { t } = v;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t.l(value ? 'word.yes' : 'word.no');
  if (INSTANTS.has(key) && typeof value === 'number') return localDateTime(value, v.tz);
  if (AMOUNTS.has(key) && typeof value === 'number') return `¥${formatYuan(value)}`;
  if (key === 'closeReason' && typeof value === 'string') return v.closeReason(value);
  if (key === 'step' && typeof value === 'string') return v.step(value);
  // How talks ended (contact) or why a call-back failed (follow-up-attempt).
  if (key === 'outcome' && TALKS.has(value as string)) return t.l(`talk.${value}`);
  if (LISTED[key] && typeof value === 'string') return t.l(`${LISTED[key]}.${value}`);
  if (key === 'satisfaction' && typeof value === 'number') return `${value} ${t.l(`satisfaction.${value}`)}`;
  if (key === 'payment') return v.payment(value as Payment);
  if (Array.isArray(value)) return value.length ? value.map((x) => valueText(v, key, x)).join(t.l('word.listSep')) : '—';
  if (typeof value === 'object') {
    // A fact of several parts (the call-back): its parts in words, in one line.
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, x]) => !HIDDEN.has(k) && x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${labelOf(t, k)} ${valueText(v, k, x)}`).join(t.l('timeline.partSep'));
  }
  return String(value);
}

/** "电话: 13800138000 → 13900139000; 状态: 已登记 → 处理中", the complainant's parts each on their own. */
export function changesText(v: TimelineView, before: Record<string, unknown> | null, after: Record<string, unknown>): string {
  const parts: string[] = [];
  const from = before ?? {};
  for (const [key, to] of Object.entries(after)) {
    if (HIDDEN.has(key)) continue;
    if (key === 'complainant' && to && typeof to === 'object') {
      const was = (from.complainant ?? {}) as Record<string, unknown>;
      for (const [k, x] of Object.entries(to as Record<string, unknown>)) {
        if (was[k] !== x) parts.push(change(v, k, was[k], x, key in from));
      }
      continue;
    }
    // A fact the event brings with nothing in it (a step with no deadline) says nothing.
    if (!(key in from) && (to === null || to === undefined)) continue;
    // What an undo took back is a step of the desk: its action's name.
    if (key === 'step' && 'undid' in after) {
      parts.push(`${v.t.l('timeline.undoneStep')}: ${v.t.l(`action.${String(to)}`)}`);
      continue;
    }
    parts.push(change(v, key, from[key], to, key in from));
  }
  return parts.join('; ');
}

function change(v: TimelineView, key: string, was: unknown, to: unknown, hadBefore: boolean): string {
  const label = labelOf(v.t, key);
  return hadBefore ? `${label}: ${valueText(v, key, was)} → ${valueText(v, key, to)}` : `${label}: ${valueText(v, key, to)}`;
}
