// Validating the rows of an imported register (SPEC §8 import, §15): every
// row is checked before anything is written, and every problem names its
// spreadsheet row and column. Rows come from what `export` writes (any header
// style) or from an office's own register with at least received time, name
// and description, read as the office keeps it: a result (处理结果) makes a
// complaint resolved, a call-back (回访情况/满意度, in words too) closed; an
// estate written inside the unit is split out; a subcategory gives the
// category. Pure: the caller reads the file and checks what only the
// database knows.
import type { Params } from './errors.js';
import {
  APPROVAL_LEVELS, CATEGORIES, CHANNELS, FOLLOW_UP_METHODS, KINDS, SEVERITIES, STATUSES, SUGGESTED_SUBCATEGORIES, VALIDITIES,
  type ApprovalLevel, type Category, type Channel, type Complaint, type Deadlines, type FollowUpMethod, type Instant, type Kind,
  type Severity, type Status, type Validity,
} from './types.js';
import { computeDeadlines, stepDue, type Clock } from './deadlines.js';
import { ruledSeverity } from './severity.js';
import { subjectOf } from './lifecycle.js';
import { normalizePhone } from './phone.js';
import { groupThousands, MAX_YUAN, parseYuan } from './money.js';
import { MAX_HOUSEHOLDS, readHouseholds } from './households.js';
import { countKey, MAX_SEQ, normalizeTicket, parseTicket, ticketCountTooLarge } from './ticket.js';
import { localDate, offsetMinutes, parseInstant, yearOf } from './time.js';
import { unneutralise } from './csv-columns.js';
import { NumberTable } from './number-table.js';
import { resolveEstate } from './estates.js';
import { categoryOfSubcategory, normalUnit, satisfactionIn, satisfactionOf, splitEstate } from './register-words.js';

export interface ImportContext extends Clock {
  now: Instant;
  actor: string;
  /** Estates the database knows: a unit that starts with one of them has it split out. */
  estates?: readonly string[];
  /** The office's listed estates: each name and alias → the estate's name (SPEC §16). */
  estateNames?: ReadonlyMap<string, string>;
}

export interface SourceRow {
  /** The spreadsheet's row number (the header's is headerRow; a cell with line breaks is one row). */
  line: number;
  cells: string[];
}

export interface RowProblem {
  /** The spreadsheet's row number. */
  line: number;
  /** The header text of the column as written in the file, or null for the whole row. */
  column: string | null;
  /** A message key under import.err.* */
  code: string;
  params: Params;
}

export interface ImportItem {
  line: number;
  complaint: Complaint;
  /** The office-local date received (YYYY-MM-DD): a new number's date and year. */
  date: string;
  /** The file's ticket when it is kept (ticket, year, seq); null: a new number is given. */
  kept: { year: number; seq: number } | null;
  /** A ticket text in the file that is not a ticket number; kept in the import event. */
  originalTicket: string | null;
  /** The estate was written inside the unit and split out of it. */
  estateSplit: boolean;
}

export interface Validated {
  items: ImportItem[];
  problems: RowProblem[];
}

export const REQUIRED_COLUMNS = ['receivedAt', 'name', 'description'] as const;

