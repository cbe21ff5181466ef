import { describe, expect, it } from 'vitest';
import { approvalLevel, isLongOpenImportant, ruledSeverity, severityReasons } from '../../src/domain/severity.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { maxSeverity, nextSeverity } from '../../src/domain/types.js';
import { parseInstant } from '../../src/domain/time.js';

const s = DEFAULT_SETTINGS;
const none = { safety: false, media: false, households: 1, claimFen: null as number | null, repeatOf: null as string | null };

describe('severity rules of SPEC §6', () => {
  it.each([
    ['nothing special', {}, 'general', []],
    ['a safety hazard', { safety: true }, 'major', ['safety']],
    ['media or regulator involved', { media: true }, 'major', ['media']],
    ['5 households', { households: 5 }, 'major', ['households']],
    ['4 households', { households: 4 }, 'general', []],
    ['a claim of 20,000 yuan', { claimFen: 2_000_000 }, 'major', ['major_claim']],
    ['a claim of 19,999.99 yuan', { claimFen: 1_999_999 }, 'important', ['important_claim']],
    ['a claim of 5,000 yuan', { claimFen: 500_000 }, 'important', ['important_claim']],
    ['a claim of 4,999.99 yuan', { claimFen: 499_999 }, 'general', []],
    ['a claim of 0', { claimFen: 0 }, 'general', []],
    ['a repeat', { repeatOf: '260901001' }, 'important', ['repeat']],
    ['a repeat with a 5,000 claim', { repeatOf: '260901001', claimFen: 500_000 }, 'important', ['important_claim', 'repeat']],
    ['a repeat with a safety hazard', { repeatOf: '260901001', safety: true }, 'major', ['safety']],
    ['safety, media and 8 households', { safety: true, media: true, households: 8 }, 'major', ['safety', 'media', 'households']],
  ] as const)('%s → %s', (_what, over, severity, reasons) => {
    expect(severityReasons({ ...none, ...over }, s)).toEqual({ severity, reasons });
  });

  it.each([
    ['general', {}, 'general'],
    ['important', {}, 'important'], // never drops by itself
    ['major', {}, 'major'],
    ['major', { repeatOf: '260901001' }, 'major'],
    ['general', { repeatOf: '260901001' }, 'important'],
    ['important', { media: true }, 'major'],
  ] as const)('ruledSeverity from %s with %j → %s', (current, over, expected) => {
    expect(ruledSeverity(current, { ...none, ...over }, s)).toBe(expected);
  });

  it('follows configured thresholds', () => {
    const custom = { ...s, majorHouseholds: 10, importantClaimFen: 100_000 };
    expect(severityReasons({ ...none, households: 9 }, custom).severity).toBe('general');
    expect(severityReasons({ ...none, households: 10 }, custom).severity).toBe('major');
    expect(severityReasons({ ...none, claimFen: 100_000 }, custom).severity).toBe('important');
  });

  it('orders severities', () => {
    expect(nextSeverity('general')).toBe('important');
    expect(nextSeverity('important')).toBe('major');
    expect(nextSeverity('major')).toBe('major');
    expect(maxSeverity('general', 'major')).toBe('major');
    expect(maxSeverity('important', 'general')).toBe('important');
  });
});

describe('approval levels by cost (核决权限)', () => {
  it.each([
    [1, 'department_head'],
    [499_999, 'department_head'],
    [500_000, 'general_manager'],
    [1_999_999, 'general_manager'],
    [2_000_000, 'compensation_committee'],
    [10_000_000, 'compensation_committee'],
  ] as const)('%i fen → %s', (fen, level) => {
    expect(approvalLevel(fen, s)).toBe(level);
  });
});

describe('an important complaint open for 3 months becomes major (sweep)', () => {
  const at = (t: string) => parseInstant(t, 'Asia/Shanghai')!;
  const received = at('2026-01-10T10:00:00+08:00');
  const limit = at('2026-04-10T10:00:00+08:00');
  it.each([
    ['important', 'assigned', limit + 1000, true],
    ['important', 'assigned', limit, false],
    ['important', 'assigned', at('2026-03-31T10:00:00+08:00'), false],
    ['important', 'closed', limit + 1000, false],
    ['general', 'assigned', limit + 1000, false],
    ['major', 'assigned', limit + 1000, false],
  ] as const)('%s, %s → %s', (severity, status, now, expected) => {
    expect(isLongOpenImportant({ severity, status, receivedAt: received }, now, s)).toBe(expected);
  });
});
