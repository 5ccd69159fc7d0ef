import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescriptorOutput } from '../src/commands/io.js';
import { BIN, header, tempTree } from './helpers.js';

describe('the process output', () => {
  it('writes a report to a full, non-blocking pipe whole and in order, through the stream once the pipe is full', async () => {
    // The child reads nothing for a while: the pipe fills after 64 kB. The parent's end of a child's
    // stdin is non-blocking, as a descriptor a shell or a CI runner passes on may be.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.stdin.pipe(process.stdout), 300)'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const received: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise((resolve) => child.on('close', resolve));
    const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
    expect(fd).toBeGreaterThan(2);
    let opened = 0;
    const output = new DescriptorOutput(fd, () => (opened++, child.stdin));
    const report = Buffer.from('报告'.repeat(200_000), 'utf8');
    output.write(report);
    // The pipe was full: the rest went to the stream, which is used from now on.
    expect(opened).toBe(1);
    output.write('\nend\n');
    child.stdin.end();
    await closed;
    expect(Buffer.concat(received).equals(Buffer.concat([report, Buffer.from('\nend\n')]))).toBe(true);
  });

  it('writes to a file descriptor without making the stream', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dangjian-io-')), 'out.json');
    const fd = openSync(file, 'w');
    let opened = 0;
    const output = new DescriptorOutput(fd, () => (opened++, process.stdout));
    output.write(Buffer.from('{"结果": 1}\n', 'utf8'));
    output.write(Buffer.from('{"结果": 2}\n', 'utf8'));
    closeSync(fd);
    expect(opened).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('{"结果": 1}\n{"结果": 2}\n');
  });

  it('stops quietly when the reader goes away (| head)', () => {
    // Enough findings that the report is far larger than what a pipe holds.
    const logs: Record<string, string> = {};
    for (let i = 0; i < 200; i++) logs[`b${i}.yaml`] = `${header(`b${i}`)}activities: []\n`;
    const dir = tempTree(logs);
    const command = `"${process.execPath}" "${BIN}" check . --format json --as-of 2026-07-01 | head -c 20`;
    const full = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json', '--as-of', '2026-07-01'], { cwd: dir, encoding: 'utf8' });
    expect(full.stdout.length).toBeGreaterThan(256 * 1024);
    const result = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout).toBe('{\n  "version": 1,\n  ');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
