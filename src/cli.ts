/**
 * The command line: commander wiring, language, and the mapping of every user error to one line on
 * stderr and exit status 2. The commands themselves live in src/commands/.
 */
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './commands/check.js';
import { checkFormats, dueFormats, formatNames, reportFormats } from './formats/index.js';
import { configFor } from './commands/common.js';
import { processIo, type Io } from './commands/io.js';
import { mergeCommand } from './commands/merge.js';
import { message, resolveLang } from './i18n/index.js';
import { parseLang, UsageError } from './options.js';
import { VERSION } from './version.js';
import { maskPersonalData, outputText } from './privacy.js';
import type { Lang } from './types.js';


/** The value of an option given anywhere on the command line (help and errors need --lang early). */
function optionFromArgv(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

const CONFIGURED_COMMANDS = ['check', 'report', 'due', 'rules'];

/** The configuration's language, when the command reads a configuration and it is valid. */
function configuredLang(argv: string[], io: Io): string | undefined {
  if (!CONFIGURED_COMMANDS.includes(argv.find((arg) => !arg.startsWith('-')) ?? '')) return undefined;
  try {
    return configFor(io, optionFromArgv(argv, '--config')).lang;
  } catch {
    return undefined; // the command itself reports a broken configuration
  }
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Arguments:': 'cli.title.arguments',
  'Global Options:': 'cli.title.globalOptions',
};

/** What every command's declaration needs: its language, output, and where its exit status goes. */
interface Wiring {
  lang: Lang;
  io: Io;
  setExit: (code: number) => void;
  t: (id: string, params?: Record<string, string>) => string;
  /** A command with the program's help, output and error handling. */
  command: (name: string) => Command;
}

function buildProgram(lang: Lang, io: Io, setExit: (code: number) => void): Command {
  const t = (id: string, params?: Record<string, string>) => message(lang, id, params);
  const program = new Command('dangjian');
  const configure = (command: Command) =>
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => undefined })
      .configureHelp({ styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title), showGlobalOptions: false })
      .helpOption('-h, --help', t('cli.help'))
      .helpCommand(false);

  configure(program)
    .description(t('cli.description'))
    .version(VERSION, '-v, --version', t('cli.version'))
    .addOption(new Option('--lang <lang>', t('cli.lang')))
    .option('--debug', t('cli.debug'))
    .addHelpText('after', `\n${t('cli.examples')}`);

  const wiring: Wiring = { lang, io, setExit, t, command: (name) => configure(program.command(name)) };
  for (const declare of [declareCheck, declareMerge, declareReport, declareDue, declareRules, declareInit, declareTemplate, declareImport, declareExport]) declare(wiring);
  return program;
}

/** -f/--format (the command's formats, from its registry) and -o/--output. */
function withOutput(command: Command, { t }: Wiring, formatHelp: string, registry: Record<string, unknown>): Command {
  return command
    .addOption(new Option('-f, --format <format>', t(formatHelp, { formats: formatNames(registry).join('|') })))
    .option('-o, --output <file>', t('cli.output'));
}

/** The options of every command that reads logs or results, declared once. */
function withShared(command: Command, { t }: Wiring, { rule = 'cli.rule' }: { rule?: string } = {}): Command {
  return command
    .option('--lang <lang>', t('cli.lang'))
    .option('-c, --config <file>', t('cli.config'))
    .option('--rule <id:severity>', t(rule), (value: string, previous: string[] = []) => [...previous, value])
    .option('--color', t('cli.color'))
    .option('--no-color', t('cli.noColor'))
    .option('--debug', t('cli.debug'));
}

function declareCheck(wiring: Wiring): void {
  const { t, lang, io, setExit } = wiring;
  const check = withOutput(wiring.command('check').description(t('cli.check')).argument('[paths...]', t('cli.paths')), wiring, 'cli.format', checkFormats)
    .option('--as-of <date>', t('cli.asOf'))
    .option('--since <date>', t('cli.since'))
    .option('--max-warnings <n>', t('cli.maxWarnings'))
    .option('-q, --quiet', t('cli.quiet'))
    .option('--shard <i/n>', t('cli.shard'))
    .option('--docs-url <url>', t('cli.docsUrl'))
    .option('--cache', t('cli.cache'))
    .option('--cache-location <path>', t('cli.cacheLocation'))
    .option('--cache-strategy <strategy>', t('cli.cacheStrategy'))
    .option('--concurrency <n>', t('cli.concurrency'))
    .option('--fix', t('cli.fix'))
    .option('--fix-dry-run', t('cli.fixDryRun'))
    .option('--watch', t('cli.watch'));
  withShared(check, wiring)
    .addHelpText('after', `\n${t('cli.checkExamples')}`)
    .action(async (paths: string[], options) => setExit(await checkCommand(paths, options, lang, io)));
}

