// A unit as typed at the desk (SPEC §16): full-width digits, 3栋2单元1501,
// 3幢2单元1501室 and 3-2-1501 all read as 3-2-1501, the form registers and
// imports keep (register-words.ts reads the notations).
import { halfWidth } from './half-width.js';
import { normalUnit } from './register-words.js';

export function readUnit(text: string): string {
  return normalUnit(halfWidth(text));
}
