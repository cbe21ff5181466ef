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
export function truncate(s: string, width: number, measured?: number): string {
  // `measured`: the caller knows the display width already (a long cell measured once; walking it again cost `overdue` its text).
  if ((measured ?? displayWidth(s)) <= width) return s;
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
  /**
   * The free-text column (a subject): takes the width the others leave on a
   * line too wide for the terminal, cut with an ellipsis. Cut before any other.
   */
  fill?: boolean;
  /** A column that may be cut (a name, an estate) to no less than this, after the fill column. */
  min?: number;
  /** Only the header may be cut, to `min`, never a cell (figures). */
  keepCells?: boolean;
  /** Left out, lowest first, when the line is still too wide with every column cut to its least. */
  drop?: number;
}

/**
 * The fill column's width before the others are cut (a subject still reads as
 * one), and its least, before columns are left out (a few words still say what
 * it is about).
 */
const FILL_SOFT = 20;
const FILL_MIN = 10;
/** Columns are separated by two spaces. */
const GAP = 2;

/**
 * Each column's width on a line of at most `width` columns (-1: left out),
 * from the widths it needs (`natural`, its header's included; `cellWidths`,
 * its cells' alone): the fill column gives way first (to 20), then the
 * headers of figures, then the widest cuttable column a step at a time (to
 * its `min`), then the
 * fill column again (to 10), then columns are left out by their `drop`, the
 * fill column taking back what they leave. Columns that may not be cut (a
 * ticket, a time) keep their width; on a very narrow terminal every column
 * that may be cut is then cut to a few columns (SQUEEZED); a line still too
 * wide after all that is as narrow as it can be.
 */
export function fitColumns(columns: readonly Column[], natural: readonly number[], width: number, cellWidths: readonly number[] = natural): number[] {
  const widths = [...natural];
  const fill = columns.findIndex((c) => c.fill);
  let over = widths.reduce((sum, w) => sum + w + GAP, -GAP) - width;
  const cutFill = (least: number) => {
    if (fill < 0 || over <= 0) return;
    const cut = Math.max(0, Math.min(over, widths[fill] - least));
    widths[fill] -= cut;
    over -= cut;
  };
  cutFill(FILL_SOFT);
  // A column whose cells are kept is cut no narrower than its widest cell.
  const least = (i: number) => Math.min(natural[i], Math.max(columns[i].min ?? natural[i], columns[i].keepCells ? cellWidths[i] : 0));
  // Headers over figures are cut before any text: they lose less.
  for (const headersOnly of [true, false]) {
    while (over > 0) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (i !== fill && (!headersOnly || columns[i].keepCells) && widths[i] > least(i) && (widest < 0 || widths[i] > widths[widest])) widest = i;
      }
      if (widest < 0) break;
      widths[widest]--;
      over--;
    }
  }
  cutFill(FILL_MIN);
  const droppable = columns.map((_c, i) => i).filter((i) => columns[i].drop !== undefined).sort((a, b) => columns[a].drop! - columns[b].drop!);
  for (const i of droppable) {
    if (over <= 0) break;
    over -= widths[i] + GAP;
    widths[i] = -1;
  }
  // Room the left-out columns freed goes back to the fill column, up to what it needs.
  if (fill >= 0 && over < 0) widths[fill] = Math.min(natural[fill], widths[fill] - over);
  // Still too wide (a very narrow terminal): every column that may be cut is, widest first, to a few columns.
  while (over > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const cuttable = i === fill || columns[i].min !== undefined;
      if (cuttable && widths[i] > Math.max(SQUEEZED, columns[i].keepCells ? cellWidths[i] : 0) && (widest < 0 || widths[i] > widths[widest])) widest = i;
    }
    if (widest < 0) break;
    widths[widest]--;
    over--;
  }
  return widths;
}

/** The least a column is cut to on a very narrow terminal: a character or two and the ellipsis. */
const SQUEEZED = 4;

/**
 * A line of prose (a title, a heading) broken into lines of at most `width`
 * columns: after a space where there is one, else between characters (Chinese
 * has no spaces). Breaking it here keeps the terminal from breaking it anywhere.
 */
export function wrapLine(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (displayWidth(rest) > width) {
    const cut = truncate(rest, width + 1).slice(0, -1); // the most that fits, without the ellipsis
    const space = cut.lastIndexOf(' ');
    const at = space > 0 ? space : Math.max(1, cut.length);
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/**
 * Aligned columns separated by two spaces; one pass to measure, one to write,
 * so ten thousand rows cost milliseconds. Each cell is measured once, and the
 * widest is found by a loop (Math.max over a spread of every row overflows
 * the stack past about a hundred thousand rows). Control characters in a cell
 * are shown (visible-text.ts), a line break as ␤. `style` colours a cell after
 * padding.
 */
export function renderColumns(columns: Column[], rows: string[][], o: ColumnLineOptions = {}): string {
  const layout = columnLayout(columns, rows, o);
  return layout.header + layout.lines(0, rows.length);
}

export interface ColumnLineOptions {
  /** Colours a cell after padding. */
  style?: (col: number, text: string, row: number) => string;
  headerStyle?: (t: string) => string;
  /** Put before every line (an indented block). */
  indent?: string;
  /** The terminal's width: no line is wider (fitColumns), indent included. Unset: as wide as the cells. */
  width?: number;
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
  if (o.width !== undefined) {
    const cellWidths = columns.map((_c, i) => measured.reduce((w, m) => Math.max(w, m[i]), 0));
    widths.splice(0, widths.length, ...fitColumns(columns, widths, o.width - displayWidth(indent), cellWidths));
  }
  const shownCols = columns.map((_c, i) => i).filter((i) => widths[i] >= 0);
  const last = shownCols[shownCols.length - 1];
  // A cell wider than its column (cut to fit the terminal) is cut again, by display width.
  const fit = (v: string, i: number, w: number) => (w > widths[i] ? truncate(v, widths[i], w) : v);
  const pad = (v: string, i: number, w: number) => (i === last ? v : v + spaces(widths[i] - Math.min(w, widths[i])));
  const text = (cell: string | MeasuredCell) => (typeof cell === 'string' ? cell : cell.text());
  const line = (ri: number) => {
    const r = cells[ri];
    let out = '';
    let end = '';
    for (const i of shownCols) {
      const w = measured[ri][i];
      end = style(i, pad(fit(text(r[i]), i, w), i, w), ri);
      out += i === shownCols[0] ? end : '  ' + end;
    }
    // Only a line whose last cell ends blank has anything to trim: trimming every line copied each whole.
    return indent + (end === '' || /\s$/.test(end) ? out.trimEnd() : out) + '\n';
  };
  return {
    header: indent + shownCols.map((i) => {
      const w = displayWidth(columns[i].header);
      return headerStyle(pad(fit(columns[i].header, i, w), i, w));
    }).join('  ').trimEnd() + '\n',
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

/**
 * A file's size as a person reads it: 512 B, 12.3 KB, 4.5 MB, 2.1 GB (1 KB =
 * 1,024 bytes; one decimal below 100). JSON keeps the exact bytes.
 */
export function sizeText(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return `${bytes} B`;
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n < 100 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}
