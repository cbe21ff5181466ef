// The CSV register (SPEC §9): one column list that both `export` writes and
// `import` reads, with its key, English and Chinese headers, how each cell
// comes from a complaint, formula neutralising, and header recognition for
// hand-made spreadsheets. Pure: no files, no database.
import type { Complaint, Instant } from './types.js';
import { maskPhone, maskPhones } from './phone.js';
import { dateOfDay, formatOffset, offsetMinutes } from './time.js';

export { HEADER_STYLES, type HeaderStyle } from './types.js';
import type { HeaderStyle } from './types.js';

export interface CsvColumn {
  key: string;
  en: string;
  zh: string;
  /** Other headers a hand-made register may use for it. */
  aliases?: string[];
}

/** Cell formatting for one export: the office's zone and whether to mask phones (the phone column, and any phone-shaped number in text). */
export interface CellFormat {
  iso: (ms: Instant | null) => string;
  mask: boolean;
  /** Values in words (--headers zh, SPEC §15): enum keys as their labels, flags as yes/no; absent: the round-trip form. */
  words?: ValueWords;
}

/** How a spreadsheet reader's values are worded: labels for the enum columns, and the two flag words. */
export interface ValueWords {
  /** The label of an enum key, e.g. ('status', 'closed') → 已关闭; an unknown key (free subcategory text) as it is. */
  label: (family: string, key: string) => string;
  yes: string;
  no: string;
}

/**
 * The columns whose values are keys of a listed set, and the label family
 * each is worded from (i18n's status.*, channel.* …). Free subcategory text
 * and an old register's close reason have no label and stay as written.
 */
export const VALUE_FAMILIES: Readonly<Record<string, string>> = {
  channel: 'channel', kind: 'kind', category: 'category', subcategory: 'subcategory', severity: 'severity', validity: 'validity',
  status: 'status', approvalLevel: 'approval', followUpMethod: 'method', closeReason: 'closeReason',
};

type Getter = (c: Complaint, f: CellFormat) => string;

const text = (v: string | null): string => v ?? '';
const yuan = (fen: number | null): string => (fen === null ? '' : (fen / 100).toFixed(2));
const bool = (b: boolean): string => (b ? 'true' : 'false');

interface ColumnDef extends CsvColumn {
  get: Getter;
}

