// A report as one self-contained HTML page: inline CSS (with print rules, so
// it prints cleanly to PDF) and inline SVG charts drawn here — the monthly
// trend, categories, satisfaction and on-time rates. Nothing is loaded from
// anywhere: no scripts, no fonts, no images, no links.
import type { ChartBar, ReportLayout } from './report-layout.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const COLORS = ['#2b6cb0', '#38a169', '#d69e2e', '#dd6b20', '#c53030'];

/** Vertical bars with the value above each and the label below. */
function columnChart(title: string, bars: ChartBar[]): string {
  const w = 640, h = 220, top = 24, bottom = 40, left = 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (w - left * 2) / Math.max(1, bars.length);
  const bw = slot * 0.6;
  const parts = bars.map((b, i) => {
    const bh = ((h - top - bottom) * b.value) / max;
    const x = left + i * slot + (slot - bw) / 2;
    const y = h - bottom - bh;
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[0]}"><title>${esc(b.label)}: ${b.value}</title></rect>`
      + `<text x="${(x + bw / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="v">${b.value}</text>`
      + `<text x="${(x + bw / 2).toFixed(1)}" y="${h - bottom + 16}" text-anchor="middle" class="l">${esc(b.label)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}">`
    + `<line x1="${left}" y1="${h - bottom}" x2="${w - left}" y2="${h - bottom}" stroke="#999"/>${parts.join('')}</svg>`;
}

/** Horizontal bars: label, bar, value (or — when there is none). */
function barChart(title: string, bars: { label: string; value: number | null }[], opts: { max?: number; suffix?: string; colors?: boolean } = {}): string {
  const w = 640, row = 26, labelW = 220, valueW = 70;
  const h = Math.max(1, bars.length) * row + 8;
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const span = w - labelW - valueW;
  const parts = bars.map((b, i) => {
    const y = 4 + i * row;
    const bw = b.value === null ? 0 : (span * b.value) / max;
    const fill = opts.colors ? COLORS[i % COLORS.length] : COLORS[1];
    const value = b.value === null ? '—' : `${b.value}${opts.suffix ?? ''}`;
    return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" class="l">${esc(b.label)}</text>`
      + `<rect x="${labelW}" y="${y + 4}" width="${span}" height="${row - 8}" fill="#edf2f7"/>`
      + `<rect x="${labelW}" y="${y + 4}" width="${bw.toFixed(1)}" height="${row - 8}" fill="${fill}"><title>${esc(b.label)}: ${esc(value)}</title></rect>`
      + `<text x="${labelW + span + 6}" y="${y + 17}" class="v">${esc(value)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

const CSS = `
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1a202c; margin: 2em auto; max-width: 960px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #cbd5e0; padding-bottom: .2em; margin-top: 1.6em; }
.meta { color: #4a5568; }
table { border-collapse: collapse; margin: .5em 0; min-width: 50%; }
th, td { border: 1px solid #cbd5e0; padding: .25em .6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f7fafc; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1em; }
figure { margin: 0; }
figcaption { font-weight: bold; margin: .6em 0 .2em; }
svg.chart { width: 100%; height: auto; max-width: 720px; }
svg text { font-size: 12px; fill: #2d3748; }
svg text.v { font-size: 11px; }
.none { color: #718096; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4; margin: 15mm; }
`;

export interface HtmlWords {
  lang: 'zh' | 'en';
  none: string;
  figureHeaders: [string, string];
  chartTitles: { trend: string; categories: string; satisfaction: string; rates: string };
}

export function renderReportHtml(layout: ReportLayout, words: HtmlWords): string {
  const ct = words.chartTitles;
  const figure = (title: string, svg: string) => `<figure><figcaption>${esc(title)}</figcaption>${svg}</figure>`;
  const charts = [
    figure(ct.trend, columnChart(ct.trend, layout.charts.trend)),
    figure(ct.categories, barChart(ct.categories, layout.charts.categories)),
    figure(ct.satisfaction, barChart(ct.satisfaction, layout.charts.satisfaction, { colors: true })),
    figure(ct.rates, barChart(ct.rates, layout.charts.rates, { max: 100, suffix: '%' })),
  ];
  const sections = layout.sections.filter((s) => s.id !== 'trend').map((s) => {
    let body: string;
    if (!s.rows.length) body = `<p class="none">${esc(words.none)}</p>`;
    else if (s.kind === 'figures') {
      body = `<table><thead><tr><th>${esc(words.figureHeaders[0])}</th><th>${esc(words.figureHeaders[1])}</th></tr></thead><tbody>`
        + s.rows.map((r) => `<tr><td>${esc(r.label)}</td><td class="n">${esc(r.text)}</td></tr>`).join('') + '</tbody></table>';
    } else {
      body = `<table><thead><tr>${s.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`
        + s.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
    }
    return `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${body}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${words.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(layout.title)} ${esc(layout.period)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(layout.title)}</h1>
<p class="meta">${esc(layout.period)} · ${esc(layout.provenance)}</p>
<div class="charts">
${charts.join('\n')}
</div>
${sections.join('\n')}
</body>
</html>
`;
}
