/**
 * Expands the paths given on the command line (files, directories, globs) into a sorted list of
 * YAML files, each with the `/`-separated path relative to the working directory used in output.
 */
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';

export interface InputFile {
  absolute: string;
  /** Relative to the working directory, `/`-separated: what every output shows. */
  display: string;
}

export class MissingPathError extends Error {
  constructor(
    readonly inputPath: string,
    /** Why: nothing there, a symbolic link to nothing (or a loop), or neither a file nor a folder. */
    readonly reason: 'missing' | 'broken-link' | 'not-a-file' = 'missing',
  ) {
    super(inputPath);
  }
}

const YAML_PATTERN = '**/*.{yaml,yml}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

/** Patterns of files to leave out of directory and glob expansion, relative to `base`. */
export interface IgnoreRules {
  patterns: string[];
  base: string;
  /** Files that are never branch logs (the configuration, the assignments file). */
  files?: string[];
}

/** Configuration files are YAML too, but never branch logs. */
const NEVER_LOGS = new Set(['dangjian.config.yaml', 'dangjian.config.yml']);

/** tinyglobby, loaded only when a directory or a glob is given (a single file needs none). */
let globModule: Promise<typeof import('tinyglobby')> | undefined;
function tinyglobby() {
  return (globModule ??= import('tinyglobby'));
}

export async function findFiles(inputs: string[], cwd: string, ignore?: IgnoreRules): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  // picomatch is loaded only when there are patterns to match.
  const picomatch = ignore?.patterns.length ? (await import('picomatch')).default : undefined;
  const ignored = picomatch && ignore ? picomatch(ignore.patterns, { dot: true }) : undefined;
  const isIgnored = (absolute: string) =>
    ignored !== undefined && ignored(path.relative(ignore!.base, absolute).split(path.sep).join('/'));
  const add = (absolute: string, explicit = false) => {
    const normal = path.resolve(absolute);
    // A file named on the command line is always checked; ignore patterns apply to expansion.
    if (!explicit && (isIgnored(normal) || NEVER_LOGS.has(path.basename(normal)) || ignore?.files?.includes(normal))) return;
    if (!found.has(normal)) found.set(normal, { absolute: normal, display: displayPath(normal, cwd) });
  };
  const ignorePatterns = ALWAYS_IGNORED;
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(absolute, true);
    } else if (stat?.isDirectory()) {
      const { glob } = await tinyglobby();
      const matches = await glob(YAML_PATTERN, {
        cwd: absolute,
        absolute: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ignorePatterns,
      });
      matches.forEach((match) => add(match));
    } else if (!stat && (await tinyglobby()).isDynamicPattern(input.split(path.sep).join('/'))) {
      const { glob } = await tinyglobby();
      const matches = await glob(input.split(path.sep).join('/'), {
        cwd,
        absolute: true,
        followSymbolicLinks: false,
        ignore: ignorePatterns,
      });
      matches.filter((m) => statOrUndefined(m)?.isFile()).forEach((match) => add(match));
    } else if (stat) {
      throw new MissingPathError(input, 'not-a-file');
    } else if (lstatOrUndefined(absolute)?.isSymbolicLink()) {
      throw new MissingPathError(input, 'broken-link');
    } else {
      throw new MissingPathError(input);
    }
  }
  // Code-point order, never locale order, so output is the same on every machine.
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
