// Office settings, stored as key/value text over the defaults of domain/settings.ts.
import { readSettings, settingsFrom, type Settings, type SettingProblem } from '../domain/settings.js';
import type { Store } from './store.js';
import { all, run } from './store.js';

export function storedSettings(s: Store): Record<string, string> {
  return Object.fromEntries(all(s, s.q.selectFrom('settings').select(['key', 'value'])).map((r) => [r.key, r.value]));
}

export function loadSettings(s: Store): Settings {
  return settingsFrom(storedSettings(s));
}

/** The settings, and the stored values that were out of range and brought into it. */
export function loadSettingsChecked(s: Store): { settings: Settings; problems: SettingProblem[] } {
  return readSettings(storedSettings(s));
}

export function saveSetting(s: Store, key: string, value: string): void {
  run(s, s.q.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}

export function deleteSetting(s: Store, key: string): void {
  run(s, s.q.deleteFrom('settings').where('key', '=', key));
}
