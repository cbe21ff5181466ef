// Stored free text as a terminal should show it: control characters would
// otherwise act on the terminal (an escape sequence in a subject can recolour,
// retitle or clear it) and bidirectional overrides reorder what follows. Each
// is shown instead: C0 controls and DEL as their Unicode control pictures
// (ESC as ␛), C1 controls and the invisible direction marks as \uXXXX.
// Only human output goes through here; JSON and CSV keep the text exact.

const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /\r\n|[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** A line break inside a one-line cell. */
export const NEWLINE_MARK = '␤';

function picture(ch: string): string {
  if (ch === '\r\n' || ch === '\n') return NEWLINE_MARK;
  const cp = ch.charCodeAt(0);
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '␡';
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** The text on one line, every control shown: what a table cell or a label's value gets. */
export function visible(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

/** Like visible(), but line breaks stay breaks (a description in `show`); a lone CR is shown. */
export function visibleLines(text: string): string {
  return text.split(/\r?\n/).map(visible).join('\n');
}
