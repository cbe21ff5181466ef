// The working-day calendar the deadlines count on, from two layers in the
// database: the official days (seeded from the data the program ships, again
// whenever that data is newer than what the file holds) and the office's
// overrides, which seeding never touches.
import { sql } from 'kysely';
import { OPEN_STATUSES, type Complaint, type DomainEvent } from '../domain/types.js';
import { buildCalendar, type DayKind, type DayMark, type OfficeCalendar, type OfficialDays } from '../domain/calendar.js';
import { isNewerData, officialDays, OFFICIAL_VERSION } from '../domain/official-days.js';
import { refreshOpenDeadlines, type Clock } from '../domain/deadlines.js';
import { diff, withSteps } from '../domain/lifecycle.js';
import { localDate, yearOf, zonedInstant } from '../domain/time.js';
import type { Store } from './store.js';
import { all, first, run, write } from './store.js';
import { openComplaintsDueSince, saveRecount } from './complaints.js';
import { appendEvents } from './events.js';
import { loadSettings } from './settings.js';

export interface Override {
  date: string;
  kind: DayKind;
  name: string | null;
  createdAt: number;
  actor: string;
}

/** Who is acting and when, for the records a calendar change leaves. */
export interface Acting {
  actor: string;
  now: number;
}

interface Source {
  version: string;
  first_year: number | null;
  last_year: number | null;
}

async function storedSource(s: Store): Promise<Source | undefined> {
  return await first(s, s.q.selectFrom('calendar_source').select(['version', 'first_year', 'last_year']).where('id', '=', 1));
}

/**
 * The source row as ensured for a store: a command checks it when it opens
 * the database and reads it again for its calendar; once is enough (one
 * round trip less on a server). Stores of other offices are other objects.
 */
const ensured = new WeakMap<Store, Source | undefined>();

/**
 * Seeds the official days when the program's data is newer than the file's,
 * in one write transaction that also recounts the open deadlines the change
 * moves. An up-to-date file is only read (one row). A read-only file keeps
 * what it has: the calendar then uses the program's data in memory.
 */
export async function ensureOfficialDays(s: Store, acting: Acting | (() => Promise<Acting>)): Promise<void> {
  let source = await storedSource(s);
  if (isNewerData(OFFICIAL_VERSION, source?.version ?? null)) {
    try {
      await seedOfficial(s, typeof acting === 'function' ? await acting() : acting);
      source = await storedSource(s);
    } catch (err) {
      // A file this user may only read keeps the days it has (SQLITE_READONLY and its extended codes).
      if (!String((err as { code?: string }).code).startsWith('SQLITE_READONLY')) throw err;
    }
  }
  ensured.set(s, source);
}

/** The combined calendar: official days (brought up to date first) under the office's overrides. */
export async function loadCalendar(s: Store, acting: Acting = { actor: 'complaints', now: Date.now() }): Promise<OfficeCalendar> {
  if (!ensured.has(s)) await ensureOfficialDays(s, acting);
  return buildCalendar(await officialOf(s, ensured.get(s)), await overrideMarks(s));
}

async function officialOf(s: Store, source: Source | undefined): Promise<OfficialDays> {
  // The file holds exactly the shipped data (no need to read it back), or
  // older data it could not be given (read-only): use the program's.
  if (isNewerData(OFFICIAL_VERSION, source?.version ?? null) || source?.version === OFFICIAL_VERSION) return officialDays();
  return await readOfficial(s);
}

/** The official days as the database holds them (a newer program may have seeded them). */
export async function readOfficial(s: Store): Promise<OfficialDays> {
  const source = await storedSource(s);
  const days = new Map<string, DayMark>();
  for (const r of await all(s, s.q.selectFrom('calendar_official').selectAll())) {
    days.set(r.date, { kind: r.kind as DayKind, name: r.name, nameEn: r.name_en });
  }
  const years = source && source.first_year !== null && source.last_year !== null ? { first: source.first_year, last: source.last_year } : null;
  return { days, years };
}

/** The version of the official data in the file; null before the first seeding. */
export async function officialVersion(s: Store): Promise<string | null> {
  return (await storedSource(s))?.version ?? null;
}

