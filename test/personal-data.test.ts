/**
 * Personal data: no output of any command, in any format, on stdout, stderr or in a written file,
 * ever holds a full ID number, mobile number or bank card number found in the input, wherever it was
 * (titles, comments, keys, case fields, waiver reasons, file and folder names, the configuration,
 * the command line).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DUE_FORMATS, REPORT_FORMATS } from '../src/formats/index.js';
import { CHECK_FORMATS } from '../src/formats/index.js';
import { isValidIdNumber, passesLuhn } from '../src/privacy.js';
import { encodeGb18030 } from './hostile/catalogue.js';
import { runCli, runMain, tempTree, type CliResult } from './helpers.js';

/** An ID number with its check digit computed. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A card number completed with its Luhn digit. */
function card(prefix: string): string {
  for (let digit = 0; digit <= 9; digit++) if (passesLuhn(prefix + digit)) return prefix + digit;
  throw new Error('unreachable');
}

const IDS = [idNumber('11010119900307451'), idNumber('44030419851212123'), idNumber('32010219770101002'), idNumber('51010720000229888')];
const MOBILES = ['13800138000', '15912345678', '18611112222', '17700001111', '19987654321'];
const CARDS = [card('622202123456789012'), card('411111111111111'), card('621700000000000000'), card('625807123412341')];
const SEEDS = [...IDS, ...MOBILES, ...CARDS];

const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

function log(id: string, name: string, body: string): string {
  return `version: 1\nbranch:\n  id: ${id}\n  name: ${name}\n  members: 10\n  groups: [第一党小组]\n${body}`;
}

/** Every seed in some place where a user could type it; several places are echoed in messages. */
function corpus(): Record<string, string | Uint8Array> {
  const [id1, id2, id3, id4] = IDS;
  const [m1, m2, m3, m4, m5] = MOBILES;
  const [c1, c2, c3, c4] = CARDS;
  return {
    [`${m1}-台账/${id1}.yaml`]: log(
      id2,
      `测试${m2}支部`,
      `# 联系人 +86 ${spaced(m3)}，身份证 ${id3}
activities:
  - date: 2026-01-05
    type: 支委会
    title: 一月支委会 联系${fullWidth(m4)}
    firstTopic: 学习 ${c1}
  - date: 2026-01-20
    type: 学习${id4}
  - date: ${m5}
    type: 党课
  - date: 2026-01-21
    type: 党小组会
    group: 小组${c2}
  - date: 2026-01-22
    type: 党课
    ${id3}: 备注
cases:
  - id: ${id1}
    date: 2026-01-05
    trigger: 生病住院，电话 ${m1}
    staff: ${id2}
waivers:
  - rule: political-study-monthly
    period: 2026-01
    reason: 卡号 ${spaced(c3)} 已核实
    approvedBy: 党委 ${m2}
  - rule: national-defense-quarterly
    period: 2026-Q4
    reason: 身份证 ${id4}
    approvedBy: 党委 ${c4}
`,
    ),
    [`${m1}-台账/支部 ${m3}.yaml`]: log(id2, `测试${m4}支部 ${c2}`, 'activities: []\n'),
    [`${m1}-台账/${c1}.yaml`]: encodeGb18030(log('gbk', `测试${m5}支部`, '')),
    [`${m1}-台账/${id3}-broken.yaml`]: `${log('broken', '测试', '')}activities: [\n  - ${id4}\n`,
    'dangjian.config.yaml': `cadences:
  - id: contact-monthly
    type: 谈心谈话
    period: month
    min: 1
    severity: info
    title: { zh-CN: 每月谈心谈话, en: A talk every month }
    source: 公司党委〔2026〕3号
`,
  };
}

/** A configuration whose rule id, title and source would be printed by every command and format. */
const PERSONAL_CONFIG = `cadences:
  - id: contact-${MOBILES[2]}
    type: 党课
    period: month
    min: 1
    severity: info
    title: { zh-CN: 每月联系 ${MOBILES[2]}, en: Call ${MOBILES[2]} monthly }
    source: 文件 ${IDS[0]}
`;

/** A written report as text: an XLSX workbook is read cell by cell (its XML is compressed). */
async function readWritten(file: string): Promise<string> {
  if (!file.endsWith('.xlsx')) return readFileSync(file, 'utf8');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value ?? ''))));
  });
  return cells.join('\n');
}

interface Run extends CliResult {
  label: string;
  written?: string;
}

const AS_OF = ['--as-of', '2026-07-01'];

