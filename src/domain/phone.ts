// Phone numbers (SPEC §3): a mainland mobile, or a landline with its area
// code, optionally with +86 / 0086. Stored normalised: 13800138000, 010-12345678.

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have 3-digit codes
// (010, 021, 022, 023, 020, 024–029); all others have 4 (0571, 0755 …).
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;

export function normalizePhone(text: string): string | null {
  let s = text.trim().replace(/[\s\-()（）]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  if (MOBILE.test(s)) return s;
  // After +86 a landline drops its trunk 0: +86 10 1234 5678.
  if (/^[1-9]/.test(s) && !MOBILE.test(s) && text.trim().match(/^(\+86|0086)/)) s = '0' + s;
  const m = LANDLINE.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** 138****5678: the phone column masked, as maskPhones masks a number in text; anything else all but its last four. */
export function maskPhone(phone: string): string {
  // The usual stored mobile, without the pattern search: the same text maskPhones gives.
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const masked = maskPhones(phone);
  if (masked !== phone) return masked;
  return phone.length > 4 ? phone.slice(0, -4).replace(/\d/g, '*') + phone.slice(-4) : phone;
}

// Phone-shaped numbers inside free text (a subject "请回电 138 0013 8000", a
// note "座机(0571)8765-4321"), for --mask wherever personal data leaves the
// database: a mainland mobile with or without spaces or dashes, a landline
// with its area code, either after +86 / 0086, in ASCII or full-width digits.
// A longer run of digits (an order number, a bank account) is not a phone.
const D = '[0-9０-９]';
const SEP = '[ \\-－\u3000]?';
const PREFIX = `(?:[+＋][8８][6６]|[0０][0０][8８][6６])${SEP}`;
// Written 3-4-4 (138 0013 8000) or all together; every form holds four digits in a row.
const MOBILE_TEXT = `[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}`;
const SUBSCRIBER = `${D}{3,4}${SEP}${D}{4}`;
const LANDLINE_TEXT = `(?:[(（][0０]${D}{2,3}[)）]|[0０]${D}{2,3})${SEP}${SUBSCRIBER}`;
// After +86 a landline drops its trunk 0: +86 10 1234 5678.
const TRUNKLESS = `[1-9１-９]${D}{1,2}${SEP}${SUBSCRIBER}`;
const PHONE_IN_TEXT = new RegExp(
  `(?<![0-9０-９])(${PREFIX})?(?:(${MOBILE_TEXT})|${LANDLINE_TEXT}|(?<=${PREFIX})${TRUNKLESS})(?![0-9０-９])`, 'g',
);
/** Text without four digits in a row (most names, units, notes) cannot hold a phone: it skips the long pattern. */
const FOUR_DIGITS = /[0-9０-９]{4}/;

/**
 * Every phone-shaped number in the text masked: a mobile keeps its first
 * three and last four digits (138****5678, 138 **** 5678), a landline its
 * last four (***-****5678); separators and a +86 prefix stay as written.
 */
export function maskPhones(text: string): string {
  if (!FOUR_DIGITS.test(text)) return text;
  return text.replace(PHONE_IN_TEXT, (whole: string, prefix: string | undefined, mobile: string | undefined) => {
    const start = prefix?.length ?? 0;
    const body = whole.slice(start);
    let digits = 0;
    for (const ch of body) if (isDigit(ch)) digits++;
    // Which digits of the number are hidden: a mobile's 4th–7th, a landline's all but the last four.
    const hide = mobile !== undefined ? (i: number) => i >= 3 && i < 7 : (i: number) => i < digits - 4;
    let out = whole.slice(0, start);
    let i = 0;
    for (const ch of body) out += isDigit(ch) ? (hide(i++) ? '*' : ch) : ch;
    return out;
  });
}

function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
}

/** Fields that hold ticket numbers, never phones: left as they are. */
const NOT_PERSONAL = new Set(['ticket', 'tickets', 'repeatOf']);

/**
 * A copy of a complaint, event, report or their JSON with every phone-shaped
 * number masked in every string, the keys of a breakdown (an estate, a
 * department) included. Numbers, booleans and null stay as they are.
 */
export function maskPersonal<T>(value: T): T {
  if (typeof value === 'string') return maskPhones(value) as T;
  if (Array.isArray(value)) return value.map(maskPersonal) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[maskPhones(k)] = NOT_PERSONAL.has(k) ? v : maskPersonal(v);
  return out as T;
}
