// A report as CSV (SPEC §9): one row per figure — section, key, label, value —
// with raw values (rates as fractions, money in yuan) so a spreadsheet can count.
import { stringify } from 'csv-stringify/sync';
import type { ReportLayout } from './report-layout.js';
import { neutralise } from '../domain/csv-columns.js';

export function renderReportCsv(layout: ReportLayout, bom: boolean): string {
  const rows: string[][] = [['section', 'key', 'label', 'value']];
  rows.push(['period', 'label', layout.period, layout.period], ['period', 'computedAt', layout.provenance, layout.computedAt]);
  for (const s of layout.sections) {
    if (s.kind === 'figures') {
      for (const r of s.rows) rows.push([s.id, r.key, r.label, r.raw === null ? '' : String(r.raw)]);
    } else {
      for (const r of s.rows) rows.push([s.id, r[0], r.slice(1).join(' · '), '']);
    }
  }
  const text = stringify(rows.map((r) => r.map(neutralise)), { record_delimiter: '\r\n' });
  return (bom ? '\uFEFF' : '') + text;
}
