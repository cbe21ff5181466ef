// `backup <file>`: a consistent copy of the database while others keep
// working, made with SQLite's online backup into a temporary file beside the
// target (cli/output-file.ts), checked, then moved into place.
import fs from 'node:fs';
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { OutputFile } from '../cli/output-file.js';
import { DatabaseError } from '../domain/errors.js';
import { backupTo, checkCopy, fileSize } from '../storage/sqlite/maintenance.js';

export interface BackupOptions {
  force?: boolean;
}

export function backupCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('backup')
    .description(zh ? '备份数据库（他人使用中也可，得到一致的副本）' : 'a consistent copy of the database, while others keep working')
    .argument('<file>', zh ? '备份文件' : 'backup file')
    .option('--force', ctx.t.m('file.forceHelp'))
    .addHelpText('after', `
Examples:
  complaints backup /backup/complaints-$(date +%F).db
  complaints backup latest.db --force`)
    .action(async (file: string, o: BackupOptions) => {
      await runBackup(ctx, file, o);
    });
}

export interface BackupResult {
  file: string;
  size: number;
  complaints: number;
}

export async function runBackup(ctx: Ctx, file: string, o: BackupOptions): Promise<BackupResult> {
  const out = OutputFile.check(file, { database: ctx.dbPath, force: !!o.force });
  const s = await ctx.store();
  const complaints = await out.fill(async (tmp) => {
    await backupTo(s, tmp.path);
    const check = checkCopy(tmp.path);
    if (!check.ok) throw new DatabaseError('db.unreadable', { file: tmp.path, detail: 'the copy fails its integrity check' });
    return check.complaints;
  });
  // A -wal or -shm left beside an older copy of that name would be taken for part of this one.
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${out.target}${ext}`, { force: true });
  const result = { file: out.file, size: fileSize(out.file), complaints };
  await ctx.emit(result, () => ctx.t.m('backup.done', { db: ctx.dbPath, file: out.file, size: result.size, complaints }) + '\n');
  return result;
}
