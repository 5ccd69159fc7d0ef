/**
 * The top entries of a `node --cpu-prof` profile: self time by function and by package or source file.
 *
 *   node bench/profile-top.mjs FILE.cpuprofile [N]
 */
import { readFileSync } from 'node:fs';

export function profileTop(file, count = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const functions = new Map();
  const modules = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url.replace(/^file:\/\//, '');
    const where = url ? `${shortPath(url)}:${callFrame.lineNumber + 1}` : '';
    const name = `${callFrame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const module = url ? moduleOf(url) : callFrame.functionName || '(native)';
    modules.set(module, (modules.get(module) ?? 0) + micros);
  }
  const top = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: `${((100 * micros) / total).toFixed(1)}%` }));
  return { totalMs: Math.round(total / 1000), functions: top(functions), modules: top(modules) };
}

function shortPath(url) {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.split('/').slice(-2).join('/');
}

function moduleOf(url) {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  return shortPath(url);
}

if (process.argv[2]) {
  const { totalMs, functions, modules } = profileTop(process.argv[2], Number(process.argv[3] ?? 15));
  console.log(`total sampled: ${totalMs} ms\n\nself time by function:`);
  for (const row of functions) console.log(`  ${String(row.ms).padStart(6)} ms ${row.share.padStart(6)}  ${row.name}`);
  console.log('\nself time by package or file:');
  for (const row of modules) console.log(`  ${String(row.ms).padStart(6)} ms ${row.share.padStart(6)}  ${row.name}`);
}
