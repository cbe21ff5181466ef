// A report is data; this module lays it out once as labelled sections, and
// each format (terminal, Markdown, CSV, HTML) only draws sections and charts.
import { officeRow, type OfficeRow, type Report } from '../domain/report.js';
import { NONE } from '../domain/report.js';
import type { Translator } from './i18n.js';
import { formatYuan } from '../domain/money.js';

export type Raw = string | number | null;

export interface FigureRow {
  key: string;
  label: string;
  /** The value as JSON has it (fractions for rates, yuan for money). */
  raw: Raw;
  /** The value as a person reads it (87.5%, 1,200.00, —). */
  text: string;
  /** What raw measures, for a typed cell (a workbook): a fraction shown as a percentage, or yuan; else a count. */
  unit?: 'rate' | 'yuan';
}

export type Section =
  | { kind: 'figures'; id: string; title: string; rows: FigureRow[] }
  | { kind: 'table'; id: string; title: string; keys: string[]; headers: string[]; rows: string[][] };

export interface ChartBar {
  label: string;
  value: number;
}

export interface ReportLayout {
  title: string;
  period: string;
  /** When the figures were computed (ISO). */
  computedAt: string;
  /** The same said to a person: computed now, or a stored snapshot as computed then (and stale since). */
  provenance: string;
  sections: Section[];
  charts: {
    trend: ChartBar[];
    categories: ChartBar[];
    satisfaction: ChartBar[];
    /** Rates as percentages 0–100; null when nothing was counted. */
    rates: { label: string; value: number | null }[];
  };
}

