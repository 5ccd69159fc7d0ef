/**
 * A small, defensive reader of zip archives (the container of .xlsx): the central directory is read
 * first, and every entry's declared size is checked against the limits before anything is inflated,
 * so that a zip bomb is refused, not unpacked.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Largest uncompressed entry. */
  entry: number;
  /** Largest sum of the uncompressed sizes of the entries read. */
  total: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { entry: 64 * 1024 * 1024, total: 160 * 1024 * 1024 };

/** Why a file is not a readable workbook container. */
export type ZipProblem = 'not-zip' | 'cfb' | 'encrypted' | 'zip64' | 'too-large' | 'corrupt';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem, readonly detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Where the end of central directory record starts (searched backwards over the last 22 bytes and
 * a comment of at most 65,535), or -1.
 */
function endOfCentralDirectory(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private read = 0;

  constructor(private readonly bytes: Buffer, private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    if (isCfb(bytes)) throw new ZipError('cfb');
    if (!isZip(bytes)) throw new ZipError('not-zip');
    this.readDirectory();
  }

  private readDirectory(): void {
    const b = this.bytes;
    const eocd = endOfCentralDirectory(b);
    if (eocd < 0) throw new ZipError('corrupt', 'no end of central directory');
    const count = b.readUInt16LE(eocd + 10);
    let offset = b.readUInt32LE(eocd + 16);
    if (offset === 0xffffffff || count === 0xffff) throw new ZipError('zip64');
    for (let n = 0; n < count; n++) {
      if (offset + 46 > b.length || b.readUInt32LE(offset) !== 0x02014b50) throw new ZipError('corrupt', 'central directory');
      const flags = b.readUInt16LE(offset + 8);
      const method = b.readUInt16LE(offset + 10);
      const compressedSize = b.readUInt32LE(offset + 20);
      const size = b.readUInt32LE(offset + 24);
      const nameLength = b.readUInt16LE(offset + 28);
      const extraLength = b.readUInt16LE(offset + 30);
      const commentLength = b.readUInt16LE(offset + 32);
      const localOffset = b.readUInt32LE(offset + 42);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('zip64');
      const name = b.toString('utf8', offset + 46, offset + 46 + nameLength);
      this.entries.set(name, { name, method, flags, compressedSize, size, localOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes; refuses entries over the limits before inflating them. */
  bytesOf(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) throw new ZipError('encrypted');
    if (entry.size > this.limits.entry || this.read + entry.size > this.limits.total) {
      throw new ZipError('too-large', `${name}: ${entry.size}`);
    }
    this.read += entry.size;
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) throw new ZipError('corrupt', name);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const data = b.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method !== 8) throw new ZipError('corrupt', `method ${entry.method}`);
    try {
      // The declared size bounds the output too: an entry that lies about its size stops there.
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      if (out.length !== entry.size) throw new ZipError('corrupt', name);
      return out;
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt', name);
    }
  }

  /** An entry's text: UTF-8, or UTF-16 when it starts with that byte order mark (XML allows both). */
  text(name: string): string | undefined {
    const bytes = this.bytesOf(name);
    if (bytes && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
    if (bytes && bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes?.toString('utf8');
  }
}

/**
 * Sets the modification time of every entry of a zip archive (local headers and central
 * directory) to midnight of `date`: the zip library stamps the current time otherwise.
 */
export function fixZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = endOfCentralDirectory(zip);
  if (end < 0) return zip;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    view.setUint16(offset + 12, 0, true);
    view.setUint16(offset + 14, dosDate, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, dosDate, true);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return zip;
}