// Words a hand-made register uses for the enum values, beside the keys.
const WORDS: Record<string, Record<string, string>> = {
  channel: {
    来电: 'phone', 电话: 'phone', 来访: 'visit', 上门: 'visit', 来函: 'letter', 信件: 'letter', 传真: 'fax', 邮件: 'email', 'e-mail': 'email',
    网络: 'online', 业主群: 'online', '网络/业主群': 'online', 微信: 'online', 短信: 'sms', 转交: 'transfer', 其他: 'other',
  },
  kind: { 投诉: 'complaint', 建议: 'suggestion', 咨询: 'inquiry', 表扬: 'praise' },
  category: {
    规划设计: 'planning_design', 工程质量: 'construction_quality', 销售承诺: 'sales_promise', 物业管理: 'property_service',
    物业服务: 'property_service', 其他: 'other',
  },
  severity: { 一般: 'general', 重要: 'important', 重大: 'major' },
  validity: { 待核实: 'unverified', 有效: 'valid', 无效: 'invalid', 恶意: 'malicious' },
  status: {
    已登记: 'registered', 登记: 'registered', 待处理: 'registered', 未处理: 'registered',
    处理中: 'assigned', 已派单: 'assigned', 跟进中: 'assigned', 'in progress': 'assigned',
    已处理待回访: 'resolved', 已处理: 'resolved', 待回访: 'resolved', 已解决: 'resolved',
    已关闭: 'closed', 关闭: 'closed', 已结案: 'closed', 结案: 'closed', 已办结: 'closed', 办结: 'closed', 已完成: 'closed',
  },
  followUpMethod: { 电话: 'phone', 上门: 'visit', 短信: 'sms', 其他: 'other' },
  approvalLevel: { 部门负责人: 'department_head', 总经理: 'general_manager', 赔偿委员会: 'compensation_committee' },
  closeReason: {
    无效: 'invalid', 重复登记: 'duplicate', 撤诉: 'withdrawn', 并入群诉: 'merged', 联系不上: 'unreachable', 已回访: 'followed_up', 已答复: 'answered',
  },
  subcategory: {
    安保: 'security', 保洁: 'cleaning', 绿化: 'landscaping', 维修: 'repair', 停车: 'parking', 收费: 'fees', 噪音: 'noise',
    服务态度: 'attitude', 公共设施: 'facilities', 渗漏: 'leak',
  },
};

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '有', 'x', '√', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '无', '']);

const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601, or the way spreadsheets write it: 2026/9/5 9:05, 2026年9月5日. */
export function parseCellTime(text: string, tz: string): Instant | null {
  const s = text.trim();
  const direct = parseInstant(s, tz);
  if (direct !== null) return direct;
  const m = LOCAL.exec(s);
  if (!m) return null;
  const p = (v: string | undefined) => (v ?? '0').padStart(2, '0');
  const iso = `${m[1]}-${p(m[2])}-${p(m[3])}` + (m[4] !== undefined ? `T${p(m[4])}:${m[5]}:${p(m[6])}${m[7] ?? ''}${m[8] ?? ''}` : '');
  return parseInstant(iso, tz);
}

/** Checks every row; returns the complaints to write, or the problems. `onRow` hears of each row checked (a progress bar). */
export function validateRows(
  header: string[], keys: (string | null)[], rows: SourceRow[], k: ImportContext, headerRow = 1, onRow?: (done: number) => void,
): Validated {
  const items: ImportItem[] = [];
  const checker = rowChecker(header, keys, k, headerRow, estatesIn(keys, rows));
  const problems = [...checker.problems];
  if (problems.length) return { items, problems };
  for (const [n, row] of rows.entries()) {
    onRow?.(n);
    const item = checker.check(row, problems);
    if (item) items.push(item);
  }
  return { items, problems };
}

/** The estates a file writes in its estate column (each once): known to its unit column too. */
export function estatesIn(keys: readonly (string | null)[], rows: Iterable<SourceRow>): string[] {
  const at = keys.indexOf('estate');
  const found = new Set<string>();
  if (at < 0) return [];
  for (const r of rows) {
    const e = (r.cells[at] ?? '').trim();
    if (e !== '') found.add(e);
  }
  return [...found];
}

export interface RowChecker {
  /** The header's own problems (a required column missing): when there are any, no row is checked. */
  problems: RowProblem[];
  /**
   * Checks one row, in the file's order: its item, or null with its problems
   * added. A kept ticket whose year and count an earlier row of the file
   * keeps too is refused here; only each kept count and its row are
   * remembered, not the rows.
   */
  check(row: SourceRow, problems: RowProblem[]): ImportItem | null;
}

