/**
 * The `yaml` package, loaded on first use (most runs never need it), and its parser held to a depth
 * that no file can push it past.
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

export type Documents =
  | { documents: Document.Parsed[] }
  /** The parser's stack passed the limit while it read the token at `offset`; nothing was composed. */
  | { deepAt: number };

/** The documents of `text`, as `parseAllDocuments` gives them; or where the parser went too deep. */
export function parseDocuments(text: string): Documents {
  const { Composer, Lexer, Parser } = yaml();
  const parser = new Parser();
  const composer = new Composer(OPTIONS);
  const documents: Document.Parsed[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) for (const document of composer.next(token)) documents.push(document as Document.Parsed);
    if (parser.stack.length > PARSER_STACK_LIMIT) return { deepAt: offset };
  }
  for (const token of parser.end()) for (const document of composer.next(token)) documents.push(document as Document.Parsed);
  for (const document of composer.end()) documents.push(document as Document.Parsed);
  return { documents };
}
