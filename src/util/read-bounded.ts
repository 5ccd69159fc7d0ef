/**
 * Reads a file that the user names but that may be anything: a device that never ends
 * (`/dev/zero`), a pipe, a huge file. Reading stops at a limit, or as soon as the first bytes show
 * that the file is not what is wanted. It is opened without blocking, so that a named pipe nobody
 * writes to is refused at once (ENOTFILE) instead of waited on for ever; one that a program writes
 * to (`<(cat result.json)`, `cat result.json | … /dev/stdin`) is read as that program writes it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** How long to wait before reading again from a pipe whose writer has not written yet. */
const PIPE_WAIT_MS = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The file's bytes; `undefined` if they pass `limit`, or if `starts` says no to the first chunk
 * read (at most 64 KiB). Errors of opening and reading are thrown.
 */
export function readBounded(file: string, limit: number, starts: (first: Buffer) => boolean = () => true): Buffer | undefined {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const read = readWaiting(fd, chunk);
      if (read === 0) {
        // Nothing at all from a pipe: nobody writes to it (a device such as /dev/null is read as it is).
        if (length === 0 && fstatSync(fd).isFIFO()) throw Object.assign(new Error(`${file} is a pipe nobody writes to`), { code: 'ENOTFILE' });
        return Buffer.concat(chunks, length);
      }
      if (length === 0 && !starts(chunk.subarray(0, read))) return undefined;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > limit) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads what is there; from a pipe whose writer has written nothing yet, waits for it. */
function readWaiting(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, PIPE_WAIT_MS);
    }
  }
}
