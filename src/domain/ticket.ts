// Ticket numbers (SPEC §4): YYMMDD of the office-local date received, then the
// year's running count, zero-padded to three digits and wider past 999. On a
// server shared by offices (SPEC §14) they carry the office's code in front,
// YG-260912001; the bare number is read as the current office's.

/** An office's code: a capital letter, then up to seven capitals or digits (YG, HY2). */
export const OFFICE_CODE = /^[A-Z][A-Z0-9]{0,7}$/;

/**
 * The largest running count of a year (README "Ticket numbers"). A ticket is
 * then at most 12 digits, and a count never nears 2^53, where a number read
 * from a ticket would stop being exact and two tickets would share a count.
 */
export const MAX_SEQ = 999_999;

/** One number for a year and running count, year × COUNT_BASE + count: a key for maps and SQL. */
export const COUNT_BASE = MAX_SEQ + 1;
export const countKey = (year: number, seq: number): number => year * COUNT_BASE + seq;

export function formatTicket(localDate: string, seq: number, office: string | null = null): string {
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return (office === null ? '' : `${office}-`) + yymmdd + String(seq).padStart(3, '0');
}

/** A ticket as the office `code` files it: a bare number gets the code; one with a code keeps its own. */
export function inOffice(ticket: string, code: string | null): string {
  return code === null || PREFIX.test(ticket) ? ticket : `${code}-${ticket}`;
}

/** A ticket without its office code: the number a SQLite file gives it (YG-260912001 → 260912001). */
export function bareTicket(ticket: string): string {
  return ticket.replace(PREFIX, '');
}

export interface TicketParts {
  /** The office code in front, or null for a bare number. */
  office: string | null;
  yymmdd: string;
  year: number;
  seq: number;
}

const FULL = /^(\d{6})(\d{3,})$/;
const SHORT = /^(\d{6})-(\d{1,})$/;
/** An office code and its dash in front of the number (typed in any case). */
const PREFIX = /^([A-Za-z][A-Za-z0-9]{0,7})-(?=\d{6})/;

/**
 * Reads a full ticket (260912003, 2612311000) or the short form 260912-3.
 * Returns the canonical ticket, or null when the text is not a ticket.
 */
export function normalizeTicket(text: string): string | null {
  const r = readTicket(text);
  return typeof r === 'string' ? r : null;
}

/** Text shaped like a ticket whose running count passes MAX_SEQ. */
export function ticketCountTooLarge(text: string): boolean {
  return readTicket(text) === TOO_LARGE;
}

const TOO_LARGE = Symbol('count past MAX_SEQ');

function readTicket(text: string): string | typeof TOO_LARGE | null {
  const trimmed = text.trim();
  const prefix = PREFIX.exec(trimmed);
  if (!prefix) return readNumber(trimmed);
  const n = readNumber(trimmed.slice(prefix[0].length));
  return typeof n === 'string' ? `${prefix[1].toUpperCase()}-${n}` : n;
}

function readNumber(s: string): string | typeof TOO_LARGE | null {
  const short = SHORT.exec(s);
  if (short) {
    if (!validYymmdd(short[1])) return null;
    const digits = short[2].replace(/^0+/, '');
    if (digits === '') return null;
    return digits.length > 6 || Number(digits) > MAX_SEQ ? TOO_LARGE : short[1] + digits.padStart(3, '0');
  }
  const full = FULL.exec(s);
  if (!full || !validYymmdd(full[1])) return null;
  // A count past 999 has no leading zero: 2612310999 is not a ticket.
  if (Number(full[2]) < 1 || (full[2].length > 3 && full[2].startsWith('0'))) return null;
  // Compared as text first: Number() of 20 digits is no longer exact.
  return full[2].length > 6 || Number(full[2]) > MAX_SEQ ? TOO_LARGE : s;
}

export function parseTicket(ticket: string): TicketParts {
  const prefix = PREFIX.exec(ticket);
  const m = FULL.exec(prefix ? ticket.slice(prefix[0].length) : ticket);
  if (!m) throw new Error(`not a ticket: ${ticket}`);
  return { office: prefix ? prefix[1] : null, yymmdd: m[1], year: 2000 + Number(m[1].slice(0, 2)), seq: Number(m[2]) };
}

function validYymmdd(s: string): boolean {
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}
