// A report on a terminal: the figures as aligned columns, the 12-month trend
// as a line chart (asciichart) and the satisfaction scores as one stacked bar.
import asciichart from 'asciichart';
import type { ChalkInstance } from 'chalk';
import type { ReportLayout } from './report-layout.js';
import { padEnd, displayWidth, renderColumns } from './text.js';
import { visible } from './visible-text.js';

export interface TextStyle {
  chalk: ChalkInstance;
  none: string;
  figureHeaders: [string, string];
  trendTitle: string;
  satisfactionTitle: string;
}

const BAR_WIDTH = 40;

function satisfactionBar(layout: ReportLayout, st: TextStyle): string[] {
  const bars = layout.charts.satisfaction;
  const total = bars.reduce((a, b) => a + b.value, 0);
  if (!total) return [];
  const paint = [st.chalk.green, st.chalk.greenBright, st.chalk.yellow, st.chalk.magenta, st.chalk.red];
  const marks = ['█', '▓', '▒', '░', '·'];
  let bar = '';
  let used = 0;
  bars.forEach((b, i) => {
    const w = i === bars.length - 1 ? BAR_WIDTH - used : Math.round((b.value / total) * BAR_WIDTH);
    const n = Math.max(0, Math.min(w, BAR_WIDTH - used));
    bar += paint[i](marks[i].repeat(n));
    used += n;
  });
  const legend = bars.map((b, i) => `${paint[i](marks[i])} ${b.label} ${b.value}`).join('  ');
  return [`[${bar}]`, legend];
}

function trendChart(layout: ReportLayout): string[] {
  const values = layout.charts.trend.map((b) => b.value);
  const max = Math.max(...values);
  const chart = asciichart.plot(values, {
    height: Math.min(8, Math.max(1, max)),
    format: (x: number) => String(Math.round(x)).padStart(5),
  });
  // Month labels under the points: first, middle and last.
  const months = layout.charts.trend.map((b) => b.label);
  const axis = `${' '.repeat(7)}${months[0]}${' '.repeat(Math.max(1, values.length - 14))}${months[months.length - 1]}`;
  return [...chart.split('\n'), axis];
}

export function renderReportText(layout: ReportLayout, st: TextStyle): string {
  const b = (s: string) => st.chalk.bold(s);
  const out: string[] = [b(layout.title), `${layout.period} · ${layout.provenance}`, ''];
  for (const s of layout.sections) {
    if (s.id === 'trend') {
      out.push(b(st.trendTitle), ...trendChart(layout), '');
      continue;
    }
    out.push(b(s.title));
    if (s.id === 'satisfaction') out.push(...satisfactionBar(layout, st));
    if (s.kind === 'figures') {
      if (!s.rows.length) out.push(st.none);
      else {
        // Labels of breakdowns are stored text (departments, estates): shown, not obeyed.
        const labels = s.rows.map((r) => visible(r.label));
        const width = Math.max(...labels.map(displayWidth));
        s.rows.forEach((r, i) => out.push(`  ${padEnd(labels[i], width)}  ${r.text}`));
      }
    } else {
      out.push(s.rows.length ? renderColumns(s.headers.map((h) => ({ header: h, max: 40 })), s.rows, undefined, b).trimEnd() : st.none);
    }
    out.push('');
  }
  return out.join('\n');
}
