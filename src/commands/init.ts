/**
 * `dangjian init`: a starter branch log and configuration in the working directory. It never
 * overwrites a file, and asks questions only on a terminal. The starter stays valid through the
 * edits a person makes first: removing the `# ` of an example line, copying an activity,
 * changing a date.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { message } from '../i18n/index.js';
import { isCalendarDate, todayIn } from '../model/dates.js';
import { parseTextDate } from '../xlsx/values.js';
import { UsageError } from '../options.js';
import { findPersonalNumbers, outputText } from '../privacy.js';
import type { Lang } from '../types.js';
import type { Io } from './io.js';
import { writeFileAtomic } from '../write-file.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA_IN_PACKAGE = 'schemas/branch-log.schema.json';

export interface InitOptions {
  id?: string;
  name?: string;
  members?: string;
  groups?: string;
  termStart?: string;
  /** The day the log begins (default: today in China): earlier periods are not judged. */
  since?: string;
  yes?: boolean;
}

export interface BranchAnswers {
  id: string;
  name: string;
  parent: string;
  members: number;
  groups?: string[];
  termStart?: string;
}

export async function initCommand(options: InitOptions, lang: Lang, io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<number> {
  const answers = answersFromOptions(options, lang);
  if (stdin.isTTY && io.stdout.isTTY && !options.yes) await ask(answers, lang, io, stdin);
  // The starter log would fail its own no-personal-data check, and the number would be on disk.
  const personal = findPersonalNumbers([answers.id, answers.name, answers.parent, ...(answers.groups ?? [])].join('\n'));
  if (personal.length) throw new UsageError('init.personalData', { value: personal.map((match) => match.masked).join(', ') });

  if (options.since !== undefined && !isCalendarDate(options.since)) throw new UsageError('usage.badDate', { option: '--since', value: options.since });
  // The 1st of this month: the month is pending (`due` lists it), never a finding before it ends.
  const since = options.since ?? `${todayIn('Asia/Shanghai').slice(0, 8)}01`;
  const where = installation(PACKAGE_ROOT, io.cwd);
  const command = `${where.command} check branch.yaml`;
  const targets: [string, string][] = [
    ['branch.yaml', starterLog(answers, where.schema, lang, command)],
    ['dangjian.config.yaml', starterConfig(lang, since)],
  ];
  for (const [name, content] of targets) {
    const file = path.join(io.cwd, name);
    if (existsSync(file)) {
      io.stdout.write(`${outputText(message(lang, 'init.exists', { file: name }))}\n`);
      continue;
    }
    try {
      // Whole or not at all, and never over a file that appeared meanwhile.
      writeFileAtomic(io.cwd, name, content, false);
    } catch (error) {
      throw new UsageError('usage.cannotWrite', { file: name, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    io.stdout.write(`${outputText(message(lang, 'init.wrote', { file: name }))}\n`);
  }
  io.stdout.write(`${outputText(message(lang, 'init.nextCommand', { command }))}\n`);
  return 0;
}

/** Party group names as people list them: 第一党小组、第二党小组 or group-1, group-2. */
export function parseGroups(value: string): string[] {
  return [...new Set(value.split(/[、，,;；]/).map((name) => name.trim()).filter(Boolean))];
}

function answersFromOptions(options: InitOptions, lang: Lang): BranchAnswers {
  const answers: BranchAnswers = { id: options.id ?? 'my-branch', name: options.name ?? message(lang, 'init.defaultName'), parent: '', members: 10 };
  if (!/^\S{1,64}$/.test(answers.id)) throw new UsageError('init.badId', { value: answers.id });
  if (options.members !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(options.members)) throw new UsageError('init.badMembers', { value: options.members });
    answers.members = Number(options.members);
  }
  if (options.groups !== undefined && parseGroups(options.groups).length) answers.groups = parseGroups(options.groups);
  if (options.termStart !== undefined) {
    const termStart = typedDate(options.termStart);
    if (termStart === undefined) throw new UsageError('init.badTermStart', { value: options.termStart });
    answers.termStart = termStart;
  }
  return answers;
}

async function ask(answers: BranchAnswers, lang: Lang, io: Io, stdin: NodeJS.ReadableStream): Promise<void> {
  const rl = createInterface({ input: stdin, output: io.stdout.stream?.() ?? (io.stdout as NodeJS.WritableStream) });
  try {
    const question = async (id: string, fallback: string) => (await rl.question(`${message(lang, id)} (${fallback}): `)).trim() || fallback;
    for (;;) {
      answers.id = await question('init.askId', answers.id);
      if (/^\S{1,64}$/.test(answers.id)) break;
      io.stdout.write(`${message(lang, 'init.badId', { value: answers.id })}\n`);
    }
    answers.name = await question('init.askName', answers.name);
    answers.parent = await question('init.askParent', answers.parent || '-');
    if (answers.parent === '-') answers.parent = '';
    for (;;) {
      const members = await question('init.askMembers', String(answers.members));
      if (/^[1-9]\d{0,5}$/.test(members)) {
        answers.members = Number(members);
        break;
      }
      io.stdout.write(`${message(lang, 'init.badMembers', { value: members })}\n`);
    }
    const groups = parseGroups(await question('init.askGroups', answers.groups?.join('、') || '-'));
    answers.groups = groups.length && groups[0] !== '-' ? groups : undefined;
    for (;;) {
      const date = await question('init.askTermStart', answers.termStart ?? '-');
      if (date === '-') break;
      const typed = typedDate(date);
      if (typed !== undefined) {
        answers.termStart = typed;
        break;
      }
      io.stdout.write(`${message(lang, 'init.badTermStart', { value: date })}\n`);
    }
  } catch (error) {
    // Ctrl+C or Ctrl+D at a question: the user cancelled, nothing was written.
    if ((error as NodeJS.ErrnoException).code === 'ABORT_ERR') throw new UsageError('init.cancelled');
    throw error;
  } finally {
    rl.close();
  }
}

/**
 * How dangjian was installed, seen from the working directory: the command that runs it there, and
 * the schema path for the editor's YAML language server.
 * - a project's dependency (`npm install --save-dev dangjian` in a logs repository) or the clone
 *   itself: `npx dangjian`, the schema inside it;
 * - a global install: `dangjian`; the schema where a logs repository keeps its devDependency, once
 *   there is a package.json, else the installed copy;
 * - anything else (a copy run by path): `node <path to the command>`.
 */
export function installation(packageRoot: string, cwd: string): { command: string; schema: string } {
  const relative = (target: string) => {
    const found = path.relative(cwd, target);
    return (path.isAbsolute(found) ? found : found || '.').split(path.sep).join('/');
  };
  const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  const installedSchema = relative(path.join(packageRoot, SCHEMA_IN_PACKAGE));
  const modules = path.dirname(packageRoot);
  if (path.basename(modules) === 'node_modules' && inside(cwd, path.dirname(modules))) return { command: 'npx dangjian', schema: installedSchema };
  if (inside(cwd, packageRoot)) return { command: 'npx dangjian', schema: installedSchema };
  const project = projectRoot(cwd);
  const schema = project ? relative(path.join(project, 'node_modules', 'dangjian', SCHEMA_IN_PACKAGE)) : installedSchema;
  if (path.basename(modules) === 'node_modules') {
    // npx keeps what it ran in its cache (…/_npx/…/node_modules/dangjian): npx runs it again.
    return { command: /[\\/]_npx[\\/]/.test(packageRoot) ? 'npx dangjian' : 'dangjian', schema };
  }
  const bin = path.join(packageRoot, 'bin', 'dangjian.cjs');
  const shown = inside(bin, cwd) ? relative(bin) : bin;
  return { command: `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`, schema };
}

/** The nearest folder at or above `cwd` with a package.json: a logs repository that can hold dangjian. */
function projectRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function yamlString(value: string): string {
  return /^[\p{L}\p{N}_-]+$/u.test(value) ? value : JSON.stringify(value);
}

/**
 * The starter log. Empty lists are written as a bare key (`activities:` reads as an empty list)
 * with the examples commented out beneath it, indented as items: removing the `# ` of an example
 * gives a valid item, where `activities: []` followed by an item would not parse.
 */
export function starterLog(answers: BranchAnswers, schema: string, lang: Lang, command = 'npx dangjian check branch.yaml'): string {
  const zh = lang === 'zh-CN';
  const t = (chinese: string, english: string) => (zh ? chinese : english);
  const optional = (key: string, value: string | undefined, example: string) => (value ? `  ${key}: ${value}\n` : `  # ${key}: ${example}\n`);
  return `# yaml-language-server: $schema=${schema}
# ${t('党支部工作台账（格式版本 1）。每开展一次活动，在 activities 下加一条。', 'Branch activity log (format version 1). Add one entry under activities per activity.')}
# ${t('示例行去掉行首的“# ”即可启用；复制一条活动、改掉日期和内容，就是新的一条。', 'Remove the “# ” at the start of an example line to use it; copy an activity and change its date for the next one.')}
# ${t('检查：', 'Check it: ')}${command}
version: 1
branch:
  id: ${yamlString(answers.id)}
  name: ${yamlString(answers.name)}
${optional('parent', answers.parent ? yamlString(answers.parent) : undefined, t('上级党委', 'parent committee'))}  members: ${answers.members}
${optional('groups', answers.groups ? `[${answers.groups.map(yamlString).join(', ')}]` : undefined, t('[第一党小组, 第二党小组]', '[group-1, group-2]'))}${optional('termStart', answers.termStart, '2024-05-10')}features:
  # - { year: 2026, feature: ${t('安全先锋', 'safety first')}, highlight: ${t('亲情安全文化进家庭', 'family safety culture')} }
staff:
  # - { year: 2026, total: 120, archived: 120 }
activities:
  # - date: 2026-01-06
  #   type: ${t('支委会', 'committee-meeting')}
  #   title: ${t('一月支委会', 'January committee meeting')}
  #   firstTopic: ${t('学习习近平总书记关于安全生产的重要论述', 'first topic studied')}
  #   attendance: { expected: 5, present: 5 }
  # - date: 2026-01-15
  #   type: [${t('主题党日, 党规党纪教育', 'party-day, discipline-education')}]
  #   title: ${t('一月主题党日', 'January Party day')}
  #   assignments: [${t('学习党章第一章', 'assignment completed')}]
cases:
waivers:
`;
}

/**
 * The starter configuration. `since` is the month the log begins: a new log is not judged for the
 * months before it (its comment says how to judge earlier ones once they are filled in).
 */
export function starterConfig(lang: Lang, since: string): string {
  const zh = lang === 'zh-CN';
  return `# ${zh ? 'dangjian 配置。所有设置都可省略；命令行选项优先于这里的设置。' : 'dangjian configuration. Every setting is optional; command-line options win.'}
timezone: Asia/Shanghai
# ${zh ? '从建立台账的月份起检查，此前的月份不要求。补录了更早的活动后，把日期改早，或删去这一行' : 'Checked from the month the log began; earlier months are not required. Once earlier activities are filled in, move the date back or remove this line'}
# ${zh ? '（删去后从台账中最早活动所在年的 1 月 1 日起检查）' : '(without it: from 1 January of the year of the earliest activity)'}
since: ${since}
# lang: zh-CN
include: ["**/*.yaml"]               # ${zh ? '不写路径时检查的文件' : 'files checked when no paths are given'}
ignore: ["archive/**"]
maxFileSize: 1MiB
rules:
  # family-safety-yearly: off
  # party-lecture-quarterly: warning
  # case-follow-up: [error, { days: 5 }]
# types:                             # ${zh ? '补充的活动类型' : 'more activity types'}
#   - { id: safety-observation, name: 安全观察, aliases: [安全观察活动] }
# cadences:                          # ${zh ? '补充的频次要求' : 'more cadence requirements'}
#   - id: safety-observation-monthly
#     type: safety-observation
#     period: month
#     min: 1
#     severity: warning
#     title: { zh-CN: 每月开展安全观察, en: Monthly safety observation }
#     source: 公司党委〔2026〕3号
# assignments: assignments-2026.yaml  # ${zh ? '上级布置的每月规定作业' : 'monthly assignments from the parent committee'}
`;
}

/**
 * An election date as a secretary types it: 2024-05-10, or 2024/5/10, 2024.5.10 or 2024年5月10日
 * as in a workbook (written into the log as YYYY-MM-DD); undefined when it is no real date.
 */
function typedDate(text: string): string | undefined {
  if (isCalendarDate(text)) return text;
  const parsed = parseTextDate(text);
  return 'date' in parsed ? parsed.date : undefined;
}
