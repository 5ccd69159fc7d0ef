/** Test helpers: run the CLI (in this process, or the built one as a subprocess), and write throwaway YAML files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dangjian.cjs');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `dangjian ARGS` in `cwd` with a clean, colourless, Chinese environment unless `env` says otherwise. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
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