const DEFS: ColumnDef[] = [
  { key: 'ticket', en: 'Ticket', zh: '编号', aliases: ['投诉编号', '单号', '工单号', '编码', 'ticket no'], get: (c) => c.ticket },
  { key: 'receivedAt', en: 'Received', zh: '受理时间', aliases: ['投诉时间', '接报时间', '来电时间', '受理日期', '投诉日期', '登记时间', '日期', '时间', 'received at', 'date'], get: (c, f) => f.iso(c.receivedAt) },
  { key: 'channel', en: 'Channel', zh: '渠道', aliases: ['投诉渠道', '来源', '投诉方式'], get: (c) => c.channel },
  { key: 'kind', en: 'Kind', zh: '类型', aliases: ['投诉类型'], get: (c) => c.kind },
  { key: 'category', en: 'Category', zh: '类别', aliases: ['投诉类别', '分类'], get: (c) => text(c.category) },
  { key: 'subcategory', en: 'Subcategory', zh: '子类', aliases: ['小类', '细类'], get: (c) => text(c.subcategory) },
  { key: 'severity', en: 'Severity', zh: '级别', aliases: ['等级', '严重程度'], get: (c) => c.severity },
  { key: 'validity', en: 'Validity', zh: '有效性', get: (c) => c.validity },
  { key: 'validityReason', en: 'Validity reason', zh: '有效性说明', get: (c) => text(c.validityReason) },
  { key: 'status', en: 'Status', zh: '状态', aliases: ['处理状态'], get: (c) => c.status },
  { key: 'name', en: 'Complainant', zh: '投诉人', aliases: ['姓名', '客户姓名', '投诉人姓名', '业主', '业主姓名', '客户', '联系人', 'name'], get: (c) => c.complainant.name },
  { key: 'phone', en: 'Phone', zh: '电话', aliases: ['联系电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'], get: (c, f) => (c.complainant.phone === null ? '' : f.mask ? maskPhone(c.complainant.phone) : c.complainant.phone) },
  { key: 'estate', en: 'Estate', zh: '项目', aliases: ['小区', '项目名称', '楼盘'], get: (c) => text(c.complainant.estate) },
  { key: 'unit', en: 'Unit', zh: '房号', aliases: ['房间号', '楼栋房号', '房屋', '地址'], get: (c) => text(c.complainant.unit) },
  { key: 'subject', en: 'Subject', zh: '主题', aliases: ['标题'], get: (c) => c.subject },
  { key: 'description', en: 'Description', zh: '投诉内容', aliases: ['内容', '问题描述', '投诉事项', '事项', '反映问题', '详情', '描述'], get: (c) => c.description },
  { key: 'demand', en: 'Demand', zh: '诉求', aliases: ['客户诉求', '要求', '客户要求'], get: (c) => text(c.demand) },
  { key: 'receiver', en: 'Received by', zh: '首问责任人', aliases: ['受理人', '接待人', '登记人'], get: (c) => c.receiver },
  { key: 'department', en: 'Department', zh: '责任部门', aliases: ['部门', '处理部门'], get: (c) => text(c.department) },
  { key: 'assignee', en: 'Assignee', zh: '处理人', aliases: ['跟进人', '经办人'], get: (c) => text(c.assignee) },
  { key: 'households', en: 'Households', zh: '涉及户数', aliases: ['户数'], get: (c) => String(c.households) },
  { key: 'claim', en: 'Claim', zh: '索赔金额', get: (c) => yuan(c.claimFen) },
  { key: 'safety', en: 'Safety hazard', zh: '安全隐患', get: (c) => bool(c.safety) },
  { key: 'media', en: 'Media / regulator', zh: '媒体/监管介入', get: (c) => bool(c.media) },
  { key: 'contactDue', en: 'Contact due', zh: '首次联系时限', get: (c, f) => f.iso(c.deadlines.contact) },
  { key: 'resolveDue', en: 'Resolve due', zh: '处理时限', get: (c, f) => f.iso(c.deadlines.resolve) },
  { key: 'followUpDue', en: 'Call-back due', zh: '回访时限', get: (c, f) => f.iso(c.deadlines.followUp) },
  { key: 'extendedUntil', en: 'Extended until', zh: '延期至', get: (c, f) => f.iso(c.extendedUntil) },
  { key: 'contactedAt', en: 'First contact', zh: '首次联系时间', get: (c, f) => f.iso(c.contactedAt) },
  { key: 'resolvedAt', en: 'Resolved', zh: '处理时间', aliases: ['完成时间', '处理完成时间'], get: (c, f) => f.iso(c.resolvedAt) },
  { key: 'resolution', en: 'Resolution', zh: '处理结果', aliases: ['处理情况', '处理意见', '处理措施'], get: (c) => text(c.resolution) },
  { key: 'cost', en: 'Cost', zh: '赔偿/费用', aliases: ['费用', '赔偿金额'], get: (c) => yuan(c.costFen) },
  { key: 'responsible', en: 'Responsible', zh: '责任方', get: (c) => text(c.responsible) },
  { key: 'responsiblePerson', en: 'Responsible person', zh: '责任人', get: (c) => text(c.responsiblePerson) },
  { key: 'approvedBy', en: 'Approved by', zh: '审批人', get: (c) => text(c.approvedBy) },
  { key: 'approvalLevel', en: 'Approval level', zh: '审批级别', get: (c) => text(c.approvalLevel) },
  { key: 'followUpAt', en: 'Called back', zh: '回访时间', get: (c, f) => f.iso(c.followUp?.at ?? null) },
  { key: 'followUpMethod', en: 'Call-back method', zh: '回访方式', get: (c) => text(c.followUp?.method ?? null) },
  { key: 'satisfaction', en: 'Satisfaction', zh: '满意度', aliases: ['回访满意度'], get: (c) => (c.followUp ? String(c.followUp.satisfaction) : '') },
  { key: 'followUpNote', en: 'Call-back note', zh: '回访记录', aliases: ['回访情况', '回访意见'], get: (c) => text(c.followUp?.note ?? null) },
  { key: 'closedAt', en: 'Closed', zh: '关闭时间', aliases: ['结案时间'], get: (c, f) => f.iso(c.closedAt) },
  { key: 'closeReason', en: 'Close reason', zh: '关闭原因', get: (c) => text(c.closeReason) },
  { key: 'repeatOf', en: 'Repeat of', zh: '重复投诉', get: (c) => text(c.repeatOf) },
  { key: 'flagged', en: 'For management meeting', zh: '提交管理层会议', get: (c) => bool(c.flagged) },
  // Accountability (SPEC §12): the incident, and its cause and correction.
  { key: 'about', en: 'About', zh: '被投诉对象', aliases: ['被投诉人', '被投诉部门'], get: (c) => text(c.about) },
  { key: 'happenedAt', en: 'Happened', zh: '事发时间', aliases: ['发生时间'], get: (c, f) => f.iso(c.happenedAt) },
  { key: 'place', en: 'Place', zh: '事发地点', aliases: ['地点', '发生地点'], get: (c) => text(c.place) },
  { key: 'possiblyInvalid', en: 'Possibly invalid', zh: '疑似无效', get: (c) => bool(c.possiblyInvalid) },
  { key: 'cause', en: 'Cause', zh: '原因分析', aliases: ['投诉原因', '原因'], get: (c) => text(c.cause) },
  { key: 'correctiveAction', en: 'Corrective action', zh: '改善措施', aliases: ['整改措施', '改善对策', '纠正措施'], get: (c) => text(c.correctiveAction) },
];