/**
 * Replaces the official days with the program's, unless another process got
 * there first. Returns whether it wrote. Overrides are left as they are.
 */
export async function seedOfficial(s: Store, acting: Acting): Promise<boolean> {
  return await write(s, async () => {
    const source = await storedSource(s);
    if (!isNewerData(OFFICIAL_VERSION, source?.version ?? null)) return false;
    const before = await readOfficial(s);
    await run(s, s.q.deleteFrom('calendar_official'));
    for (const [date, m] of officialDays().days) {
      await run(s, s.q.insertInto('calendar_official').values({ date, kind: m.kind, name: m.name, name_en: m.nameEn }));
    }
    const years = officialDays().years;
    await run(s, s.q.insertInto('calendar_source')
      .values({ id: 1, version: OFFICIAL_VERSION, first_year: years?.first ?? null, last_year: years?.last ?? null, seeded_at: acting.now })
      .onConflict((oc) => oc.column('id').doUpdateSet({
        version: OFFICIAL_VERSION, first_year: years?.first ?? null, last_year: years?.last ?? null, seeded_at: acting.now,
      })));
    const changed = changedDates(before, officialDays());
    if (changed.length) {
      await recountOpenDeadlines(s, changed, acting, `official calendar ${OFFICIAL_VERSION}`);
    }
    return true;
  });
}

/** Dates whose mark differs between two sets of official days, in order (unmarked days count Monday–Friday either way). */
function changedDates(a: OfficialDays, b: OfficialDays): string[] {
  const out = new Set<string>();
  for (const [date, m] of b.days) {
    const o = a.days.get(date);
    if (!o || o.kind !== m.kind) out.add(date);
  }
  for (const date of a.days.keys()) if (!b.days.has(date)) out.add(date);
  return [...out].sort();
}

// ── overrides ───────────────────────────────────────────────────────────────

function toOverride(r: { date: string; kind: string; name: string | null; created_at: number; actor: string }): Override {
  return { date: r.date, kind: r.kind as DayKind, name: r.name, createdAt: r.created_at, actor: r.actor };
}

async function overrideMarks(s: Store): Promise<Map<string, DayMark>> {
  const out = new Map<string, DayMark>();
  for (const o of await listOverrides(s)) out.set(o.date, { kind: o.kind, name: o.name, nameEn: null });
  return out;
}

/** The office's overrides, by date; optionally only from..to inclusive. */
export async function listOverrides(s: Store, from?: string, to?: string): Promise<Override[]> {
  let q = s.q.selectFrom('calendar_overrides').selectAll().orderBy('date');
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return (await all(s, q)).map(toOverride);
}

export async function findOverride(s: Store, date: string): Promise<Override | undefined> {
  const r = await first(s, s.q.selectFrom('calendar_overrides').selectAll().where('date', '=', date));
  return r ? toOverride(r) : undefined;
}

export interface OverrideChange {
  date: string;
  before: Override | null;
  after: Override | null;
}

function overrideJson(o: Override | null): Record<string, unknown> | null {
  return o ? { date: o.date, kind: o.kind, name: o.name } : null;
}

/**
 * Sets (or, with kind null, removes) office overrides; call inside (await write()).
 * Each real change is an office-wide event; the open deadlines the change
 * moves are recounted. Returns the changes made.
 */
export async function applyOverrides(
  s: Store, days: { date: string; kind: DayKind | null; name: string | null }[], acting: Acting, note: string,
): Promise<{ changes: OverrideChange[]; recounted: string[] }> {
  const changes: OverrideChange[] = [];
  for (const d of days) {
    const before = await findOverride(s, d.date) ?? null;
    if (d.kind === null) {
      if (!before) continue;
      await run(s, s.q.deleteFrom('calendar_overrides').where('date', '=', d.date));
      changes.push({ date: d.date, before, after: null });
      continue;
    }
    if (before && before.kind === d.kind && before.name === d.name) continue;
    const after: Override = { date: d.date, kind: d.kind, name: d.name, createdAt: acting.now, actor: acting.actor };
    await run(s, s.q.insertInto('calendar_overrides')
      .values({ date: d.date, kind: d.kind, name: d.name, created_at: acting.now, actor: acting.actor })
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: d.kind!, name: d.name, created_at: acting.now, actor: acting.actor })));
    changes.push({ date: d.date, before, after });
  }
  const events: DomainEvent[] = changes.map((c) => ({
    action: c.after ? 'calendar-set' : 'calendar-unset', before: overrideJson(c.before), after: overrideJson(c.after), note,
  }));
  await appendEvents(s, null, acting.actor, acting.now, events);
  const recounted = changes.length
    ? await recountOpenDeadlines(s, changes.map((c) => c.date).sort(), acting, note)
    : [];
  return { changes, recounted };
}

