// What every command that changes one complaint shares: find it by ticket,
// apply a pure lifecycle step, save the next state and its events in one
// BEGIN IMMEDIATE transaction, then print the complaint.
import type { Ctx } from '../cli/context.js';
import { ticketArg } from '../cli/parse.js';
import type { Ctx as DomainCtx, Step } from '../domain/lifecycle.js';
import type { Complaint, DomainEvent } from '../domain/types.js';
import { NotFoundError } from '../domain/errors.js';
import { deadlineStatuses } from '../domain/deadlines.js';
import { stepsInForce } from '../domain/steps.js';
import type { Store } from '../storage/store.js';
import { write } from '../storage/store.js';
import { findByTicket, updateComplaint } from '../storage/complaints.js';
import { appendEvents } from '../storage/events.js';
import { complaintJson } from '../output/complaint-json.js';
import { renderCard, type View } from '../output/complaint-view.js';
import { noticeStale } from './stale-snapshots.js';
import { touchedSpan } from '../domain/report.js';
import { markStaleSnapshots } from '../storage/report-queries.js';

export interface StepResult {
  complaint: Complaint;
  before: Complaint;
  events: DomainEvent[];
}

export function loadComplaint(s: Store, ticketText: string): Complaint {
  const ticket = ticketArg(ticketText);
  const c = findByTicket(s, ticket);
  if (!c) throw new NotFoundError('notFound.ticket', { ticket });
  return c;
}

export function applyStep(ctx: Ctx, ticketText: string, fn: (c: Complaint, k: DomainCtx, s: Store) => Step): StepResult {
  const ticket = ticketArg(ticketText);
  const s = ctx.store();
  const k = ctx.clock();
  const { result, stale } = write(s, () => {
    const before = loadComplaint(s, ticket);
    const step = fn(before, k, s);
    updateComplaint(s, before, step.next);
    appendEvents(s, before.id, ctx.actor, k.now, step.events);
    const stale = markStaleSnapshots(s, touchedSpan(before, step.next, k.now), k.now, k.tz);
    return { result: { complaint: findByTicket(s, ticket)!, before, events: step.events }, stale };
  });
  noticeStale(ctx, stale);
  return result;
}

/** The keys of the office's steps in force, in procedure order. */
export function stepKeysInForce(ctx: Ctx): string[] {
  return stepsInForce(ctx.settings().procedure).map((d) => d.key);
}

export function view(ctx: Ctx): View {
  const ownSteps = Object.fromEntries(ctx.settings().procedure.custom.map((d) => [d.key, { zh: d.zh, en: d.en }]));
  return { t: ctx.t, tz: ctx.tz(), now: ctx.now(), tty: ctx.tty, chalk: ctx.chalk, ownSteps };
}

/** Prints a complaint after a step: its JSON, or a headline and its card. */
export function emitComplaint(ctx: Ctx, c: Complaint, headline: string, extra: string[] = []): void {
  ctx.emit(complaintJson(c, ctx.tz(), stepKeysInForce(ctx)), () => {
    const v = view(ctx);
    return renderCard(v, c, headline, deadlineStatuses(c, v.now, ctx.clock())) + extra.map((l) => l + '\n').join('');
  });
}

/** The headline for a step: "260912003: transferred." */
export function doneLine(ctx: Ctx, c: Complaint, action: string): string {
  return ctx.t.m('notice.done', { ticket: c.ticket, action: ctx.t.l(`action.${action}`) });
}
