// How one complaint reads to a person: a short card after each step, and the
// whole record with deadlines and timeline for `show`.
import type { ChalkInstance } from 'chalk';
import { AUTOMATIC_CLOSE_REASONS, CLOSE_REASONS, type Complaint, type Payment, type Severity } from '../domain/types.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import type { StoredEvent } from '../storage/events.js';
import { localDateTime } from '../domain/time.js';
import { formatYuan } from '../domain/money.js';
import type { Translator } from './i18n.js';
import { displayWidth, padEnd, relativeTime } from './text.js';
import { changesText } from './timeline-text.js';
import { reasonText } from './event-reasons.js';
import { visible, visibleLines } from './visible-text.js';

export interface View {
  t: Translator;
  tz: string;
  now: number;
  tty: boolean;
  chalk: ChalkInstance;
  /** Columns a line may take: tables fit it (text.ts fitColumns). */
  width: number;
  /** The office's own steps, by key: their names as the office gave them. */
  ownSteps?: Record<string, { zh: string; en: string }>;
}

/** A step by its name in the chosen language. */
export function stepName(v: View, key: string): string {
  const own = v.ownSteps?.[key];
  return own ? own[v.t.lang] : v.t.l(`step.${key}`);
}

export function severityText(v: View, s: Severity): string {
  const text = v.t.l(`severity.${s}`);
  return s === 'major' ? v.chalk.red.bold(text) : s === 'important' ? v.chalk.yellow(text) : text;
}

function when(v: View, ms: number | null): string {
  if (ms === null) return v.t.l('word.none');
  const abs = localDateTime(ms, v.tz);
  return v.tty ? `${abs} (${relativeTime(ms, v.now, v.t.lang)})` : abs;
}

/**
 * Contact is counted in clock hours, until it is more than a day late: then,
 * like the others, in working days (逾期 3 个工作日, not 72 小时). Within the
 * day, hours.
 */
function inWorkdays(d: DeadlineStatus): boolean {
  return d.workdays > 0 && (d.step !== 'contact' || (d.state !== 'pending' && d.hours >= 24));
}

export function amountText(v: View, d: DeadlineStatus): string {
  return inWorkdays(d) ? v.t.m('amount.workdays', { n: d.workdays }) : v.t.m('amount.hours', { n: d.hours });
}

/** The amount as one number for memoising its words: working days as they are, hours below zero. */
export function amountKey(d: DeadlineStatus): number {
  return inWorkdays(d) ? d.workdays : -1 - d.hours;
}

export function deadlineText(v: View, d: DeadlineStatus): string {
  const amount = amountText(v, d);
  const state = v.t.m(`due.${d.state}`, { amount });
  const coloured = d.state === 'overdue' || d.state === 'late' ? v.chalk.red(state) : d.state === 'met' ? v.chalk.green(state) : state;
  return `${localDateTime(d.due, v.tz)}  ${coloured}${d.provisional ? ' ' + v.t.m('due.provisional') : ''}`;
}

/**
 * A value as `lines` shows it: stored text has its control characters shown
 * (visible-text.ts); a value marked `safe` is the program's own words and
 * colours, or text already made visible (a description keeping its breaks).
 */
type Value = string | null | undefined | { safe: string | null };

/** Label/value lines; labels are field keys, translated here. */
function lines(v: View, pairs: [string, Value][]): string {
  return labelled(v, pairs.map(([k, val]) => [
    v.t.l(`field.${k}`),
    val !== null && typeof val === 'object' ? val.safe : val === null || val === undefined ? val : visible(val),
  ]));
}

/** Values may span lines: the lines after the first are indented under the first. */
function labelled(v: View, pairs: [string, string | null | undefined][]): string {
  const shown = pairs.filter(([, val]) => val !== null && val !== undefined && val !== '');
  const width = Math.max(...shown.map(([k]) => displayWidth(k)));
  const indent = '\n' + ' '.repeat(width + 4);
  return shown.map(([k, val]) => `  ${v.chalk.dim(padEnd(k, width))}  ${val!.replace(/\n/g, indent)}`).join('\n') + '\n';
}

function deadlineLines(v: View, deadlines: DeadlineStatus[]): string {
  return labelled(v, deadlines.map((d) => [deadlineName(v, d), deadlineText(v, d)]));
}

