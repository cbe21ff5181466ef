// Reading office calendar days from a file for `calendar import`: CSV with a
// header (date,kind,name) or an iCalendar file of all-day events. Every
// problem is collected with its line number, so the whole file can be
// refused at once — nothing is imported unless every row is right.
import { parse } from 'csv-parse/sync';
import type { Params } from './errors.js';
import { addDays, isValidDate } from './time.js';
import type { DayKind } from './calendar.js';

export interface ImportDay {
  date: string;
  kind: DayKind;
  name: string | null;
  /** The line of the file the day comes from. */
  line: number;
}

export interface ImportProblem {
  line: number;
  /** A message key of output/i18n.ts. */
  key: string;
  params: Params;
}

export interface ImportResult {
  days: ImportDay[];
  problems: ImportProblem[];
}

/** Longest event an .ics may spread over days (a year). */
export const MAX_EVENT_DAYS = 366;
const MAX_NAME = 50;

/** 2026-10-09, and the 2026/10/9 a spreadsheet makes of it. */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidDate(date) ? date : null;
}

const HOLIDAY_WORDS = new Set(['holiday', 'off', '休', '假', '放假', '休息', '节假日']);
const WORKDAY_WORDS = new Set(['workday', 'work', 'on', '班', '上班', '补班', '工作日']);

/** holiday|workday, and the words an office writes for them (休, 班…). */
export function parseKind(text: string): DayKind | null {
  const k = text.trim().toLowerCase();
  if (HOLIDAY_WORDS.has(k)) return 'holiday';
  if (WORKDAY_WORDS.has(k)) return 'workday';
  return null;
}

// ── CSV ─────────────────────────────────────────────────────────────────────

interface CsvRecord {
  line: number;
  cells: string[];
}

/** Records (csv-parse, RFC 4180) with the line each starts on; quoted cells may hold commas, quotes and newlines. */
export function csvRecords(text: string): { records: CsvRecord[]; problem: ImportProblem | null } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { code?: string; lines?: number; message: string };
    if (!e.code?.startsWith('CSV_')) throw err;
    const line = Math.max(1, e.lines ?? 1);
    return {
      records: [],
      problem: e.code === 'CSV_QUOTE_NOT_CLOSED' ? { line, key: 'calendar.row.quote', params: {} } : { line, key: 'calendar.row.csv', params: { detail: e.message } },
    };
  }
  // csv-parse counts the line a record ends on; a quoted newline inside it moves its start back.
  const records = parsed.map((r) => ({
    line: r.info.lines - r.record.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
    cells: r.record,
  }));
  return { records, problem: null };
}

/** A cell export prefixed with ' against spreadsheet formulas (SPEC §9) loses the prefix again. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const HEADERS: Record<string, 'date' | 'kind' | 'name'> = {
  date: 'date', '日期': 'date', kind: 'kind', type: 'kind', '类型': 'kind', name: 'name', '名称': 'name', '说明': 'name',
};

export function parseCalendarCsv(text: string): ImportResult {
  const { records, problem } = csvRecords(text);
  const problems: ImportProblem[] = [];
  const days: ImportDay[] = [];
  if (problem) return { days, problems: [problem] };
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!rows.length) return { days, problems: [{ line: 1, key: 'calendar.import.empty', params: {} }] };
  const header = rows[0].cells.map((c) => HEADERS[c.trim().toLowerCase()]);
  const col = (name: 'date' | 'kind' | 'name') => header.indexOf(name);
  if (col('date') < 0 || col('kind') < 0) {
    return { days, problems: [{ line: rows[0].line, key: 'calendar.row.header', params: { found: rows[0].cells.join(',') } }] };
  }
  for (const r of rows.slice(1)) {
    const get = (name: 'date' | 'kind' | 'name') => (col(name) >= 0 ? unguard((r.cells[col(name)] ?? '').trim()) : '');
    if (r.cells.length > header.length) {
      problems.push({ line: r.line, key: 'calendar.row.columns', params: { count: r.cells.length, expected: header.length } });
      continue;
    }
    const date = normalizeDate(get('date'));
    const kind = parseKind(get('kind'));
    const name = get('name');
    if (date === null) problems.push({ line: r.line, key: 'calendar.row.date', params: { value: get('date') } });
    if (kind === null) problems.push({ line: r.line, key: 'calendar.row.kind', params: { value: get('kind') } });
    if (name.length > MAX_NAME) problems.push({ line: r.line, key: 'calendar.row.name', params: { max: MAX_NAME } });
    if (date !== null && kind !== null && name.length <= MAX_NAME) days.push({ date, kind, name: name || null, line: r.line });
  }
  if (!days.length && !problems.length) problems.push({ line: rows[0].line, key: 'calendar.import.empty', params: {} });
  return finish(days, problems);
}

// ── iCalendar ───────────────────────────────────────────────────────────────

interface IcsLine {
  line: number;
  name: string;
  params: string[];
  value: string;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits NAME;PARAMS:VALUE. */