export const CSV_COLUMNS: readonly CsvColumn[] = DEFS.map(({ get: _g, ...col }) => col);
export type ColumnKey = string;

export function headerRow(style: HeaderStyle): string[] {
  return DEFS.map((d) => (style === 'keys' ? d.key : d[style]));
}

/**
 * What the database hands `export` for a column (src/storage/export-rows.ts),
 * and so how its cell is written (src/domain/csv-lines.ts): text as it is;
 * an instant (ms) in ISO with the office's offset; fen as yuan; 0/1 as
 * false/true; a number in decimal; a phone, masked on request. Each must
 * give the same text as the column's getter above.
 */
export type RawCell = 'text' | 'time' | 'yuan' | 'bool' | 'number' | 'phone';

const NOT_TEXT: Record<string, RawCell> = {
  receivedAt: 'time', phone: 'phone', households: 'number', claim: 'yuan', safety: 'bool', media: 'bool',
  contactDue: 'time', resolveDue: 'time', followUpDue: 'time', extendedUntil: 'time', contactedAt: 'time',
  resolvedAt: 'time', cost: 'yuan', followUpAt: 'time', satisfaction: 'number', closedAt: 'time', flagged: 'bool',
  happenedAt: 'time', possiblyInvalid: 'bool',
};

/** The raw cell kind of each column, in column order. */
export const RAW_CELLS: readonly RawCell[] = DEFS.map((d) => NOT_TEXT[d.key] ?? 'text');

/** The cells of one complaint, in column order, masked when asked, neutralised for spreadsheets. */
export function complaintCells(c: Complaint, f: CellFormat): string[] {
  const out = new Array<string>(DEFS.length);
  for (let i = 0; i < DEFS.length; i++) {
    let cell = DEFS[i].get(c, f);
    if (f.words && cell !== '') {
      const family = VALUE_FAMILIES[DEFS[i].key];
      if (family) cell = f.words.label(family, cell);
      else if (RAW_CELLS[i] === 'bool') cell = cell === 'true' ? f.words.yes : f.words.no;
    }
    out[i] = neutralise(f.mask && RAW_CELLS[i] === 'text' ? maskPhones(cell) : cell);
  }
  return out;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR, and the
// full-width ＝ ＋ － ＠ that a Chinese input method types and a spreadsheet
// reads the same) gets a leading apostrophe. A cell that already is
// apostrophes before such a character gets one more, so that import (which
// removes exactly one) gives back the original text.
const FORMULA = /^'*[=+\-@\t\r＝＋－＠]/;
const NEUTRALISED = /^'+[=+\-@\t\r＝＋－＠]/;

// The characters a neutralised cell can start with, by char code: a cell
// starting with anything else (a letter, a Chinese character) skips the regex.
const FORMULA_FIRST = new Uint8Array(65);
for (const ch of "'=+-@\t\r") FORMULA_FIRST[ch.charCodeAt(0)] = 1;
const FULL_WIDTH_FIRST = new Set([...'＝＋－＠'].map((ch) => ch.charCodeAt(0)));

export function neutralise(cell: string): string {
  const first = cell.charCodeAt(0);
  return (first < 65 ? FORMULA_FIRST[first] === 1 && FORMULA.test(cell) : first >= 0xff0b && FULL_WIDTH_FIRST.has(first)) ? `'${cell}` : cell;
}

export function unneutralise(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

function normHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/[（(].*[)）]$/, '').trim();
}