/** A deadline's name: its step's, or for a report up, to whom and how (上报 主任 电话). */
export function deadlineName(v: View, d: Pick<DeadlineStatus, 'key' | 'role' | 'via'>): string {
  return d.role ? `${stepName(v, d.key)} ${v.t.l(`role.${d.role}`)} ${v.t.l(`via.${d.via}`)}` : stepName(v, d.key);
}

function departmentText(v: View, c: Complaint): string | null {
  if (!c.department) return null;
  return c.assignee ? `${c.department} / ${c.assignee}` : c.department;
}

/** The card printed after register and every step. */
export function renderCard(v: View, c: Complaint, headline: string, deadlines: DeadlineStatus[]): string {
  const out = [v.chalk.bold(headline) + '\n'];
  out.push(lines(v, [
    ['ticket', c.ticket],
    ['status', v.t.l(`status.${c.status}`)],
    ['severity', { safe: severityText(v, c.severity) }],
    ['name', [c.complainant.name, c.complainant.phone, [c.complainant.estate, c.complainant.unit].filter(Boolean).join(' ')].filter(Boolean).join('  ')],
    ['subject', c.subject],
    ['department', departmentText(v, c)],
    ['repeatOf', c.repeatOf],
  ]));
  const open = deadlines.filter((d) => d.state === 'pending' || d.state === 'overdue');
  if (open.length) out.push(v.chalk.bold(v.t.l('field.deadlines')) + '\n' + deadlineLines(v, open));
  return out.join('');
}

/** Everything about one complaint: fields, deadlines with their state, timeline. */
export function renderShow(v: View, c: Complaint, deadlines: DeadlineStatus[], events: StoredEvent[]): string {
  const { t } = v;
  const yesNo = (b: boolean) => ({ safe: b ? v.chalk.red(t.l('word.yes')) : null });
  const out: string[] = [];
  out.push(v.chalk.bold(`${c.ticket}  ${visible(c.subject)}`) + `  [${t.l(`status.${c.status}`)}]` + '\n');
  out.push(lines(v, [
    ['receivedAt', when(v, c.receivedAt)],
    ['channel', t.l(`channel.${c.channel}`)],
    ['kind', t.l(`kind.${c.kind}`)],
    ['category', c.category ? t.l(`category.${c.category}`) : t.l('word.none')],
    ['subcategory', c.subcategory ? t.l(`subcategory.${c.subcategory}`) : null],
    ['severity', { safe: severityText(v, c.severity) + (c.flagged ? '  ' + v.chalk.red(t.l('field.flagged')) : '') }],
    ['validity', t.l(`validity.${c.validity}`) + (c.validityReason ? ` (${c.validityReason})` : '')],
    ['name', c.complainant.name],
    ['phone', c.complainant.phone],
    ['estate', c.complainant.estate],
    ['unit', c.complainant.unit],
    ['description', { safe: visibleLines(c.description) }],
    ['demand', c.demand],
    ['about', c.about],
    ['happenedAt', c.happenedAt !== null ? localDateTime(c.happenedAt, v.tz) : null],
    ['place', c.place],
    ['possiblyInvalid', c.possiblyInvalid ? { safe: v.chalk.red(t.l('word.yes')) } : null],
    ['receiver', c.receiver],
    ['department', departmentText(v, c)],
    ['group', c.group ? `${c.group.id}  ${c.group.reason}  (${c.group.tickets.join(' ')})` : null],
    ['households', c.households > 1 ? String(c.households) : null],
    ['claim', c.claimFen !== null ? `¥${formatYuan(c.claimFen)}` : null],
    ['safety', yesNo(c.safety)],
    ['media', yesNo(c.media)],
    ['repeatOf', c.repeatOf],
    ['contactedAt', c.contactedAt !== null ? when(v, c.contactedAt) : null],
    ['resolvedAt', c.resolvedAt !== null ? when(v, c.resolvedAt) : null],
    ['resolution', c.resolution],
    ['cost', c.costFen !== null ? `¥${formatYuan(c.costFen)}` : null],
    // Only worth a line each when there is more than one.
    ['payments', c.payments.length > 1 ? c.payments.map((p) => paymentText(v, p)).join('; ') : null],
    ['responsible', c.responsible ? [c.responsible, c.responsiblePerson].filter(Boolean).join(' / ') : null],
    ['approvedBy', c.approvedBy ? `${c.approvedBy} (${t.l(`approval.${c.approvalLevel}`)})${reviewers(v, c.payments.at(-1)?.reviewedBy ?? [])}` : null],
    ['approvals', c.approvals.length ? c.approvals.map((a) => `${localDateTime(a.at, v.tz)} ¥${formatYuan(a.amountFen)} ${a.approvedBy} (${t.l(`approval.${a.approvalLevel}`)})${reviewers(v, a.reviewedBy)}${a.note ? ` ${a.note}` : ''}`).join('; ') : null],
    ['cause', c.cause],
    ['correctiveAction', c.correctiveAction],
    ['audits', c.audits.length ? c.audits.map((a) => `${localDateTime(a.at, v.tz)} ${a.by} ${t.l(`audit.${a.result}`)}${a.note ? ` ${a.note}` : ''}`).join('; ') : null],
    ['followUp', c.followUp ? `${when(v, c.followUp.at)}  ${t.l(`method.${c.followUp.method}`)}  ${c.followUp.satisfaction} ${t.l(`satisfaction.${c.followUp.satisfaction}`)}${c.followUp.note ? '  ' + c.followUp.note : ''}` : null],
    ['attempts', c.attempts.length ? c.attempts.map((a) => `${localDateTime(a.at, v.tz)} ${t.l(`outcome.${a.outcome}`)}`).join('; ') : null],
    ['disagreedTalks', c.disagreedTalks > 0 ? String(c.disagreedTalks) : null],
    ['extendedUntil', c.extendedUntil !== null ? localDateTime(c.extendedUntil, v.tz) : null],
    ['closedAt', c.closedAt !== null ? when(v, c.closedAt) : null],
    ['closeReason', c.closeReason !== null ? closeReasonText(v, c.closeReason) : null],
    ['duplicateOf', c.duplicateOf],
  ]));
  out.push('\n' + v.chalk.bold(t.l('field.deadlines')) + '\n');
  out.push(deadlineLines(v, deadlines));
  out.push('\n' + v.chalk.bold(t.l('field.timeline')) + '\n');
  for (const e of events) out.push(`  ${localDateTime(e.at, v.tz)}  ${padEnd(visible(e.actor), 10)}  ${t.l(`action.${e.action}`)}${e.undone ? ` (${t.l('word.undone')})` : ''}${eventDetail(v, e)}\n`);
  return out.join('');
}

