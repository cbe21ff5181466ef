// Event before/after hold domain values (epoch ms, fen). For people and JSON
// they are shown as the complaint JSON shows them: local ISO times and yuan.
import { isoLocal } from '../domain/time.js';
import { fenToYuan } from '../domain/money.js';

const INSTANT_KEYS = new Set(['receivedAt', 'contactedAt', 'resolvedAt', 'closedAt', 'extendedUntil', 'resolveFrom', 'at', 'happenedAt']);
const FEN_KEYS = new Set(['claimFen', 'costFen', 'amountFen']);
const RENAMED: Record<string, string> = { claimFen: 'claim', costFen: 'cost', amountFen: 'amount' };

export function presentValue(key: string, value: unknown, tz: string): unknown {
  if (value === null || value === undefined) return null;
  if (INSTANT_KEYS.has(key) && typeof value === 'number') return isoLocal(value, tz);
  if (FEN_KEYS.has(key) && typeof value === 'number') return fenToYuan(value);
  if (key === 'payment') {
    const p = value as { at: number; amountFen: number };
    const { amountFen, ...rest } = p;
    return { ...rest, at: isoLocal(p.at, tz), amount: fenToYuan(amountFen) };
  }
  if (key === 'deadlines' || key === 'followUp') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && (key === 'deadlines' || k === 'at') ? isoLocal(v, tz) : v]),
    );
  }
  return value;
}

export function presentFields(fields: Record<string, unknown> | null, tz: string): Record<string, unknown> | null {
  if (!fields) return null;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [RENAMED[k] ?? k, presentValue(k, v, tz)]));
}
