/**
 * `dangjian init`: a starter branch log and configuration in the working directory. It never
 * overwrites a file, and asks questions only on a terminal.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { message } from '../i18n/index.js';
import { UsageError } from '../options.js';
import { findPersonalNumbers } from '../privacy.js';
import type { Lang } from '../types.js';
import type { Io } from './io.js';

const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas/branch-log.schema.json');

export interface InitOptions {
  id?: string;
  name?: string;
  yes?: boolean;
}

export interface BranchAnswers {
  id: string;
  name: string;
  parent: string;
  members: number;
}

export async function initCommand(options: InitOptions, lang: Lang, io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<number> {
  const answers: BranchAnswers = { id: options.id ?? 'my-branch', name: options.name ?? message(lang, 'init.defaultName'), parent: '', members: 10 };
  if (!/^\S{1,64}$/.test(answers.id)) throw new UsageError('init.badId', { value: answers.id });
  if (stdin.isTTY && io.stdout.isTTY && !options.yes) await ask(answers, lang, io, stdin);
  // The starter log would fail its own no-personal-data check, and the number would be on disk.
  const personal = findPersonalNumbers([answers.id, answers.name, answers.parent].join('\n'));
  if (personal.length) throw new UsageError('init.personalData', { value: personal.map((match) => match.masked).join(', ') });

  const targets: [string, string][] = [
    ['branch.yaml', starterLog(answers, schemaReference(io.cwd), lang)],
    ['dangjian.config.yaml', starterConfig(lang)],
  ];
  for (const [name, content] of targets) {
    const file = path.join(io.cwd, name);
    if (existsSync(file)) {
      io.stdout.write(`${message(lang, 'init.exists', { file: name })}\n`);
      continue;
    }
    try {
      writeFileSync(file, content, { flag: 'wx' });
    } catch (error) {
      throw new UsageError('usage.cannotWrite', { file: name, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    io.stdout.write(`${message(lang, 'init.wrote', { file: name })}\n`);
  }
  io.stdout.write(`${message(lang, 'init.next')}\n`);
  return 0;
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
    const members = Number(await question('init.askMembers', String(answers.members)));
    if (Number.isInteger(members) && members >= 1) answers.members = members;
  } finally {
    rl.close();
  }
}

/** The schema path for the editor's YAML language server: relative when it can be. */
function schemaReference(cwd: string): string {
  return path.relative(cwd, SCHEMA_FILE).split(path.sep).join('/');
}

function yamlString(value: string): string {
  return /^[\p{L}\p{N}_-]+$/u.test(value) ? value : JSON.stringify(value);
}

export function starterLog(answers: BranchAnswers, schema: string, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const parent = answers.parent ? `  parent: ${yamlString(answers.parent)}\n` : zh ? '  # parent: 上级党委\n' : '  # parent: parent committee\n';
  return `# yaml-language-server: $schema=${schema}
# ${zh ? '党支部工作台账（格式版本 1）。每开展一次活动，在 activities 下加一条。' : 'Branch activity log (format version 1). Add one entry under activities per activity.'}
# ${zh ? '检查：npx dangjian check branch.yaml' : 'Check it: npx dangjian check branch.yaml'}
version: 1
branch:
  id: ${yamlString(answers.id)}
  name: ${yamlString(answers.name)}
${parent}  members: ${answers.members}
  # groups: [${zh ? '第一党小组, 第二党小组' : 'group-1, group-2'}]
  # termStart: 2024-05-10
features: []
  # - { year: 2026, feature: ${zh ? '安全先锋' : 'safety first'}, highlight: ${zh ? '亲情安全文化进家庭' : 'family safety culture'} }
staff: []
  # - { year: 2026, total: 120, archived: 120 }
activities: []
  # - date: 2026-01-06
  #   type: ${zh ? '支委会' : 'committee-meeting'}
  #   title: ${zh ? '一月支委会' : 'January committee meeting'}
  #   firstTopic: ${zh ? '学习习近平总书记关于安全生产的重要论述' : 'first topic studied'}
  # - date: 2026-01-15
  #   type: [${zh ? '主题党日, 党规党纪教育' : 'party-day, discipline-education'}]
  #   assignments: [${zh ? '学习党章第一章' : 'assignment completed'}]
cases: []
waivers: []
`;
}

export function starterConfig(lang: Lang): string {
  const zh = lang === 'zh-CN';
  return `# ${zh ? 'dangjian 配置。所有设置都可省略；命令行选项优先于这里的设置。' : 'dangjian configuration. Every setting is optional; command-line options win.'}
timezone: Asia/Shanghai
# since: 2026-01-01                 # ${zh ? '从这一天起检查（默认：检查日期所在年的 1 月 1 日）' : 'evaluation start (default: 1 January of the as-of year)'}
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
