// A report as a workbook (SPEC §15): a summary sheet with the period and the
// headline figures, then one sheet per breakdown and list (by kind, category,
// … the major complaints, possible group complaints, the trend). Figures are
// typed cells: counts numbers, rates fractions shown as percentages, money
// yuan with two decimals; every sheet's header row is frozen and filtered,
// and its columns are as wide as what they hold.
import type { FigureRow, ReportLayout, Section } from './report-layout.js';
import { cellWidth, loadExcel, PERCENT_FORMAT, sheetName, YUAN_FORMAT } from './xlsx-cells.js';

export interface ReportXlsxWords {
  /** The header of a figures sheet: figure, value. */
  figureHeaders: [string, string];
  /** The summary's rows for the period and when it was computed. */
  periodLabel: string;
  computedLabel: string;
}

type Cell = string | number | null;

const numberFormat = (r: FigureRow): string | undefined => (r.unit === 'rate' ? PERCENT_FORMAT : r.unit === 'yuan' ? YUAN_FORMAT : undefined);

export async function renderReportXlsx(layout: ReportLayout, w: ReportXlsxWords): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  book.created = new Date(Date.parse(layout.computedAt));
  const taken = new Set<string>();

  const addSheet = (title: string, headers: string[], rows: Cell[][], formats: (string | undefined)[] = []) => {
    const sheet = book.addWorksheet(sheetName(title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(headers).font = { bold: true };
    rows.forEach((r, i) => {
      const row = sheet.addRow(r);
      if (formats[i]) row.getCell(2).numFmt = formats[i]!;
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    headers.forEach((h, c) => {
      const widest = Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[c] === null ? '' : String(r[c]))));
      sheet.getColumn(c + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
  };

  const figures = (s: Extract<Section, { kind: 'figures' }>, before: Cell[][] = []) => {
    addSheet(s.title, w.figureHeaders, [...before, ...s.rows.map((r) => [r.label, r.raw])], [...before.map(() => undefined), ...s.rows.map(numberFormat)]);
  };

  for (const s of layout.sections) {
    if (s.kind === 'table') {
      addSheet(s.title, s.headers, s.rows);
    } else if (s.id === 'summary') {
      figures(s, [[w.periodLabel, layout.period], [w.computedLabel, layout.provenance]]);
    } else {
      figures(s);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
