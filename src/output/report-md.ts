// A report as Markdown: a heading per section, a table per section.
import type { ReportLayout } from './report-layout.js';

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function table(headers: string[], rows: string[][], right: number[] = []): string {
  const align = headers.map((_h, i) => (right.includes(i) ? '---:' : '---'));
  return [headers, align, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(cell)).join(' | ')} |`).join('\n');
}

export function renderReportMarkdown(layout: ReportLayout, figureHeaders: [string, string], none: string): string {
  const out = [`# ${layout.title}`, '', `${layout.period} · ${layout.provenance}`, ''];
  for (const s of layout.sections) {
    out.push(`## ${s.title}`, '');
    if (s.kind === 'figures') {
      out.push(s.rows.length ? table(figureHeaders, s.rows.map((r) => [r.label, r.text]), [1]) : none);
    } else {
      out.push(s.rows.length ? table(s.headers, s.rows) : none);
    }
    out.push('');
  }
  return out.join('\n');
}
