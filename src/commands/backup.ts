// `backup <file>`: a consistent copy of the database while others keep
// working, made with SQLite's online backup into a temporary file beside the
// target (cli/output-file.ts), checked, then moved into place. On a server,
// pg_dump's consistent snapshot of the whole database, through the same
// guarded writer, when this machine has a pg_dump new enough; otherwise it
// says that the server's backup is its administrator's, and how.
import fs from 'node:fs';
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { OutputFile } from '../cli/output-file.js';
import { DatabaseError } from '../domain/errors.js';
import { backupTo, checkCopy, fileSize } from '../storage/sqlite/maintenance.js';
import type { ServerStore } from '../storage/postgres/open.js';
import { dumpTo, findPgDump, serverMajor } from '../storage/postgres/pg-dump.js';
import { sizeText } from '../output/text.js';

export interface BackupOptions {
  force?: boolean;
}

export function backupCommand(ctx: Ctx): Command {
  return new Command('backup')
    .description(ctx.t.m('backup.help'))
    .argument('<file>', ctx.t.m('backup.fileArg'))
    .option('--force', ctx.t.m('file.forceHelp'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints backup /backup/complaints-$(date +%F).db
  complaints backup latest.db --force
  complaints --db postgres://admin@db.example.com/complaints backup complaints.dump`)
    .action(async (file: string, o: BackupOptions) => {
      await runBackup(ctx, file, o);
    });
}

export interface BackupResult {
  file: string;
  size: number;
  complaints: number;
}

export async function runBackup(ctx: Ctx, file: string, o: BackupOptions): Promise<BackupResult | ServerBackupResult> {
  const out = OutputFile.check(file, { database: ctx.dbPath, force: !!o.force });
  const s = await ctx.store();
  if (s.engine === 'postgres') return backupServer(ctx, s as ServerStore, out);
  const complaints = await out.fill(async (tmp) => {
    await backupTo(s, tmp.path);
    const check = checkCopy(tmp.path);
    if (!check.ok) throw new DatabaseError('db.unreadable', { file: tmp.path, detail: 'the copy fails its integrity check' });
    return check.complaints;
  });
  // A -wal or -shm left beside an older copy of that name would be taken for part of this one.
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${out.target}${ext}`, { force: true });
  const result = { file: out.file, size: fileSize(out.file), complaints };
  await ctx.emit(result, () => ctx.t.m('backup.done', { db: ctx.dbPath, file: out.file, size: sizeText(result.size), complaints }) + '\n');
  return result;
}

export interface ServerBackupResult {
  file: string;
  size: number;
  server: string;
  database: string;
  /** What the dump holds: the whole database, every office on it. */
  holds: 'database';
  offices: string[];
  format: 'custom';
  pgDump: { path: string; version: string };
}

async function backupServer(ctx: Ctx, s: ServerStore, out: OutputFile): Promise<ServerBackupResult> {
  const server = await serverMajor(s.client);
  const { usable, newest } = await findPgDump(server, { bin: ctx.env.COMPLAINTS_PG_BIN || undefined, path: ctx.env.PATH });
  if (!newest) throw new DatabaseError('backup.noPgDump', { db: s.path });
  if (!usable) throw new DatabaseError('backup.pgDumpOld', { db: s.path, path: newest.path, version: newest.version, server });
  const database = (await s.client.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d;
  const offices = (await s.client.query<{ code: string }>('SELECT code FROM offices ORDER BY code')).rows.map((r) => r.code);
  await out.fill(async (tmp) => {
    try {
      await dumpTo(usable, ctx.dbPath, tmp.fd);
    } catch (err) {
      throw new DatabaseError('backup.pgDumpFailed', { db: s.path, detail: (err as Error).message });
    }
  });
  const result: ServerBackupResult = {
    file: out.file, size: fs.statSync(out.file).size, server: s.path, database, holds: 'database', offices, format: 'custom',
    pgDump: { path: usable.path, version: usable.version },
  };
  await ctx.emit(result, () => ctx.t.m('backup.serverDone', { database, db: s.path, file: out.file, size: sizeText(result.size), version: usable.version }) + '\n');
  return result;
}
