/**
 * The layers point one way: util ← load ← schema ← model ← rules (a folder imports only from the
 * folders before it). Every import, export-from and dynamic import of every module in src/ is read
 * with TypeScript's own pre-processor (type-only imports count too: a type is a dependency), then
 * the folders are checked twice: each import between them must point down the order, and no chain
 * of imports through any other module (engine, config, …) may lead from a folder back into itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The layers, lowest first. */
const LAYERS = ['util', 'load', 'schema', 'model', 'rules'];

const SRC = path.join(ROOT, 'src');

/**
 * Every TypeScript module in src/, as a path relative to src/ with `/` separators. A rule's tests
 * (src/rules/<id>/index.test.ts) sit beside it but are not part of the program: they are left out.
 */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    const module = /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts');
    return module ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/** The modules of src/ that `file` imports (relative specifiers; `.js` and `.cjs` name `.ts` and `.cts` sources). */
function importsOf(file: string, text: string, known: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cts');
      if (!known.has(target)) throw new Error(`${file}: cannot resolve ${specifier}`);
      return target;
    });
}

type ModuleGraph = Map<string, string[]>;

function readGraph(): ModuleGraph {
  const files = sourceFiles();
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file, readFileSync(path.join(SRC, file), 'utf8'), known)]));
}

/** The node a module stands for: its layer folder, or the module itself outside the layers. */
function nodeOf(file: string): string {
  const folder = file.split('/')[0];
  return file.includes('/') && LAYERS.includes(folder) ? `${folder}/` : file;
}

/** Imports from a layer to the same or a higher layer, as `from → to (file → imported)`. */
function upwardImports(graph: ModuleGraph): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    const from = LAYERS.indexOf(nodeOf(file).slice(0, -1));
    if (from < 0) continue;
    for (const target of imports) {
      const to = LAYERS.indexOf(nodeOf(target).slice(0, -1));
      if (to >= 0 && to > from) found.push(`${LAYERS[from]} → ${LAYERS[to]} (${file} → ${target})`);
    }
  }
  return found;
}

/** The cycles (strongly connected groups of more than one node) that pass through a layer folder. */
function layerCycles(graph: ModuleGraph): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = nodeOf(file);
    const targets = edges.get(from) ?? new Set<string>();
    for (const target of imports) if (nodeOf(target) !== from) targets.add(nodeOf(target));
    edges.set(from, targets);
  }
  return stronglyConnected(edges).filter((group) => group.length > 1 && group.some((node) => node.endsWith('/')));
}

/** Tarjan's algorithm: the strongly connected groups of a directed graph, each sorted. */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe('layers', () => {
  it('finds an upward import and a cycle through another module in a made-up graph', () => {
    const graph: ModuleGraph = new Map([
      ['load/a.ts', ['engine.ts']],
      ['schema/b.ts', ['load/a.ts']],
      ['model/c.ts', ['schema/b.ts', 'util/d.ts']],
      ['util/d.ts', []],
      ['rules/e.ts', ['model/c.ts']],
      ['engine.ts', ['rules/e.ts']],
    ]);
    expect(upwardImports(graph)).toEqual([]);
    expect(layerCycles(graph)).toEqual([['engine.ts', 'load/', 'model/', 'rules/', 'schema/']]);
    graph.set('engine.ts', []);
    graph.set('util/d.ts', ['model/c.ts']);
    expect(upwardImports(graph)).toEqual(['util → model (util/d.ts → model/c.ts)']);
    expect(layerCycles(graph)).toEqual([['model/', 'util/']]);
  });

  it('src/ imports only downwards from layer to layer', () => {
    expect(upwardImports(readGraph())).toEqual([]);
  });

  it('src/ has no import cycle through load, schema, model, rules or util', () => {
    expect(layerCycles(readGraph())).toEqual([]);
  });

  it('reads imports of every kind', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { B } from '../load/b.js';",
      "import {\n  C,\n} from './c.js';",
      "const d = await import('../d.js');",
      "import { e } from 'node:fs';",
    ].join('\n');
    const known = new Set(['model/a.ts', 'load/b.ts', 'model/c.ts', 'd.ts']);
    expect(importsOf('model/x.ts', text, known)).toEqual(['model/a.ts', 'load/b.ts', 'model/c.ts', 'd.ts']);
  });
});
