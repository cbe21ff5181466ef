// How text becomes search tokens, and a person's search term an FTS5 query.
// Chinese has no spaces, and FTS5's trigram tokenizer finds nothing shorter
// than three characters (漏水), so Han text is indexed as single characters
// and overlapping pairs: one character matches `uni`, two match one pair,
// longer terms match the phrase of their consecutive pairs.

import type { Complaint } from './types.js';

/** A run of Han characters (with 々 and 〇): what is indexed as characters and pairs. */
export const HAN_RUN = /[\p{Script=Han}々〇]+/gu;

export interface SearchDoc {
  uni: string;
  bi: string;
  words: string;
}

export function searchDoc(texts: (string | null | undefined)[]): SearchDoc {
  // Built by hand, run by run, rather than by match, Array.from, join and a
  // second replace: the import indexes a million complaints through here.
  let uni = '';
  let bi = '';
  let words = '';
  let firstUni = true;
  let firstBi = true;
  let firstWords = true;
  const run = new RegExp(HAN_RUN.source, 'gu');
  for (const text of texts) {
    if (!text) continue;
    let rest = '';
    let from = 0;
    run.lastIndex = 0;
    for (let m = run.exec(text); m !== null; m = run.exec(text)) {
      const r = m[0];
      rest += text.slice(from, m.index) + ' ';
      from = m.index + r.length;
      const chars = r.length === 1 || !hasSurrogate(r) ? null : Array.from(r);
      const n = chars ? chars.length : r.length;
      const at = (i: number) => (chars ? chars[i] : r[i]);
      let u = at(0);
      for (let i = 1; i < n; i++) u += ' ' + at(i);
      uni += firstUni ? u : ' ' + u;
      firstUni = false;
      // A run of one character still gets a pair slot so phrases never bridge runs.
      let b = '';
      for (let i = 0; i + 1 < n; i++) b += (i ? ' ' : '') + at(i) + at(i + 1);
      // A separator token after each run: no query looks for it in `bi`.
      bi += (firstBi ? '' : ' ') + b + ' 0';
      firstBi = false;
    }
    rest += text.slice(from);
    words += firstWords ? rest : ' ' + rest;
    firstWords = false;
  }
  return { uni, bi, words };
}

/** Whether a text holds a character outside the BMP (a Han character of the extensions: two UTF-16 units). */
function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return true;
  }
  return false;
}

function pairs(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** An FTS5 MATCH expression for a search term, or null when it has nothing to search for. */
export function matchQuery(term: string): string | null {
  const parts: string[] = [];
  for (const run of term.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) parts.push(`uni : ${quote(chars[0])}`);
    else parts.push(`bi : ${quote(pairs(chars).join(' '))}`);
  }
  const rest = term.replace(HAN_RUN, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of rest) parts.push(`words : ${quote(w)}*`);
  return parts.length ? parts.join(' AND ') : null;
}

/** What a complaint is found by: its number, the words of the case, the person and place, the handling, whom it is about, its cause and correction. */
export function searchableTexts(c: Complaint): (string | null)[] {
  return [
    c.ticket, c.subject, c.description, c.demand, c.complainant.name, c.complainant.estate, c.complainant.unit,
    c.subcategory, c.resolution, c.assignee, c.about, c.place, c.cause, c.correctiveAction,
  ];
}
