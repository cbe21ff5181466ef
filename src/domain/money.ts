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
  return `${sign}${Math.floor(a / 100).toLocaleString('en-US')}.${String(a % 100).padStart(2, '0')}`;
}

export const yuan = (n: number): number => n * 100;
