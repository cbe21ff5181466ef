// Ticket numbers (SPEC §4): YYMMDD of the office-local date received, then the
// year's running count, zero-padded to three digits and wider past 999.

export function formatTicket(localDate: string, seq: number): string {
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return yymmdd + String(seq).padStart(3, '0');
}

export interface TicketParts {
  yymmdd: string;
  year: number;
  seq: number;
}

const FULL = /^(\d{6})(\d{3,})$/;
const SHORT = /^(\d{6})-(\d{1,})$/;

/**
 * Reads a full ticket (260912003, 2612311000) or the short form 260912-3.
 * Returns the canonical ticket, or null when the text is not a ticket.
 */
export function normalizeTicket(text: string): string | null {
  const s = text.trim();
  const short = SHORT.exec(s);
  if (short) {
    const seq = Number(short[2]);
    return seq >= 1 && validYymmdd(short[1]) ? short[1] + String(seq).padStart(3, '0') : null;
  }
  const full = FULL.exec(s);
  if (!full || !validYymmdd(full[1])) return null;
  const seq = Number(full[2]);
  // A count past 999 has no leading zero: 2612310999 is not a ticket.
  if (seq < 1 || (full[2].length > 3 && full[2].startsWith('0'))) return null;
  return s;
}

export function parseTicket(ticket: string): TicketParts {
  const m = FULL.exec(ticket);
  if (!m) throw new Error(`not a ticket: ${ticket}`);
  return { yymmdd: m[1], year: 2000 + Number(m[1].slice(0, 2)), seq: Number(m[2]) };
}

function validYymmdd(s: string): boolean {
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}
