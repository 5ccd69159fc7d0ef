/**
 * Repairs of YAML syntax errors that are mechanical and certain: a full-width colon, space or dash
 * where YAML needs an ASCII one, a tab in the indentation, a missing space after a key's colon,
 * a line indented out of step with its neighbours, and items written under an empty-list
 * placeholder (`features: []`). A repair is only ever tried where the parser stopped, and kept
 * only when the parser then gets past that line: a text that parses is never touched here.
 */
import { parseYamlReference, type YamlProblem } from './yaml.js';
import { indentOf, isContent, joinLines, splitLines, type Line } from './lines.js';

export type SyntaxFixKind = 'fullwidth-colon' | 'fullwidth-space' | 'fullwidth-dash' | 'tab' | 'missing-space' | 'indent' | 'placeholder';

export interface SyntaxRepair {
  kind: SyntaxFixKind;
  /** The 1-based line that is repaired (the first one, for a block moved as a whole). */
  line: number;
  /** Replaced lines: 0-based index and new text (line endings are kept). */
  changes: { index: number; text: string }[];
}

/** Keys as people type them: an ASCII name, or a Chinese one. */
const KEY = String.raw`[A-Za-z_][\w-]*|\p{Script=Han}+`;
const FULLWIDTH_COLON_KEY = /^( *(?:- )?)([^\s:：#'"{}[\],]+)：[ \u3000]*/u;
const MISSING_SPACE = new RegExp(String.raw`^( *(?:- +)?)(${KEY}):(?=[^\s:/#])`, 'u');
const FULLWIDTH_DASH = /^( *)[－—–]([ \u3000])/;
const PLACEHOLDER = /^([^#]*?:)[ \t]*\[\](?=[ \t]*(#.*)?$)/;

function previousContent(lines: Line[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i].text)) return i;
  return -1;
}

function replaced(kind: SyntaxFixKind, index: number, text: string): SyntaxRepair {
  return { kind, line: index + 1, changes: [{ index, text }] };
}

/** The file's indentation step: the least indentation of a line indented with spaces only (else 2). */
function fileStep(lines: Line[]): number {
  let step = Infinity;
  for (const { text } of lines) {
    const indent = indentOf(text);
    if (indent > 0 && indent < step && isContent(text) && text[indent] !== '\t') step = indent;
  }
  return Number.isFinite(step) ? step : 2;
}

/** Repairs of the characters of one line. */
export function characterRepairs(lines: Line[], index: number): SyntaxRepair[] {
  const text = lines[index].text;
  const lead = /^[ \t\u3000]*/.exec(text)![0];
  const rest = text.slice(lead.length);
  const found: SyntaxRepair[] = [];
  if (lead.includes('\t')) {
    // A tab is as wide as the editor made it: first the widths that fit the line above (one step
    // under a key that opens a block; else its key, or the content after its dash), then the usual.
    const above = previousContent(lines, index);
    const aboveText = above < 0 ? '' : lines[above].text;
    const opens = /:[ \t]*(#.*)?$/.test(aboveText);
    const fitting = opens
      ? [indentOf(aboveText) + fileStep(lines), indentOf(aboveText) + 2, indentOf(aboveText) + 4]
      : [/^( *- +)/.exec(aboveText)?.[1].length ?? 0, indentOf(aboveText)];
    const widths = [...fitting, ...[2, 4, 8].map((unit) => lead.replace(/\t/g, ' '.repeat(unit)).length)];
    for (const width of new Set(widths.filter((w) => w > 0))) found.push(replaced('tab', index, ' '.repeat(width) + rest));
  }
  // A tab after a list item's dash: the item's content starts one space after it.
  if (/^ *-\t/.test(text)) found.push(replaced('tab', index, text.replace(/^( *-)\t+/, '$1 ')));
  if (lead.includes('\u3000') || /^[^#]*?:\u3000/.test(rest)) {
    found.push(replaced('fullwidth-space', index, lead.replace(/\u3000/g, '  ') + rest.replace(/^([^#]*?):\u3000+/, '$1: ')));
  }
  if (FULLWIDTH_DASH.test(text)) found.push(replaced('fullwidth-dash', index, text.replace(FULLWIDTH_DASH, '$1- ').replace(/^( *- )\u3000+/, '$1')));
  const colon = FULLWIDTH_COLON_KEY.exec(text);
  if (colon) {
    // `branch：` opens a block: no space after its colon.
    const fixed = colon[0].length === text.length ? `${colon[1]}${colon[2]}:` : text.replace(FULLWIDTH_COLON_KEY, '$1$2: ');
    found.push(replaced('fullwidth-colon', index, fixed));
  }
  if (MISSING_SPACE.test(text)) found.push(replaced('missing-space', index, text.replace(MISSING_SPACE, '$1$2: ')));
  return found;
}

/** The lines of the block that starts at `index`: it and the lines after it indented deeper. */
function blockFrom(lines: Line[], index: number): number[] {
  const indent = indentOf(lines[index].text);
  const block = [index];
  for (let i = index + 1; i < lines.length; i++) {
    if (!isContent(lines[i].text)) continue;
    if (indentOf(lines[i].text) <= indent) break;
    block.push(i);
  }
  return block;
}

function shifted(lines: Line[], block: number[], delta: number): { index: number; text: string }[] {
  return block.map((i) => {
    const text = lines[i].text;
    return { index: i, text: delta >= 0 ? ' '.repeat(delta) + text : text.slice(Math.min(-delta, indentOf(text))) };
  });
}

/** The indentation of the nearest line above, less indented, that opens a block (`key:` or `- `); else -1. */
function openerAbove(lines: Line[], index: number, indent: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i].text;
    if (!isContent(text) || indentOf(text) >= indent) continue;
    if (/:[ \t]*(#.*)?$/.test(text) || /^ *- /.test(text)) return indentOf(text);
  }
  return -1;
}

/**
 * Indentation repairs: the line (with the lines under it) moved to a level used above it, nearest
 * first; or, when the line is in step and the block above it is not, that block moved to its level.
 * Levels that keep the file's two-space steps come first.
 */
function indentRepairs(lines: Line[], index: number): SyntaxRepair[] {
  const current = indentOf(lines[index].text);
  const levels = new Set<number>();
  for (let i = 0; i < index; i++) {
    const text = lines[i].text;
    if (!isContent(text)) continue;
    levels.add(indentOf(text));
    const dash = /^( *- +)/.exec(text);
    if (dash) levels.add(dash[1].length);
  }
  levels.delete(current);
  // A line stays in the block it is in: deeper than the nearest line above that opens a block.
  const floor = openerAbove(lines, index, current);
  for (const level of levels) if (level <= floor) levels.delete(level);
  const found: { repair: SyntaxRepair; even: boolean; distance: number }[] = [];
  const block = blockFrom(lines, index);
  for (const level of levels) {
    found.push({ repair: { kind: 'indent', line: index + 1, changes: shifted(lines, block, level - current) }, even: level % 2 === 0, distance: Math.abs(level - current) });
  }
  // The block above, deeper than this line, whose least indentation is out of step.
  const above: number[] = [];
  for (let i = index - 1; i >= 0; i--) {
    if (!isContent(lines[i].text)) continue;
    if (indentOf(lines[i].text) <= current) break;
    above.unshift(i);
  }
  if (above.length) {
    const least = Math.min(...above.map((i) => indentOf(lines[i].text)));
    const delta = current - least;
    if (delta !== 0 && least % 2 === 1) {
      found.push({ repair: { kind: 'indent', line: above[0] + 1, changes: shifted(lines, above, delta) }, even: true, distance: 0 });
    }
  }
  found.sort((a, b) => Number(b.even) - Number(a.even) || a.distance - b.distance);
  return found.map((entry) => entry.repair);
}

function placeholderRepair(lines: Line[], index: number): SyntaxRepair[] {
  const above = previousContent(lines, index);
  if (above < 0 || !PLACEHOLDER.test(lines[above].text)) return [];
  if (indentOf(lines[index].text) < indentOf(lines[above].text)) return [];
  return [replaced('placeholder', above, lines[above].text.replace(PLACEHOLDER, '$1'))];
}

function nextContent(lines: Line[], index: number): number {
  for (let i = index + 1; i < lines.length; i++) if (isContent(lines[i].text)) return i;
  return -1;
}

/** The parser often stops a line early or late: the reported line, the next and the previous one. */
function candidates(lines: Line[], index: number): SyntaxRepair[] {
  if (index < 0 || index >= lines.length) return [];
  const near = [index, nextContent(lines, index), previousContent(lines, index)].filter((i) => i >= 0 && isContent(lines[i].text));
  return [
    ...near.flatMap((i) => characterRepairs(lines, i)),
    ...near.flatMap((i) => placeholderRepair(lines, i)),
    ...near.flatMap((i) => indentRepairs(lines, i)),
  ];
}

function applyRepair(lines: Line[], repair: SyntaxRepair): string {
  const copy = lines.map((line) => ({ ...line }));
  for (const change of repair.changes) copy[change.index].text = change.text;
  return joinLines(copy);
}

/**
 * The repair of the syntax error the parser reported, and the repaired text: the first candidate
 * after which the text parses; else (with `pairs`) the first that makes it parse together with a
 * repair of the error that follows it (two mistakes on neighbouring lines); else the one after
 * which the parser gets furthest.
 */
export function findSyntaxRepair(text: string, problem: YamlProblem, pairs = false): { repair: SyntaxRepair; text: string } | undefined {
  if (problem.kind !== 'syntax') return undefined;
  const lines = splitLines(text);
  const tried: { repair: SyntaxRepair; text: string; problem: YamlProblem }[] = [];
  for (const repair of candidates(lines, problem.position.line - 1)) {
    const next = applyRepair(lines, repair);
    if (next === text) continue;
    const outcome = parseYamlReference(next);
    if (outcome.ok) return { repair, text: next };
    tried.push({ repair, text: next, problem: outcome.problem });
  }
  if (pairs) {
    for (const first of tried) {
      if (first.problem.kind !== 'syntax') continue;
      const nextLines = splitLines(first.text);
      for (const second of candidates(nextLines, first.problem.position.line - 1)) {
        if (parseYamlReference(applyRepair(nextLines, second)).ok) return first;
      }
    }
  }
  let furthest: (typeof tried)[number] | undefined;
  for (const entry of tried) {
    if (entry.problem.position.line > (furthest?.problem.position.line ?? problem.position.line)) furthest = entry;
  }
  return furthest && { repair: furthest.repair, text: furthest.text };
}

/** Every syntax repair, one after the other, until the text parses or no repair is certain. */
export function repairSyntax(text: string, limit = 200): { text: string; repairs: SyntaxRepair[] } {
  const repairs: SyntaxRepair[] = [];
  for (let round = 0; round < limit; round++) {
    const outcome = parseYamlReference(text);
    if (outcome.ok) break;
    const found = findSyntaxRepair(text, outcome.problem, true);
    if (!found) break;
    repairs.push(found.repair);
    text = found.text;
  }
  return { text, repairs };
}