/** The check of each row of one file, its estates (the database's and the file's) known beforehand. */
export function rowChecker(header: string[], keys: (string | null)[], k: ImportContext, headerRow: number, fileEstates: readonly string[]): RowChecker {
  const problems: RowProblem[] = [];
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key !== null && !index.has(key)) index.set(key, i);
  });
  const headerOf = (key: string) => header[index.get(key)!] ?? key;
  for (const key of REQUIRED_COLUMNS) {
    if (!index.has(key)) problems.push({ line: headerRow, column: null, code: 'missingColumn', params: { column: key } });
  }
  // Kept tickets by their year and count (260910005 and 260911005 would both
  // be count 5 of 2026): the row and the ticket that keeps each.
  const counts = new NumberTable();
  const keptTickets: string[] = [];
  const keptLines: number[] = [];
  const deadlines = deadlineMemo(k);
  const estates = [...new Set([...(k.estates ?? []), ...fileEstates])];
  return {
    problems,
    check(row, out) {
      const item = validateRow(row, index, headerOf, header.length, k, out, deadlines, estates);
      if (!item || !item.kept) return item;
      const t = item.complaint.ticket;
      const key = countKey(item.kept.year, item.kept.seq);
      const other = counts.get(key);
      if (other !== undefined) {
        const otherTicket = keptTickets[other];
        const [code, params]: [string, Params] = otherTicket === t
          ? ['duplicateTicket', { value: t, other: keptLines[other] }]
          : ['duplicateCount', { value: t, year: item.kept.year, seq: item.kept.seq, ticket: otherTicket, other: keptLines[other] }];
        out.push({ line: row.line, column: headerOf('ticket'), code, params });
        return null;
      }
      counts.set(key, keptTickets.length);
      keptTickets.push(t);
      keptLines.push(row.line);
      return item;
    },
  };
}

/** A cell as the checks read it: the export's formula guard taken off, trimmed. */
function cellAt(cells: readonly string[], i: number | undefined): string {
  if (i === undefined || i < 0) return '';
  const cell = cells[i] ?? '';
  // Only a cell that starts with an apostrophe can carry the export's formula guard.
  return (cell.charCodeAt(0) === 39 ? unneutralise(cell) : cell).trim();
}

/** What a first read of a streamed import takes from a row: its numbers' facts, and the departments it names. */
export interface RowFacts {
  /** NaN when the time does not read (the row is refused when checked). */
  receivedAt: number;
  year: number;
  /** The ticket's year and count when it keeps one; 0 otherwise. */
  keptYear: number;
  keptSeq: number;
  department: string | null;
  responsible: string | null;
}

/** Reads a row's facts as validateRow reads the same cells. */
export function rowFactsReader(keys: readonly (string | null)[], tz: string): (row: SourceRow) => RowFacts {
  const [received, ticket, department, responsible] = (['receivedAt', 'ticket', 'department', 'responsible'] as const).map((k) => keys.indexOf(k));
  return (row) => {
    const text = cellAt(row.cells, received);
    const at = text ? parseCellTime(text, tz) : null;
    const written = cellAt(row.cells, ticket);
    const t = written ? normalizeTicket(written) : null;
    const kept = t === null ? null : parseTicket(t);
    return {
      receivedAt: at ?? NaN,
      year: at === null ? 0 : yearOf(localDate(at, tz)),
      keptYear: kept?.year ?? 0,
      keptSeq: kept?.seq ?? 0,
      department: cellAt(row.cells, department) || null,
      responsible: cellAt(row.cells, responsible) || null,
    };
  };
}

type Facts = Parameters<typeof computeDeadlines>[0];

/**
 * computeDeadlines for many rows: the working-day deadlines depend only on
 * the local days they count from, so they are worked out once per day.
 */
function deadlineMemo(k: ImportContext): (f: Facts) => Deadlines {
  // A procedure that times resolve or call-back in clock hours or minutes is
  // memoised by the instant instead (a rare setting; imports stay correct).
  const p = k.settings.procedure;
  const tables = [...Object.values(p.rules), ...Object.values(p.byKind), ...Object.values(p.byCategory)];
  const clockBased = tables.some((t) => ['resolve', 'follow_up'].some((step) => ['h', 'm'].includes(t?.[step]?.unit ?? '')));
  const day = (ms: Instant | null) => (ms === null ? 'n' : clockBased ? ms : Math.floor((ms + offsetMinutes(ms, k.tz) * 60_000) / 86_400_000));
  const memo = new Map<string, Deadlines>();
  return (f) => {
    const key = `${f.severity}|${f.kind}|${f.category}|${day(f.resolveFrom)}|${day(f.resolvedAt)}|${f.extendedUntil}`;
    let d = memo.get(key);
    if (!d) {
      if (memo.size > 100_000) memo.clear();
      d = computeDeadlines(f, k);
      memo.set(key, d);
    }
    // Contact may be counted in clock time from the very minute received: not memoised by day.
    return { ...d, contact: stepDue(f, 'contact', f.receivedAt, k)! };
  };
}

