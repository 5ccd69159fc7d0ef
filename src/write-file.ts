/**
 * Files written whole or not at all: the bytes go to a temporary file beside the target, which is
 * renamed over it only once complete, so that a full disk, a crash or a `kill -9` never leaves half
 * a file and never loses the old one. Temporary files are named `<target>.<pid>.<ms>.tmp`; those of
 * processes that no longer run are removed by the next write of the same target.
 */
import { chmodSync, chownSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A new temporary file's path beside `target`. */
export function temporaryPath(target: string): string {
  return `${target}.${process.pid}.${Date.now()}.tmp`;
}

/** The file a path names, following symbolic links (a link to a file is written through). */
export function finalTarget(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    return target;
  }
}

/** Whether a process with this id runs (on this machine, as far as it can be told). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A day: a temporary file this old is stale whatever process wrote it (its id may be reused). */
const STALE_MS = 24 * 3600 * 1000;

/** Removes the temporary files of `target` left by processes that were killed while writing it. */
export function removeStaleTemporaries(target: string): void {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d{1,10})\.(\d{1,16})\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const [pid, ms] = [Number(match[1]), Number(match[2])];
    if (running(pid) && Date.now() - ms < STALE_MS) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether a path names something other than a regular file or nothing (a device, a pipe, a folder). */
export function isSpecial(target: string): boolean {
  try {
    return !statSync(target).isFile();
  } catch {
    return false;
  }
}

/**
 * Makes a folder and any parents it lacks. Not `mkdirSync` with `recursive`: on Node 20 that never
 * returns for a path under /proc, where making a folder fails with ENOENT although the parent is
 * there (it makes the parent again, and again).
 */
function makeFolders(folder: string): void {
  try {
    mkdirSync(folder);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || path.dirname(folder) === folder) throw error;
  }
  makeFolders(path.dirname(folder));
  mkdirSync(folder);
}

/** Opens a temporary file beside `target` for writing; the caller writes, then `commitTemporary`. */
export function openTemporary(target: string): { temporary: string; fd: number } {
  makeFolders(path.dirname(target));
  removeStaleTemporaries(target);
  const temporary = temporaryPath(target);
  return { temporary, fd: openSync(temporary, 'wx') };
}

/**
 * Flushes and closes the temporary file and renames it over `target` (keeping the old file's mode
 * and, where this process may, its owner). With `replace` false the temporary file is linked to
 * `target` instead, which fails with EEXIST, atomically, when a file of that name has appeared.
 */
export function commitTemporary(temporary: string, fd: number, target: string, beforeRename?: () => void, replace = true): void {
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  keepModeAndOwner(temporary, target);
  beforeRename?.();
  if (replace) renameSync(temporary, target);
  else placeNew(temporary, target);
}

function keepModeAndOwner(temporary: string, target: string): void {
  let old;
  try {
    old = statSync(target);
  } catch {
    return; // no old file: the defaults
  }
  try {
    chmodSync(temporary, old.mode & 0o7777);
    chownSync(temporary, old.uid, old.gid);
  } catch {
    // only root may give a file away: the file is the writer's, with its mode if that could be set
  }
}

/** Moves a complete temporary file to a name no file has, or fails with EEXIST. */
function placeNew(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links: look, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (existsSync(target)) throw Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST' });
    renameSync(temporary, target);
    return;
  }
  rmSync(temporary, { force: true });
}

/** Closes (if open) and removes a temporary file that will not be used. */
export function abandonTemporary(temporary: string, fd: number | undefined): void {
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  rmSync(temporary, { force: true });
}

/**
 * What a command writes: text, bytes, or text in parts written one after another (made as they are
 * written, when the parts come from a generator).
 */
export type Output = string | Uint8Array | Iterable<string | Uint8Array>;

/** Characters of text converted to UTF-8 at a time when a large output is written. */
const CHUNK_CHARS = 1 << 20;

/**
 * An output as UTF-8 bytes, a chunk at a time: a large text is never converted whole, so that
 * writing 40 MB of JSON does not take another 40 MB (and more) at the end of a run. A chunk never
 * ends between the two halves of a character written as a surrogate pair.
 */
export function* outputChunks(output: Output): Generator<Uint8Array> {
  if (output instanceof Uint8Array) {
    yield output;
    return;
  }
  // Small parts are gathered (a JSON output comes in many), large texts cut.
  let pending = '';
  for (const text of typeof output === 'string' ? [output] : output) {
    if (text instanceof Uint8Array) {
      // Bytes already: what was gathered goes first.
      if (pending.length) yield* textChunks(pending);
      pending = '';
      yield text;
      continue;
    }
    pending += text;
    if (pending.length < GATHER_CHARS) continue;
    // A high surrogate at the end waits for its other half, in the next part.
    const cut = isHighSurrogate(pending.charCodeAt(pending.length - 1)) ? pending.length - 1 : pending.length;
    yield* textChunks(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
  if (pending.length) yield* textChunks(pending);
}

/** Parts gathered into one text before it is converted. */
const GATHER_CHARS = 1 << 16;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function* textChunks(text: string): Generator<Uint8Array> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK_CHARS, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield Buffer.from(start === 0 && end === text.length ? text : text.slice(start, end), 'utf8');
    start = end;
  }
}

/** Whether an output is written a chunk at a time: text in parts, or a large text. */
export function isLargeOutput(output: Output): boolean {
  if (output instanceof Uint8Array) return false;
  return typeof output !== 'string' || output.length > CHUNK_CHARS;
}

/**
 * Writes `bytes` to the file `name` (relative to `cwd`) whole, or leaves the old file as it was;
 * with `replace` false, only where no file is (else it fails with EEXIST, and nothing is written).
 */
export function writeFileAtomic(cwd: string, name: string, bytes: Output, replace = true): void {
  const target = finalTarget(path.resolve(cwd, name));
  if (isSpecial(target)) {
    // A device or a pipe (`-o /dev/stdout`) is written to; it is never replaced.
    writeFileSync(target, typeof bytes === 'string' || bytes instanceof Uint8Array ? bytes : Buffer.concat([...outputChunks(bytes)]), { flag: replace ? 'w' : 'wx' });
    return;
  }
  const { temporary, fd } = openTemporary(target);
  let open: number | undefined = fd;
  try {
    for (const data of outputChunks(bytes)) for (let done = 0; done < data.length; ) done += writeSync(fd, data, done);
    open = undefined;
    commitTemporary(temporary, fd, target, undefined, replace);
  } catch (error) {
    abandonTemporary(temporary, open);
    throw error;
  }
}
