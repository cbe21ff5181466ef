// `migrate --to <url> --office <CODE> [--name <name>]`: moves the office's
// SQLite file (--db / COMPLAINTS_DB) onto a group's server as that office,
// all or nothing, tickets kept with the office's code in front, and verified
// before it is committed (storage/postgres/move-in.ts). The file is only read.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { OFFICE_CODE } from '../domain/ticket.js';
import { sqliteOf } from '../storage/store.js';
import { connectServer, isServerUrl, shownUrl } from '../storage/postgres/open.js';
import { moveOffice, type MoveCounts } from '../storage/postgres/move-in.js';

export interface MigrateOptions {
  to: string;
  name?: string;
}

export function migrateCommand(ctx: Ctx): Command {
  return new Command('migrate')
    .description(ctx.t.m('migrate.help'))
    .requiredOption('--to <url>', ctx.t.m('migrate.toHelp'))
    .option('--name <name>', ctx.t.m('migrate.nameHelp'))
    .addHelpText('after', `
${ctx.t.m('help.after.migrate')}

${ctx.t.l('help.examples')}
  complaints migrate --db /srv/complaints/yg.db --to postgres://admin@db.example.com/complaints --office YG --name 阳光海岸客户服务中心
  complaints migrate --db yg.db --to postgres://admin@db.example.com/complaints --office YG --json`)
    .action(async (o: MigrateOptions) => {
      await runMigrate(ctx, o);
    });
}

export interface MigrateResult {
  from: string;
  to: string;
  office: { code: string; name: string; created: boolean };
  complaints: number;
  /** Per table: rows in the file, and of them merged into rows the office had. */
  tables: MoveCounts;
  verified: true;
  seconds: number;
}

export async function runMigrate(ctx: Ctx, o: MigrateOptions): Promise<MigrateResult> {
  if (!isServerUrl(o.to)) throw new UsageError('migrate.toNotServer', { to: o.to });
  if (!ctx.office) throw new UsageError('migrate.noOffice', {});
  const code = ctx.office.trim().toUpperCase();
  if (!OFFICE_CODE.test(code)) throw new UsageError('migrate.badCode', { code: ctx.office });
  if (isServerUrl(ctx.dbPath)) throw new UsageError('migrate.fromServer', { db: shownUrl(ctx.dbPath) });
  const file = sqliteOf(await ctx.store());
  const name = o.name ?? (await ctx.settings()).officeName;
  const now = await ctx.now();
  const started = performance.now();
  const conn = await connectServer(o.to, Date.now());
  try {
    const moved = await moveOffice(file, conn, { code, name, now });
    const result: MigrateResult = {
      from: ctx.dbPath,
      to: conn.where,
      office: { code: moved.office.code, name: moved.office.name, created: moved.created },
      complaints: moved.complaints,
      tables: moved.counts,
      verified: true,
      seconds: Math.round(performance.now() - started) / 1000,
    };
    await ctx.emit(result, () => render(ctx, result));
    return result;
  } finally {
    await conn.client.end().catch(() => undefined);
  }
}

function render(ctx: Ctx, r: MigrateResult): string {
  const tables = Object.entries(r.tables)
    .map(([table, c]) => (c.merged ? ctx.t.m('migrate.tableMerged', { table, rows: c.file, merged: c.merged }) : `${table} ${c.file}`))
    .join(', ');
  return [
    ctx.t.m(r.office.created ? 'migrate.doneNew' : 'migrate.done', { from: r.from, to: r.to, code: r.office.code, name: r.office.name, complaints: r.complaints, seconds: r.seconds }),
    `  ${tables}`,
    ctx.t.m('migrate.verified'),
  ].join('\n') + '\n';
}
