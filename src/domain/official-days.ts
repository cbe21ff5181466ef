// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知)
// as the program ships them: the plain JSON data of the `chinese-days`
// package, bundled at build time. Only its data is used — its date functions
// answer wrongly on machines whose clock zone is behind UTC.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };
import type { DayKind, DayMark, OfficialDays } from './calendar.js';

/** The package's data: date → "English name,中文名,holiday number". */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function mark(kind: DayKind, value: string): DayMark {
  const [en, zh] = value.split(',');
  return { kind, name: zh?.trim() || en?.trim() || null, nameEn: en?.trim() || null };
}

/** Turns the package's maps into official days; a date listed as both counts as a working day. */
export function officialFromPackage(d: PackageData): OfficialDays {
  const days = new Map<string, DayMark>();
  for (const [date, v] of Object.entries(d.holidays)) days.set(date, mark('holiday', v));
  for (const [date, v] of Object.entries(d.workdays)) days.set(date, mark('workday', v));
  const holidayYears = Object.keys(d.holidays).map((k) => Number(k.slice(0, 4)));
  const years = holidayYears.length ? { first: Math.min(...holidayYears), last: Math.max(...holidayYears) } : null;
  return { days, years };
}

/**
 * A digest of the package's data as shipped: tells apart two data sets of one
 * package version. The build works it out once; where the source runs
 * unbundled it runs as the module loads, so it must cost next to nothing: a polynomial hash
 * over the serialised maps read as 32-bit words takes ~0.5 ms, where loading
 * node:crypto for it took ~3 ms and a per-character loop ~2 ms.
 */
function fingerprint(d: PackageData): string {
  const bytes = Buffer.from(JSON.stringify([d.holidays, d.workdays]));
  const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
  bytes.copy(padded);
  const words = new Int32Array(padded.buffer, padded.byteOffset, padded.length / 4);
  let h = bytes.length | 0;
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, 0x01000193) ^ words[i]) | 0;
  return (h >>> 0).toString(16).padStart(8, '0');
}

let shipped: OfficialDays | undefined;
/** The shipped official days, built on first use (only commands that count working days need them). */
export function officialDays(): OfficialDays {
  shipped ??= officialFromPackage(data as PackageData);
  return shipped;
}

/** The digest as the build worked it out (bin/build.mjs, with this very function); absent where the source runs unbundled. */
declare const __OFFICIAL_DIGEST__: string | undefined;

/** The version of the shipped data, e.g. "chinese-days@1.5.7#1a2b3c4d". */
export const OFFICIAL_VERSION = `chinese-days@${pkg.version}#${typeof __OFFICIAL_DIGEST__ === 'string' ? __OFFICIAL_DIGEST__ : fingerprint(data as PackageData)}`;

/**
 * Is `ours` newer than the stored version? A newer package version is; an
 * older one is not (a newer program already seeded the database); the same
 * version with other data, or an unreadable stored version, is re-seeded.
 */
export function isNewerData(ours: string, stored: string | null): boolean {
  if (stored === null) return true;
  const parse = (v: string) => /^chinese-days@(\d+)\.(\d+)\.(\d+)(?:[-+][^#]*)?#([0-9a-f]+)$/.exec(v);
  const a = parse(ours);
  const b = parse(stored);
  if (!a || !b) return ours !== stored;
  for (let i = 1; i <= 3; i++) if (Number(a[i]) !== Number(b[i])) return Number(a[i]) > Number(b[i]);
  return a[4] !== b[4];
}
