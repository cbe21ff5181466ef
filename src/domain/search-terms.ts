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
  // One pass of the pattern per text, building the non-Han rest as it goes
  // (not a second replace), and a run's characters indexed directly unless
  // it holds characters beyond the BMP: the import indexes a million
  // complaints through here.
  const uni: string[] = [];
  const bi: string[] = [];
  const words: string[] = [];
  const pattern = new RegExp(HAN_RUN.source, 'gu');
  for (const text of texts) {
    if (!text) continue;
    let rest = '';
    let from = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const run = m[0];
      rest += text.slice(from, m.index) + ' ';
      from = m.index + run.length;
      const chars: ArrayLike<string> = hasSurrogate(run) ? Array.from(run) : run;
      const n = chars.length;
      const one = new Array<string>(n);
      for (let i = 0; i < n; i++) one[i] = chars[i];
      uni.push(one.join(' '));
      // A run of one character still gets a pair slot so phrases never bridge runs.
      const two = new Array<string>(Math.max(n - 1, 0));
      for (let i = 0; i + 1 < n; i++) two[i] = chars[i] + chars[i + 1];
      bi.push(two.join(' '));
      bi.push('0'); // a separator token: no query looks for it in `bi`
    }
    words.push(rest + text.slice(from));
  }
  return { uni: uni.join(' '), bi: bi.join(' '), words: words.join(' ') };
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
