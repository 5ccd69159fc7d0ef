/**
 * Bytes to text. Branch logs must be UTF-8 (a BOM is accepted); anything else is reported with the
 * encoding it most likely is, so that the user knows what to convert from.
 */
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';
import type { Position } from '../types.js';

/** What is wrong: UTF-16, a Chinese legacy encoding (GBK, GB18030), another one, or control characters. */
export type EncodingProblem = 'utf16' | 'gbk' | 'other' | 'control';

export type DecodeResult =
  /** `clean`: the text holds none of the characters that `SUSPECT` finds (the parser need not look again). */
  | { ok: true; text: string; clean: boolean }
  | { ok: false; problem: EncodingProblem; encoding: string; position: Position };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Control characters other than tab, line feed, carriage return and next line: YAML does not allow them, no
 * editor writes them into text, and echoed into a terminal they could rewrite what it shows.
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]/g;

/**
 * Every character that YAML or the fast parser's subset treats apart: the control characters above,
 * tab and next line, a BOM, the Unicode line separators, noncharacters and surrogates. One scan of
 * the text for these (it finds nothing in almost every log) stands for the control-character scan
 * and for the parser's own.
 */
export const SUSPECT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('UTF-16BE');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = start ? bytes.subarray(start) : bytes;
  const utf16WithoutBom = guessUtf16(body);
  if (utf16WithoutBom) return utf16(utf16WithoutBom);
  if (!isUtf8(body)) {
    const invalid = firstInvalidUtf8(body);
    // A character cut off by the end of the file is damage, not another encoding.
    const encoding = cutOffAtEnd(body, invalid) ? 'Latin-1' : guessLegacyEncoding(body, invalid);
    // Point at the first byte of the legacy-encoded word: its first byte pair may happen to be valid UTF-8.
    let offset = invalid;
    if (encoding !== 'Latin-1') while (offset > 0 && body[offset - 1] >= 0x80) offset--;
    const before = utf8.decode(body.subarray(0, offset));
    return { ok: false, problem: encoding === 'Latin-1' ? 'other' : 'gbk', encoding, position: textPosition(before, before.length) };
  }
  // Decoding by Node's native UTF-8 routines; the decoder, like TextDecoder, drops one more BOM at
  // the start of what it decodes.
  const skip = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  const text = utf8Text(Buffer.from(body.buffer, body.byteOffset + skip, body.byteLength - skip));
  const suspect = text.search(SUSPECT);
  if (suspect >= 0) {
    CONTROL.lastIndex = suspect;
    const control = CONTROL.exec(text);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return { ok: false, problem: 'control', encoding: `U+${code}`, position: textPosition(text, control.index) };
    }
  }
  return { ok: true, text: normalizeLineBreaks(text), clean: suspect < 0 };
}

/**
 * Valid UTF-8 as text. Text with other characters than ASCII is transcoded to UTF-16 by Node's
 * native routine and taken from there as it is: three times as fast as decoding it straight to a
 * string (Chinese text makes a two-byte string either way).
 */
function utf8Text(bytes: Buffer): string {
  // (A Node built without ICU has no transcode.)
  if (bytes.length === 0 || isAscii(bytes) || typeof transcode !== 'function') return bytes.toString('utf8');
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

function utf16(encoding: string): DecodeResult {
  return { ok: false, problem: 'utf16', encoding, position: { line: 1, column: 1 } };
}

/**
 * YAML allows a lone CR as a line break (old Mac editors write them), but the parser and every
 * position in the tool count LF: a lone CR becomes LF, which keeps every offset where it was.
 */
export function normalizeLineBreaks(text: string): string {
  return text.indexOf('\r') < 0 || !LONE_CR.test(text) ? text : text.replace(/\r(?!\n)/g, '\n');
}

const LONE_CR = /\r(?!\n)/;

/**
 * UTF-16 without a byte order mark: the ASCII characters of a log (keys, dates, spaces) give a NUL
 * byte in every other position. A stray NUL in UTF-8 text is not UTF-16 (it is a control character).
 */
function guessUtf16(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 4096);
  if (sample.indexOf(0) < 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(sample.length / 2);
  if (odd >= pairs / 4 && even <= odd / 10) return 'UTF-16LE';
  if (even >= pairs / 4 && odd <= even / 10) return 'UTF-16BE';
  return undefined;
}

/**
 * GB18030 is a superset of GBK: Chinese text from an old Windows editor decodes cleanly with it.
 * A file may also be UTF-8 up to a point and GBK after it (edited with two editors), so the part
 * from the first bad line on is tried too. Four-byte sequences are GB18030 only: `iconv -f GBK`
 * would stop at them.
 */
function guessLegacyEncoding(bytes: Uint8Array, invalidOffset: number): string {
  let lineStart = invalidOffset;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a && bytes[lineStart - 1] !== 0x0d) lineStart--;
  for (const part of [bytes, bytes.subarray(lineStart)]) {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(part);
      if (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text)) return hasFourByteSequence(part) ? 'GB18030' : 'GBK';
    } catch {
      // not GB18030 either
    }
  }
  return 'Latin-1';
}

function hasFourByteSequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) i++;
    else if (bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) return true;
    else i += 2;
  }
  return false;
}

/** Whether the invalid sequence at `offset` is a well-begun character that the end of the file cuts off. */
function cutOffAtEnd(bytes: Uint8Array, offset: number): boolean {
  const lead = bytes[offset];
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (length === 0 || offset + length <= bytes.length) return false;
  for (let i = offset + 1; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) return false;
  return true;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return i;
}

/**
 * 1-based line and column of an offset in text, counted as everywhere else in the tool: LF, CRLF
 * and a lone CR each end a line, and columns are UTF-16 code units (as editors and SARIF count).
 */
function textPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
