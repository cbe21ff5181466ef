// `config`: get, set and list office settings (deadlines, thresholds, zone).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import {
  DEFAULT_SETTINGS, canonicalKey, checkSettingOrder, checkSettingValue, settingDef, settingKeys, settingValue, type Settings,
} from '../domain/settings.js';
import { write } from '../storage/store.js';
import { deleteSetting, loadSettings, saveSetting } from '../storage/settings.js';
import { recountDeadlinesSince } from '../storage/calendar.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';
import { profileCommand } from './config-profile.js';
import { runConfigExport, runConfigImport } from './config-file.js';

export function configCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const config = new Command('config')
    .description(zh ? '查看和修改设置（时限、阈值、单位、时区）' : 'get, set and list settings (deadlines, thresholds, office, time zone)')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints config list
  complaints config get deadline.general.resolve
  complaints config set deadline.general.resolve 5wd          # ${ctx.t.m('help.ex.config.4')}
  complaints config set deadline.general.site_check 24h
  complaints config set deadline.kind.inquiry.resolve 24h
  complaints config set step.desk_notice.define "receipt,告知客服中心,desk informed"
  complaints config set step.plan off
  complaints config unset deadline.kind.inquiry.resolve
  complaints config set report_up.major director/phone/1h,director/written/24h
  complaints config profile apply longhu
  complaints config export office.conf
  complaints config import office.conf`);
  config.command('list', { isDefault: true }).description(zh ? '列出全部设置' : 'list all settings').action(async () => {
      await runConfigList(ctx);
    });
  config.command('get').argument('<key>').description(zh ? '查看一项设置' : 'show one setting').action(async (key: string) => {
      await runConfigGet(ctx, key);
    });
  config.command('set').argument('<key>').argument('<value>').description(zh ? '修改一项设置' : 'change one setting')
    .action(async (key: string, value: string) => {
      await runConfigSet(ctx, key, value);
    });
  config.command('unset').argument('<key>').description(zh ? '恢复一项设置的默认值' : 'put one setting back to its default')
    .action(async (key: string) => {
      await runConfigUnset(ctx, key);
    });
  config.addCommand(profileCommand(ctx));
  config.command('export').argument('[file]').description(ctx.t.m('config.exportHelp'))
    .option('--force', ctx.t.m('file.forceHelp'))
    .action(async (file: string | undefined, o: { force?: boolean }) => {
      await runConfigExport(ctx, file, o);
    });
  config.command('import').argument('<file>').description(ctx.t.m('config.importHelp')).action(async (file: string) => {
    await runConfigImport(ctx, file);
  });
  return config;
}

/** The setting a key names under the settings now stored (an office's own steps have keys too), or exit 2. */
function requireKey(key: string, current: Settings) {
  const def = settingDef(key, current);
  if (!def) throw new UsageError('config.unknownKey', { key });
  return def;
}

export async function runConfigList(ctx: Ctx): Promise<void> {
  const s = await loadSettings(await ctx.store());
  const rows = settingKeys(s).map((key) => ({ key, value: settingValue(s, key)!, default: settingValue(DEFAULT_SETTINGS, key) ?? '' }));
  await ctx.emit(Object.fromEntries(rows.map((r) => [r.key, r.value])), () => {
    const cells = rows.map((r) => [r.key, String(r.value), String(r.default)]);
    return renderSmallTable(ctx, [
      { key: 'key', label: ctx.t.l('config.col.key') }, { key: 'value', label: ctx.t.l('config.col.value') }, { key: 'default', label: ctx.t.l('config.col.default') },
    ], cells);
  });
}

export async function runConfigGet(ctx: Ctx, key: string): Promise<void> {
  const current = await loadSettings(await ctx.store());
  const value = requireKey(key, current).get(current);
  await ctx.emit({ [key]: value }, () => `${value}\n`);
}

/** Contact and resolve are the deadlines of SPEC §5 that every complaint has. */
const ALWAYS_TIMED = ['contact', 'resolve'];

export function refuseUntimed(key: string, value: string, current: Settings): void {
  const canonical = canonicalKey(key, current);
  const step = /^deadline\.(?:general|important|major|kind\.[a-z_]+|category\.[a-z_]+)\.([a-z0-9_]+)$/.exec(canonical)?.[1]
    ?? /^step\.([a-z0-9_]+)$/.exec(canonical)?.[1];
  if (step && ALWAYS_TIMED.includes(step) && (value === 'none' || value === 'off')) {
    throw new UsageError('config.alwaysTimed', { key, step });
  }
}

export async function runConfigSet(ctx: Ctx, key: string, raw: string): Promise<void> {
  const s = await ctx.store();
  const current = await loadSettings(s);
  requireKey(key, current);
  const value = checkSettingValue(key, raw, current);
  refuseUntimed(key, value, current);
  checkSettingOrder(current, key, value);
  const stored = canonicalKey(key, current);
  await changeSettings(ctx, [[stored, value], ...olderName(key, stored)], async () => await runConfigGet(ctx, stored));
}

/** A value stored under an older name (resolve_workdays) goes when the current name is set. */
function olderName(key: string, stored: string): [string, null][] {
  return key === stored ? [] : [[key, null]];
}

/** `config unset <key>`: back to the default (an override removed, an own step's deadline gone). */
export async function runConfigUnset(ctx: Ctx, key: string): Promise<void> {
  const s = await ctx.store();
  const current = await loadSettings(s);
  requireKey(key, current);
  const stored = canonicalKey(key, current);
  await changeSettings(ctx, [[stored, null], ...olderName(key, stored)], async () => await runConfigGet(ctx, stored));
}

/**
 * Writes settings (null removes one) with their event in one transaction,
 * recounts the open complaints' deadlines under them, and says how many moved.
 */
export async function changeSettings(ctx: Ctx, changes: [string, string | null][], show: () => void | Promise<void>): Promise<string[]> {
  const s = await ctx.store();
  const current = await loadSettings(s);
  const now = await ctx.now();
  const moved = await write(s, async () => {
    const before = Object.fromEntries(changes.map(([key]) => [key, settingValue(current, key) ?? null]));
    for (const [key, value] of changes) {
      if (value === null) await deleteSetting(s, key);
      else await saveSetting(s, key, value);
    }
    await appendEvents(s, null, ctx.actor, now, [{ action: 'config', before, after: Object.fromEntries(changes), note: null }]);
    // Only the procedure's settings move deadlines already counted.
    if (!changes.some(([key]) => /^(deadline|step)\./.test(key))) return [];
    return await recountDeadlinesSince(s, 0, { actor: ctx.actor, now }, `config ${changes.map(([k]) => k).join(', ')}`);
  });
  await show();
  if (moved.length) ctx.io.stderr.write(ctx.t.m('config.recounted', { count: moved.length }) + '\n');
  return moved;
}
