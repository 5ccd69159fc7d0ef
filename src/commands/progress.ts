/**
 * A file counter on stderr for long runs on a terminal. Silent in CI, when stderr is not a terminal,
 * and when a machine format goes to stdout (the user is piping it), so that logs stay clean.
 */
import { message } from '../i18n/index.js';
import type { Lang } from '../types.js';
import type { Io } from './io.js';

const DELAY_MS = 1000;
const INTERVAL_MS = 100;

export interface Progress {
  tick(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

export interface ProgressOptions {
  /** A format for programs goes to stdout (the user is piping it): no counter. */
  machineOnStdout: boolean;
  /** The clock, in milliseconds. */
  now?: () => number;
}

export function progressFor(io: Io, lang: Lang, { machineOnStdout, now = Date.now }: ProgressOptions): Progress {
  // Asked last: finding out whether stderr is a terminal loads node:tty.
  if (machineOnStdout || io.env.CI || !io.stderr.isTTY) return SILENT;
  const start = now();
  let last = 0;
  let shown = false;
  return {
    tick(done, total) {
      const time = now();
      if (time - start < DELAY_MS || (time - last < INTERVAL_MS && done < total)) return;
      last = time;
      shown = true;
      io.stderr.write(`\r${message(lang, 'progress.files', { done, total })}`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