const BY_HEADER = new Map<string, string>();
for (const d of DEFS) {
  for (const h of [d.key, d.en, d.zh, ...(d.aliases ?? [])]) {
    const n = normHeader(h);
    if (!BY_HEADER.has(n)) BY_HEADER.set(n, d.key);
  }
}

export interface RecognisedHeader {
  /** The column key of each header cell, or null when not recognised. */
  keys: (string | null)[];
  unknown: string[];
  /** Keys named by more than one header cell. */
  duplicates: { key: string; headers: string[] }[];
}

/** Maps a header row (keys, English, Chinese, or a hand-made register's words) to column keys. */
export function recogniseHeaders(header: string[]): RecognisedHeader {
  const keys = header.map((h) => BY_HEADER.get(normHeader(h)) ?? null);
  const unknown = header.filter((h, i) => keys[i] === null && h.trim() !== '');
  const seen = new Map<string, string[]>();
  keys.forEach((k, i) => {
    if (k !== null) seen.set(k, [...(seen.get(k) ?? []), header[i]]);
  });
  const duplicates = [...seen].filter(([, hs]) => hs.length > 1).map(([key, headers]) => ({ key, headers }));
  return { keys, unknown, duplicates };
}

export function columnOf(key: string): CsvColumn | undefined {
  return CSV_COLUMNS.find((c) => c.key === key);
}

/**
 * Local time to the minute, as a spreadsheet user reads it (2026-11-16
 * 09:10): the values of --headers zh. No offset: the office's zone is meant.
 */
export function minuteFormatter(tz: string): (ms: Instant | null) => string {
  const iso = isoFormatter(tz);
  return (ms) => {
    const s = iso(ms);
    return s === '' ? '' : `${s.slice(0, 10)} ${s.slice(11, 16)}`;
  };
}

const DAY = 86_400_000;
/** 10000-01-01: from there Date's ISO text has six-digit years. */
const YEAR_10000 = 253_402_300_800_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * isoLocal (2026-09-12T10:00:00+08:00) for an export's nine instants a row,
 * as Date's ISO text would write it: the offset comes from offsetMinutes
 * (cached per quarter hour, none needed for fixed zones), its text is made
 * again only when it changes, each day's date once (dateOfDay), and the
 * clock from a table of two-digit numbers, with no Date per cell.
 */
export function isoFormatter(tz: string): (ms: Instant | null) => string {
  let lastMinutes = NaN;
  let lastOffset = '';
  return (ms) => {
    if (ms === null) return '';
    const minutes = offsetMinutes(ms, tz);
    if (minutes !== lastMinutes) {
      lastMinutes = minutes;
      lastOffset = formatOffset(minutes);
    }
    const local = Math.floor(ms / 1000) * 1000 + minutes * 60_000;
    if (!(local >= 0 && local < YEAR_10000)) return new Date(local).toISOString().slice(0, 19) + lastOffset;
    const day = Math.floor(local / DAY);
    const second = ((local - day * DAY) / 1000) | 0;
    return dateOfDay(day) + 'T' + TWO[(second / 3600) | 0] + ':' + TWO[((second % 3600) / 60) | 0] + ':' + TWO[second % 60] + lastOffset;
  };
}
