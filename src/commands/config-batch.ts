// Many settings at once (a profile, an imported file): every key and value is
// checked before anything is written, against the settings as they will be
// (an office's own steps defined in the same set name keys), then all are
// written in one transaction through changeSettings — all or nothing.
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import {
  canonicalKey, checkSettingValue, SETTING_ORDER, settingDef, settingValue, type Settings,
} from '../domain/settings.js';
import { loadSettings, storedSettings } from '../storage/settings.js';
import { changeSettings, refuseUntimed } from './config.js';

export interface BatchEntry {
  key: string;
  value: string;
  /** The line of the file it came from, for messages. */
  line?: number;
}

/** The settings of a procedure: what a profile replaces as a whole. */
const PROCEDURE_KEY = /^(deadline|step|report_up|progress_contact)\./;

/**
 * Checks every entry in order, own step definitions first; returns the
 * changes to write (the stored key, and an older name removed). A refusal
 * names the entry (its line, when `wrap` adds it).
 */
export function checkSettingsBatch(entries: BatchEntry[], current: Settings, wrap: (e: BatchEntry, err: UsageError) => UsageError = (_, err) => err): [string, string | null][] {
  const next = structuredClone(current);
  const ordered = [...entries.filter((e) => e.key.endsWith('.define')), ...entries.filter((e) => !e.key.endsWith('.define'))];
  const changes: [string, string | null][] = [];
  for (const e of ordered) {
    try {
      const def = settingDef(e.key, next);
      if (!def) throw new UsageError('config.unknownKey', { key: e.key });
      const value = checkSettingValue(e.key, e.value, next);
      refuseUntimed(e.key, value, next);
      const stored = canonicalKey(e.key, next);
      def.set(next, value);
      changes.push([stored, value]);
      if (stored !== e.key) changes.push([e.key, null]);
    } catch (err) {
      throw err instanceof UsageError ? wrap(e, err) : err;
    }
  }
  // Thresholds and approval levels keep their order once all are set (SPEC §6).
  for (const { lower, upper } of SETTING_ORDER) {
    if (Number(settingValue(next, lower)) <= Number(settingValue(next, upper))) continue;
    const entry = entries.find((e) => e.key === lower || e.key === upper)!;
    throw wrap(entry, new UsageError('config.orderAbove', { key: lower, value: settingValue(next, lower)!, other: upper, otherValue: settingValue(next, upper)! }));
  }
  return changes;
}

/**
 * Writes checked settings in one transaction and recounts; with
 * `replaceProcedure`, the office's procedure settings not in the set go back
 * to their defaults, so the procedure is exactly the set's.
 */
export async function applySettingsBatch(ctx: Ctx, entries: BatchEntry[], o: { replaceProcedure: boolean; wrap?: (e: BatchEntry, err: UsageError) => UsageError }): Promise<number> {
  const s = await ctx.store();
  const current = await loadSettings(s);
  const changes = checkSettingsBatch(entries, current, o.wrap);
  if (o.replaceProcedure) {
    const kept = new Set(changes.map(([key]) => key));
    for (const key of Object.keys(await storedSettings(s))) if (PROCEDURE_KEY.test(key) && !kept.has(key)) changes.push([key, null]);
  }
  if (!changes.length) return 0;
  return (await changeSettings(ctx, changes, () => undefined)).length;
}
