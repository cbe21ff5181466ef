// Plain-text layout for people: display width of Chinese text, aligned
// columns in linear time (cli-table3 is quadratic in rows), relative times.
import type { Lang } from './i18n.js';
import { visible } from './visible-text.js';

/** Terminal columns a character takes: East Asian wide and full-width take two. */
function charWidth(cp: number): number {
  if (cp < 0x1100) return cp < 0x20 ? 0 : 1;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

const ANSI = /\x1b\[[0-9;]*m/g;

export function displayWidth(s: string): number {
  // Indexed, not iterated: a list of twenty thousand rows measures a hundred thousand cells.
  const text = s.includes('\x1b') ? s.replace(ANSI, '') : s;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x1100) {
      w++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++; // the pair's second half
    w += charWidth(cp);
  }
  return w;
}

/** Cuts text to a display width, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  // Where to cut, by code point; then one slice (a list of twenty thousand subjects cuts most of them).
  let end = 0;
  let w = 0;
  while (end < s.length) {
    const cp = s.codePointAt(end)!;
    const cw = charWidth(cp);
    if (w + cw > width - 1) break;
    w += cw;
    end += cp > 0xffff ? 2 : 1;
  }
  return s.slice(0, end) + '…';
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export interface Column {
  header: string;
  /** Longest display width before truncation. */
  max?: number;
}

/**
 * Aligned columns separated by two spaces; one pass to measure, one to write,
 * so ten thousand rows cost milliseconds. Each cell is measured once, and the
 * widest is found by a loop (Math.max over a spread of every row overflows
 * the stack past about a hundred thousand rows). Control characters in a cell
 * are shown (visible-text.ts), a line break as ␤. `style` colours a cell after
 * padding.
 */
export function renderColumns(
  columns: Column[], rows: string[][], style: (col: number, text: string, row: number) => string = (_c, t) => t,
  headerStyle: (t: string) => string = (t) => t,
): string {
  const layout = columnLayout(columns, rows, { style, headerStyle });
  return layout.header + layout.lines(0, rows.length);
}

export interface ColumnLineOptions {
  /** Colours a cell after padding. */
  style?: (col: number, text: string, row: number) => string;
  headerStyle?: (t: string) => string;
  /** Put before every line (an indented block). */
  indent?: string;
}

/**
 * A cell of the program's own wording whose display width is known before its
 * text is made; the text, already made visible, is made only when its line is
 * written. `overdue` words each late step from a few memoised parts: scanning
 * its long cells again for controls and width, and holding every cell's text
 * until the last row was measured, were most of the list's time.
 */
export interface MeasuredCell {
  width: number;
  text(): string;
}

/**
 * Lines in a piece of columnLines: few enough to write as they come, enough
 * that the generator (and every generator delegating to it) is resumed once
 * per few hundred lines, not once per line.
 */
const LINES_PER_PIECE = 256;

/**
 * renderColumns a piece at a time (whole lines, each with its newline), for a
 * list long enough to be written as it is made: `overdue` under a procedure
 * of many steps has cells hundreds of columns wide, and building the block as
 * one string (then indenting it) made megabytes of garbage.
 */
export function* columnLines(columns: Column[], rows: (string | MeasuredCell)[][], o: ColumnLineOptions = {}): Generator<string> {
  const layout = columnLayout(columns, rows, o);
  yield layout.header;
  for (let at = 0; at < rows.length; at += LINES_PER_PIECE) yield layout.lines(at, Math.min(rows.length, at + LINES_PER_PIECE));
}

/** The columns' widths, measured once; then the header and any run of rows as text. */
function columnLayout(columns: Column[], rows: (string | MeasuredCell)[][], o: ColumnLineOptions) {
  const style = o.style ?? ((_c, t) => t);
  const headerStyle = o.headerStyle ?? ((t) => t);
  const indent = o.indent ?? '';
  const widths = columns.map((c) => displayWidth(c.header));
  // Each cell as it will be shown (a measured one stays as it is, its text made later) and its width.
  const cells: (string | MeasuredCell)[][] = [];
  const measured: number[][] = [];
  for (const row of rows) {
    const shown: (string | MeasuredCell)[] = [];
    const ws: number[] = [];
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      const max = columns[i].max;
      let w: number;
      if (typeof cell === 'string' || (max !== undefined && cell.width > max)) {
        const text = typeof cell === 'string' ? visible(cell) : cell.text();
        const cut = max ? truncate(text, max) : text;
        shown.push(cut);
        w = displayWidth(cut);
      } else {
        shown.push(cell);
        w = cell.width;
      }
      ws.push(w);
      if (w > widths[i]) widths[i] = w;
    }
    cells.push(shown);
    measured.push(ws);
  }
  const last = columns.length - 1;
  const pad = (v: string, i: number, w: number) => (i === last ? v : v + spaces(widths[i] - w));
  const text = (cell: string | MeasuredCell) => (typeof cell === 'string' ? cell : cell.text());
  const line = (ri: number) => {
    const r = cells[ri];
    let out = style(0, pad(text(r[0]), 0, measured[ri][0]), ri);
    let end = out;
    for (let i = 1; i < r.length; i++) out += '  ' + (end = style(i, pad(text(r[i]), i, measured[ri][i]), ri));
    // Only a line whose last cell ends blank has anything to trim: trimming every line copied each whole.
    return indent + (end === '' || /\s$/.test(end) ? out.trimEnd() : out) + '\n';
  };
  return {
    header: indent + columns.map((c, i) => headerStyle(pad(c.header, i, displayWidth(c.header)))).join('  ').trimEnd() + '\n',
    /** Rows [from, to), each a line. */
    lines: (from: number, to: number) => {
      let out = '';
      for (let ri = from; ri < to; ri++) out += line(ri);
      return out;
    },
  };
}

/** Runs of spaces for padding, made once per width: a long list pads every row to the same few widths. */
const spaceRuns: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  return spaceRuns[n] ??= ' '.repeat(n);
}

/** Tab-separated, header first: what a pipe gets. Tabs, line breaks and other controls inside cells are shown (␉, ␤, ␛). */
export function renderTsv(headers: string[], rows: string[][]): string {
  return tsvLine(headers) + rows.map(tsvLine).join('');
}

/** One tab-separated line, newline included: for output written a row at a time. */
export function tsvLine(cells: string[]): string {
  return cells.map(visible).join('\t') + '\n';
}

/** "3 h ago", "in 2 d", "3小时前" — for terminals only; pipes get ISO times. */
export function relativeTime(ms: number, now: number, lang: Lang): string {
  const diff = ms - now;
  const a = Math.abs(diff);
  const units: [number, string, string][] = [
    [86_400_000, 'd', '天'], [3_600_000, 'h', '小时'], [60_000, 'min', '分钟'],
  ];
  for (const [size, en, zh] of units) {
    if (a >= size) {
      const n = Math.floor(a / size);
      if (lang === 'zh') return diff < 0 ? `${n}${zh}前` : `${n}${zh}后`;
      return diff < 0 ? `${n} ${en} ago` : `in ${n} ${en}`;
    }
  }
  return lang === 'zh' ? '刚刚' : 'just now';
}
