// Attachments stored inside the database: name, media type, size, SHA-256
// and the bytes. Listing never reads the bytes.
import { createHash } from 'node:crypto';
import type { Store } from './store.js';
import { all, first, iterate, run } from './store.js';

export interface Attachment {
  id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  addedAt: number;
  addedBy: string;
}

export interface NewAttachment {
  name: string;
  type: string;
  data: Buffer;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function insertAttachment(s: Store, complaintId: number, a: NewAttachment, actor: string, now: number): Promise<Attachment> {
  const hash = sha256(a.data);
  const { id } = (await first(s, s.q.insertInto('attachments').values({
    complaint_id: complaintId, name: a.name, type: a.type, size: a.data.length, sha256: hash, data: a.data, added_at: now, added_by: actor,
  }).returning('id')))!;
  return { id, name: a.name, type: a.type, size: a.data.length, sha256: hash, addedAt: now, addedBy: actor };
}

const META = ['id', 'name', 'type', 'size', 'sha256', 'added_at', 'added_by'] as const;

function toAttachment(r: { id: number; name: string; type: string; size: number; sha256: string; added_at: number; added_by: string }): Attachment {
  return { id: r.id, name: r.name, type: r.type, size: r.size, sha256: r.sha256, addedAt: r.added_at, addedBy: r.added_by };
}

export async function listAttachments(s: Store, complaintId: number): Promise<Attachment[]> {
  return (await all(s, s.q.selectFrom('attachments').select(META).where('complaint_id', '=', complaintId).orderBy('id'))).map(toAttachment);
}

/** The files of several complaints in one read (not their bytes), by complaint id. */
export async function attachmentsOf(s: Store, complaintIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const out = new Map<number, Attachment[]>(complaintIds.map((id) => [id, []]));
  if (!complaintIds.length) return out;
  for (const r of await all(s, s.q.selectFrom('attachments').select(['complaint_id', ...META]).where('complaint_id', 'in', complaintIds).orderBy('id'))) {
    out.get(r.complaint_id)?.push(toAttachment(r));
  }
  return out;
}

export async function readAttachment(s: Store, complaintId: number, id: number): Promise<{ meta: Attachment; data: Buffer } | undefined> {
  const r = await first(s, s.q.selectFrom('attachments').select([...META, 'data']).where('complaint_id', '=', complaintId).where('id', '=', id));
  return r && { meta: toAttachment(r), data: r.data };
}

/** Attachments whose bytes no longer match their size or SHA-256 (doctor). */
export async function damagedAttachments(s: Store): Promise<number[]> {
  const bad: number[] = [];
  for await (const rows of iterate(s, s.q.selectFrom('attachments').select(['id', 'size', 'sha256', 'data']).orderBy('id'))) {
    for (const r of rows) if (r.data.length !== r.size || sha256(r.data) !== r.sha256) bad.push(r.id);
  }
  return bad;
}
