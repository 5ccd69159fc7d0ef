/**
 * `dangjian check --watch`: checks, then checks again each time a log is saved, clearing the
 * terminal and redrawing the result. Node's own fs.watch watches the folders that hold the logs
 * (and the folders given), so a new file is seen too; an editor's save (often a write to a
 * temporary file and a rename) is one change, after a short pause.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { message } from '../i18n/index.js';
import { UsageError } from '../options.js';
import type { Lang } from '../types.js';
import type { Io } from './io.js';

/** Saves come in bursts (write, rename, touch): wait this long after the last event. */
const SETTLE_MS = 150;
const WATCHED = /\.(ya?ml|xlsx)$/i;
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

export interface WatchHooks {
  /** Stops watching (the command then returns the status of the last check). */
  signal?: AbortSignal;
}

/** The folders to watch: those of the checked files, and the folders given on the command line. */
export function watchedFolders(files: string[], paths: string[], cwd: string, isFolder: (file: string) => boolean): string[] {
  const folders = new Set(files.map((file) => path.dirname(file)));
  for (const given of paths.length ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    if (isFolder(absolute)) folders.add(absolute);
  }
  return [...folders].sort();
}

export async function watchCheck(
  run: () => Promise<{ status: number; files: string[] }>,
  paths: string[],
  lang: Lang,
  io: Io,
  isFolder: (file: string) => boolean,
  hooks: WatchHooks = {},
): Promise<number> {
  let status = 0;
  let lastFiles: string[] = [];
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const redraw = async (first: boolean) => {
    if (!first && io.stdout.isTTY) io.stdout.write(CLEAR);
    let result: { status: number; files: string[] };
    try {
      result = await run();
    } catch (error) {
      // A usage error on a later round (every log deleted, a broken configuration): said, and watched on.
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`dangjian: ${message(lang, error.messageId, error.params)}\n`);
      result = { status: 2, files: lastFiles };
    }
    status = result.status;
    lastFiles = result.files;
    const folders = watchedFolders(result.files, paths, io.cwd, isFolder);
    for (const watcher of watchers) watcher.close();
    watchers = folders.flatMap((folder) => {
      try {
        return [watch(folder, (_event, name) => name && WATCHED.test(String(name)) && schedule())];
      } catch {
        return []; // a folder removed meanwhile: the next check reports what is missing
      }
    });
    io.stderr.write(`${message(lang, 'watch.waiting', { files: result.files.length })}\n`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(() => redraw(false))), SETTLE_MS);
  };
  await redraw(true);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      void running.then(resolve);
    };
    if (hooks.signal?.aborted) return stop();
    hooks.signal?.addEventListener('abort', stop, { once: true });
    // Ctrl+C, or a service manager's stop: the last check's status, not an interrupted process.
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return status;
}
