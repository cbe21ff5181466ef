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

export async function loadComplaint(s: Store, ticketText: string): Promise<Complaint> {
  const ticket = ticketArg(ticketText);
  const c = await findByTicket(s, ticket);
  if (!c) throw new NotFoundError('notFound.ticket', { ticket });
  return c;
}

/**
 * A step that saves itself: given the complaint as it was, it writes the next
 * state and returns the events to append (an undo names the rows it takes back).
 */
export interface SelfSavingStep extends Step {
  save(s: Store, before: Complaint): Promise<DomainEvent[]>;
}

export async function applyStep(ctx: Ctx, ticketText: string, fn: (c: Complaint, k: DomainCtx, s: Store) => Step | SelfSavingStep | Promise<Step | SelfSavingStep>): Promise<StepResult> {
  const ticket = ticketArg(ticketText);
  const s = await ctx.store();
  const k = await ctx.clock();
  const { result, stale } = await write(s, async () => {
    const before = await loadComplaint(s, ticket);
    const step = await fn(before, k, s);
    let events = step.events;
    if ('save' in step) events = await step.save(s, before);
    else await updateComplaint(s, before, step.next);
    await appendEvents(s, before.id, ctx.actor, k.now, events);
    const stale = await markStaleSnapshots(s, touchedSpan(before, step.next, k.now), k.now, k.tz);
    return { result: { complaint: (await findByTicket(s, ticket))!, before, events }, stale };
  });
  noticeStale(ctx, stale);
  return result;
}

/** The keys of the office's steps in force, in procedure order. */
export async function stepKeysInForce(ctx: Ctx): Promise<string[]> {
  return stepsInForce((await ctx.settings()).procedure).map((d) => d.key);
}

export async function view(ctx: Ctx): Promise<View> {
  const ownSteps = Object.fromEntries((await ctx.settings()).procedure.custom.map((d) => [d.key, { zh: d.zh, en: d.en }]));
  return { t: ctx.t, tz: await ctx.tz(), now: await ctx.now(), tty: ctx.tty, chalk: ctx.chalk, width: ctx.width, ownSteps };
}

/** Prints a complaint after a step: its JSON, or a headline and its card. */
export async function emitComplaint(ctx: Ctx, c: Complaint, headline: string, extra: string[] = []): Promise<void> {
  await ctx.emit(complaintJson(c, await ctx.tz(), await stepKeysInForce(ctx)), async () => {
    const v = await view(ctx);
    return renderCard(v, c, headline, deadlineStatuses(c, v.now, await ctx.clock())) + extra.map((l) => l + '\n').join('');
  });
}

/** The headline for a step: "260912003: transferred." */
export function doneLine(ctx: Ctx, c: Complaint, action: string): string {
  return ctx.t.m('notice.done', { ticket: c.ticket, action: ctx.t.l(`action.${action}`) });
}
