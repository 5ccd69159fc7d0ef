/**
 * Reads an .xlsx workbook into plain rows of cells: shared strings, inline strings, numbers, dates
 * (by the cell's number format), booleans, formula results (their cached values) and errors;
 * hidden sheets and rows, merged ranges and the 1904 date system. The XML is scanned, not built
 * into a tree, so a large sheet costs little more than its text.
 */
import { ZipArchive, ZipError, type ZipLimits } from './zip.js';

export type CellKind = 'string' | 'number' | 'date' | 'bool' | 'error';

export interface Cell {
  kind: CellKind;
  /** string: the text; number and date: the number (a date's serial); bool; error: `#REF!`. */
  value: string | number | boolean;
  formula?: boolean;
}

export interface Row {
  /** 1-based row number. */
  index: number;
  hidden: boolean;
  /** Sparse, by 1-based column number. */
  cells: (Cell | undefined)[];
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  hidden: boolean;
  rows: Row[];
  merges: Range[];
  /** Rows or columns past the limits, left out (the count of rows, or 0). */
  truncatedRows: number;
  truncatedColumns: boolean;
}

export interface Workbook {
  sheets: Sheet[];
  date1904: boolean;
  macros: boolean;
}

export interface ReadLimits {
  rows: number;
  columns: number;
  zip?: ZipLimits;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { rows: 100_000, columns: 512 };

export { ZipError };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text to a string: entities, character references and OOXML's `_xHHHH_` escapes. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1].replace(/^\w+:(?=\w)/, (p) => (p === 'r:' ? p : ''))] = unescapeXml(m[2]);
  return out;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic runs. */
function itemText(xml: string): string {
  const cleaned = xml.indexOf('rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let text = '';
  for (const m of cleaned.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += withoutCdata(m[1]);
  return unescapeXml(text);
}

/** XML text with its CDATA sections (which some writers use) as escaped text. */
function withoutCdata(xml: string): string {
  if (xml.indexOf('<![CDATA[') < 0) return xml;
  return xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/_x/g, '_x005F_x'));
}

function sharedStrings(zip: ZipArchive, path: string): string[] {
  const xml = zip.text(path);
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? itemText(m[1]) : '');
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or a time (its y, m, d, h or s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').split(';')[0];
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare) && !/general/i.test(bare);
}

/** For each cell style index, whether it formats a date. */
function dateStyles(zip: ZipArchive, path: string): boolean[] {
  const xml = zip.text(path);
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    out.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
  }
  return out;
}

/** `AB12` → column 28, row 12. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function relationships(zip: ZipArchive, path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (zip.text(path) ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const target = a.Target ?? '';
    out.set(a.Id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return out;
}

export function readWorkbook(bytes: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Workbook {
  const zip = new ZipArchive(bytes, limits.zip);
  const workbookXml = zip.text('xl/workbook.xml');
  if (workbookXml === undefined) throw new ZipError('not-zip', 'no xl/workbook.xml');
  const rels = relationships(zip, 'xl/_rels/workbook.xml.rels');
  const strings = sharedStrings(zip, [...rels.values()].find((t) => /sharedStrings\.xml$/i.test(t)) ?? 'xl/sharedStrings.xml');
  const dates = dateStyles(zip, [...rels.values()].find((t) => /styles\.xml$/i.test(t)) ?? 'xl/styles.xml');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*date1904\s*=\s*"(1|true)"/.test(workbookXml);
  const sheets: Sheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const target = rels.get(a['r:id'] ?? '');
    const xml = target ? zip.text(target) : undefined;
    // A sheet the workbook lists but does not hold: the workbook is damaged, never read as empty.
    if (xml === undefined) throw new ZipError('corrupt', `sheet ${a.name ?? ''}`);
    const sheet = parseSheet(xml, strings, dates, limits);
    sheets.push({ ...sheet, name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  return { sheets, date1904, macros: zip.has('xl/vbaProject.bin') };
}

function cellOf(attrs: Record<string, string>, body: string, strings: string[], dates: boolean[]): Cell | undefined {
  const type = attrs.t ?? 'n';
  const formula = /<(?:\w+:)?f\b/.test(body);
  const raw = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  const extra = formula ? { formula: true } : {};
  if (type === 'inlineStr') {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
    return is === undefined ? undefined : { kind: 'string', value: itemText(is), ...extra };
  }
  if (raw === undefined) return undefined;
  if (type === 's') return { kind: 'string', value: strings[Number(raw)] ?? '', ...extra };
  if (type === 'str') return { kind: 'string', value: unescapeXml(raw), ...extra };
  if (type === 'b') return { kind: 'bool', value: raw.trim() === '1' || raw.trim() === 'true', ...extra };
  if (type === 'e') return { kind: 'error', value: unescapeXml(raw), ...extra };
  if (type === 'd') return { kind: 'string', value: unescapeXml(raw).slice(0, 10), ...extra };
  const number = Number(raw);
  if (!Number.isFinite(number)) return { kind: 'string', value: unescapeXml(raw), ...extra };
  const isDate = attrs.s !== undefined && dates[Number(attrs.s)];
  return { kind: isDate ? 'date' : 'number', value: number, ...extra };
}

function parseSheet(xml: string, strings: string[], dates: boolean[], limits: ReadLimits): Omit<Sheet, 'name' | 'hidden'> {
  const rows: Row[] = [];
  let truncatedRows = 0;
  let truncatedColumns = false;
  let next = 1;
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
  for (const m of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const a = attributes(m[1]);
    const index = a.r ? Number(a.r) : next;
    next = index + 1;
    if (rows.length >= limits.rows) {
      truncatedRows++;
      continue;
    }
    const row: Row = { index, hidden: a.hidden === '1' || a.hidden === 'true', cells: [] };
    let col = 0;
    for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ca = attributes(c[1]);
      col = ca.r ? (parseRef(ca.r)?.col ?? col + 1) : col + 1;
      if (col > limits.columns) {
        truncatedColumns = true;
        continue;
      }
      const cell = c[2] ? cellOf(ca, c[2], strings, dates) : undefined;
      if (cell) row.cells[col] = cell;
    }
    rows.push(row);
  }
  const merges: Range[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g)) {
    const [from, to] = (attributes(m[1]).ref ?? '').split(':').map(parseRef);
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return { rows, merges, truncatedRows, truncatedColumns };
}
