// `config`: get, set and list office settings (deadlines, thresholds, zone).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { DEFAULT_SETTINGS, SETTING_KEYS, checkSettingOrder, checkSettingValue, settingValue } from '../domain/settings.js';
import { write } from '../storage/store.js';
import { loadSettings, saveSetting } from '../storage/settings.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';

export function configCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const config = new Command('config')
    .description(zh ? '查看和修改设置（时限、阈值、单位、时区）' : 'get, set and list settings (deadlines, thresholds, office, time zone)')
    .addHelpText('after', `
Examples:
  complaints config list
  complaints config get deadline.general.resolve_workdays
  complaints config set deadline.general.resolve_workdays 5`);
  config.command('list', { isDefault: true }).description(zh ? '列出全部设置' : 'list all settings').action(() => {
      runConfigList(ctx);
    });
  config.command('get').argument('<key>').description(zh ? '查看一项设置' : 'show one setting').action((key: string) => {
      runConfigGet(ctx, key);
    });
  config.command('set').argument('<key>').argument('<value>').description(zh ? '修改一项设置' : 'change one setting')
    .action((key: string, value: string) => {
      runConfigSet(ctx, key, value);
    });
  return config;
}

function requireKey(key: string): void {
  if (!SETTING_KEYS[key]) throw new UsageError('config.unknownKey', { key });
}

export function runConfigList(ctx: Ctx): void {
  const s = loadSettings(ctx.store());
  const rows = Object.keys(SETTING_KEYS).map((key) => ({ key, value: settingValue(s, key)!, default: settingValue(DEFAULT_SETTINGS, key)! }));
  ctx.emit(Object.fromEntries(rows.map((r) => [r.key, r.value])), () => {
    const cells = rows.map((r) => [r.key, String(r.value), String(r.default)]);
    const zh = ctx.t.lang === 'zh';
    return renderSmallTable(ctx, [
      { key: 'key', label: zh ? '设置项' : 'key' }, { key: 'value', label: zh ? '当前值' : 'value' }, { key: 'default', label: zh ? '默认值' : 'default' },
    ], cells);
  });
}

export function runConfigGet(ctx: Ctx, key: string): void {
  requireKey(key);
  const value = settingValue(loadSettings(ctx.store()), key)!;
  ctx.emit({ [key]: value }, () => `${value}\n`);
}

export function runConfigSet(ctx: Ctx, key: string, raw: string): void {
  requireKey(key);
  const value = checkSettingValue(key, raw);
  const s = ctx.store();
  const current = loadSettings(s);
  checkSettingOrder(current, key, value);
  const before = settingValue(current, key)!;
  write(s, () => {
    saveSetting(s, key, value);
    appendEvents(s, null, ctx.actor, ctx.now(), [{ action: 'config', before: { [key]: before }, after: { [key]: value }, note: null }]);
  });
  runConfigGet(ctx, key);
}
