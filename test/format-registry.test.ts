/**
 * One registry of formats per command: the help text offers exactly its names, --format accepts
 * exactly them (anything else is a usage error that lists them), and each name runs its own
 * formatter, never another's.
 */
import { describe, expect, it } from 'vitest';
import { checkFormats, dueFormats, formatNames, reportFormats } from '../src/formats/index.js';
import { ROOT, runMain } from './helpers.js';

const COMMANDS = [
  { command: 'check', registry: checkFormats, args: ['examples/broken', '--as-of', '2026-07-01'] },
  { command: 'merge', registry: checkFormats, args: ['no-such-result.json'] },
  { command: 'report', registry: reportFormats, args: ['examples/clean', '--as-of', '2026-07-01', '--period', '2026-Q2'] },
  { command: 'due', registry: dueFormats, args: ['examples/clean', '--as-of', '2026-07-01'] },
];

/** What the first bytes of each format's output look like, by command and format. */
const LOOKS: Record<string, Record<string, RegExp>> = {
  check: {
    stylish: /^examples\/broken\/\S+\.yaml\n {2}\d+:\d+ /,
    json: /^\{\n {2}"version": 1,\n {2}"asOf"/,
    sarif: /^\{\n {2}"\$schema": "\S+sarif-schema/,
    junit: /^<\?xml [^\n]+\n<testsuites name="dangjian"/,
    github: /^::error file=examples\/broken\//,
    markdown: /^## dangjian/,
    codequality: /^\[\n {2}\{/,
  },
  report: {
    table: /^\d{4}年第二季度党支部工作汇总表\n/,
    markdown: /^## \d{4}年第二季度/,
    csv: /^\uFEFF上级党组织,/,
    html: /^<!DOCTYPE html>/,
    json: /^\{\n {2}"version": 1/,
  },
  due: { table: /^待办事项/, json: /^\{\n {2}"version": 1/, ics: /^BEGIN:VCALENDAR\r\n/ },
};

describe('format registries', () => {
  it.each(COMMANDS)('$command --help lists the registry, and an unknown format lists it too', async ({ command, registry, args }) => {
    const names = formatNames(registry);
    const help = await runMain([command, '--help', '--lang', 'en'], { cwd: ROOT });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`output format: ${names.join('|')} (default ${names[0]})`);
    const wrong = await runMain([command, ...args, '--format', 'nope', '--lang', 'en'], { cwd: ROOT });
    expect(wrong).toEqual({ status: 2, stdout: '', stderr: `dangjian: --format "nope" is not valid; choose one of: ${names.join(', ')}\n` });
  });

  it('knows the look of every format it tests', () => {
    expect(Object.keys(LOOKS.check)).toEqual(formatNames(checkFormats));
    expect(Object.keys(LOOKS.report)).toEqual(formatNames(reportFormats).filter((name) => !reportFormats[name].binary));
    expect(Object.keys(LOOKS.due)).toEqual(formatNames(dueFormats));
  });

  for (const { command, registry, args } of COMMANDS.filter((entry) => entry.command !== 'merge')) {
    const names = formatNames(registry).filter((name) => !(registry as Record<string, { binary?: boolean }>)[name].binary);
    it.each(names)(`${command} --format %s runs its own formatter`, async (name) => {
      const result = await runMain([command, ...args, '--format', name], { cwd: ROOT });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(LOOKS[command][name]);
    });
  }

  it('a binary format is refused on the terminal', async () => {
    const binary = formatNames(reportFormats).filter((name) => reportFormats[name].binary);
    expect(binary).toEqual(['xlsx']);
    const result = await runMain(['report', ...COMMANDS[2].args, '--format', 'xlsx', '--lang', 'en'], { cwd: ROOT });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dangjian: XLSX is a binary file/);
  });
});
