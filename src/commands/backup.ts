// `backup <file>`: a consistent copy of the database while others keep
// working, made with SQLite's online backup, checked, then moved into place.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { DatabaseError, UsageError } from '../domain/errors.js';
import { backupTo, checkCopy, fileSize } from '../storage/maintenance.js';

export interface BackupOptions {
  force?: boolean;
}

export function backupCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('backup')
    .description(zh ? '备份数据库（他人使用中也可，得到一致的副本）' : 'a consistent copy of the database, while others keep working')
    .argument('<file>', zh ? '备份文件' : 'backup file')
    .option('--force', zh ? '覆盖已存在的文件' : 'replace the file if it exists')
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
  const dest = path.resolve(file);
  if (dest === path.resolve(ctx.dbPath)) throw new UsageError('backup.same', { file: dest });
  if (!fs.existsSync(path.dirname(dest))) throw new UsageError('backup.noDir', { file: dest });
  if (fs.existsSync(dest) && !o.force) throw new UsageError('backup.exists', { file: dest });
  const s = ctx.store();
  const tmp = `${dest}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    await backupTo(s, tmp);
    const check = checkCopy(tmp);
    if (!check.ok) throw new DatabaseError('db.unreadable', { file: tmp, detail: 'the copy fails its integrity check' });
    fs.renameSync(tmp, dest);
    for (const ext of ['-wal', '-shm']) fs.rmSync(`${dest}${ext}`, { force: true });
    const result = { file: dest, size: fileSize(dest), complaints: check.complaints };
    ctx.emit(result, () => ctx.t.m('backup.done', { db: ctx.dbPath, file: dest, size: result.size, complaints: result.complaints }) + '\n');
    return result;
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}
