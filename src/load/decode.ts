/**
 * Bytes to text. Branch logs must be UTF-8 (a BOM is accepted); anything else is reported with the
 * encoding it most likely is, so that the user knows what to convert from.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { Position } from '../types.js';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; encoding: string; position: Position };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('UTF-16BE');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = start ? bytes.subarray(start) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0 && nul < 4096) {
    // Text editors never write NUL into UTF-8 text; early NULs mean UTF-16 without a BOM.
    return { ok: false, encoding: nul % 2 === 0 ? 'UTF-16BE' : 'UTF-16LE', position: { line: 1, column: 1 } };
  }
  // Validation and decoding by Node's native UTF-8 routines; the decoder, like TextDecoder, drops
  // one more BOM at the start of what it decodes.
  if (isUtf8(body)) {
    const skip = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    return { ok: true, text: Buffer.from(body.buffer, body.byteOffset + skip, body.byteLength - skip).toString('utf8') };
  }
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body);
    return { ok: false, encoding: guessLegacyEncoding(body), position: bytePosition(body, offset) };
  }
}

function utf16(encoding: string): DecodeResult {
  return { ok: false, encoding, position: { line: 1, column: 1 } };
}

/** GB18030 is a superset of GBK: Chinese text from an old Windows editor decodes cleanly with it. */
function guessLegacyEncoding(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return 'GBK';
  } catch {
    // not GB18030 either
  }
  return 'Latin-1';
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

/** 1-based line and column (in characters of the valid UTF-8 prefix) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
