// The parts of an .xlsx package (ECMA-376, SpreadsheetML) around its sheets,
// for a workbook written by hand (complaints-xlsx.ts): the content types, the
// relationships, the workbook with its sheet names and filter ranges, and
// styles with the few formats the cells use. Pure text, no I/O.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 does not allow, and CR (a parser would read it as LF),
// written as Excel writes them: _xHHHH_. A text that already holds such a
// sequence gets its underscore escaped (_x005F_), so readers give it back as it was.
const SPECIAL = /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const SPECIAL_OR_BREAK = /[&<>\r\n\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const SPECIAL_ALL = /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (ch: string) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
const replaceSpecial = (ch: string): string => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : hex4(ch));

/** Text as the content of an element (a cell's <t>): most text needs nothing, and costs one test. */
export function xmlText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, replaceSpecial) : s;
}

/** A <t> element: leading or trailing blanks, or a line break, are kept only with xml:space. */
export function textElement(text: string): string {
  // The common text (no markup character, no line break, no blank at either end) is tested once and written as it is.
  if (!SPECIAL_OR_BREAK.test(text) && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) return '<t>' + text + '</t>';
  const t = xmlText(text);
  const keep = t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32 || t.includes('\n');
  return (keep ? '<t xml:space="preserve">' : '<t>') + t + '</t>';
}

/** Text in an attribute value (quoted with "): a sheet's name, a number format. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cell styles a sheet may give (s="…"): plain, a local date and time, yuan, a bold header. */
export const STYLE = { plain: 0, dateTime: 1, yuan: 2, header: 3 } as const;

export function stylesXml(dateTimeFormat: string, yuanFormat: string): string {
  return HEAD + `<styleSheet xmlns="${MAIN}">`
    + `<numFmts count="2"><numFmt numFmtId="164" formatCode="${xmlAttr(dateTimeFormat)}"/><numFmt numFmtId="165" formatCode="${xmlAttr(yuanFormat)}"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '</styleSheet>';
}

/** xl/sharedStrings.xml: the texts cells name by their index (t="s"). */
export function sharedStringsXml(texts: readonly string[]): string {
  let items = '';
  for (const t of texts) items += '<si>' + textElement(t) + '</si>';
  return HEAD + `<sst xmlns="${MAIN}" uniqueCount="${texts.length}">${items}</sst>`;
}

export interface SheetEntry {
  name: string;
  /** The header row's filter range, e.g. A1:AX1. */
  filter: string;
}

/** xl/worksheets/sheetN.xml for the Nth sheet (1-based). */
export const sheetPath = (n: number) => `xl/worksheets/sheet${n}.xml`;

export function contentTypesXml(sheets: number): string {
  let overrides = '';
  for (let n = 1; n <= sheets; n++) overrides += `<Override PartName="/${sheetPath(n)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + overrides + '</Types>';
}

export function packageRelsXml(): string {
  return HEAD + `<Relationships xmlns="${PKG_REL}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

export function workbookRelsXml(sheets: number): string {
  let rels = '';
  for (let n = 1; n <= sheets; n++) rels += `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`;
  return HEAD + `<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

export function workbookXml(sheets: readonly SheetEntry[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel names each sheet's filter range so; it keeps the filter buttons working after a sort.
  const names = sheets.map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`'${s.name.replace(/'/g, "''")}'!${absolute(s.filter)}`)}</definedName>`).join('');
  return HEAD + `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets><definedNames>${names}</definedNames></workbook>`;
}

/** A1:AX1 → $A$1:$AX$1. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** A sheet's XML before its rows: the frozen header row and the columns' widths and styles. */
export function sheetStart(columns: readonly { width: number; style: number }[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.style ? ` style="${c.style}"` : ''}/>`).join('');
  return HEAD + `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

/** A sheet's XML after its rows. */
export function sheetEnd(filter: string): string {
  return `</sheetData><autoFilter ref="${filter}"/></worksheet>`;
}
