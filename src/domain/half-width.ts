// What a Chinese input method types for a value: full-width digits and letters
// (ＡＢＣ１２３), and the dash, point, colon and slash between them
// (２０２６－１１－２０，１５：００，１２．５), and the ideographic space. Read as
// their ASCII twins wherever a value is expected (SPEC §16); free text
// (descriptions, names) keeps what was typed, and so do signs such as ＠ ＝ ＋
// that a spreadsheet would take for a formula.

const WIDE = /[０-９Ａ-Ｚａ-ｚ－．：／\u3000]/g;

/** Full-width digits, letters, - . : / as ASCII, the ideographic space as a space. */
export function halfWidth(text: string): string {
  return text.replace(WIDE, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xFEE0)));
}
