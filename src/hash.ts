/**
 * Hashes, with node:crypto loaded on first use: a one-file check hashes nothing, and loading the
 * module costs more than the check of a file.
 */
import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function createHash(algorithm: 'sha1' | 'sha256'): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}

/**
 * A file's content key, as the cache knows it: the SHA-1 of its bytes. Computed from the very bytes
 * that are analysed, so that an analysis is never stored under the key of other bytes.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The SHA-256 of `data`, in hexadecimal. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A 128-bit checksum of `bytes`, in hexadecimal: it tells damaged bytes from the bytes it was taken
 * of, and is no hash for keys (it is not made to resist inputs chosen to collide). Four lanes, each
 * a multiply and shift over every fourth 32-bit word (each step one-to-one), so that any change to
 * one word changes its lane and the checksum. Plain JavaScript: a re-run that only checks a stored
 * result does not load node:crypto, which (with the stream modules it brings) costs more than
 * checking a megabyte this way.
 */
export function checksum(bytes: Uint8Array): string {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let a = 0x9e3779b9 ^ bytes.length;
  let b = 0x85ebca6b;
  let c = 0xc2b2ae35;
  let d = 0x27d4eb2f;
  const whole = words.length & ~3;
  let i = 0;
  for (; i < whole; i += 4) {
    a = Math.imul(a ^ words[i], 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b ^ words[i + 1], 0x5bd1e995);
    b ^= b >>> 13;
    c = Math.imul(c ^ words[i + 2], 0x01000193);
    c ^= c >>> 16;
    d = Math.imul(d ^ words[i + 3], 0x5bd1e995);
    d ^= d >>> 14;
  }
  // The last words and bytes go to lanes of their own kind, each step one-to-one as above.
  for (; i < words.length; i++) {
    a = Math.imul(a ^ words[i], 0x01000193);
    a ^= a >>> 15;
  }
  for (let j = words.length * 4; j < bytes.length; j++) {
    b = Math.imul(b ^ bytes[j], 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}