function icsLines(text: string): IcsLine[] {
  const out: IcsLine[] = [];
  const raw = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  raw.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && out.length) {
      out[out.length - 1].value += l.slice(1);
      return;
    }
    if (!l.trim()) return;
    const colon = l.indexOf(':');
    const head = colon < 0 ? l : l.slice(0, colon);
    const [name, ...params] = head.split(';');
    out.push({ line: i + 1, name: name.trim().toUpperCase(), params: params.map((p) => p.toUpperCase()), value: colon < 0 ? '' : l.slice(colon + 1) });
  });
  return out;
}

function icsText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();
}

/** An all-day date value (20261001); null for a date-time or garbage. */
function icsDate(l: IcsLine): { date: string | null; timed: boolean } {
  const v = l.value.trim();
  if (/^\d{8}T/.test(v) || l.params.some((p) => p === 'VALUE=DATE-TIME')) return { date: null, timed: true };
  if (!/^\d{8}$/.test(v)) return { date: null, timed: false };
  const date = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  return { date: isValidDate(date) ? date : null, timed: false };
}

/** The trailing (休) / （班） a holiday calendar adds to its names. */
function cleanName(summary: string): string | null {
  const s = summary.replace(/\s*[(（]\s*[休班]\s*[)）]\s*$/, '').trim();
  return s ? s.slice(0, MAX_NAME) : null;
}

export function parseCalendarIcs(text: string): ImportResult {
  const days: ImportDay[] = [];
  const problems: ImportProblem[] = [];
  let ev: { line: number; start?: IcsLine; end?: IcsLine; duration?: IcsLine; summary: string; rrule: boolean } | null = null;
  let events = 0;
  for (const l of icsLines(text)) {
    if (l.name === 'BEGIN' && l.value.trim().toUpperCase() === 'VEVENT') {
      ev = { line: l.line, summary: '', rrule: false };
      continue;
    }
    if (!ev) continue;
    if (l.name === 'DTSTART') ev.start = l;
    else if (l.name === 'DTEND') ev.end = l;
    else if (l.name === 'DURATION') ev.duration = l;
    else if (l.name === 'SUMMARY') ev.summary = icsText(l.value);
    else if (l.name === 'RRULE' || l.name === 'RDATE') ev.rrule = true;
    else if (l.name === 'END' && l.value.trim().toUpperCase() === 'VEVENT') {
      events++;
      eventDays(ev, days, problems);
      ev = null;
    }
  }
  if (!events) problems.push({ line: 1, key: 'calendar.import.noEvents', params: {} });
  return finish(days, problems);
}

function eventDays(
  ev: { line: number; start?: IcsLine; end?: IcsLine; duration?: IcsLine; summary: string; rrule: boolean },
  days: ImportDay[], problems: ImportProblem[],
): void {
  if (ev.rrule) {
    problems.push({ line: ev.line, key: 'calendar.ics.repeat', params: {} });
    return;
  }
  if (!ev.start) {
    problems.push({ line: ev.line, key: 'calendar.ics.noStart', params: {} });
    return;
  }
  const start = icsDate(ev.start);
  if (start.date === null) {
    problems.push({ line: ev.start.line, key: start.timed ? 'calendar.ics.timed' : 'calendar.row.date', params: { value: ev.start.value.trim() } });
    return;
  }
  // DTEND is exclusive; without it (or a DURATION) an all-day event is one day.
  let end = addDays(start.date, 1);
  if (ev.end) {
    const e = icsDate(ev.end);
    if (e.date === null) {
      problems.push({ line: ev.end.line, key: e.timed ? 'calendar.ics.timed' : 'calendar.row.date', params: { value: ev.end.value.trim() } });
      return;
    }
    end = e.date;
  } else if (ev.duration) {
    const m = /^P(?:(\d+)W|(\d+)D)$/.exec(ev.duration.value.trim().toUpperCase());
    if (!m) {
      problems.push({ line: ev.duration.line, key: 'calendar.ics.duration', params: { value: ev.duration.value.trim() } });
      return;
    }
    end = addDays(start.date, m[1] ? Number(m[1]) * 7 : Number(m[2]));
  }
  if (end <= start.date) {
    problems.push({ line: (ev.end ?? ev.start).line, key: 'calendar.ics.range', params: { start: start.date, end } });
    return;
  }
  if (end > addDays(start.date, MAX_EVENT_DAYS)) {
    problems.push({ line: ev.start.line, key: 'calendar.ics.long', params: { max: MAX_EVENT_DAYS } });
    return;
  }
  const kind: DayKind = /班|workday/i.test(ev.summary) ? 'workday' : 'holiday';
  const name = cleanName(ev.summary);
  for (let d = start.date; d < end; d = addDays(d, 1)) days.push({ date: d, kind, name, line: ev.start.line });
}

/** A date given twice must agree on its kind; the first name given wins. */
function finish(days: ImportDay[], problems: ImportProblem[]): ImportResult {
  const seen = new Map<string, ImportDay>();
  const out: ImportDay[] = [];
  for (const d of days) {
    const before = seen.get(d.date);
    if (!before) {
      seen.set(d.date, d);
      out.push(d);
    } else if (before.kind !== d.kind) {
      problems.push({ line: d.line, key: 'calendar.row.conflict', params: { date: d.date, other: before.line } });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { days: out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)), problems };
}
