/**
 * `--format json`: exactly one JSON object, the output contract. A `--shard` run adds a `shard`
 * block (its index, the shard count, the files it checked and each branch's name and evaluation start) so
 * that `merge` can tell that it was given every shard exactly once; `merge` drops it again. A run
 * whose configuration was found in a folder above the working directory names it in `config`.
 */
import type { CheckResult } from '../types.js';
import type { ShardInfo } from './index.js';
import { prettyJson, prettyJsonParts } from './json-parts.js';

/** The JSON output as one text. */
export function formatJson(result: CheckResult, shard?: ShardInfo, config?: string): string {
  return prettyJson(outputValue(result, shard, config));
}

/** The JSON output in parts (see prettyJsonParts), as it is written. */
export function formatJsonParts(result: CheckResult, shard?: ShardInfo, config?: string): Iterable<string> {
  return prettyJsonParts(outputValue(result, shard, config));
}

/** What the JSON output holds: the result, less the branches that only a shard's block names. */
function outputValue(result: CheckResult, shard?: ShardInfo, config?: string): object {
  const { branches, ...output } = result;
  const block = shard && {
    index: shard.index,
    count: shard.count,
    files: shard.files,
    branches: branches ?? {},
    ...(shard.lang ? { lang: shard.lang } : {}),
    ...(shard.settings ? { settings: shard.settings } : {}),
  };
  const sharded = block ? { ...output, shard: block } : output;
  // Only when the configuration came from a folder above: every other output keeps its bytes.
  return config !== undefined ? { ...sharded, config } : sharded;
}
