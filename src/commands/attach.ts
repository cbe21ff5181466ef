// `attach <ticket> <file>` stores a photo, scan or recording inside the
// database; `attachments <ticket>` lists them, and with --extract writes one
// back out after checking its SHA-256.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { positiveIntArg } from '../cli/parse.js';
import { readError } from '../cli/file-errors.js';
import { OutputFile } from '../cli/output-file.js';
import { DatabaseError, NotFoundError, UsageError } from '../domain/errors.js';
import { isoLocal } from '../domain/time.js';
import { write } from '../storage/store.js';
import { appendEvents } from '../storage/events.js';
import { insertAttachment, listAttachments, readAttachment, sha256, type Attachment } from '../storage/attachments.js';
import { renderSmallTable } from '../output/small-table.js';
import { sizeText } from '../output/text.js';
import { loadComplaint } from './complaint-step.js';

export interface AttachOptions {
  type?: string;
  name?: string;
}

export function attachCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('attach')
    .description(zh ? '为投诉添加附件（照片、扫描件、录音），保存在数据库中' : 'store a file (photo, scan, recording) with a complaint, inside the database')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .argument('<file>', zh ? '文件' : 'file')
    .option('--type <mime>', zh ? '文件类型（默认按扩展名判断）' : 'media type (default: from the file extension)')
    .option('--name <name>', zh ? '附件名称（默认为文件名）' : 'name to store (default: the file name)')
    .addHelpText('after', `
${ctx.t.m('help.after.attach')}

${ctx.t.l('help.examples')}
  complaints attach 260912-3 现场照片.jpg
  complaints attach 260912003 recording.m4a --name 来电录音.m4a`)
    .action(async (ticket: string, file: string, o: AttachOptions) => {
      await runAttach(ctx, ticket, file, o);
    });
}

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp', '.heic': 'image/heic',
  '.pdf': 'application/pdf', '.txt': 'text/plain', '.csv': 'text/csv',
  '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.amr': 'audio/amr', '.wav': 'audio/wav', '.mp4': 'video/mp4', '.mov': 'video/quicktime',
  '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mediaType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function attachmentJson(a: Attachment, tz: string) {
  return { id: a.id, name: a.name, type: a.type, size: a.size, sha256: a.sha256, addedAt: isoLocal(a.addedAt, tz), addedBy: a.addedBy };
}

export async function runAttach(ctx: Ctx, ticket: string, file: string, o: AttachOptions): Promise<Attachment> {
  const max = (await ctx.settings()).attachmentMaxBytes;
  await loadComplaint(await ctx.store(), ticket); // no such ticket is said before anything about the file
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new UsageError('file.notAFile', { file });
    size = st.size;
  } catch (err) {
    throw readError(err, file);
  }
  // Refused before reading: a 2 GB video never goes into memory.
  if (size > max) throw new UsageError('attach.tooLarge', { file, size, max });
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (err) {
    throw readError(err, file);
  }
  if (data.length > max) throw new UsageError('attach.tooLarge', { file, size: data.length, max });
  const s = await ctx.store();
  const now = await ctx.now();
  const name = o.name?.trim() || path.basename(file);
  const { complaint, attachment } = await write(s, async () => {
    const c = await loadComplaint(s, ticket);
    const a = await insertAttachment(s, c.id, { name, type: o.type?.trim() || mediaType(name), data }, ctx.actor, now);
    await appendEvents(s, c.id, ctx.actor, now, [{
      action: 'attach', before: null, after: { attachment: a.id, name: a.name, type: a.type, size: a.size, sha256: a.sha256 }, note: null,
    }]);
    return { complaint: c, attachment: a };
  });
  await ctx.emit({ ticket: complaint.ticket, ...attachmentJson(attachment, await ctx.tz()) }, () =>
    ctx.t.m('attach.done', { ticket: complaint.ticket, name: attachment.name, id: attachment.id, size: sizeText(attachment.size), sha: attachment.sha256.slice(0, 12) }) + '\n');
  return attachment;
}

export interface AttachmentsOptions {
  extract?: number;
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
}

export function attachmentsCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('attachments')
    .description(zh ? '列出投诉的附件，或导出其中一个' : 'list the files of a complaint, or write one out')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .option('--extract <id>', zh ? '导出该编号的附件' : 'write out the attachment with this id', positiveIntArg(ctx.t))
    .option('-o, --out <file>', zh ? '导出到的文件' : 'file to write it to')
    .option('--force', ctx.t.m('file.forceHelp'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints attachments 260912-3
  complaints attachments 260912-3 --extract 2 --out 现场照片.jpg`)
    .action(async (ticket: string, o: AttachmentsOptions) => {
      await runAttachments(ctx, ticket, o);
    });
}

export async function runAttachments(ctx: Ctx, ticket: string, o: AttachmentsOptions): Promise<void> {
  if (o.extract !== undefined && !o.out) throw new UsageError('attach.outRequired');
  // Checked before the database is opened.
  const file = o.extract !== undefined && o.out ? OutputFile.check(o.out, { database: ctx.dbPath, force: !!o.force }) : null;
  const s = await ctx.store();
  const tz = await ctx.tz();
  const c = await loadComplaint(s, ticket);
  if (o.extract !== undefined && file) {
    const found = await readAttachment(s, c.id, o.extract);
    if (!found) throw new NotFoundError('attach.noSuch', { ticket: c.ticket, id: o.extract });
    const actual = sha256(found.data);
    if (actual !== found.meta.sha256 || found.data.length !== found.meta.size) {
      throw new DatabaseError('attach.corrupt', { id: o.extract, expected: found.meta.sha256, actual });
    }
    file.writeAll(found.data);
    const out = file.file;
    await ctx.emit({ ticket: c.ticket, file: out, ...attachmentJson(found.meta, tz) }, () =>
      ctx.t.m('attach.extracted', { id: found.meta.id, name: found.meta.name, file: out, size: sizeText(found.meta.size) }) + '\n');
    return;
  }
  const list = await listAttachments(s, c.id);
  await ctx.emit(list.map((a) => attachmentJson(a, tz)), () => {
    if (!list.length) return ctx.t.m('attach.none', { ticket: c.ticket }) + '\n';
    const zh = ctx.t.lang === 'zh';
    const columns = [
      // On a narrow terminal the hash, the type, the time and the person are left out, in that order.
      { key: 'id', label: '#' }, { key: 'name', label: zh ? '名称' : 'Name' }, { key: 'type', label: zh ? '类型' : 'Type', drop: 2 },
      { key: 'size', label: ctx.t.l('field.size'), keepCells: true }, { key: 'sha256', label: 'SHA-256', min: 12, drop: 1 },
      { key: 'addedAt', label: zh ? '添加时间' : 'Added', drop: 3 }, { key: 'addedBy', label: zh ? '添加人' : 'By', drop: 4 },
    ];
    // A person reads the size in KB or MB; a pipe gets the bytes.
    const rows = (size: (n: number) => string) => list.map((a) => [String(a.id), a.name, a.type, size(a.size), a.sha256, isoLocal(a.addedAt, tz), a.addedBy]);
    return renderSmallTable(ctx, columns, rows(sizeText), rows(String));
  });
}
