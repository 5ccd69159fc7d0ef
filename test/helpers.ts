/** Test helpers: run the CLI (in this process, or the built one as a subprocess), and write throwaway YAML files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dangjian.cjs');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `dangjian ARGS` in `cwd` with a clean, colourless, Chinese environment unless `env` says otherwise. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  return runNode([BIN, ...args], options.env, options);
}

/** A fresh temporary directory holding the given files (path → content). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dangjian-test-'));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}

/**
 * The repository's dangjian.config.yaml, which lists its rules one by one (`rules: { default: off }`):
 * a test that compares whole outputs of logs in a temporary folder puts it beside them, so that a
 * rule added later shows in its output only once the rule's line is added there.
 */
export const EXPLICIT_RULES = readFileSync(path.join(ROOT, 'dangjian.config.yaml'), 'utf8');

/** A minimal valid branch log header; append `activities:` etc. */
export function header(id = 'b1', extra = ''): string {
  return `version: 1\nbranch:\n  id: ${id}\n  name: 测试党支部\n  members: 10\n${extra}`;
}

/**
 * Runs `dangjian ARGS` in this process (the same `main` the binary calls), with the environment
 * runCli gives a subprocess: for every test that is not about the process itself. Nothing is shared
 * between runs: each has its own streams, environment and configuration.
 */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const { main } = await import('../src/cli.js');
  const stdout: Buffer[] = [];
  let stderr = '';
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const status = await main(args, {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    stdout: { write: (text: string | Uint8Array) => stdout.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text)), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { status, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
}

/**
 * Runs several commands one after the other in ONE process of the built command line, started with
 * `env` like runCli's: for tests of what the process's environment decides (its time zone and
 * locale), without a process per command.
 */
export function runInOneProcess(commands: { args: string[]; cwd?: string }[], options: { env?: Record<string, string | undefined> } = {}): CliResult[] {
  const script = `
    const { main } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href)});
    const commands = JSON.parse(process.argv[1]);
    const results = [];
    for (const { args, cwd } of commands) {
      const out = [];
      let err = '';
      const io = { cwd, env: process.env, stdout: { write: (t) => out.push(Buffer.from(t)), isTTY: false }, stderr: { write: (t) => (err += t), isTTY: false } };
      const status = await main(args, io);
      results.push({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    }
    process.stdout.write(JSON.stringify(results));`;
  const list = commands.map(({ args, cwd }) => ({ args, cwd: cwd ?? ROOT }));
  const result = runNode(['--input-type=module', '-e', script, JSON.stringify(list)], options.env);
  if (result.status !== 0) throw new Error(`the batch process failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as CliResult[];
}

/** `node ARGS` with runCli's clean environment. */
function runNode(args: string[], extraEnv: Record<string, string | undefined> = {}, options: { cwd?: string; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ...extraEnv };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', input: options.input, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
