/**
 * Reads a file that the user names but that may be anything: a device that never ends
 * (`/dev/zero`), a pipe, a huge file. Reading stops at a limit, or as soon as the first bytes show
 * that the file is not what is wanted.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The file's bytes; `undefined` if they pass `limit`, or if `starts` says no to the first chunk
 * read (at most 64 KiB). Errors of opening and reading are thrown.
 */
export function readBounded(file: string, limit: number, starts: (first: Buffer) => boolean = () => true): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, length);
      if (length === 0 && !starts(chunk.subarray(0, read))) return undefined;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > limit) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}
