/**
 * `--format`, the same for every command: a name in the command's registry (src/formats/index.ts),
 * what the chosen format asks of the output, and the colour it is written in.
 */
import { formatNames, type FormatSpec } from '../formats/index.js';
import { parseChoice, UsageError } from '../options.js';
import { colorLevel, type Io } from './io.js';

export interface ChosenFormat<Name extends string, Render> {
  name: Name;
  spec: FormatSpec<Render>;
}

/** The format named by `--format` (default: the registry's first); else a usage error listing the names. */
export function parseFormat<Name extends string, Render>(registry: Record<Name, FormatSpec<Render>>, value: string | undefined): ChosenFormat<Name, Render> {
  const names = formatNames(registry);
  const name = parseChoice('--format', value ?? names[0], names);
  return { name, spec: registry[name] };
}

/** A binary format goes only to a file named with --output, never to the terminal. */
export function requireOutputFile(spec: FormatSpec<unknown>, output: string | undefined): void {
  // XLSX is the only binary format, and its message names it.
  if (spec.binary && (output === undefined || output === '-')) throw new UsageError('usage.xlsxNeedsOutput');
}

/** Whether stdout carries a format for programs (no progress counter beside it then). */
export function machineOnStdout(spec: FormatSpec<unknown>, output: string | undefined): boolean {
  return !spec.forTerminal && output === undefined;
}

/** The colour level of the output: a terminal format on stdout follows --color and the terminal; all else is plain. */
export async function outputColorLevel(spec: FormatSpec<unknown>, options: { output?: string; color?: boolean }, io: Io): Promise<0 | 1 | 2 | 3> {
  return spec.forTerminal && options.output === undefined ? colorLevel(options.color, io.env, io.stdout.isTTY) : 0;
}
