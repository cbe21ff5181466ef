// Money is integer fen (分); people type and read yuan with two decimals.

/** '5000', '5,000.5', '¥12.30' → fen; null when not a non-negative amount. */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '').replace(/元$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
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
