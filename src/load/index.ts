/**
 * The loader: reads each file, decodes it, parses it, and turns every problem into a finding, so
 * that one bad file never stops the others.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { contentHash } from '../hash.js';
import type { Position, RawFinding } from '../types.js';
import { decodeUtf8 } from './decode.js';
import type { InputFile } from './files.js';
import type { PositionIndex } from './positions.js';
import { describeContinuedValue, describeSyntaxRepair } from './syntax-finding.js';
import { parseYaml } from './yaml.js';
import { isWorkbookName, loadWorkbookBytes } from '../xlsx/load.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface LoadedFile {
  file: InputFile;
  /** The parsed document; absent when the file could not be read, decoded or parsed. */
  value?: unknown;
  positions?: PositionIndex;
  /** The decoded text (for rules that read the raw text, such as personal-data detection). */
  text?: string;
  /** A workbook's text cells, each at its sheet, row and column (what `text` is to a YAML file). */
  texts?: { text: string; position: Position }[];
  problems: RawFinding[];
  /**
   * With `keyed`: the key of what was read, taken from the very bytes parsed (their content hash),
   * else `size:N` for a file over the size limit or `unreadable:CODE`.
   */
  key?: string;
}

export function loadFile(file: InputFile, maxFileSize: number = DEFAULT_MAX_FILE_SIZE, keyed = false): LoadedFile {
  const loaded = readAndParse(file, maxFileSize, keyed);
  return keyed && loaded.key === undefined ? { ...loaded, key: `unreadable:${loaded.problems[0]?.params?.code ?? 'EIO'}` } : loaded;
}

function readAndParse(file: InputFile, maxFileSize: number, keyed: boolean): LoadedFile {
  const read = readBytes(file, maxFileSize, keyed);
  if (!(read instanceof Uint8Array)) return read;
  const key = keyed ? { key: contentHash(read) } : {};
  // A workbook gets bytes of its own (the read buffer is reused for the next file).
  if (isWorkbookName(file.absolute)) return { file, ...key, ...loadWorkbookBytes(Buffer.from(read), file.display) };
  return { file, ...key, ...parseText(file, read) };
}

function at(file: InputFile, line: number, column: number): RawFinding['location'] {
  return { file: file.display, line, column };
}

/** The file's bytes; or, for a file that is no regular file, too large or unreadable, what it loads as. */
function readBytes(file: InputFile, maxFileSize: number, keyed: boolean): Uint8Array | LoadedFile {
  // Found, but not to be read (a folder too deep to list): the path is a finding.
  if (file.unreadable) return { file, problems: [readProblem({ code: file.unreadable }, at(file, 1, 1))] };
  const read = readBounded(file.absolute, maxFileSize);
  if ('error' in read) return { file, problems: [readProblem(read.error, at(file, 1, 1))] };
  if ('tooLarge' in read) {
    const params = { size: formatBytes(read.tooLarge), limit: formatBytes(maxFileSize) };
    return { file, ...(keyed ? { key: `size:${read.tooLarge}` } : {}), problems: [{ ruleId: 'file-too-large', location: at(file, 1, 1), messageId: 'load.fileTooLarge', params }] };
  }
  return read.bytes;
}

/** A log's bytes decoded and parsed: its value and positions, or the encoding or syntax problem. */
function parseText(file: InputFile, bytes: Uint8Array): Omit<LoadedFile, 'file' | 'key'> {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const { line, column } = decoded.position;
    return { problems: [{ ruleId: 'encoding', location: at(file, line, column), messageId: `load.encoding.${decoded.problem}`, params: { encoding: decoded.encoding, file: file.display } }] };
  }
  const { text } = decoded;
  const parsed = parseYaml(text, decoded.clean);
  if (parsed.ok) return { value: parsed.value, positions: parsed.positions, text, problems: [] };
  const { problem } = parsed;
  // A mistake that --fix repairs is named, with the corrected line.
  const repaired = describeSyntaxRepair(text, problem) ?? describeContinuedValue(text, problem);
  if (repaired) return { text, problems: [{ ruleId: 'yaml-syntax', location: at(file, repaired.line, repaired.column), messageId: repaired.messageId, params: repaired.params }] };
  const params = { code: problem.code ?? '', count: problem.detail ?? '', hint: problem.hint ? `load.hint.${problem.hint}` : '' };
  return { text, problems: [{ ruleId: 'yaml-syntax', location: at(file, problem.position.line, problem.position.column), messageId: `load.yaml.${problem.kind}`, params }] };
}

/**
 * The buffer that files are read into, one after the other: what is read is decoded (copied into
 * a string) before the next file is read, so that one buffer serves them all. One larger than the
 * default size limit (a raised limit) is used for its file only.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

function bufferOf(size: number): Buffer {
  if (readBuffer.length >= size) return readBuffer;
  const buffer = Buffer.allocUnsafe(size);
  if (size <= DEFAULT_MAX_FILE_SIZE + 1) readBuffer = buffer;
  return buffer;
}

/**
 * A file's bytes, read through one descriptor: what is checked (a regular file, within the size
 * limit) is what is read, and a file that grows past the limit while it is read is still too large.
 * Opened without blocking, so that a pipe named like a log is reported, not waited on for ever.
 * The bytes are valid until the next call.
 *
 * A log is read straight into the buffer; its size and kind are asked for (fstat, which costs
 * Node more than reading a small file) only when the bytes leave a doubt: none at all (an empty
 * file, or a pipe with no writer), or more than the limit (a large file, or a device). A folder
 * cannot be read at all.
 */
function readBounded(absolute: string, maxFileSize: number): { bytes: Uint8Array } | { tooLarge: number } | { error: unknown } {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error };
  }
  try {
    // Read to the end, one byte past the limit at most.
    let limit = Math.min(readBuffer.length, maxFileSize + 1);
    let buffer = bufferOf(limit);
    let length = 0;
    for (;;) {
      if (length === limit) {
        if (length > maxFileSize) {
          const stat = fstatSync(fd);
          return stat.isFile() ? { tooLarge: Math.max(length, stat.size) } : { error: { code: 'ENOTFILE' } };
        }
        limit = Math.min(limit * 2, maxFileSize + 1);
        if (buffer.length < limit) {
          const grown = bufferOf(limit);
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
        }
      }
      const got = readSync(fd, buffer, length, limit - length, null);
      if (got === 0) break;
      length += got;
    }
    if (length === 0 && !fstatSync(fd).isFile()) return { error: { code: 'ENOTFILE' } };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error };
  } finally {
    closeSync(fd);
  }
}

/** The causes of a read error that a user can act on, each with its own message. */
const READ_ERRORS: Record<string, string> = {
  EACCES: 'load.unreadable.permission',
  EPERM: 'load.unreadable.permission',
  EISDIR: 'load.unreadable.directory',
  ENOTFILE: 'load.unreadable.notFile',
  ENOENT: 'load.unreadable.missing',
  ELOOP: 'load.unreadable.loop',
  ENAMETOOLONG: 'load.unreadable.tooLong',
};

function readProblem(error: unknown, location: RawFinding['location']): RawFinding {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  // A name that is no UTF-8 (a GBK name from a Windows archive) reaches the tool with its bytes replaced: no file has that name.
  if (code === 'ENOENT' && location.file.includes('\ufffd')) return { ruleId: 'file-unreadable', location, messageId: 'load.unreadable.nameEncoding', params: { code } };
  return { ruleId: 'file-unreadable', location, messageId: READ_ERRORS[code] ?? 'load.unreadable', params: { code } };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
