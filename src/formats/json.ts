/**
 * `--format json`: exactly one JSON object, the output contract. A `--shard` run adds a `shard`
 * block (its index, the shard count, the files it checked and each branch's name and evaluation start) so
 * that `merge` can tell that it was given every shard exactly once; `merge` drops it again.
 */
import type { CheckResult } from '../types.js';
import type { ShardInfo } from './index.js';

export function formatJson(result: CheckResult, shard?: ShardInfo): string {
  const { branches, ...output } = result;
  const value = shard ? { ...output, shard: { index: shard.index, count: shard.count, files: shard.files, branches: branches ?? {} } } : output;
  return `${JSON.stringify(value, null, 2)}\n`;
}
