/**
 * `--fix` and `--fix-dry-run` over the files of a check: each file's repairs, written back (keeping
 * its byte order mark and line endings) or shown as a diff. The check then runs on what remains.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { message } from '../i18n/index.js';
import { maskPersonalData, outputText } from '../privacy.js';
import { decodeUtf8 } from '../load/decode.js';
import type { InputFile } from '../load/files.js';
import { BranchLogValidator } from '../schema/validate.js';
import type { Lang } from '../types.js';
import { writeFileAtomic } from '../write-file.js';
import { unifiedDiff } from './diff.js';
import { fixText, type AppliedFix } from './index.js';

export interface FileFix {
  file: InputFile;
  before: string;
  after: string;
  fixes: AppliedFix[];
  bom: boolean;
}

/** The repairs of each file that has any; files that cannot be read or decoded are left to the check. */
export function planFixes(files: InputFile[], typeNames: string[], maxFileSize: number): FileFix[] {
  const validator = new BranchLogValidator(typeNames);
  const planned: FileFix[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      if (statSync(file.absolute).size > maxFileSize) continue;
      bytes = readFileSync(file.absolute);
    } catch {
      continue;
    }
    const decoded = decodeUtf8(bytes);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // Only a text whose decoding kept every byte (no lone CR turned into LF) is written back.
    if (!decoded.ok || Buffer.from(decoded.text, 'utf8').length !== bytes.length - (bom ? 3 : 0)) continue;
    const { text, fixes } = fixText(decoded.text, validator);
    if (text !== decoded.text) planned.push({ file, before: decoded.text, after: text, fixes, bom });
  }
  return planned;
}

export interface FixIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Writes the repaired files, one line each on stderr; with `dryRun`, prints the diff and writes nothing. */
export function applyFixes(planned: FileFix[], dryRun: boolean, lang: Lang, io: FixIo): void {
  const count = planned.reduce((sum, fix) => sum + fix.fixes.length, 0);
  if (dryRun) {
    // The diff repeats lines of the log: masked like every output.
    for (const fix of planned) io.stdout.write(maskPersonalData(unifiedDiff(outputText(fix.file.display), fix.before, fix.after)));
    io.stderr.write(`dangjian: ${message(lang, planned.length ? 'fix.dryRun' : 'fix.none', { count, files: planned.length })}\n`);
    return;
  }
  for (const fix of planned) {
    try {
      // A read-only log stays as it is (the rename below would replace it all the same).
      accessSync(fix.file.absolute, constants.W_OK);
      // Whole or not at all: a full disk never leaves half a log.
      writeFileAtomic(fix.file.absolute, fix.file.absolute, (fix.bom ? '\ufeff' : '') + fix.after);
      io.stderr.write(`dangjian: ${message(lang, 'fix.fixed', { count: fix.fixes.length, file: fix.file.display })}\n`);
    } catch (error) {
      io.stderr.write(`dangjian: ${message(lang, 'fix.unreadable', { file: fix.file.display, detail: (error as NodeJS.ErrnoException).code ?? 'EIO' })}\n`);
    }
  }
}
