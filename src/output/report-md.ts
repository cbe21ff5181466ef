// A report as Markdown: a heading per section, a table per section. Every
// piece of text — headings included — is escaped, since subjects, estates and
// department names are stored free text: HTML in them must not become HTML,
// and * _ ` [ ] | ~ # must not format, link, end a heading or split a cell.
import type { ReportLayout } from './report-layout.js';
import { visible } from './visible-text.js';

/**
 * Text as Markdown shows it literally: control characters shown (a line break
 * as ␤: a cell is one line), then every character Markdown gives meaning to
 * inside a line backslash-escaped (CommonMark lets any ASCII punctuation be
 * escaped; GFM reads \| inside a table as a literal bar). & < > are escaped
 * too, so no entity, tag or autolink forms.
 */
export function mdText(text: string): string {
  return visible(text).replace(/[\\`*_{}[\]<>()#!|~&]/g, '\\$&');
}

function table(headers: string[], rows: string[][], right: number[] = []): string {
  const align = headers.map((_h, i) => (right.includes(i) ? '---:' : '---'));
  return [headers, align, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(mdText)).join(' | ')} |`).join('\n');
}

export function renderReportMarkdown(layout: ReportLayout, figureHeaders: [string, string], none: string): string {
  const out = [`# ${mdText(layout.title)}`, '', `${mdText(layout.period)} · ${mdText(layout.provenance)}`, ''];
  for (const s of layout.sections) {
    out.push(`## ${mdText(s.title)}`, '');
    if (s.kind === 'figures') {
      out.push(s.rows.length ? table(figureHeaders, s.rows.map((r) => [r.label, r.text]), [1]) : mdText(none));
    } else {
      out.push(s.rows.length ? table(s.headers, s.rows) : mdText(none));
    }
    out.push('');
  }
  return out.join('\n');
}
