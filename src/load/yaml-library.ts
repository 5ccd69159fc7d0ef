/**
 * The `yaml` package, loaded on first use (most runs never need it), and its parser held to a depth
 * that no file can push it past, and to a number of values that fits in memory.
 *
 * The package's CST parser keeps a stack of the nodes it is inside and, when a line closes some of
 * them, unwinds that stack by recursion (`Parser.step` calls `pop` and `step` again, level by level);
 * its composer then recurses down the same depth. A valid log never nests deeper than `MAX_DEPTH`
 * (checked before), but one mistake nests one level per line: a `key: value` line indented further
 * than the key above it continues that key's plain value, which then becomes the multi-line key of a
 * new mapping, inside the one before (`k: v`, then `    k1: v1`, `    k2: v2`, ...). Such a file needs
 * a stack as deep as it is long, and how much stack there is depends on the thread that parses it.
 * So the parser is driven here one token at a time and stopped as soon as its stack passes a fixed
 * bound: whatever the text, the package never recurses deeper than that, in any thread.
 */
import { createRequire } from 'node:module';
import type { Document } from 'yaml';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

export function yaml(): YamlModule {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);
}

/**
 * The parser's stack may hold this many nodes: the document, a collection for each level a log may
 * have (32), a scalar, and as many again for keys and values that open collections of their own.
 * Unwinding it takes a few hundred frames, far less than any thread has.
 */
export const PARSER_STACK_LIMIT = 72;

const OPTIONS = {
  version: '1.2',
  schema: 'core',
  // Duplicate keys are found while composing: the package's own check is quadratic in the keys.
  uniqueKeys: false,
  merge: false,
  strict: true,
  prettyErrors: false,
} as const;

/**
 * The most values the package is given, counted as they are read: every line, list dash and key's
 * colon one, every bracket and comma of a flow collection two. The package takes about 1 KB of
 * memory per value while it parses (its syntax tree, then its document), and about 2 KB per item of
 * a flow collection, so that 1 MiB of `[[[...]]]` took 900 MB; within this limit a file is checked
 * in at most about 175 MB. Logs count about 110,000 per MiB (blank and comment lines included): a
 * log of some 900 KB or more that the fast parser cannot read, and that has no mistake the parser
 * stops at first, is a finding at the place where the fast parser stopped, which does not word it.
 */
export const MAX_PARSED_VALUES = 100_000;

export type Documents =
  | { documents: Document.Parsed[] }
  /** The parser's stack passed the limit while it read the token at `offset`; nothing was composed. */
  | { deepAt: number }
  /** The text holds more than MAX_PARSED_VALUES; reading stopped at `offset`. */
  | { largeAt: number };

/** What a lexeme weighs towards MAX_PARSED_VALUES, by its first character. */
function weight(lexeme: string): number {
  switch (lexeme.charCodeAt(0)) {
    case 0x0a: // a line break
    case 0x0d:
    case 0x2d: // -
    case 0x3a: // :
    case 0x3f: // ?
      return 1;
    case 0x5b: // [
    case 0x7b: // {
    case 0x2c: // ,
      return 2;
    default:
      return 0;
  }
}

/** The documents of `text`, as `parseAllDocuments` gives them; or where the parser went too deep, or read too much. */
export function parseDocuments(text: string): Documents {
  const { Composer, Lexer, Parser } = yaml();
  const parser = new Parser();
  const composer = new Composer(OPTIONS);
  const documents: Document.Parsed[] = [];
  let values = 0;
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) for (const document of composer.next(token)) documents.push(document as Document.Parsed);
    if (parser.stack.length > PARSER_STACK_LIMIT) return { deepAt: offset };
    if ((values += weight(lexeme)) > MAX_PARSED_VALUES) return { largeAt: offset };
  }
  for (const token of parser.end()) for (const document of composer.next(token)) documents.push(document as Document.Parsed);
  for (const document of composer.end()) documents.push(document as Document.Parsed);
  return { documents };
}