export function percent(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

export function yuan(n: number): string {
  return formatYuan(Math.round(n * 100));
}

const num = (n: number | null) => (n === null ? '—' : String(n));

const OFFICE_COLUMNS = [
  'code', 'name', 'received', 'resolved', 'resolvedOnTimeRate', 'followUpRate', 'satisfactionRate', 'compensation', 'openAtEnd', 'overdueAtEnd',
] as const;

const BY_COLUMNS = [
  'key', 'received', 'valid', 'atFault', 'stepsLate', 'resolvedOnTimeRate', 'callBackOnTimeRate', 'satisfactionRate', 'payments',
] as const;

/** The figures per department, person or receiver (SPEC §12): a row each, most complaints first. */
function bySection(r: Report, t: Translator): Section {
  const by = r.by!;
  return {
    kind: 'table', id: 'by', title: t.l(`report.by.${by.dimension}`),
    keys: [...BY_COLUMNS],
    headers: BY_COLUMNS.map((k) => (k === 'key' ? t.l(`report.byKey.${by.dimension}`) : t.l(`report.byCol.${k}`))),
    rows: by.rows.map((row) => [
      row.key === NONE ? t.l('report.none') : row.key, String(row.received), String(row.valid), String(row.atFault),
      `${row.stepsLate} / ${row.stepsDue}`, percent(row.resolvedOnTimeRate), percent(row.callBackOnTimeRate), percent(row.satisfactionRate),
      yuan(row.payments),
    ]),
  };
}

/** A group report's row per office, then the group's own line. */
function officesSection(r: Report, t: Translator): Section {
  const line = (code: string, name: string, o: Omit<OfficeRow, 'code' | 'name'>) => [
    code, name, String(o.received), String(o.resolved), percent(o.resolvedOnTimeRate), percent(o.followUpRate),
    percent(o.satisfactionRate), yuan(o.compensation), String(o.openAtEnd), String(o.overdueAtEnd),
  ];
  return {
    kind: 'table', id: 'offices', title: t.l('report.offices'),
    keys: [...OFFICE_COLUMNS],
    headers: OFFICE_COLUMNS.map((k) => t.l(`report.office.${k}`)),
    rows: [
      ...r.offices!.map((o) => line(o.code, o.name, o)),
      line('', t.l('report.groupTotal'), officeRow('', '', r)),
    ],
  };
}

export function layoutReport(r: Report, t: Translator): ReportLayout {
  const l = (k: string) => t.l(k);
  const keyLabel = (prefix: string, key: string) => (key === NONE ? l('report.none') : prefix ? t.l(`${prefix}.${key}`) : key);
  const fig = (key: string, raw: Raw, text: string): FigureRow => ({ key, label: l(`report.${key}`), raw, text, ...(key.endsWith('Rate') ? { unit: 'rate' as const } : {}) });
  const breakdown = (id: keyof Report & `by${string}`, prefix: string): Section => ({
    kind: 'figures', id, title: l(`report.${id}`),
    rows: Object.entries(r[id] as Record<string, number>).map(([k, n]) => ({ key: k, label: keyLabel(prefix, k), raw: n, text: String(n) })),
  });
  const sections: Section[] = [
    {
      kind: 'figures', id: 'summary', title: l('report.summary'), rows: [
        fig('received', r.received, String(r.received)),
        fig('invalid', r.invalid, String(r.invalid)),
        fig('contactedOnTimeRate', r.contactedOnTimeRate, percent(r.contactedOnTimeRate)),
        fig('resolved', r.resolved, String(r.resolved)),
        fig('resolvedOnTime', r.resolvedOnTime, String(r.resolvedOnTime)),
        fig('resolvedOnTimeRate', r.resolvedOnTimeRate, percent(r.resolvedOnTimeRate)),
        fig('extended', r.extended, String(r.extended)),
        fig('medianResolveWorkdays', r.medianResolveWorkdays, num(r.medianResolveWorkdays)),
        fig('meanResolveWorkdays', r.meanResolveWorkdays, num(r.meanResolveWorkdays)),
        fig('followUpRate', r.followUpRate, percent(r.followUpRate)),
        fig('satisfactionRate', r.satisfactionRate, percent(r.satisfactionRate)),
        fig('repeats', r.repeats, String(r.repeats)),
        fig('escalated', r.escalated, String(r.escalated)),
        fig('openAtEnd', r.openAtEnd, String(r.openAtEnd)),
        fig('overdueAtEnd', r.overdueAtEnd, String(r.overdueAtEnd)),
        { key: 'compensation.total', label: l('report.compensationTotal'), raw: r.compensation.total, text: yuan(r.compensation.total), unit: 'yuan' },
      ],
    },
    breakdown('byKind', 'kind'),
    breakdown('byCategory', 'category'),
    breakdown('bySubcategory', 'subcategory'),
    breakdown('bySeverity', 'severity'),
    breakdown('byChannel', 'channel'),
    breakdown('byDepartment', ''),
    breakdown('byEstate', ''),
    {
      kind: 'figures', id: 'satisfaction', title: l('report.satisfaction'),
      rows: Object.entries(r.satisfaction).map(([k, n]) => ({ key: k, label: `${k} ${l(`satisfaction.${k}`)}`, raw: n, text: String(n) })),
    },
    {
      kind: 'figures', id: 'compensation', title: l('report.compensation'),
      rows: Object.entries(r.compensation.byDepartment).map(([k, v]) => ({ key: k, label: keyLabel('', k), raw: v, text: yuan(v), unit: 'yuan' as const })),
    },
    // Absent from snapshots stored before the figures existed.
    ...(r.reportUps ? [{
      kind: 'figures' as const, id: 'reportUps', title: l('report.reportUps'),
      rows: [{ key: 'reportUps', label: l('step.report_up'), raw: r.reportUps.onTimeRate, text: `${r.reportUps.onTime} / ${r.reportUps.due}  ${percent(r.reportUps.onTimeRate)}`, unit: 'rate' as const }],
    }] : []),
    ...(r.steps ? [{
      kind: 'figures' as const, id: 'steps', title: l('report.steps'),
      rows: Object.entries(r.steps).map(([k, f]) => ({
        key: k, label: t.l(`step.${k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)}`), raw: f.onTimeRate,
        text: `${f.onTime} / ${f.due}  ${percent(f.onTimeRate)}`, unit: 'rate' as const,
      })),
    }] : []),
    ...(r.closedWithoutCallBack ? [{
      kind: 'figures' as const, id: 'closedWithoutCallBack', title: l('report.closedWithoutCallBack'),
      rows: Object.entries(r.closedWithoutCallBack).map(([k, n]) => ({ key: k, label: keyLabel('closeReason', k), raw: n, text: String(n) })),
    }] : []),
    ...(r.offices ? [officesSection(r, t)] : []),
    ...(r.by ? [bySection(r, t)] : []),
    {
      kind: 'table', id: 'major', title: l('report.major'),
      keys: ['ticket', 'subject', 'status', 'department'],
      headers: ['ticket', 'subject', 'status', 'department'].map((k) => l(`report.col.${k}`)),
      rows: r.major.map((m) => [m.ticket, m.subject, t.l(`status.${m.status}`), m.department ?? '—']),
    },
    {
      kind: 'table', id: 'groups', title: l('report.groups'),
      keys: ['estate', 'category', 'subcategory', 'units', 'tickets'],
      headers: ['estate', 'category', 'subcategory', 'units', 'tickets'].map((k) => l(`report.col.${k}`)),
      rows: r.groups.map((g) => [g.estate, t.l(`category.${g.category}`), keyLabel('subcategory', g.subcategory), String(g.units), g.tickets.join(' ')]),
    },
    // Accountability (SPEC §12); absent from snapshots stored before these figures existed.
    ...(r.audits ? [{
      kind: 'figures' as const, id: 'audits', title: l('report.audits'),
      rows: [fig('audits.done', r.audits.done, String(r.audits.done)), fig('audits.failed', r.audits.failed, String(r.audits.failed))],
    }] : []),
    ...(r.confirmedGroups ? [{
      kind: 'table' as const, id: 'confirmedGroups', title: l('report.confirmedGroups'),
      keys: ['group', 'at', 'reason', 'tickets'],
      headers: ['group', 'at', 'reason', 'tickets'].map((k) => l(`report.col.${k}`)),
      rows: r.confirmedGroups.map((g) => [String(g.id), g.at, g.reason, g.tickets.join(' ')]),
    }] : []),
    {
      kind: 'figures', id: 'trend', title: l('report.trend'),
      rows: r.trend.map((m) => ({ key: m.month, label: m.month, raw: m.received, text: String(m.received) })),
    },
  ];
  return {
    title: l(`report.title.${r.period.kind}`),
    period: r.period.from === r.period.to ? r.period.from : `${r.period.label} (${r.period.from} – ${r.period.to})`,
    computedAt: r.snapshot?.computedAt ?? r.computedAt,
    provenance: r.snapshot
      ? t.m('snapshot.asComputed', { at: r.snapshot.computedAt, stale: r.snapshot.staleSince ?? '' })
      : `${l('report.computedAt')} ${r.computedAt}`,
    sections,
    charts: {
      trend: r.trend.map((m) => ({ label: m.month, value: m.received })),
      categories: Object.entries(r.byCategory).map(([k, n]) => ({ label: keyLabel('category', k), value: n })),
      satisfaction: Object.entries(r.satisfaction).map(([k, n]) => ({ label: `${k} ${l(`satisfaction.${k}`)}`, value: n })),
      rates: (['contactedOnTimeRate', 'resolvedOnTimeRate', 'followUpRate', 'satisfactionRate'] as const)
        .map((k) => ({ label: l(`report.${k}`), value: r[k] === null ? null : Math.round(r[k]! * 1000) / 10 })),
    },
  };
}