function validateRow(
  row: SourceRow, index: Map<string, number>, headerOf: (key: string) => string, width: number, k: ImportContext, problems: RowProblem[],
  deadlinesOf: (f: Facts) => Deadlines, estates: readonly string[],
): ImportItem | null {
  const before = problems.length;
  const { line } = row;
  if (row.cells.length > width && row.cells.slice(width).some((c) => c.trim() !== '')) {
    problems.push({ line, column: null, code: 'cellCount', params: { n: row.cells.length, m: width } });
    return null;
  }
  const has = (key: string) => index.has(key);
  const raw = (key: string): string => cellAt(row.cells, index.get(key));
  const bad = (key: string, code: string, params: Params = {}) => {
    problems.push({ line, column: headerOf(key), code, params: { value: raw(key), ...params } });
  };
  const str = (key: string): string | null => raw(key) || null;
  const required = (key: string): string => {
    const v = raw(key);
    if (!v) bad(key, 'required');
    return v;
  };
  const time = (key: string): Instant | null => {
    const v = raw(key);
    if (!v) return null;
    const at = parseCellTime(v, k.tz);
    if (at === null) bad(key, 'badTime');
    return at;
  };
  function choice<T extends string>(key: string, values: readonly T[], fallback: T): T;
  function choice<T extends string>(key: string, values: readonly T[], fallback: null): T | null;
  function choice<T extends string>(key: string, values: readonly T[], fallback: T | null): T | null {
    const v = raw(key);
    if (!v) return fallback;
    const lower = v.toLowerCase();
    if ((values as readonly string[]).includes(lower)) return lower as T;
    const word = WORDS[key]?.[v] ?? WORDS[key]?.[lower];
    if (word) return word as T;
    bad(key, 'badChoice', { allowed: values.join(', ') });
    return fallback;
  }
  const flag = (key: string): boolean => {
    const v = raw(key).toLowerCase();
    if (TRUE.has(v)) return true;
    if (!FALSE.has(v)) bad(key, 'badBool');
    return false;
  };
  const money = (key: string): number | null => {
    const v = raw(key);
    if (!v) return null;
    const fen = parseYuan(v);
    if (fen === null) bad(key, 'badMoney', { max: groupThousands(MAX_YUAN) });
    return fen;
  };

  // Ticket: kept when it is a ticket number; other text gets a new number.
  let ticket = '';
  let originalTicket: string | null = null;
  const ticketText = raw('ticket');
  if (ticketText) {
    const t = normalizeTicket(ticketText);
    if (t !== null) ticket = t;
    else if (ticketCountTooLarge(ticketText)) bad('ticket', 'ticketTooLarge', { max: groupThousands(MAX_SEQ) });
    else originalTicket = ticketText;
  }

  const receivedText = required('receivedAt');
  const receivedAt = receivedText ? time('receivedAt') : null;
  if (receivedAt !== null && receivedAt > k.now) bad('receivedAt', 'future');
  const receivedDate = receivedAt === null ? null : localDate(receivedAt, k.tz);
  if (ticket && receivedDate !== null && parseTicket(ticket).yymmdd !== receivedDate.slice(2).replace(/-/g, '')) {
    bad('ticket', 'ticketDate', { date: receivedDate });
  }

  const channel = choice<Channel>('channel', CHANNELS, 'other');
  const kind = choice<Kind>('kind', KINDS, 'complaint');
  const subcategoryOf = (text: string): string | null => WORDS.subcategory[text] ?? (SUGGESTED_SUBCATEGORIES as readonly string[]).find((s) => s === text.toLowerCase()) ?? null;
  // A register's one 类别 column often says 维修 or 保洁: a subcategory, which gives the category.
  const catText = raw('category');
  const catAsSub = catText && !WORDS.category[catText] && !(CATEGORIES as readonly string[]).includes(catText.toLowerCase()) ? subcategoryOf(catText) : null;
  let category = catAsSub ? categoryOfSubcategory(catAsSub) : choice<Category>('category', CATEGORIES, null);
  const subText = raw('subcategory');
  const subcategory = subText ? (subcategoryOf(subText) ?? subText) : catAsSub;
  category ??= subcategory === null ? null : categoryOfSubcategory(subcategory);
  const validity = choice<Validity>('validity', VALIDITIES, 'unverified');
  const name = required('name');
  const phoneText = raw('phone');
  let phone: string | null = null;
  if (phoneText) {
    phone = normalizePhone(phoneText);
    if (phone === null) bad('phone', phoneText.includes('*') ? 'maskedPhone' : 'badPhone');
  }
  const description = required('description');
  let households = 1;
  const hh = raw('households');
  if (hh) {
    const n = readHouseholds(hh);
    if (n !== null) households = n;
    else bad('households', 'badHouseholds', { max: groupThousands(MAX_HOUSEHOLDS) });
  }
  const claimFen = money('claim');
  const costFen = money('cost');
  const safety = flag('safety');
  const media = flag('media');
  const flagged = flag('flagged');
  const happenedAt = time('happenedAt');
  const possiblyInvalid = flag('possiblyInvalid');

  const contactedAt = time('contactedAt');
  const resolvedGiven = time('resolvedAt');
  const extendedUntil = time('extendedUntil');
  let closedAt = time('closedAt');
  for (const [key, at] of [['contactedAt', contactedAt], ['resolvedAt', resolvedGiven], ['closedAt', closedAt]] as const) {
    if (at !== null && receivedAt !== null && at < receivedAt) bad(key, 'beforeReceived');
    if (at !== null && at > k.now) bad(key, 'future');
  }

  // The call-back: a satisfaction 1–5 or its words (非常满意 … 很不满意), in its
  // column or said in the call-back note (回访情况); its time, else when the
  // complaint was closed or resolved (method defaults to phone).
  const satText = raw('satisfaction');
  const noteText = raw('followUpNote');
  const fuAt = time('followUpAt');
  const satisfaction = satText ? satisfactionOf(satText) : noteText ? satisfactionIn(noteText) : null;
  if (satText && satisfaction === null) bad('satisfaction', 'badSatisfaction');
  else if ((noteText || fuAt !== null) && satisfaction === null) {
    problems.push({ line, column: has('satisfaction') ? headerOf('satisfaction') : headerOf(noteText ? 'followUpNote' : 'followUpAt'), code: 'noSatisfaction', params: { value: noteText } });
  }
  const callBack = satisfaction !== null;
  const resolutionText = raw('resolution');

  const repeatText = raw('repeatOf');
  let repeatOf: string | null = null;
  if (repeatText) {
    repeatOf = normalizeTicket(repeatText);
    if (repeatOf === null) bad('repeatOf', 'badTicket');
  }

  const approvalLevel = choice<ApprovalLevel>('approvalLevel', APPROVAL_LEVELS, null);
  const department = str('department');

  // A result or a call-back without its time: resolved when first known
  // handled — the call-back or the closing, else the day it was received.
  let resolvedAt = resolvedGiven;
  if (resolvedAt === null && !raw('resolvedAt') && (resolutionText || callBack)) {
    resolvedAt = [fuAt, closedAt].filter((t): t is Instant => t !== null).sort((a, b) => a - b)[0] ?? receivedAt;
  }
  const method = choice<FollowUpMethod>('followUpMethod', FOLLOW_UP_METHODS, 'phone');
  const followUp: Complaint['followUp'] = callBack && resolvedAt !== null
    ? { at: fuAt ?? closedAt ?? resolvedAt, method, satisfaction: satisfaction!, note: str('followUpNote') }
    : null;

  // Status: from the file, else from what the row records — a call-back
  // closes; a result resolves a complaint and answers (closes) anything else.
  let status = choice<Status>('status', STATUSES, null);
  const inferred = status === null;
  status ??= closedAt !== null || followUp !== null ? 'closed'
    : resolvedAt !== null ? (kind === 'complaint' ? 'resolved' : 'closed')
      : department !== null ? 'assigned' : 'registered';
  let closeReason = str('closeReason') === null ? null : WORDS.closeReason[raw('closeReason')] ?? raw('closeReason');
  if (inferred && status === 'closed' && closeReason === null && closedAt === null) closeReason = followUp !== null ? 'followed_up' : kind !== 'complaint' ? 'answered' : null;
  if (status === 'resolved' && resolvedAt === null && !raw('resolvedAt')) {
    problems.push({ line, column: has('status') ? headerOf('status') : null, code: 'statusNeeds', params: { value: raw('status'), status, column: has('resolvedAt') ? headerOf('resolvedAt') : 'resolvedAt' } });
  }
  if (status === 'closed' && closedAt === null && !raw('closedAt')) {
    // A closed historical complaint without its closing time: closed when last handled.
    closedAt = followUp?.at ?? resolvedAt ?? receivedAt;
  }

  if (problems.length > before || receivedAt === null) return null;

  // The unit as the program writes it (3栋2单元1501 → 3-2-1501); an estate written inside it, split out.
  const unitText = str('unit');
  let estate = str('estate');
  let unit = unitText === null ? null : normalUnit(unitText);
  const split = estate === null && unitText !== null ? splitEstate(unitText, estates) : null;
  if (split) ({ estate, unit } = split);
  // An alias of a listed estate comes in as the estate's name, as at the desk.
  if (estate !== null && k.estateNames) estate = resolveEstate(k.estateNames, estate) ?? estate;

  const facts = { safety, media, households, claimFen, repeatOf };
  const severityText = raw('severity');
  const severity: Severity = severityText ? choice<Severity>('severity', SEVERITIES, 'general') : ruledSeverity('general', facts, k.settings);
  if (problems.length > before) return null;

  // Deadlines: as the file gives them, else as the office's rules give them
  // (worked out only when a due column is missing or empty: an exported
  // register gives all three, and computing them is a third of validation).
  let computed: Deadlines | null = null;
  const rule = (): Deadlines => (computed ??= deadlinesOf({ severity, kind, category, receivedAt, resolveFrom: receivedAt, resolvedAt, extendedUntil }));
  const due = (key: string, fallback: () => Instant | null): Instant | null => {
    if (!has(key)) return fallback();
    const v = raw(key);
    if (!v) return fallback();
    return time(key);
  };
  const deadlines = {
    contact: due('contactDue', () => rule().contact)!,
    resolve: due('resolveDue', () => rule().resolve)!,
    followUp: has('followUpDue') ? due('followUpDue', () => null) : rule().followUp,
  };
  if (problems.length > before) return null;

  const complaint: Complaint = {
    id: 0,
    ticket,
    receivedAt,
    channel,
    kind,
    category,
    subcategory,
    severity,
    validity,
    validityReason: str('validityReason'),
    status,
    complainant: { name, phone, estate, unit },
    subject: str('subject') ?? subjectOf(description),
    description,
    demand: str('demand'),
    receiver: str('receiver') ?? k.actor,
    department,
    assignee: str('assignee'),
    households,
    claimFen,
    safety,
    media,
    deadlines,
    resolveFrom: receivedAt,
    extendedUntil,
    contactedAt,
    lastContactAt: contactedAt,
    resolvedAt,
    resolution: str('resolution'),
    costFen,
    // A register's cost column is one payment, made when the complaint was resolved.
    payments: costFen !== null && costFen > 0 ? [{
      at: resolvedAt ?? closedAt ?? receivedAt, amountFen: costFen, responsible: str('responsible'),
      responsiblePerson: str('responsiblePerson'), approvalLevel, approvedBy: str('approvedBy'), reviewedBy: [],
    }] : [],
    responsible: str('responsible'),
    responsiblePerson: str('responsiblePerson'),
    approvedBy: str('approvedBy'),
    approvalLevel,
    followUp,
    attempts: [],
    closedAt,
    closeReason,
    duplicateOf: null,
    // A register gives no step times beyond its columns; an assigned row counts as dispatched when received.
    assignedAt: department !== null ? receivedAt : null,
    steps: {},
    // A register's rows come in as they are: reports up owed then are not known.
    reportUps: [],
    earlier: {},
    repeatOf,
    flagged,
    // A register file holds no rounds of talks.
    disagreedTalks: 0,
    // Nor approvals before the work, spot checks or confirmed groups; the incident and its cause are columns.
    approvals: [],
    audits: [],
    group: null,
    about: str('about'),
    happenedAt,
    place: str('place'),
    possiblyInvalid,
    cause: str('cause'),
    correctiveAction: str('correctiveAction'),
  };
  const kept = ticket ? (({ year, seq }) => ({ year, seq }))(parseTicket(ticket)) : null;
  return { line, complaint, date: receivedDate!, kept, originalTicket, estateSplit: split !== null };
}
