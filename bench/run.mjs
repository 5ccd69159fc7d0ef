/**
 * The side-by-side benchmark (`npm run bench`): whole processes, several runs each, median and
 * minimum wall time and peak memory, on the generated corpus. The runs go in rounds (one of each
 * command per round), so that the ratios compare runs made under the same conditions. Prints one
 * table with the ratios the specification sets targets for, and writes bench/results.json.
 *
 *   node bench/run.mjs [--runs N] [--quick] [--only NAME,...] [--docs]
 *
 * --quick skips the 10,000-branch corpus; --only runs some measurements (names as in the table);
 * --docs puts the table into docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIG_BRANCH, CORPUS_AS_OF, CORPUS_SINCE, ensureCorpus, writeBigBranch } from './corpus.mjs';
import { addXlsxJobs } from './xlsx.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option('--runs', '5'));
const QUICK = args.includes('--quick');
const ONLY = option('--only', '')?.split(',').filter(Boolean) ?? [];
const DOCS = args.includes('--docs');

const NODE = process.execPath;
const BIN = path.join(root, 'bin', 'dangjian.cjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dangjian-bench-'));

function log(text) {
  process.stderr.write(`${text}\n`);
}

/** Runs a command once: wall time in ms, peak RSS in MB, exit status, and stdout when asked. */
function runOnce(command, commandArgs, { cwd = root, keepStdout = false } = {}) {
  const rssFile = path.join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  let file = command;
  let argv = commandArgs;
  const env = { ...process.env, NO_COLOR: '1' };
  if (TIME) {
    file = TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...commandArgs];
  } else {
    // No /usr/bin/time: the child (always Node here) reports its own peak RSS as it exits.
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${path.join(here, 'rss-probe.cjs')}`.trim();
    env.BENCH_RSS_FILE = rssFile;
  }
  const start = performance.now();
  const result = spawnSync(file, argv, { cwd, env, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  let rssKb = NaN;
  try {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rssKb = Number(lines[lines.length - 1]);
  } catch {
    // not reported
  }
  return { ms, rssMb: rssKb / 1024, status: result.status, stdout: keepStdout ? result.stdout.toString() : '', stderr: result.stderr.toString() };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const measurements = [];
const jobs = [];

/**
 * Adds a command to time `runs` times (after `warmup` untimed runs). Nothing runs yet: `runAll`
 * runs the jobs in rounds, one run of each per round, so that a machine that is slower for a while
 * slows every command alike and the ratios stay fair.
 */
function measure(name, command, commandArgs, { runs = RUNS, warmup = 1, note, before } = {}) {
  if (ONLY.length && !ONLY.includes(name)) return undefined;
  const job = { name, command, commandArgs, runs, warmup, note, before, samples: [], entry: undefined };
  jobs.push(job);
  return job;
}

function runAll() {
  for (const job of jobs) {
    log(`${job.name}: ${[job.command === NODE ? 'node' : job.command, ...job.commandArgs].join(' ')}`);
    for (let i = 0; i < job.warmup; i++) {
      job.before?.();
      runOnce(job.command, job.commandArgs);
    }
  }
  const rounds = Math.max(0, ...jobs.map((job) => job.runs));
  for (let round = 0; round < rounds; round++) {
    for (const job of jobs) {
      if (round >= job.runs) continue;
      job.before?.();
      job.samples.push(runOnce(job.command, job.commandArgs));
    }
    log(`  round ${round + 1} of ${rounds}`);
  }
  for (const job of jobs) {
    const { samples } = job;
    job.entry = {
      name: job.name,
      command: [job.command === NODE ? 'node' : path.relative(root, job.command) || job.command, ...job.commandArgs].join(' '),
      runs: job.runs,
      medianMs: Math.round(median(samples.map((s) => s.ms))),
      minMs: Math.round(Math.min(...samples.map((s) => s.ms))),
      peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))),
      exitStatus: samples[samples.length - 1].status,
      ...(job.note ? { note: job.note } : {}),
    };
    measurements.push(job.entry);
    log(`${job.name}: median ${job.entry.medianMs} ms, min ${job.entry.minMs} ms, peak RSS ${job.entry.peakRssMb} MB, exit ${job.entry.exitStatus}`);
  }
}

/** Whether `dangjian check --help` lists an option (options being built elsewhere may be absent). */
function checkHasOption(name) {
  const help = spawnSync(NODE, [BIN, 'check', '--help', '--lang', 'en'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  return help.includes(name);
}

/** The shipped schema, or one generated from the built sources into a temporary file. */
async function schemaFile() {
  const shipped = path.join(root, 'schemas', 'branch-log.schema.json');
  if (existsSync(shipped)) return { file: shipped, generated: false };
  const { branchLogSchema } = await import(pathToFileURL(path.join(root, 'dist', 'schema', 'branch-log-schema.js')).href);
  const { BUILTIN_TYPES, TypeRegistry } = await import(pathToFileURL(path.join(root, 'dist', 'model', 'activity-types.js')).href);
  const file = path.join(scratch, 'branch-log.schema.json');
  writeFileSync(file, JSON.stringify(branchLogSchema(new TypeRegistry(BUILTIN_TYPES).allNames()), null, 2));
  return { file, generated: true };
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function main() {
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('run npm run build first');
  const corpus1k = ensureCorpus(path.join(here, 'corpus', '1k'), 1000);
  const corpus10k = QUICK ? undefined : ensureCorpus(path.join(here, 'corpus', '10k'), 10000);
  log(`corpus 1k: ${corpus1k.files} files, ${corpus1k.activities} activities, ${(corpus1k.bytes / 1e6).toFixed(1)} MB`);
  if (corpus10k) log(`corpus 10k: ${corpus10k.files} files, ${corpus10k.activities} activities, ${(corpus10k.bytes / 1e6).toFixed(1)} MB`);
  // Every rule at its default (bench/dangjian.config.yaml), not the repository's list for its tests.
  const window = ['--as-of', CORPUS_AS_OF, '--since', CORPUS_SINCE, '--config', path.join(here, 'dangjian.config.yaml')];
  const dir1k = path.relative(root, path.join(here, 'corpus', '1k'));
  const dir10k = path.relative(root, path.join(here, 'corpus', '10k'));

  const nodeJob = measure('node -e 0', NODE, ['-e', '0'], { runs: Math.max(RUNS, 10) });
  const singleJob = measure('single file', NODE, [BIN, 'check', 'examples/clean/concentrator-2.yaml', '--as-of', '2026-07-01'], { runs: Math.max(RUNS, 10) });
  const check1kJob = measure('check 1k', NODE, [BIN, 'check', dir1k, '--format', 'json', ...window]);

  const schema = await schemaFile();
  const ajvCli = path.join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  let ajvJob;
  let ajvArgs;
  if (existsSync(ajvCli)) {
    // ajv-cli with its default output: one line per file, no error listing to print.
    ajvArgs = [ajvCli, 'validate', '-s', schema.file, '-d', `${dir1k}/**/*.yaml`, '--spec=draft7', '-c', 'ajv-formats', '--strict=false'];
    ajvJob = measure('ajv-cli 1k', NODE, ajvArgs, { note: schema.generated ? 'schema generated from the sources (schemas/ not present)' : undefined });
  } else {
    log('ajv-cli is not installed (npm ci installs it as a devDependency): skipped');
  }
  // The floor: js-yaml's core schema and one compiled validator, nothing else (bench/floor.mjs).
  const floorArgs = [path.join(here, 'floor.mjs'), schema.file, dir1k];
  const floorJob = measure('floor 1k', NODE, floorArgs);

  const check10kJob = corpus10k ? measure('check 10k', NODE, [BIN, 'check', dir10k, '--format', 'json', ...window], { runs: Math.max(1, Math.min(RUNS, 3)) }) : undefined;

  let cachedJob;
  if (checkHasOption('--cache')) {
    const location = path.join(scratch, 'cache');
    const cacheArgs = [BIN, 'check', dir1k, '--format', 'json', ...window, '--cache', '--cache-location', location];
    cachedJob = measure('check 1k cached', NODE, cacheArgs); // the warm-up run fills the cache
  } else {
    log('check has no --cache option: cached re-run skipped');
  }
  // A cached run after one file changed: a copy of the largest corpus, its cache filled by the
  // warm-up, and before every timed run one log edited (a comment added or taken away), so that each
  // run finds all but one file in the cache. Self-contained: its own copy, its own cache.
  let changedJob;
  if (checkHasOption('--cache')) {
    const size = corpus10k ? '10k' : '1k';
    const copy = path.join(scratch, `changed-${size}`);
    cpSync(path.join(here, 'corpus', size), copy, { recursive: true });
    const edited = path.join(copy, readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml')).sort()[0]);
    const original = statSync(edited).size;
    let turn = 0;
    // Every run sees new bytes in that one file (never a whole run the cache already holds).
    const before = () => {
      truncateSync(edited, original);
      appendFileSync(edited, `# changed for the bench, ${++turn}\n`);
    };
    const changedArgs = [BIN, 'check', copy, '--format', 'json', ...window, '--cache', '--cache-location', path.join(scratch, 'changed-cache')];
    // The warm-up fills the cache.
    changedJob = measure(`check ${size} cached after one change`, NODE, changedArgs, { before, runs: Math.max(1, Math.min(RUNS, 3)) });
  }
  // One branch of a million activities in 100 files: what a run holds at once is that branch.
  let bigJob;
  if (!QUICK) {
    const big = path.join(scratch, 'big-branch');
    writeBigBranch(big);
    const bigArgs = [BIN, 'check', big, '--format', 'json', '--as-of', BIG_BRANCH.asOf, '--config', path.join(here, 'dangjian.config.yaml')];
    bigJob = measure('check one branch of 1,000,000 activities', NODE, bigArgs, { runs: Math.max(1, Math.min(RUNS, 2)), warmup: 0 });
  }
  let shardJob;
  if (checkHasOption('--shard')) {
    shardJob = measure('check 1k shard 1/4', NODE, [BIN, 'check', dir1k, '--format', 'json', ...window, '--shard', '1/4']);
  } else {
    log('check has no --shard option: shard run skipped');
  }

  // Excel: check of the same corpus as workbooks, and import of a 10,000-row 台账 (bench/xlsx.mjs).
  const xlsxRatios = await addXlsxJobs({ root, here, measure, NODE, BIN, window, dir1k, corpusDir1k: path.join(here, 'corpus', '1k') });

  runAll();
  const [nodeBaseline, single, check1k, ajv, floor, check10k, cached, shard, changed] = [nodeJob, singleJob, check1kJob, ajvJob, floorJob, check10kJob, cachedJob, shardJob, changedJob].map(
    (job) => job?.entry,
  );
  let ajvRejected;
  if (ajv) {
    // ajv-cli reads YAML with js-yaml's default schema, which turns dates into Date objects, so it
    // rejects every valid log ("must be string"): its time counts all the same.
    const once = runOnce(NODE, ajvArgs, { keepStdout: true });
    const text = `${once.stdout}\n${once.stderr}`;
    ajvRejected = (text.match(/ invalid$/gm) ?? []).length;
    ajv.rejectedFiles = ajvRejected;
    ajv.checkedFiles = corpus1k.files;
    ajv.why = 'js-yaml default schema reads dates as Date objects';
  }
  if (floor) {
    const once = runOnce(NODE, floorArgs, { keepStdout: true });
    floor.output = once.stdout.trim();
  }

  // Targets are judged on the ratio itself; the table shows it to three places, so that a ratio
  // just over a target is not shown as on it.
  const ratio = (a, b) => (a && b ? a.medianMs / b.medianMs : undefined);
  const ratios = [
    { name: 'check 1k / ajv-cli 1k', value: ratio(check1k, ajv), target: '<= 1.0', pass: (v) => v <= 1 },
    { name: 'check 1k / floor 1k', value: ratio(check1k, floor), target: '<= 1.0', pass: (v) => v <= 1 },
    { name: 'check 10k / check 1k', value: ratio(check10k, check1k), target: '<= 11', pass: (v) => v <= 11 },
    { name: 'single file / node -e 0', value: ratio(single, nodeBaseline), target: '<= 2.0', pass: (v) => v <= 2 },
    { name: 'cached / cold (1k)', value: ratio(cached, check1k), target: '<= 0.2 (5x faster)', pass: (v) => v <= 0.2 },
    { name: 'shard 1/4 / all (1k)', value: ratio(shard, check1k), target: '~ 0.25 + start-up', pass: () => true },
    ...xlsxRatios(check1k),
    {
      name: `cached after one change / uncached (${check10k ? '10k' : '1k'})`,
      value: ratio(changed, check10k ?? check1k),
      target: '< 1 (cheaper than a cold run)',
      pass: (v) => v < 1,
    },
  ].map(({ pass, ...r }) => ({ ...r, value: r.value === undefined ? undefined : Number(r.value.toFixed(3)), met: r.value === undefined ? undefined : pass(r.value) }));
  const memory = check10k ? { name: 'peak RSS, check 10k', value: check10k.peakRssMb, target: '< 300 MB', met: check10k.peakRssMb < 300 } : undefined;
  const changedMemory = changed ? { name: `peak RSS, ${changed.name}`, value: changed.peakRssMb, target: '< 300 MB', met: changed.peakRssMb < 300 } : undefined;
  const big = bigJob?.entry;
  const bigMemory = big ? { name: `peak RSS, ${big.name}`, value: big.peakRssMb, target: '< 300 MB', met: big.peakRssMb < 300 } : undefined;
  const memoryRows = [memory, changedMemory, bigMemory].filter(Boolean);

  const info = machine();
  const table = [
    `Machine: ${info.nproc} cores, ${info.cpu}, ${info.memoryGiB} GiB, Node ${info.node}; load average at the end ${info.loadAverage.join(' ')}`,
    `Corpus: ${corpus1k.branches} branches / ${corpus1k.files} files / ${corpus1k.activities} activities / ${(corpus1k.bytes / 1e6).toFixed(1)} MB` +
      (corpus10k ? `; ${corpus10k.branches} branches / ${corpus10k.files} files / ${(corpus10k.bytes / 1e6).toFixed(1)} MB` : ''),
    '',
    '| run | median | min | peak RSS |',
    '| --- | ---: | ---: | ---: |',
    ...measurements.map((m) => `| ${m.name}${m.rejectedFiles !== undefined ? ` (rejects ${m.rejectedFiles}/${m.checkedFiles} files: ${m.why})` : ''}${m.output ? ` (${m.output})` : ''} | ${m.medianMs} ms | ${m.minMs} ms | ${m.peakRssMb} MB |`),
    '',
    '| ratio (medians) | value | target | met |',
    '| --- | ---: | --- | --- |',
    ...[...ratios, ...memoryRows].map((r) => `| ${r.name} | ${r.value ?? 'n/a'} | ${r.target} | ${r.met === undefined ? 'n/a' : r.met ? 'yes' : 'no'} |`),
  ].join('\n');
  console.log(table);

  const results = {
    date: new Date().toISOString(),
    machine: info,
    corpus: { '1k': corpus1k, ...(corpus10k ? { '10k': corpus10k } : {}) },
    measurements,
    ratios: [...ratios, ...memoryRows],
    ajvCliRejectedFiles: ajvRejected,
    table,
  };
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (DOCS) {
    const page = path.join(root, 'docs', 'performance.md');
    const text = readFileSync(page, 'utf8');
    const start = text.indexOf('<!-- bench:start -->');
    const end = text.indexOf('<!-- bench:end -->');
    if (start < 0 || end < start) throw new Error('docs/performance.md has no bench:start/bench:end markers');
    const dated = `${table}\n\nMeasured ${results.date.slice(0, 10)} with \`npm run bench\` (${RUNS} runs each; ${info.loadAverage[0]} load average at the end).`;
    writeFileSync(page, `${text.slice(0, start)}<!-- bench:start -->\n${dated}\n${text.slice(end)}`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((error) => {
  rmSync(scratch, { recursive: true, force: true });
  console.error(error);
  process.exitCode = 1;
});
