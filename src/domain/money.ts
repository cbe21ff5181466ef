// Money is integer fen (分); people type and read yuan with two decimals.

/**
 * The largest amount a claim or cost may be (README "Limits"): 100 million
 * yuan. Sums of a whole register (100,000 complaints at the maximum are 10^15
 * fen) then stay below 2^53, where fen would stop being exact integers.
 */
export const MAX_YUAN = 100_000_000;
export const MAX_FEN = MAX_YUAN * 100;

/** '5000', '5,000.5', '¥12.30' → fen; null when not an amount from 0 to MAX_YUAN. */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '').replace(/元$/, '');
  if (!/^\d{1,15}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${groupThousands(Math.floor(a / 100))}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * 1234567 → '1,234,567'. By hand, not toLocaleString: the first locale-aware
 * call of a process loads ICU data (~20 ms), more than the rest of a `show`.
 */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const yuan = (n: number): number => n * 100;
