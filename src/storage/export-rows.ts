// The rows of `export`, streamed raw: one array of column values per
// complaint, in CSV column order, over the same filters, joins and order as
// `list` (filtered() and sorted() of complaints.ts). better-sqlite3 builds an
// object per row and a JS value per column; whole Complaint objects, and the
// object rows under them, were most of an export's
// time, so only the values the CSV needs cross over, as plain arrays, and
// adjacent short text columns cross over as one value (csv-lines.ts).
import { sql, type RawBuilder } from 'kysely';
import { CSV_COLUMNS } from '../domain/csv-columns.js';
import type { ExportSlot } from '../domain/csv-lines.js';
import { first, type Store } from './store.js';
import { filtered, NO_FILTER, sorted, type ListFilter, type ListSort } from './complaints.js';

/**
 * The SQL value of each CSV column, the kind csv-columns.ts's RAW_CELLS names.
 * Aliases are those of filtered(): c complaints, d and rd departments,
 * r the repeated complaint, f the call-back.
 */
const SOURCES: Record<string, RawBuilder<unknown>> = {
  ticket: sql`c.ticket`,
  receivedAt: sql`c.received_at`,
  channel: sql`c.channel`,
  kind: sql`c.kind`,
  category: sql`c.category`,
  subcategory: sql`c.subcategory`,
  severity: sql`c.severity`,
  validity: sql`c.validity`,
  validityReason: sql`c.validity_reason`,
  status: sql`c.status`,
  name: sql`c.name`,
  phone: sql`c.phone`,
  estate: sql`c.estate`,
  unit: sql`c.unit`,
  subject: sql`c.subject`,
  description: sql`c.description`,
  demand: sql`c.demand`,
  receiver: sql`c.receiver`,
  department: sql`d.name`,
  assignee: sql`c.assignee`,
  households: sql`c.households`,
  claim: sql`c.claim_fen`,
  safety: sql`c.safety`,
  media: sql`c.media`,
  contactDue: sql`c.contact_due`,
  resolveDue: sql`c.resolve_due`,
  followUpDue: sql`c.follow_up_due`,
  extendedUntil: sql`c.extended_until`,
  contactedAt: sql`c.contacted_at`,
  resolvedAt: sql`c.resolved_at`,
  resolution: sql`c.resolution`,
  cost: sql`c.cost_fen`,
  responsible: sql`rd.name`,
  responsiblePerson: sql`c.responsible_person`,
  approvedBy: sql`c.approved_by`,
  approvalLevel: sql`c.approval_level`,
  followUpAt: sql`f.at`,
  followUpMethod: sql`f.method`,
  // toComplaint's String(fu_satisfaction) whenever there is a call-back, even a null one.
  // Text in both branches: PostgreSQL's CASE does not mix an integer with text.
  satisfaction: sql`case when f.at is null then null else coalesce(CAST(f.satisfaction AS text), 'null') end`,
  followUpNote: sql`f.note`,
  closedAt: sql`c.closed_at`,
  closeReason: sql`c.close_reason`,
  repeatOf: sql`r.ticket`,
  flagged: sql`c.flagged`,
  about: sql`c.about`,
  happenedAt: sql`c.happened_at`,
  place: sql`c.place`,
  possiblyInvalid: sql`c.possibly_invalid`,
  cause: sql`c.cause`,
  correctiveAction: sql`c.corrective_action`,
};

const sourceOf = (i: number): RawBuilder<unknown> => {
  const source = SOURCES[CSV_COLUMNS[i].key];
  if (!source) throw new Error(`export-rows: no source for CSV column ${CSV_COLUMNS[i].key}`);
  return source;
};

/**
 * A slot's value: its column, or its columns joined by commas (null as empty,
 * as the CSV writes it). Each cast to text first: PostgreSQL neither
 * concatenates a number nor coalesces it with ''.
 */
function slotValue(slot: ExportSlot): RawBuilder<unknown> {
  if (slot.length === 1) return sourceOf(slot[0]);
  return sql.join(slot.map((i) => sql`coalesce(CAST(${sourceOf(i)} AS text), '')`), sql` || ',' || `);
}

/**
 * Streams the rows of an export: one value per slot (csv-lines.ts
 * exportSlots), then the complaint's id, for exportRowById.
 */
export async function exportRows(
  s: Store, f: ListFilter, sort: ListSort, limit: number | null, slots: readonly ExportSlot[],
): Promise<AsyncIterable<unknown[][]>> {
  let q = sorted(await filtered(s, f), sort).clearSelect()
    .select([...slots.map((slot, i) => slotValue(slot).as(`s${i}`)), sql<number>`c.id`.as('id')]);
  if (limit !== null) q = q.limit(limit);
  return s.exec.iterate<unknown[]>(q.compile(), { arrays: true });
}

/** One complaint's export row with one value per column: for a row whose joined slots cannot be split. */
export async function exportRowById(s: Store, id: number): Promise<unknown[]> {
  const row = await first(s, (await filtered(s, NO_FILTER)).clearSelect()
    .select(CSV_COLUMNS.map((_, i) => sourceOf(i).as(`c${i}`)))
    .where('c.id', '=', id));
  // Named c0, c1, …: not integer-like, so the object keeps them in select order.
  return Object.values(row as Record<string, unknown>);
}

/** How many rows an export will write: for its progress bar. */
export async function exportCount(s: Store, f: ListFilter, limit: number | null): Promise<number> {
  const row = await first(s, (await filtered(s, f)).clearSelect().select(sql<number>`count(*)`.as('n')));
  const n = Number(row?.n ?? 0);
  return limit === null ? n : Math.min(n, limit);
}
