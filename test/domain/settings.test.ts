// Every setting has a range (domain/settings.ts); values outside it, or out of
// order with another setting, are refused naming what is allowed.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, SETTING_KEYS, SETTING_ORDER, checkSettingOrder, checkSettingValue, readSettings, settingValue,
} from '../../src/domain/settings.js';
import { UsageError } from '../../src/domain/errors.js';

const RANGED = Object.entries(SETTING_KEYS).filter(([, d]) => d.kind === 'int' || d.kind === 'yuan');

/** [key, a value just inside, a value just outside] at both ends of every range. */
const BOUNDS: [string, string, string][] = RANGED.flatMap(([key, d]) => {
  const step = d.kind === 'yuan' ? 0.01 : 1;
  const fmt = (n: number) => (d.kind === 'yuan' ? String(Math.round(n * 100) / 100) : String(n));
  return [[key, fmt(d.range!.min), fmt(d.range!.min - step)], [key, fmt(d.range!.max), fmt(d.range!.max + step)]] as [string, string, string][];
});

function refusal(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('setting ranges', () => {
  it('every number setting has a range, and its default lies inside it', () => {
    // Every key but the office's name and time zone and the estate.strict switch is a number.
    expect(RANGED.map(([k]) => k).sort()).toEqual(Object.keys(SETTING_KEYS).filter((k) => !['office.name', 'office.timezone', 'estate.strict'].includes(k)).sort());
    for (const [key, d] of RANGED) {
      const v = Number(settingValue(DEFAULT_SETTINGS, key));
      expect(v, key).toBeGreaterThanOrEqual(d.range!.min);
      expect(v, key).toBeLessThanOrEqual(d.range!.max);
    }
  });

  it('deadlines are at most a year: 250 working days, 366 days, 8784 hours', () => {
    for (const sev of ['general', 'important', 'major']) {
      for (const step of ['resolve', 'follow_up', 'site_check', 'resolve_workdays', 'followup_workdays']) {
        const key = `deadline.${sev}.${step}`;
        expect(checkSettingValue(key, '250wd'), key).toBe('250wd');
        expect(refusal(() => checkSettingValue(key, '251wd')).key, key).toBe('config.badRule');
      }
    }
    // A bare number keeps the unit of the older name: working days here, hours for contact_hours.
    expect(checkSettingValue('deadline.general.resolve_workdays', '5')).toBe('5wd');
    expect(checkSettingValue('deadline.general.contact_hours', '24')).toBe('24h');
    expect(refusal(() => checkSettingValue('deadline.general.resolve_workdays', '999999999')).params).toMatchObject({ max: '250wd, 366d, 8784h' });
    for (const bad of ['3x', '-2h', '0h', '2.5h']) expect(refusal(() => checkSettingValue('deadline.general.resolve', bad)).key).toBe('config.badRule');
  });

  it.each(BOUNDS)('%s: %s is accepted, %s refused naming the range', (key, inside, outside) => {
    expect(checkSettingValue(key, inside)).toBe(inside);
    const e = refusal(() => checkSettingValue(key, outside));
    expect(e.key).toMatch(/^config\.range(Whole|Yuan)$/);
    expect(e.params).toMatchObject({ key, value: outside, min: SETTING_KEYS[key].range!.min, max: SETTING_KEYS[key].range!.max });
  });

  it.each(RANGED.map(([k]) => k))('%s: not a number, negative, or too precise is refused', (key) => {
    for (const bad of ['abc', '', '-5', '1e3', '0x10', '12.345']) expect(() => checkSettingValue(key, bad), bad).toThrow(UsageError);
  });
});

describe('settings that keep their order', () => {
  it.each(SETTING_ORDER.map((o) => [o.lower, o.upper]))('%s may not be above %s', (lower, upper) => {
    const high = String(settingValue(DEFAULT_SETTINGS, upper));
    const low = String(settingValue(DEFAULT_SETTINGS, lower));
    // Equal is allowed; one fen past the other is not, from either side.
    expect(() => checkSettingOrder(DEFAULT_SETTINGS, lower, high)).not.toThrow();
    const above = refusal(() => checkSettingOrder(DEFAULT_SETTINGS, lower, String(Number(high) + 0.01)));
    expect(above).toMatchObject({ key: 'config.orderAbove', params: { key: lower, other: upper, otherValue: Number(high) } });
    const below = refusal(() => checkSettingOrder(DEFAULT_SETTINGS, upper, String(Number(low) - 0.01)));
    expect(below).toMatchObject({ key: 'config.orderBelow', params: { key: upper, other: lower, otherValue: Number(low) } });
  });

  it('major_claim ≥ important_claim and the committee from at least the general manager', () => {
    expect(SETTING_ORDER).toEqual([
      { lower: 'threshold.important_claim_yuan', upper: 'threshold.major_claim_yuan' },
      { lower: 'approval.general_manager_from_yuan', upper: 'approval.committee_from_yuan' },
    ]);
  });
});

describe('settings stored out of range by an older version', () => {
  it('are brought to the nearest end of their range and reported; unreadable ones fall back to the default', () => {
    const { settings, problems } = readSettings({
      'deadline.general.resolve_workdays': '999999999',
      'deadline.major.contact_hours': '0',
      'threshold.major_claim_yuan': 'lots',
      'deadline.important.resolve_workdays': '9',
      'office.name': '阳光海岸',
    });
    const rules = settings.procedure.rules;
    expect(rules.general.resolve).toEqual({ unit: 'wd', n: 250 });
    expect(rules.major.contact).toEqual({ unit: 'h', n: 1 });
    expect(settings.majorClaimFen).toBe(DEFAULT_SETTINGS.majorClaimFen);
    expect(rules.important.resolve).toEqual({ unit: 'wd', n: 9 });
    expect(settings.officeName).toBe('阳光海岸');
    expect(problems).toEqual([
      { key: 'deadline.general.resolve_workdays', stored: '999999999', used: '250wd', min: 1, max: 250 },
      { key: 'deadline.major.contact_hours', stored: '0', used: '1h', min: 1, max: 8784 },
      { key: 'threshold.major_claim_yuan', stored: 'lots', used: 20000, min: 0.01, max: 100_000_000 },
    ]);
  });
});