/** ", reviewed by 钱财务, 周总监" (审核) after an approver, when there were reviewers. */
function reviewers(v: View, names: readonly string[]): string {
  return names.length ? `, ${v.t.l('field.reviewedBy')} ${names.join(', ')}` : '';
}

function paymentText(v: View, p: Payment): string {
  const who = [p.responsible, p.responsiblePerson].filter(Boolean).join(' / ');
  const approval = p.approvedBy ? ` ${p.approvedBy} (${v.t.l(`approval.${p.approvalLevel}`)})${reviewers(v, p.reviewedBy)}` : '';
  return `${localDateTime(p.at, v.tz)} ¥${formatYuan(p.amountFen)}${who ? ` ${who}` : ''}${approval}`;
}

/** A fixed reason by its label; free text of older versions as written. */
function closeReasonText(v: View, reason: string): string {
  return (CLOSE_REASONS as readonly string[]).includes(reason) || (AUTOMATIC_CLOSE_REASONS as readonly string[]).includes(reason)
    ? v.t.l(`closeReason.${reason}`) : reason;
}

/** "责任部门: 工程部 → 秩序部; 级别: 一般 → 重要 — note", in words (timeline-text.ts). */
function eventDetail(v: View, e: StoredEvent): string {
  const words = { t: v.t, tz: v.tz, step: (k: string) => stepName(v, k), payment: (p: Payment) => paymentText(v, p), closeReason: (r: string) => closeReasonText(v, r) };
  const detail = visible(e.action !== 'register' && e.after ? changesText(words, e.before, e.after) : '');
  return (detail ? `  ${v.chalk.dim(detail)}` : '') + (e.note ? `  — ${visible(reasonText(v.t, e.note))}` : '');
}