function declareMerge(wiring: Wiring): void {
  const { t, lang, io, setExit } = wiring;
  const merge = withOutput(wiring.command('merge').description(t('cli.merge')).argument('<files...>', t('cli.mergeFiles')), wiring, 'cli.format', checkFormats)
    .option('--max-warnings <n>', t('cli.maxWarnings'))
    .option('--docs-url <url>', t('cli.docsUrl'));
  withShared(merge, wiring, { rule: 'cli.mergeRule' })
    .addHelpText('after', `\n${t('cli.mergeExamples')}`)
    .action(async (files: string[], options) => setExit(await mergeCommand(files, options, lang, io)));
}

function declareReport(wiring: Wiring): void {
  const { t, lang, io, setExit } = wiring;
  const report = wiring.command('report').description(t('cli.report')).argument('[paths...]', t('cli.paths')).option('-p, --period <period>', t('cli.period'));
  withOutput(report, wiring, 'cli.reportFormat', reportFormats)
    .option('--as-of <date>', t('cli.asOf'))
    .option('--since <date>', t('cli.reportSince'));
  withShared(report, wiring)
    .addHelpText('after', `\n${t('cli.reportExamples')}`)
    .action(async (paths: string[], options) => {
      // report and due are loaded on demand: a check needs neither (nor their table layout).
      const { reportCommand } = await import('./commands/report.js');
      setExit(await reportCommand(paths, options, lang, io));
    });
}

function declareDue(wiring: Wiring): void {
  const { t, lang, io, setExit } = wiring;
  const due = withOutput(wiring.command('due').description(t('cli.due')).argument('[paths...]', t('cli.paths')), wiring, 'cli.dueFormat', dueFormats)
    .option('--as-of <date>', t('cli.asOf'))
    .option('--within <span>', t('cli.within'));
  withShared(due, wiring)
    .addHelpText('after', `\n${t('cli.dueExamples')}`)
    .action(async (paths: string[], options) => {
      const { dueCommand } = await import('./commands/due.js');
      setExit(await dueCommand(paths, options, lang, io));
    });
}

function declareRules({ t, lang, io, setExit, command }: Wiring): void {
  command('rules')
    .description(t('cli.rules'))
    .argument('[id]', t('cli.ruleId'))
    .option('--lang <lang>', t('cli.lang'))
    .option('-c, --config <file>', t('cli.config'))
    .addHelpText('after', `\n${t('cli.rulesExamples')}`)
    .action(async (id: string | undefined, options: { config?: string }) => {
      // Loaded on demand, like report, due and init.
      const { rulesCommand } = await import('./commands/rules.js');
      setExit(rulesCommand(id, lang, io, options.config));
    });
}

function declareInit({ t, lang, io, setExit, command }: Wiring): void {
  command('init')
    .description(t('cli.init'))
    .option('--id <id>', t('cli.initId'))
    .option('--name <name>', t('cli.initName'))
    .option('--members <n>', t('cli.initMembers'))
    .option('--groups <names>', t('cli.initGroups'))
    .option('--term-start <date>', t('cli.initTermStart'))
    .option('--since <date>', t('cli.initSince'))
    .option('-y, --yes', t('cli.initYes'))
    .option('--lang <lang>', t('cli.lang'))
    .addHelpText('after', `\n${t('cli.initExamples')}`)
    .action(async (options) => {
      const { initCommand } = await import('./commands/init.js');
      setExit(await initCommand(options, lang, io));
    });
}

function declareTemplate({ t, lang, io, setExit, command }: Wiring): void {
  command('template')
    .description(t('cli.template'))
    .option('-o, --output <file>', t('cli.templateOutput'))
    .option('--force', t('cli.force'))
    .option('--lang <lang>', t('cli.lang'))
    .addHelpText('after', `\n${t('cli.templateExamples')}`)
    .action(async (options) => {
      const { templateCommand } = await import('./commands/template.js');
      setExit(await templateCommand(options, lang, io));
    });
}

