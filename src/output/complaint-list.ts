// Lists of complaints: aligned, coloured columns with relative times on a
// terminal; tab-separated values with ISO times through a pipe.
import type { Complaint } from '../domain/types.js';
import { isoLocal } from '../domain/time.js';
import { renderColumns, relativeTime, tsvLine } from './text.js';
import { severityText, type View } from './complaint-view.js';

const KEYS = ['ticket', 'receivedAt', 'status', 'severity', 'category', 'department', 'name', 'unit', 'subject'] as const;

/** The header line of a piped list: stable for scripts, English keys. */
export const LIST_TSV_HEADER = tsvLine([...KEYS]);

/** One complaint as a piped list's line: enum values as keys, ISO times. */
export function complaintTsvLine(v: View, c: Complaint): string {
  return tsvLine([
    c.ticket, isoLocal(c.receivedAt, v.tz), c.status, c.severity, c.category ?? '', c.department ?? '',
    c.complainant.name, [c.complainant.estate, c.complainant.unit].filter(Boolean).join(' '), c.subject,
  ]);
}

export function renderComplaintList(v: View, list: Complaint[]): string {
  const { t } = v;
  if (!v.tty) return LIST_TSV_HEADER + list.map((c) => complaintTsvLine(v, c)).join('');
  const rows = list.map((c) => [
    c.ticket,
    relativeTime(c.receivedAt, v.now, t.lang),
    t.l(`status.${c.status}`),
    t.l(`severity.${c.severity}`),
    c.category ? t.l(`category.${c.category}`) : '—',
    c.department ?? '—',
    c.complainant.name,
    [c.complainant.estate, c.complainant.unit].filter(Boolean).join(' '),
    c.subject,
  ]);
  const columns = KEYS.map((k) => ({ header: t.l(`field.${k}`), max: k === 'subject' ? 40 : k === 'unit' ? 20 : undefined }));
  return renderColumns(
    columns, rows,
    (col, text, row) => (col === 3 ? severityText(v, list[row].severity).replace(t.l(`severity.${list[row].severity}`), text) : col === 0 ? v.chalk.cyan(text) : text),
    (h) => v.chalk.bold(h),
  );
}