describe('personal numbers never leave the tool in full', () => {
  const runs: Run[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = tempTree(corpus());
    const logs = `${MOBILES[0]}-台账`;
    const record = async (label: string, args: string[], options: { cwd?: string; written?: string; env?: Record<string, string> } = {}) => {
      const result = await runMain(args, { cwd: options.cwd ?? dir, env: options.env });
      const written = options.written ? await readWritten(path.join(options.cwd ?? dir, options.written)) : undefined;
      runs.push({ label, ...result, written });
      return result;
    };
    for (const format of CHECK_FORMATS) {
      for (const lang of ['zh-CN', 'en']) {
        await record(`check ${format} ${lang}`, ['check', logs, ...AS_OF, '--format', format, '--lang', lang]);
      }
      await record(`check ${format} --output`, ['check', logs, ...AS_OF, '--format', format, '--output', `out/result.${format}`], { written: `out/result.${format}` });
    }
    await record('check --quiet', ['check', logs, ...AS_OF, '--quiet']);
    for (const shard of ['1/2', '2/2']) {
      await record(`check --shard ${shard}`, ['check', logs, ...AS_OF, '--shard', shard, '--format', 'json', '--output', `shard-${shard[0]}.json`], { written: `shard-${shard[0]}.json` });
    }
    for (const format of CHECK_FORMATS) {
      await record(`merge ${format}`, ['merge', 'shard-1.json', 'shard-2.json', '--format', format]);
    }
    await record('merge --output', ['merge', 'shard-1.json', 'shard-2.json', '--format', 'sarif', '--output', 'merged.sarif'], { written: 'merged.sarif' });
    for (const format of REPORT_FORMATS) {
      const output = `report/result.${format}`;
      await record(`report ${format}`, ['report', logs, ...AS_OF, '--period', '2026-Q1', '--format', format, '--output', output], { written: output });
      if (format !== 'xlsx') await record(`report ${format} stdout`, ['report', logs, ...AS_OF, '--period', '2026', '--format', format, '--lang', 'en']);
    }
    for (const format of DUE_FORMATS) {
      await record(`due ${format}`, ['due', logs, '--as-of', '2026-01-25', '--format', format]);
      await record(`due ${format} --output`, ['due', logs, '--as-of', '2026-01-25', '--format', format, '--output', `due/result.${format}`], { written: `due/result.${format}` });
    }
    await record('rules', ['rules']);
    await record('rules en', ['rules', '--lang', 'en']);
    await record('rules custom', ['rules', 'contact-monthly']);
    const personalConfig = tempTree({ 'dangjian.config.yaml': PERSONAL_CONFIG, 'logs/a.yaml': 'version: 1\n' });
    for (const command of [['check', 'logs'], ['rules'], ['merge', 'shard.json']]) {
      await record(`config with numbers: ${command[0]}`, command, { cwd: personalConfig });
    }
    await record('rules unknown', ['rules', `rule-${IDS[0]}`]);
    await record('init with a number', ['init', '--id', IDS[1], '--name', `支部${MOBILES[3]}`, '--yes'], { cwd: tempTree({}) });
    await record('missing path', ['check', `${IDS[2]}.yaml`]);
    await record('missing config', ['check', logs, '--config', `${CARDS[0]}.yaml`]);
    await record('bad option value', ['check', logs, '--as-of', MOBILES[4]]);
    await record('bad rule', ['check', logs, '--rule', `${IDS[3]}:off`]);
    await record('bad config', ['check', 'x'], { cwd: tempTree({ 'dangjian.config.yaml': `timezone: Asia/${MOBILES[0]}\n`, 'x/a.yaml': 'version: 1\n' }) });
    await record('internal error --debug', ['check', logs, '--debug'], { env: { DANGJIAN_TEST_INTERNAL_ERROR: `cannot read ${IDS[0]} ${CARDS[1]}` } });
    // The real binary once, for its own stdout and stderr handling.
    const binary = runCli(['check', logs, ...AS_OF], { cwd: dir });
    runs.push({ label: 'binary', ...binary });
  });

  it('finds the numbers: the corpus is not clean by accident', () => {
    const json = JSON.parse(runs.find((r) => r.label === 'check json zh-CN')!.stdout);
    const personal = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'no-personal-data');
    expect(personal.length).toBeGreaterThanOrEqual(12);
    expect(IDS.every(isValidIdNumber)).toBe(true);
    expect(CARDS.every((c) => passesLuhn(c))).toBe(true);
  });

  it('no stdout, stderr or written file holds a number in full, in any spelling', () => {
    const leaks: string[] = [];
    for (const run of runs) {
      for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr], ['written', run.written ?? '']] as const) {
        // Also with separators removed and full-width digits made ASCII, as a reader would read them.
        const normalized = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[ \-\u3000]|%20/g, '');
        for (const seed of SEEDS) {
          if (text.includes(seed) || normalized.includes(seed)) leaks.push(`${run.label} ${stream}: ${seed}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('no written file anywhere in the folder holds a number in full', async () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const file = path.join(folder, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
    const outputs = walk(dir).filter((file) => !file.includes('台账') && !file.endsWith('dangjian.config.yaml'));
    expect(outputs.length).toBeGreaterThanOrEqual(10);
    for (const file of outputs) {
      expect(path.relative(dir, file).replace(/[^\d]/g, '')).not.toMatch(new RegExp(SEEDS.join('|')));
      const text = await readWritten(file);
      for (const seed of SEEDS) expect(text.includes(seed), `${file} holds ${seed}`).toBe(false);
    }
  });

  it('every run ended as designed: findings (1), success (0) or a usage error (2), a stack only with --debug', () => {
    for (const run of runs) {
      expect([0, 1, 2], run.label).toContain(run.status);
      if (!run.label.includes('--debug')) expect(run.stderr, run.label).not.toMatch(/\n\s+at /);
    }
    expect(runs.find((r) => r.label === 'config with numbers: rules')).toMatchObject({
      status: 2,
      stderr: 'dangjian: 配置文件 dangjian.config.yaml:2:17 有误：此处有身份证号、手机号或银行卡号 186****2222。配置文件中不得出现个人信息，请删除\n',
    });
    expect(runs.find((r) => r.label === 'init with a number')).toMatchObject({
      status: 2,
      stderr: `dangjian: 支部编号、名称中不得有身份证号、手机号或银行卡号（${IDS[1].slice(0, 4)}**********${IDS[1].slice(-4)}, 177****1111）：台账中不得出现个人信息\n`,
    });
  });
});
