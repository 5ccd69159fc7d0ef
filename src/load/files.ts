/**
 * Expands the paths given on the command line (files, directories, globs) into a sorted list of
 * YAML files, each with the `/`-separated path relative to the working directory used in output.
 */
import { type Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface InputFile {
  absolute: string;
  /** Relative to the working directory, `/`-separated: what every output shows. */
  display: string;
  /**
   * Why the path was found but cannot be read (an error code: a folder nested deeper than the
   * system's path limit, ENAMETOOLONG, or one that may not be listed): the path is a finding.
   */
  unreadable?: string;
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

export const YAML_PATTERN = '**/*.{yaml,yml,xlsx}';
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export function displayPath(absolute: string, cwd: string): string {
  return displayFrom(cwd)(absolute);
}

/** displayPath for many files from one working directory (the file's name when it is that directory). */
function displayFrom(cwd: string): (absolute: string) => string {
  const relative = relativeFrom(cwd);
  return (absolute) => relative(absolute) || path.basename(absolute);
}

/**
 * `path.relative(from, to)` with `/` separators, for many `to` at once. A normalised absolute path
 * inside `from` (every path findFiles produces) is cut without resolving both paths again.
 */
function relativeFrom(from: string): (to: string) => string {
  const base = path.resolve(from);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  const slashes = (relative: string) => (path.sep === '/' ? relative : relative.split(path.sep).join('/'));
  return (to) => slashes(to.length > prefix.length && to.startsWith(prefix) ? to.slice(prefix.length) : path.relative(base, to));
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

/**
 * The YAML files under a folder: the files (not links) named *.yaml or *.yml whose path below the
 * folder has no part that starts with a dot or is node_modules. A folder that cannot be read is
 * left out. The paths are normalised when the folder's path is.
 *
 * This is what tinyglobby finds for YAML_PATTERN without dot entries, without following links and
 * with ALWAYS_IGNORED left out, but for one thing (a test holds the two to that on generated
 * trees): tinyglobby also takes every file inside a folder named *.yaml, such as
 * `notes.yaml/readme.txt`, which is no log. Read here, a folder costs no module to load.
 */
export function yamlFilesUnder(folder: string, unreadable?: [folder: string, code: string][]): string[] {
  const found: string[] = [];
  const pending: string[] = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Found, but not to be listed (deeper than the path limit, or closed): the caller is told.
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable?.push([dir, code]);
      continue;
    }
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (entry.isDirectory()) pending.push(prefix + name);
      else if (isLogName(name) && entry.isFile()) found.push(prefix + name);
    }
  }
  return found;
}

/**
 * A log's name: *.yaml, *.yml, or a workbook *.xlsx (not the `~$` lock file Excel keeps beside an
 * open one), in any case: files copied from Windows or an older system are often named 台账.YAML or
 * 台账.XLSX.
 */
function isLogName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.yaml') || lower.endsWith('.yml') || (lower.endsWith('.xlsx') && !name.startsWith('~$'));
}

/** tinyglobby, loaded only when a glob is given (a file or a folder needs none). */
let globModule: Promise<typeof import('tinyglobby')> | undefined;
function tinyglobby() {
  return (globModule ??= import('tinyglobby'));
}