function declareImport({ t, lang, io, setExit, command }: Wiring): void {
  command('import')
    .description(t('cli.import'))
    .argument('<file>', t('cli.importFile'))
    .option('-o, --output <file>', t('cli.importOutput'))
    .option('--errors <file>', t('cli.importErrors'))
    .option('--sheet <name>', t('cli.importSheet'))
    .option('--branch-id <id>', t('cli.branchId'))
    .option('--branch-name <name>', t('cli.branchName'))
    .option('--members <n>', t('cli.members'))
    .option('--groups <names>', t('cli.groups'))
    .option('--year <year>', t('cli.year'))
    .option('--force', t('cli.force'))
    .option('--lang <lang>', t('cli.lang'))
    .addHelpText('after', `\n${t('cli.importExamples')}`)
    .action(async (input: string, options) => {
      const { importCommand } = await import('./commands/import.js');
      setExit(await importCommand(input, options, lang, io));
    });
}

function declareExport({ t, lang, io, setExit, command }: Wiring): void {
  command('export')
    .description(t('cli.export'))
    .argument('<log>', t('cli.exportFile'))
    .option('-o, --output <file>', t('cli.exportOutput'))
    .option('--force', t('cli.force'))
    .option('--lang <lang>', t('cli.lang'))
    .addHelpText('after', `\n${t('cli.exportExamples')}`)
    .action(async (input: string, options) => {
      const { exportCommand } = await import('./commands/export.js');
      setExit(await exportCommand(input, options, lang, io));
    });
}

/**
 * The streams with every message on stderr masked: messages name files, folders and values from
 * the command line, which may hold a personal number (the output on stdout is masked as it is made).
 */
function withMaskedMessages(io: Io): Io {
  const stderr = io.stderr;
  return {
    ...io,
    stderr: {
      write: (text: string) => stderr.write(maskPersonalData(text)),
      get isTTY() {
        return stderr.isTTY;
      },
    },
  };
}

/** Runs the command line and returns the exit status; never throws. */
export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  const io = withMaskedMessages(given);
  const explicitLang = optionFromArgv(argv, '--lang');
  let lang: Lang = resolveLang(undefined, undefined, io.env);
  const debug = argv.includes('--debug');
  const fail = (id: string, params?: Record<string, string | number>, lines: string[] = []) => {
    // Paths and values on the command line are input too: no personal number goes out in full.
    io.stderr.write(`dangjian: ${outputText(message(lang, id, params))}\n${lines.map((line) => `  ${outputText(line)}\n`).join('')}`);
    return 2;
  };
  // Output that could not be written (a full disk under `> file`) is an error of the run.
  const unwritten = async () => {
    const failure = await io.stdout.finish?.();
    return failure ? fail('usage.cannotWriteStdout', { code: failure.code ?? 'EIO' }) : undefined;
  };
  let program: Command | undefined;
  try {
    lang = explicitLang !== undefined ? parseLang(explicitLang) : resolveLang(undefined, configuredLang(argv, io), io.env);
    let exitCode = 0;
    program = buildProgram(lang, io, (code) => (exitCode = code));
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return (await unwritten()) ?? exitCode;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.messageId, error.params as Record<string, string>, error.lines?.[lang]);
    if (error instanceof CommanderError) {
      const status = commanderError(error, fail, helpCommand(argv, program));
      // Help and the version are output too.
      return status === 0 ? ((await unwritten()) ?? 0) : status;
    }
    if (debug) io.stderr.write(`${maskPersonalData((error as Error)?.stack ?? String(error))}\n`);
    return fail('usage.internal', { detail: String((error as Error)?.message ?? error).split('\n')[0] });
  }
}

/** The help that lists what a usage error is about: the command's own (`dangjian check --help`), else the tool's. */
function helpCommand(argv: string[], program: Command | undefined): string {
  const names = new Set(program?.commands.map((command) => command.name()));
  const command = argv.find((arg) => names.has(arg));
  return command !== undefined ? `dangjian ${command} --help` : 'dangjian --help';
}

function commanderError(error: CommanderError, fail: (id: string, params?: Record<string, string>) => number, help: string): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
    return 0;
  }
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean ([^?]+)\?/.exec(error.message)?.[1] ?? '';
  const known: Record<string, string> = {
    'commander.unknownOption': 'usage.unknownOption',
    'commander.unknownCommand': 'usage.unknownCommand',
    'commander.optionMissingArgument': 'usage.optionMissingArgument',
    'commander.missingArgument': 'usage.missingArgument',
    'commander.excessArguments': 'usage.excessArguments',
  };
  const id = known[error.code];
  if (!id) return fail('usage.generic', { detail: error.message.replace(/^error: /, '') });
  return fail(suggestion ? `${id}Suggest` : id, { name: quoted, suggestion, help });
}
