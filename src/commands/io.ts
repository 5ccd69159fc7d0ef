/** The process's streams and environment, passed in so commands can be run and tested in-process. */
import { writeSync } from 'node:fs';
import { UsageError } from '../options.js';
import { isLargeOutput, outputChunks, writeFileAtomic, type Output } from '../write-file.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output is written as UTF-8 bytes, messages as text. */
  stdout: {
    write(text: string | Uint8Array): unknown;
    isTTY?: boolean;
    stream?(): NodeJS.WritableStream;
    /** Waits for what was written to be handed on; the error that stopped it, if any (a full disk). */
    finish?(): Promise<NodeJS.ErrnoException | undefined>;
  };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * The process's own streams, each created on first use: a run that only writes its output, to a
 * file or a pipe, writes the bytes to the descriptor and never loads Node's stream modules.
 */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: new DescriptorOutput(1, () => process.stdout),
    stderr: new DescriptorOutput(2, () => process.stderr),
  };
}

/** An output descriptor, with its stream made (by `open`) only when text, a terminal or a wait needs it. */
export class DescriptorOutput {
  private opened?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The first error of a write through the stream (it comes later than the write). */
  private failure?: NodeJS.ErrnoException;

  constructor(
    private readonly fd: number,
    private readonly open: () => NodeJS.WritableStream & { isTTY?: boolean },
  ) {}

  stream(): NodeJS.WritableStream & { isTTY?: boolean } {
    if (!this.opened) {
      const stream = this.open();
      // Without a listener Node would print a stack trace; the error is reported by `finish`.
      stream.on('error', (error: NodeJS.ErrnoException) => this.failed(error));
      this.opened = stream;
    }
    return this.opened;
  }

  private failed(error: NodeJS.ErrnoException | null | undefined): void {
    if (error && !isClosedReader(error)) this.failure ??= error;
  }

  async finish(): Promise<NodeJS.ErrnoException | undefined> {
    const stream = this.opened;
    // The callbacks of earlier writes come first (an error, too, is reported a tick later).
    if (stream) await new Promise<void>((resolve) => (stream.writable ? stream.write('', () => resolve()) : setImmediate(resolve)));
    return this.failure;
  }

  get isTTY(): boolean {
    return this.stream().isTTY === true;
  }

  write(text: string | Uint8Array): void {
    if (this.failure) return;
    // A Windows console takes text through the stream only; once the stream exists, it keeps the order.
    if (typeof text === 'string' || this.opened || process.platform === 'win32') {
      this.stream().write(text, (error) => this.failed(error));
      return;
    }
    let done = 0;
    try {
      while (done < text.length) done += writeSync(this.fd, text, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A descriptor left non-blocking by the parent process, and full: the stream waits for it.
      if (code === 'EAGAIN') this.stream().write(text.subarray(done), (failure) => this.failed(failure));
      else this.failed(error as NodeJS.ErrnoException);
    }
  }
}

/**
 * The reader of a pipe went away (`dangjian check logs | head`): the rest of the output has nowhere
 * to go, which is no error of the run.
 */
function isClosedReader(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Colour: never with --no-color or NO_COLOR; FORCE_COLOR forces it (0 or false turns it off);
 * otherwise only on a terminal.
 */
export async function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): Promise<0 | 1 | 2 | 3> {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (flag !== true && !isTTY) return 0;
  // The terminal's colour depth: chalk (and node:tty with it) is loaded only to ask it.
  const { supportsColor } = await import('chalk');
  if (flag === true) return supportsColor ? supportsColor.level || 1 : 1;
  return supportsColor ? supportsColor.level : 0;
}

/**
 * Writes the output to --output or to stdout. The file is written whole or not at all (see
 * writeFileAtomic); call `guardOutput` before the run, so that no input is ever replaced.
 */
export function emit(io: Io, text: Output, output: string | undefined): void {
  if (output === undefined) {
    if (isLargeOutput(text)) for (const chunk of outputChunks(text)) io.stdout.write(chunk);
    else io.stdout.write(text as string | Uint8Array);
    return;
  }
  try {
    writeFileAtomic(io.cwd, output, text);
  } catch (error) {
    throw new UsageError('usage.cannotWrite', { file: output, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}
