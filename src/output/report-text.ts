// A report on a terminal: the figures as aligned columns, the 12-month trend
// as a line chart (asciichart) and the satisfaction scores as one stacked bar.
import asciichart from 'asciichart';
import type { ChalkInstance } from 'chalk';
import type { ReportLayout } from './report-layout.js';
import { padEnd, displayWidth, renderColumns, truncate, wrapLine, type Column } from './text.js';
import { visible } from './visible-text.js';

export interface TextStyle {
  chalk: ChalkInstance;
  none: string;
  figureHeaders: [string, string];
  trendTitle: string;
  satisfactionTitle: string;
  /** The terminal's width: no line is wider. Unset (a file): as wide as the text. */
  width?: number;
}

const BAR_WIDTH_MAX = 40;

/**
 * How a report's table gives way on a narrow terminal (text.ts fitColumns):
 * free text takes what the others leave; names are cut; figures keep every
 * digit, only their headers are cut, and where even so they do not fit, the
 * last figures are left out (all of them are in --json and the other formats).
 */
const FILL_KEYS = new Set(['subject', 'reason', 'tickets']);
const NAME_KEYS = new Set(['name', 'key', 'estate', 'department', 'category', 'subcategory', 'status']);
function fitOf(key: string, at: number, of: number): Omit<Column, 'header'> {
  if (FILL_KEYS.has(key)) return { fill: true };
  if (NAME_KEYS.has(key)) return { min: 8 };
  return { keepCells: true, min: 4, ...(at > 0 ? { drop: of - at } : {}) };
}

function satisfactionBar(layout: ReportLayout, st: TextStyle): string[] {
  const bars = layout.charts.satisfaction;
  const total = bars.reduce((a, b) => a + b.value, 0);
  if (!total) return [];
  // The bar and its brackets within the line.
  const BAR_WIDTH = Math.max(10, Math.min(BAR_WIDTH_MAX, (st.width ?? Infinity) - 2));
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
  const entries = bars.map((b, i) => `${paint[i](marks[i])} ${b.label} ${b.value}`);
  const legend = entries.join('  ');
  // One line when it fits, else an entry a line.
  return [`[${bar}]`, ...(st.width !== undefined && displayWidth(legend) > st.width ? entries : [legend])];
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
  // Titles broken to the terminal's width, each line styled.
  const wrapped = (text: string, style = (s: string) => s) => (st.width === undefined ? [text] : wrapLine(text, st.width)).map(style);
  const out: string[] = [...wrapped(layout.title, b), ...wrapped(`${layout.period} · ${layout.provenance}`), ''];
  for (const s of layout.sections) {
    if (s.id === 'trend') {
      out.push(...wrapped(st.trendTitle, b), ...trendChart(layout), '');
      continue;
    }
    out.push(...wrapped(s.title, b));
    if (s.id === 'satisfaction') out.push(...satisfactionBar(layout, st));
    if (s.kind === 'figures') {
      if (!s.rows.length) out.push(st.none);
      else {
        // Labels of breakdowns are stored text (departments, estates): shown, not obeyed.
        const labels = s.rows.map((r) => visible(r.label));
        // A long label (an estate's name) is cut so that its figure still fits the line.
        const room = st.width === undefined ? Infinity : st.width - 4 - Math.max(...s.rows.map((r) => displayWidth(r.text)));
        const width = Math.min(Math.max(...labels.map(displayWidth)), Math.max(6, room));
        s.rows.forEach((r, i) => out.push(`  ${padEnd(truncate(labels[i], width), width)}  ${r.text}`));
      }
    } else {
      const columns = s.keys.map((k, i) => ({ header: s.headers[i], max: 40, ...fitOf(k, i, s.keys.length) }));
      out.push(s.rows.length ? renderColumns(columns, s.rows, { headerStyle: b, width: st.width }).trimEnd() : st.none);
    }
    out.push('');
  }
  return out.join('\n');
}
