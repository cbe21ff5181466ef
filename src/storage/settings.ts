// Office settings, stored as key/value text over the defaults of domain/settings.ts.
import { readSettings, settingsFrom, type Settings, type SettingProblem } from '../domain/settings.js';
import type { Store } from './store.js';
import { all, run } from './store.js';
import { insertionOrder } from './dialect.js';

export async function storedSettings(s: Store): Promise<Record<string, string>> {
  // A server session acting for no office (a group's report) has no settings of its own: the defaults.
  if (s.engine === 'postgres' && s.office === null) return {};
  // In the order first written: an office's own steps keep the order they were defined in.
  return Object.fromEntries((await all(s, s.q.selectFrom('settings').select(['key', 'value']).orderBy(insertionOrder(s)))).map((r) => [r.key, r.value]));
}

export async function loadSettings(s: Store): Promise<Settings> {
  return settingsFrom(await storedSettings(s));
}

/** The settings, and the stored values that were out of range and brought into it. */
export async function loadSettingsChecked(s: Store): Promise<{ settings: Settings; problems: SettingProblem[] }> {
  return readSettings(await storedSettings(s));
}

export async function saveSetting(s: Store, key: string, value: string): Promise<void> {
  await run(s, s.q.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}

export async function deleteSetting(s: Store, key: string): Promise<void> {
  await run(s, s.q.deleteFrom('settings').where('key', '=', key));
}
