// How an office's own register words what the program keeps as values
// (SPEC §15): satisfaction as words, an estate written inside the unit, a
// subcategory that says the category. Pure: the import's rows read through it.
import type { Category } from './types.js';

/** Satisfaction words, longest first so that 不满意 is not read as 满意. */
const SATISFACTION_WORDS: [string, number][] = [
  ['非常不满意', 5], ['很不满意', 5], ['不太满意', 4], ['不满意', 4], ['非常满意', 1], ['很满意', 1], ['基本满意', 3], ['比较满意', 2], ['满意', 2],
];

/** A satisfaction cell: 1–5 (also 2分), or the words of the scale (非常满意/很满意 1, 满意 2, 基本满意 3, 不满意 4, 很不满意 5). */
export function satisfactionOf(cell: string): number | null {
  const s = cell.trim();
  const digit = /^([1-5])(?:\.0+)?\s*分?$/.exec(s);
  if (digit) return Number(digit[1]);
  return SATISFACTION_WORDS.find(([w]) => w === s)?.[1] ?? null;
}

/** The satisfaction a call-back note states in words (业主表示很满意 → 1), or null. */
export function satisfactionIn(note: string): number | null {
  return SATISFACTION_WORDS.find(([w]) => note.includes(w))?.[1] ?? null;
}

/** The category a suggested subcategory belongs to: leaks are building quality, the rest the property service. */
export function categoryOfSubcategory(sub: string): Category | null {
  if (sub === 'leak') return 'construction_quality';
  return ['security', 'cleaning', 'landscaping', 'repair', 'parking', 'fees', 'noise', 'attitude', 'facilities'].includes(sub) ? 'property_service' : null;
}

/**
 * A unit as a register writes it, in the program's form: 3栋2单元1501室 and
 * 3号楼2单元1501 → 3-2-1501, long dashes → -. Text it does not recognise
 * stays as written.
 */
export function normalUnit(unit: string): string {
  const u = unit.trim().replace(/[—－–]/g, '-');
  const m = /^(\d+)\s*(?:栋|幢|号楼|座)\s*-?\s*(\d+)\s*单元\s*-?\s*(\d+)\s*(?:室|号)?$/.exec(u);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : u;
}

/**
 * The estate written at the start of a unit (阳光海岸3-2-1501, 阳光海岸 3栋2单元1501),
 * when it is one of the estates given (longest first: 阳光海岸二期 before 阳光海岸);
 * null when the unit starts with none of them or nothing is left after it.
 */
export function splitEstate(unit: string, estates: readonly string[]): { estate: string; unit: string } | null {
  const u = unit.trim();
  const estate = [...estates].filter((e) => e !== '').sort((a, b) => b.length - a.length).find((e) => u.startsWith(e));
  if (!estate) return null;
  const rest = u.slice(estate.length).replace(/^[\s·,，、:：-]+/, '');
  return rest ? { estate, unit: normalUnit(rest) } : null;
}
