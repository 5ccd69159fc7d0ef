/** The process's streams and environment, passed in so commands can be run and tested in-process. */
import { mkdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../options.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output is written as UTF-8 bytes, messages as text. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean; stream?(): NodeJS.WritableStream };
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
    stdout: new DescriptorOutput(1, () => listened(process.stdout)),
    stderr: new DescriptorOutput(2, () => listened(process.stderr)),
  };
}

function listened(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount('error') === 0) stream.on('error', ignoreClosedReader);
  return stream;
}

/** An output descriptor, with its stream made (by `open`) only when text, a terminal or a wait needs it. */
export class DescriptorOutput {
  private opened?: NodeJS.WritableStream & { isTTY?: boolean };

  constructor(
    private readonly fd: number,
    private readonly open: () => NodeJS.WritableStream & { isTTY?: boolean },
  ) {}

  stream(): NodeJS.WritableStream & { isTTY?: boolean } {
    this.opened ??= this.open();
    return this.opened;
  }

  get isTTY(): boolean {
    return this.stream().isTTY === true;
  }

  write(text: string | Uint8Array): void {
    // A Windows console takes text through the stream only; once the stream exists, it keeps the order.
    if (typeof text === 'string' || this.opened || process.platform === 'win32') {
      this.stream().write(text);
      return;
    }
    let done = 0;
    try {
      while (done < text.length) done += writeSync(this.fd, text, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A descriptor left non-blocking by the parent process, and full: the stream waits for it.
      if (code === 'EAGAIN') this.stream().write(text.subarray(done));
      else if (code !== 'EPIPE') throw error;
    }
  }
}

/**
 * The reader of a pipe went away (`dangjian check logs | head`): the rest of the output has nowhere
 * to go, which is no error of the run. Without a listener Node would print a stack trace.
 */
function ignoreClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
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

/** Writes the output to --output (creating its folder) or to stdout. */
export function emit(io: Io, text: string | Uint8Array, output: string | undefined): void {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  // No output is YAML: such a name would replace a branch log (or the configuration), or be read as
  // a broken log by the next check.
  if (/\.ya?ml$/i.test(target)) throw new UsageError('usage.outputIsYaml', { file: output });
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new UsageError('usage.cannotWrite', { file: output, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}
