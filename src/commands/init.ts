// `init`: create or upgrade the database; set the office name and time zone.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { checkSettingValue } from '../domain/settings.js';
import { write } from '../storage/store.js';
import { saveSetting } from '../storage/settings.js';
import { appendEvents } from '../storage/events.js';
import { appliedSchemaVersion } from '../storage/schema-version.js';
import { loadSettings } from '../storage/settings.js';
import { applyProfile, requireProfile } from './config-profile.js';
import { UsageError } from '../domain/errors.js';
import { listOffices } from '../storage/postgres/offices.js';

export interface InitOptions {
  /** The office's name (reports head with it). */
  name?: string;
  /** The same, as it was given before servers (SPEC §8: `init --office <name>`). */
  office?: string;
  timezone?: string;
  profile?: string;
}

export function initCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  return new Command('init')
    .description(zh ? '创建或升级数据库，设置单位名称和时区' : 'create or upgrade the database; set office name and time zone')
    .option('--name <name>', ctx.t.m('init.nameOption'))
    .option('--office <name>', ctx.t.m('init.officeOption'))
    .option('--timezone <zone>', zh ? '时区（默认 Asia/Shanghai）' : 'IANA time zone (default Asia/Shanghai)')
    .option('--profile <name>', ctx.t.m('profile.initOption'))
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints init --name 阳光海岸客户服务中心 --timezone Asia/Shanghai
  complaints init --profile longhu`)
    .action(async (o: InitOptions) => {
      await runInit(ctx, o);
    });
}

export async function runInit(ctx: Ctx, o: InitOptions): Promise<void> {
  const name = o.name ?? o.office;
  const changes: [string, string | undefined][] = [['office.name', name], ['office.timezone', o.timezone]];
  const valid = changes.filter(([, v]) => v !== undefined).map(([key, raw]) => [key, checkSettingValue(key, raw!)] as const);
  // Checked before the database is created or upgraded.
  const profile = o.profile === undefined ? null : requireProfile(o.profile);
  const s = await ctx.store();
  // On a server with no office chosen, init brings the schema only (offices: `complaints office add`).
  if (s.engine === 'postgres' && s.office === null) {
    if (valid.length || profile) throw new UsageError('office.choose', { codes: (await listOffices(s)).map((f) => f.code).join(', ') || '—' });
    const version = await appliedSchemaVersion(s);
    await ctx.emit({ database: ctx.dbPath, schemaVersion: version, office: null, timeZone: null },
      () => ctx.t.m('init.server', { file: ctx.dbPath, version }) + '\n');
    return;
  }
  if (valid.length) {
    const before = await loadSettings(s);
    await write(s, async () => {
      for (const [key, value] of valid) await saveSetting(s, key, value);
      await appendEvents(s, null, ctx.actor, await ctx.now(), [{
        action: 'config', before: { officeName: before.officeName, timeZone: before.timeZone }, after: Object.fromEntries(valid), note: null,
      }]);
    });
  }
  const applied = profile ? await applyProfile(ctx, profile) : null;
  const settings = await loadSettings(s);
  const result = { database: s.path, schemaVersion: await appliedSchemaVersion(s), office: settings.officeName, timeZone: settings.timeZone };
  const profileLine = () => (profile && applied ? ctx.t.m('profile.applied', { name: profile.name, title: profile.title[ctx.t.lang], ...applied }) + '\n' : '');
  await ctx.emit(profile ? { ...result, profile: profile.name } : result,
    () => ctx.t.m('notice.initialised', { file: ctx.dbPath, version: result.schemaVersion, office: result.office, tz: result.timeZone }) + '\n' + profileLine());
}