// ── deadlines moved by a calendar change ───────────────────────────────────

/**
 * A changed day moves a working-day deadline only when it lies after the day
 * counting starts and on or before the day it ends, so only open complaints
 * with a deadline on or after the earliest changed day are looked at. Each
 * one whose deadlines move gets a `recount` event. Returns their tickets.
 */
export async function recountOpenDeadlines(s: Store, changed: string[], acting: Acting, note: string): Promise<string[]> {
  if (!changed.length) return [];
  return await recountDeadlinesSince(s, zonedInstant(changed[0], '00:00:00', (await loadSettings(s)).timeZone), acting, note);
}

/**
 * Recounts the open complaints with a resolve or call-back deadline at or
 * after `since` (0: every open complaint, as a changed setting needs) under
 * the settings and calendar now stored; each whose deadlines move gets a
 * `recount` event. Returns their tickets.
 */
export async function recountDeadlinesSince(s: Store, since: number, acting: Acting, note: string): Promise<string[]> {
  const settings = await loadSettings(s);
  const tz = settings.timeZone;
  const open = await openComplaintsDueSince(s, since);
  if (!open.length) return [];
  const calendar = buildCalendar(await readOfficial(s), await overrideMarks(s));
  const k: Clock = { settings, calendar, tz };
  const moved: string[] = [];
  for (const c of open) {
    // The procedure's other steps move too (a profile's dispatch, an own step's rule).
    const next: Complaint = withSteps({ ...c, deadlines: refreshOpenDeadlines(c, k) }, k);
    if (JSON.stringify([next.deadlines, next.steps]) === JSON.stringify([c.deadlines, c.steps])) continue;
    await saveRecount(s, c, next);
    await appendEvents(s, c.id, acting.actor, acting.now, [{ action: 'recount', ...diff(c, next), note }]);
    moved.push(c.ticket);
  }
  return moved;
}

// ── open deadlines in provisional years (doctor) ────────────────────────────

/**
 * Open complaints whose working-day deadline still owed — the resolve
 * deadline before resolving, the call-back after — falls in a local year
 * `provisional` picks, and those years. Two small queries: the span of the
 * owed deadlines, then one count over the provisional years inside it.
 */
export async function openDeadlinesInYears(s: Store, provisional: (year: number) => boolean, tz: string): Promise<{ count: number; years: number[] }> {
  const owed = sql<number | null>`CASE WHEN status = 'resolved' THEN follow_up_due ELSE resolve_due END`;
  const open = s.q.selectFrom('complaints').where('status', 'in', OPEN_STATUSES);
  const span = await first(s, open.select((eb) => [eb.fn.min(owed).as('lo'), eb.fn.max(owed).as('hi')]));
  if (!span || span.lo === null || span.hi === null) return { count: 0, years: [] };
  const years: number[] = [];
  for (let y = yearOf(localDate(span.lo, tz)); y <= yearOf(localDate(span.hi, tz)); y++) if (provisional(y)) years.push(y);
  if (!years.length) return { count: 0, years };
  const start = (y: number) => zonedInstant(`${String(y).padStart(4, '0')}-01-01`, '00:00:00', tz);
  const counted = await first(s, open.select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or(years.map((y) => eb.and([eb(owed, '>=', start(y)), eb(owed, '<', start(y + 1))])))));
  return { count: Number(counted?.n ?? 0), years };
}
