/** A CSV file as a one-sheet workbook: UTF-8 (with or without a BOM) or GBK, commas or tabs, quotes. */
import type { Row, Workbook } from '../read.js';

export interface CsvDecoded {
  text: string;
  encoding: 'utf-8' | 'gbk' | 'utf-16';
}

export function decodeCsv(bytes: Uint8Array): CsvDecoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Excel on a Chinese Windows saves "CSV" in GBK (GB18030 decodes it and more).
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180 fields; the separator is the one (comma, tab, semicolon) the first line uses most. */
export function parseCsv(text: string, maxRows: number): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const separator = [',', '\t', ';'].map((s) => [s, firstLine.split(s).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

export function csvWorkbook(text: string, name: string, maxRows: number): Workbook {
  const rows: Row[] = parseCsv(text, maxRows).map((fields, i) => ({
    index: i + 1,
    hidden: false,
    cells: [undefined, ...fields.map((value) => (value.trim() === '' ? undefined : { kind: 'string' as const, value }))],
  }));
  return { sheets: [{ name, hidden: false, rows, merges: [], truncatedRows: 0, truncatedColumns: false }], date1904: false, macros: false };
}
