/** UTF-8 decoding with Node's native routines against TextDecoder (which it replaced for valid text). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, SUSPECT } from '../src/load/decode.js';

/** decodeUtf8 as first written: TextDecoder, fatal on malformed input. */
function decodeWithTextDecoder(bytes: Uint8Array): string | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return undefined;
  }
}

describe('UTF-8 decoding', () => {
  it('accepts and decodes exactly what TextDecoder does', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => [...Buffer.from(s.replace(/\0/g, ''), 'utf8')]),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x80], [0xd6, 0xd0], [0x0a]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        const expected = decodeWithTextDecoder(bytes);
        const actual = decodeUtf8(bytes);
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return true; // UTF-16 byte order marks: reported before decoding
        return expected === undefined ? !actual.ok : actual.ok && actual.text === expected;
      }),
      { numRuns: 5000, seed: 9 },
    );
    expect(decodeUtf8(Buffer.from('\ufeff\ufeffa: 1', 'utf8'))).toEqual({ ok: true, text: 'a: 1', clean: true });
  });
});

describe('clean text', () => {
  it('is marked clean exactly when it holds none of the suspect characters', () => {
    const piece = fc.constantFrom('a', ': ', '\n', '\r\n', '\r', '中', '\t', '\u0085', '\u0001', '\u2028', '\ufeff', '\ufffe', '\u00b7', '“', '😀', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const decoded = decodeUtf8(Buffer.from(text, 'utf8'));
        return !decoded.ok || decoded.clean === !SUSPECT.test(decoded.text);
      }),
      { numRuns: 2000, seed: 10 },
    );
  });
});
