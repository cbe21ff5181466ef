// Households affected by one complaint (SPEC §3; 5 or more make it major).

/**
 * The most households one complaint may affect (README "Limits"): more than
 * any estate has. Past it a count is a typing slip, and past 2^53 it would not
 * even be stored exactly, nor come back from an export.
 */
export const MAX_HOUSEHOLDS = 100_000;

/** '12' → 12; null unless a whole number from 1 to MAX_HOUSEHOLDS. */
export function readHouseholds(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= MAX_HOUSEHOLDS ? n : null;
}