export async function findFiles(inputs: string[], cwd: string, ignore?: IgnoreRules): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  // picomatch is loaded only when there are patterns to match (the build bundles it, with the
  // code cache of the command line).
  const picomatch = ignore?.patterns.length ? (await import('picomatch')).default : undefined;
  const ignored = picomatch && ignore ? picomatch(ignore.patterns, { dot: true }) : undefined;
  const relativeToBase = ignored && relativeFrom(ignore!.base);
  const display = displayFrom(cwd);
  /** Adds a file by its normalised absolute path. */
  const add = (normal: string, { explicit = false }: { explicit?: boolean } = {}) => {
    // A file named on the command line is always checked; ignore patterns apply to expansion.
    if (!explicit && ((relativeToBase && ignored!(relativeToBase(normal))) || NEVER_LOGS.has(path.basename(normal)) || ignore?.files?.includes(normal))) {
      return;
    }
    if (!found.has(normal)) found.set(normal, { absolute: normal, display: display(normal) });
  };
  /** A path found that cannot be read: checked as a file-unreadable finding. */
  const addUnreadable = (normal: string, code: string) => {
    if (!found.has(normal)) found.set(normal, { absolute: normal, display: display(normal), unreadable: code });
  };
  const ignorePatterns = ALWAYS_IGNORED;
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    const unreadable: [string, string][] = [];
    if (stat?.isFile()) {
      add(absolute, { explicit: true });
    } else if (stat?.isDirectory()) {
      for (const file of yamlFilesUnder(absolute, unreadable)) add(file);
    } else if (!stat && statError(absolute) === 'ENAMETOOLONG') {
      addUnreadable(absolute, 'ENAMETOOLONG');
    } else if (!stat && (await tinyglobby()).isDynamicPattern(input.split(path.sep).join('/'))) {
      const pattern = input.split(path.sep).join('/');
      const { glob } = await tinyglobby();
      const matches = await glob(pattern, {
        cwd,
        absolute: true,
        followSymbolicLinks: false,
        ignore: ignorePatterns,
      });
      for (const match of matches) {
        const code = statError(match);
        if (code === undefined) add(path.resolve(match));
        else if (code === 'ENAMETOOLONG') addUnreadable(path.resolve(match), code);
      }
      unreadable.push(...(await unreadableUnderGlob(pattern, cwd)));
    } else if (stat) {
      throw new MissingPathError(input, 'not-a-file');
    } else if (lstatOrUndefined(absolute)?.isSymbolicLink()) {
      throw new MissingPathError(input, 'broken-link');
    } else {
      throw new MissingPathError(input);
    }
    for (const [folder, code] of unreadable) addUnreadable(folder, code);
  }
  // Code-point order, never locale order, so output is the same on every machine.
  return oneEntryPerFile([...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)));
}

/**
 * A file reached by several paths (a symbolic link to its folder, a hard link) is one file: it is
 * checked once, under the first of its paths in output order. Known by device and file id (where
 * the system gives none, 0, by its path alone).
 */
function oneEntryPerFile(files: InputFile[]): InputFile[] {
  if (files.length < 2) return files;
  const seen = new Set<string>();
  return files.filter((file) => {
    let id: string;
    try {
      // Plain numbers cost less than BigInts; a file id too large for one is asked for again exactly.
      const stats = statSync(file.absolute);
      if (stats.ino === 0) return true;
      id = Number.isSafeInteger(stats.ino) && Number.isSafeInteger(stats.dev) ? `${stats.dev}:${stats.ino}` : exactId(file.absolute);
    } catch {
      return true;
    }
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A file's device and file id, exact whatever their size. */
function exactId(file: string): string {
  const stats = statSync(file, { bigint: true });
  return `${stats.dev}:${stats.ino}`;
}

/** Why a path cannot be stated as a file: an error code, 'ENOTFILE' for a folder, or undefined for a file. */
function statError(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? undefined : 'ENOTFILE';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

/**
 * The folders below a glob's fixed start that are too deep to list and could hold a match: the
 * glob would pass over them without a word.
 */
async function unreadableUnderGlob(pattern: string, cwd: string): Promise<[string, string][]> {
  const picomatch = (await import('picomatch')).default;
  const { base } = picomatch.scan(pattern);
  const root = path.resolve(cwd, base || '.');
  if (!statOrUndefined(root)?.isDirectory()) return [];
  const unreadable: [string, string][] = [];
  yamlFilesUnder(root, unreadable);
  const matcher = picomatch(pattern.startsWith('/') ? pattern : path.posix.join(cwd.split(path.sep).join('/'), pattern), { dot: false });
  const depth = pattern.split('/').length;
  return unreadable.filter(([folder, code]) => {
    if (code !== 'ENAMETOOLONG') return false;
    if (pattern.includes('**')) return true;
    const slashed = folder.split(path.sep).join('/');
    for (let extra = 0, below = slashed; extra < depth; extra++, below += '/x') if (matcher(`${below}/x.yaml`)) return true;
    return false;
  });
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
