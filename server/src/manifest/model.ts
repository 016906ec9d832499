/**
 * The YAML model of a manifest file: split into documents at `---`/`...`
 * markers, each document parsed with the `yaml` package once per distinct
 * text. Re-analysing an edited file re-parses only the documents whose text
 * changed, which is what keeps large multi-document files responsive.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { budgets, count, megabytes } from '../engine/budgets';
import { linesOf, lineStartsOf, withLineFeeds } from './lineBreaks';
import { WeightedLru } from './lru';
import { documentOptions, readCommonYaml } from './fastYaml';
import { foldedValue, joinContinuations, underIndentedQuotedScalars, type QuotedContinuation } from './quotedContinuations';

export { lineStartsOf };

/** One YAML document of a file. Offsets in its nodes are relative to `text`. */
export interface ParsedChunk {
  readonly text: string;
  readonly doc: Document.Parsed | undefined;
  /** First parse error, if any (relative offset). */
  readonly syntaxError?: { message: string; offset: number; length: number };
  /** Kubernetes objects in the document (one, or each item of a List). */
  readonly resources: readonly Resource[];
  /** The document's text contains Helm/Go template syntax. */
  readonly templated: boolean;
  /** `# kep-lens:` directive lines and suppression comments, pre-scanned. */
  readonly comments: readonly CommentLine[];
  /** Offset where the document's content starts; comments before it are its header. */
  readonly headerEnd: number;
  /** Quoted values and flow collections continued at their key's indentation: read as go-yaml reads them, worth a portability note. */
  readonly underIndentedQuotes?: readonly QuotedContinuation[];
  /** Offsets of `\'` escapes in double-quoted scalars: go-yaml reads an apostrophe, YAML 1.2 has no such escape. */
  readonly apostropheEscapes?: readonly number[];
  /** Why the document is not checked: the budget it is past, in words for the user. */
  readonly tooLarge?: string;
}

/** A Kubernetes object inside a document. */
export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  /** The object's mapping node. */
  readonly node: YAMLMap;
  /** Keys leading from the document root to the object (`['items', 3]` in a List). */
  readonly prefix: readonly (string | number)[];
  /** Range of the `apiVersion` value (relative offsets), for diagnostics and fixes. */
  readonly apiVersionRange: readonly [number, number];
  readonly kindRange: readonly [number, number];
}

export interface CommentLine {
  /** Offset of the `#` relative to the chunk. */
  readonly offset: number;
  /** Zero-based line within the chunk. */
  readonly line: number;
  /** Text after `#`, trimmed. */
  readonly text: string;
  /** Whether the comment stands alone on its line. */
  readonly ownLine: boolean;
}

/** A file: its documents with their absolute start offsets. */
export interface ManifestModel {
  readonly text: string;
  readonly chunks: readonly { readonly start: number; readonly chunk: ParsedChunk }[];
}

const markerPattern = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * Start offsets of the documents in a file (first is always 0); at most
 * `limit` of them, and then the start of the rest.
 */
export function documentStarts(text: string, limit = Infinity): number[] {
  const starts = [0];
  const add = (start: number): void => {
    if (start !== starts[starts.length - 1]) starts.push(start);
  };
  let lineStart = 0;
  while (lineStart < text.length && starts.length <= limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const first = text.charCodeAt(lineStart);
    if ((first === 45 /* - */ || first === 46) /* . */ && markerPattern.test(text.slice(lineStart, Math.min(lineEnd + 1, lineStart + 5)))) {
      if (first === 45) {
        if (lineStart > 0 && !onlyDirectivesOrBlank(text, starts[starts.length - 1] ?? 0, lineStart)) add(lineStart);
      } else if (newline !== -1) {
        // `...` ends a document; what follows starts the next one.
        add(newline + 1);
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return starts;
}

/** A chunk holding only `%` directives, comments or blanks belongs with the document after it. */
function onlyDirectivesOrBlank(text: string, from: number, to: number): boolean {
  // Line by line: a single regular expression over the slice backtracks exponentially on CRLF comment runs.
  let directive = false;
  for (const raw of text.slice(from, to).split('\n')) {
    const line = raw.trim();
    if (line.startsWith('%')) directive = true;
    else if (line !== '' && !line.startsWith('#')) return false;
  }
  return directive;
}

interface Parse {
  readonly doc: Document.Parsed | undefined;
  readonly resources: readonly Resource[];
  readonly syntaxError?: { message: string; offset: number; length: number };
  readonly tooLarge?: string;
  readonly underIndentedQuotes?: readonly QuotedContinuation[];
  readonly apostropheEscapes?: readonly number[];
}

let fastReaderOn = true;

/** Whether documents go to the fast reader first (see fastYaml.ts); turned off only to compare it with the parser. */
export function useFastReader(on: boolean): void {
  fastReaderOn = on;
}

/** What a document's text parses to (nothing, when it is past a budget). */
function parseText(text: string, templated: boolean, tooLarge: string | undefined): Parse {
  if (tooLarge) return { doc: undefined, resources: [], tooLarge };
  // Scans and the parser read `\n` and `\r\n` only; a lone `\r` is a line break to YAML and go-yaml too.
  const scanned = withLineFeeds(text);
  let doc: Document.Parsed;
  let underIndentedQuotes: QuotedContinuation[] = [];
  let apostropheEscapes: number[] = [];
  try {
    const parsed = templated ? maskTemplates(scanned) : scanned;
    // Most manifests are in the subset the fast reader builds the same tree for; the rest go to the parser.
    doc = (fastReaderOn ? readCommonYaml(parsed) : undefined) ?? parseYaml(parsed);
    if (doc.errors.length > 0) ({ doc, underIndentedQuotes } = parseAsGoYaml(parsed, doc));
    if (doc.errors.length > 0) apostropheEscapes = acceptApostropheEscapes(parsed, doc);
  } catch (error) {
    // The parser recurses on nesting; depth the estimate missed surfaces as a RangeError.
    if (error instanceof RangeError) return { doc: undefined, resources: [], tooLarge: tooDeep };
    return { doc: undefined, resources: [], syntaxError: { message: `Document could not be parsed: ${String(error)}`, offset: 0, length: 0 } };
  }
  const first = doc.errors[0];
  // The parser reports its own stack overflow as a syntax error; it is a budget, not a mistake in the YAML.
  if (doc.errors.some((e) => e.message.includes('Maximum call stack size exceeded'))) return { doc: undefined, resources: [], tooLarge: tooDeep };
  // The parser may place an error one past the end (an unterminated quote); keep it inside the text.
  const errorStart = first ? Math.min(Math.max(0, first.pos[0]), text.length) : 0;
  const errorEnd = first ? Math.min(Math.max(errorStart, first.pos[1]), text.length) : 0;
  const syntaxError = first ? { message: first.message.split('\n')[0] ?? first.message, offset: errorStart, length: errorEnd - errorStart } : undefined;
  return { doc, resources: resourcesOf(doc), syntaxError, underIndentedQuotes, apostropheEscapes };
}

function parseYaml(text: string): Document.Parsed {
  // Parse errors are read for their message and position only; without stack traces, a document of
  // garbage lines (one error each) costs a third less to parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The failsafe schema keeps every scalar as the string written: checks compare text, and
    // skipping int/float/bool resolution saves a sixth of the parse.
    return parseDocument(text, documentOptions);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * A document the YAML 1.2 parser rejects may be one go-yaml reads: quoted
 * values continued at their key's indentation. Parsed again with those values
 * on one line (offsets unchanged) and their values folded as go-yaml folds
 * them; kept when that removes errors.
 */
function parseAsGoYaml(text: string, strict: Document.Parsed): { doc: Document.Parsed; underIndentedQuotes: QuotedContinuation[] } {
  const quotes = underIndentedQuotedScalars(text);
  if (quotes.length === 0) return { doc: strict, underIndentedQuotes: [] };
  const lenient = parseYaml(joinContinuations(text, quotes));
  if (lenient.errors.length >= strict.errors.length) return { doc: strict, underIndentedQuotes: [] };
  const values = new Map(quotes.filter((q) => q.form === 'quoted').map((q) => [q.start, foldedValue(text.slice(q.start, q.end))]));
  const flows = quotes.filter((q) => q.form === 'flow');
  visit(lenient, {
    Scalar(_, node) {
      if (!node.range) return;
      const [start, end] = node.range;
      let value = values.get(start);
      // Inside a joined flow collection, a scalar that spanned lines is folded as go-yaml folds it.
      if (value === undefined && flows.some((f) => f.start < start && end < f.end) && /[\r\n]/.test(text.slice(start, end))) value = foldedValue(text.slice(start, end));
      if (value !== undefined) node.value = value;
    },
  });
  return { doc: lenient, underIndentedQuotes: quotes };
}

/**
 * `\'` inside double quotes: the `yaml` parser reports an invalid escape and
 * keeps both characters; go-yaml reads an apostrophe. Those errors are
 * dropped and the scalars' values read as go-yaml reads them; the offsets
 * are returned for a portability note.
 */
function acceptApostropheEscapes(text: string, doc: Document.Parsed): number[] {
  const isApostropheEscape = (e: { code: string; pos: [number, number] }): boolean => e.code === 'BAD_DQ_ESCAPE' && text.startsWith("\\'", e.pos[0]);
  const escapes = doc.errors.filter(isApostropheEscape).map((e) => e.pos[0]);
  if (escapes.length === 0) return [];
  const kept = doc.errors.filter((e) => !isApostropheEscape(e));
  doc.errors.splice(0, doc.errors.length, ...kept);
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const [start, end] = node.range;
      if (!escapes.some((at) => start < at && at < end)) return;
      const value = foldedValue(text.slice(start, end));
      if (value !== undefined) node.value = value;
    },
  });
  return escapes;
}

const tooDeep = `This document is nested more than ${budgets.nestingDepth} levels deep; KEP Lens does not check it.`;

/** Parsed trees of the documents used last; the others are parsed again when asked for. */
const retained = new WeightedLru<DocumentChunk, Parse>(budgets.retainedNodes);

/**
 * One document, parsed when its tree is first needed. What the parse
 * found besides the tree (a syntax error, a budget) is kept for good; the
 * tree itself only while it is among the recently used.
 */
class DocumentChunk implements ParsedChunk {
  readonly templated: boolean;
  readonly comments: readonly CommentLine[];
  readonly headerEnd: number;
  private readonly nodes: number;
  private readonly budgetProblem: string | undefined;
  private outcome: (Omit<Parse, 'doc' | 'resources'> & { hasTree: boolean }) | undefined;

  constructor(readonly text: string) {
    // Scans read `\n` and `\r\n` only; a lone `\r` is a line break to YAML and go-yaml too.
    const scanned = withLineFeeds(text);
    this.templated = text.includes('{{');
    this.comments = scanComments(scanned);
    this.headerEnd = headerEndOf(scanned);
    const size = measureDocument(scanned);
    this.nodes = size.nodes;
    this.budgetProblem = budgetProblemOf(text, size);
  }

  get doc(): Document.Parsed | undefined {
    return this.parse().doc;
  }

  get resources(): readonly Resource[] {
    return this.parse().resources;
  }

  get syntaxError(): Parse['syntaxError'] {
    return (this.outcome ?? this.parse()).syntaxError;
  }

  get tooLarge(): string | undefined {
    return this.budgetProblem ?? (this.outcome ?? this.parse()).tooLarge;
  }

  get underIndentedQuotes(): Parse['underIndentedQuotes'] {
    return (this.outcome ?? this.parse()).underIndentedQuotes;
  }

  get apostropheEscapes(): Parse['apostropheEscapes'] {
    return (this.outcome ?? this.parse()).apostropheEscapes;
  }

  /** Whether nothing has parsed this document yet (in this thread). */
  get unparsed(): boolean {
    return this.outcome === undefined;
  }

  /** What a parse elsewhere (another thread, same text) found; the tree is parsed here only when asked for. */
  adopt(outcome: ParseOutcome): void {
    this.outcome ??= { ...outcome, hasTree: true };
  }

  private parse(): Parse {
    // A document that parses to no tree has nothing to drop: what the parse said stands.
    if (this.outcome && !this.outcome.hasTree) return { doc: undefined, resources: [], ...this.outcome };
    const kept = retained.get(this);
    if (kept) return kept;
    const parse = parseText(this.text, this.templated, this.budgetProblem);
    const firstParse = this.outcome === undefined;
    this.outcome = { syntaxError: parse.syntaxError, tooLarge: parse.tooLarge, underIndentedQuotes: parse.underIndentedQuotes, apostropheEscapes: parse.apostropheEscapes, hasTree: parse.doc !== undefined };
    if (parse.doc) retained.set(this, parse, this.nodes);
    if (firstParse) for (const listener of parseListeners) listener(this);
    return parse;
  }
}

/**
 * Lets the parse trees of a model's documents go now: a linter that has
 * checked a file never asks for them again, and they need not wait for the
 * cache to push them out.
 */
export function releaseParsedTrees(model: ManifestModel): void {
  for (const { chunk } of model.chunks) if (chunk instanceof DocumentChunk) retained.delete(chunk);
}

/** What a parse found besides the tree: enough to answer every question but the tree itself. */
export type ParseOutcome = Omit<Parse, 'doc' | 'resources'>;

/** The outcome of a document's parse, to hand to another thread. */
export function parseOutcomeOf(chunk: ParsedChunk): ParseOutcome {
  return { syntaxError: chunk.syntaxError, tooLarge: chunk.tooLarge, underIndentedQuotes: chunk.underIndentedQuotes, apostropheEscapes: chunk.apostropheEscapes };
}

/** A document of the model that no one has parsed yet: work another thread can take. */
export function isUnparsed(chunk: ParsedChunk): chunk is DocumentChunk {
  return chunk instanceof DocumentChunk && chunk.unparsed;
}

/** Gives an unparsed document what a parse of the same text elsewhere found. */
export function adoptParseOutcome(chunk: ParsedChunk, outcome: ParseOutcome): void {
  if (chunk instanceof DocumentChunk) chunk.adopt(outcome);
}

const parseListeners: ((chunk: ParsedChunk) => void)[] = [];

/**
 * Work to do on each document when it is first parsed, while its tree is at
 * hand: what a feature derives from a whole file (the KEPs it uses) is then
 * ready without parsing every document again.
 */
export function onFirstParse(listener: (chunk: ParsedChunk) => void): void {
  parseListeners.push(listener);
}

export function parseChunk(text: string): ParsedChunk {
  return new DocumentChunk(text);
}

/** The part of a file past the documents budget: kept as text, never parsed. */
function uncheckedRest(text: string): ParsedChunk {
  return {
    text,
    doc: undefined,
    resources: [],
    templated: false,
    comments: [],
    headerEnd: 0,
    tooLarge: `KEP Lens checks the first ${count(budgets.documentsPerFile)} documents of a file and at most ${megabytes(budgets.fileBytes)}; the rest of this file (${megabytes(text.length)}) is not checked.`,
  };
}

/** Stands in for template text so the YAML around it still parses; offsets are unchanged. */
export const templatePlaceholder = '\uE000';

/**
 * Helm/Go templates: a line that is only a template action (`{{- if … }}`,
 * `{{ toYaml … | nindent 4 }}`) becomes blank, and an inline action becomes a
 * same-length placeholder scalar. The manifest around them then parses as
 * the YAML it will render to, and checks skip the placeholders.
 */
export function maskTemplates(text: string): string {
  // The line around the last action, with its first and last non-blank offsets: a line of many actions is read once.
  let line = { start: 0, end: -1, firstContent: 0, lastContent: 0 };
  return text.replace(/\{\{[\s\S]*?\}\}/g, (action, at: number) => {
    if (at > line.end) line = lineAround(text, at);
    const actionEnd = at + action.length;
    // An action that spans lines (`{{- /* licence */}}`) or stands alone on its lines renders to no YAML of its own.
    if (action.includes('\n') || (line.firstContent >= at && line.lastContent < actionEnd)) return action.replace(/[^\n]/g, ' ');
    return templatePlaceholder.repeat(action.length);
  });
}

/** The line holding `offset`: where it starts and ends, and its first and last non-blank characters. */
function lineAround(text: string, offset: number): { start: number; end: number; firstContent: number; lastContent: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  let firstContent = start;
  while (firstContent < end && /\s/.test(text.charAt(firstContent))) firstContent++;
  let lastContent = end - 1;
  while (lastContent >= start && /\s/.test(text.charAt(lastContent))) lastContent--;
  return { start, end, firstContent, lastContent };
}

/** True for text that came from, or stands for, a template action. */
export function isTemplated(text: string): boolean {
  return text.includes(templatePlaceholder) || text.includes('{{');
}

/** The scalar string at `key` of a map, when it is a plain string. */
export function stringAt(map: YAMLMap, key: string): { value: string; range: [number, number] } | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value)) {
      const value = pair.value.value;
      const range = pair.value.range;
      if (typeof value === 'string' && range) return { value, range: [range[0], range[1]] };
    }
  }
  return undefined;
}

export function valueAt(map: YAMLMap, key: string): YamlNode | null | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.value as YamlNode | null;
  }
  return undefined;
}

function resourceOf(node: unknown, prefix: (string | number)[]): Resource | undefined {
  if (!isMap(node)) return undefined;
  const apiVersion = stringAt(node, 'apiVersion');
  const kind = stringAt(node, 'kind');
  if (!apiVersion || !kind) return undefined;
  return { apiVersion: apiVersion.value.trim(), kind: kind.value.trim(), node, prefix, apiVersionRange: apiVersion.range, kindRange: kind.range };
}

/** Kubernetes objects of a document: the root object, or each item of a `kind: List` (or `…List`). */
function resourcesOf(doc: Document.Parsed): Resource[] {
  const root = resourceOf(doc.contents, []);
  if (!root) return [];
  if (!root.kind.endsWith('List')) return [root];
  const items = valueAt(root.node, 'items');
  const resources: Resource[] = [];
  if (isSeq(items)) items.items.forEach((item, index) => {
    const resource = resourceOf(item, ['items', index]);
    if (resource) resources.push(resource);
  });
  return resources;
}

/**
 * `# kep-lens…` comments (directives and suppressions). Found by searching
 * for the marker itself, and each candidate is judged by looking only at
 * the blanks around its `#`, so the cost is one pass over the text however
 * long its lines or however often the word occurs; a comment runs to the
 * end of its line, so a line holds at most one. `#` inside quoted scalars
 * is rare enough in such comments to ignore.
 */
function scanComments(text: string): CommentLine[] {
  const comments: CommentLine[] = [];
  let line = 0;
  let counted = 0;
  let lineEnd = -1;
  for (let at = text.indexOf('kep-lens'); at !== -1; at = text.indexOf('kep-lens', at + 8)) {
    let hash = at - 1;
    while (hash >= 0 && isBlank(text.charCodeAt(hash))) hash--;
    if (text.charCodeAt(hash) !== 35 /* # */) continue;
    let before = hash - 1;
    while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
    const ownLine = before < 0 || text.charCodeAt(before) === 10;
    // A `#` glued to text (`a#kep-lens`) is part of a scalar, not a comment.
    if (!ownLine && before === hash - 1) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < hash; i = text.indexOf('\n', i + 1)) line++;
    counted = hash;
    if (lineEnd < at) {
      lineEnd = text.indexOf('\n', at);
      if (lineEnd === -1) lineEnd = text.length;
    }
    comments.push({ offset: hash, line, text: text.slice(hash + 1, lineEnd).trim(), ownLine });
    // The rest of the line belongs to this comment.
    at = lineEnd - 8;
  }
  return comments;
}

/** Whitespace within a line (what `trim` removes, but a line feed): what may stand between `#` and `kep-lens`, or before the `#`. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || (c !== 10 && !Number.isNaN(c) && /\s/.test(String.fromCharCode(c)));
}

/**
 * Offset of the document's first content line: what precedes it (blank
 * lines, comments, `---`, directives) is the header, where `# kep-lens:`
 * pins live.
 */
function headerEndOf(text: string): number {
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(lineStart, lineEnd).trim();
    if (!(content === '' || content.startsWith('#') || content === '---' || content.startsWith('--- #') || content.startsWith('%'))) return lineStart;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return text.length;
}

/** How big a document is to parse: estimated nodes and nesting depth, from one pass over its text. */
interface DocumentSize {
  nodes: number;
  depth: number;
}

/**
 * Counts lines and YAML indicators as nodes, and levels of indentation,
 * `- ` and open brackets as depth. Template actions and block scalar
 * contents count for nothing, as they parse to no nodes. Stops as soon as
 * a budget is exceeded, so a huge document costs no more than a small one.
 */
export function measureDocument(text: string): DocumentSize {
  const size: DocumentSize = { nodes: 0, depth: 0 };
  const indents: number[] = [];
  let flow = 0;
  let blockScalarParent = -1;
  /** The quote of a quoted scalar that runs on past the end of its line (34 `"`, 39 `'`), else 0. */
  let quote = 0;
  let quoted = 0;
  const within = (): boolean => size.nodes + quoted / quotedCharsPerNode <= budgets.documentNodes && size.depth <= budgets.nestingDepth;
  let lineStart = 0;
  while (lineStart < text.length && within()) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let at = lineStart;
    if (quote !== 0) {
      // The rest of a quoted scalar from an earlier line: no indentation, no dashes, no nodes.
      const close = closingQuote(text, lineStart, lineEnd, quote);
      quoted += (close === -1 ? lineEnd : close) - lineStart;
      if (close === -1) {
        lineStart = lineEnd + 1;
        continue;
      }
      quote = 0;
      at = close + 1;
    }
    let column = 0;
    while (text.charCodeAt(lineStart + column) === 32) column++;
    const contentStart = at === lineStart ? lineStart + column : at;
    const first = text.charCodeAt(contentStart);
    const blank = contentStart >= lineEnd || first === 13 || first === 35; /* \r, # */
    if (at === lineStart && blockScalarParent >= 0 && (blank || column > blockScalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarParent = -1;
    if (!blank) {
      at = contentStart;
      let dashes = 0;
      while (text.charCodeAt(at) === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === 32)) {
        dashes++;
        at += 2;
        while (text.charCodeAt(at) === 32) at++;
      }
      // A line of template actions only is blanked before parsing: it is no node and no indentation.
      let content = dashes > 0;
      let nodes = dashes;
      let contentEnd = lineEnd;
      /** A quote here opens a scalar: at the start, or after `:`, `,`, `[`, `{`, `-` or `?`. */
      let scalarMayStart = true;
      for (let i = at; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 35 /* # */ && (i === at || text.charCodeAt(i - 1) === 32)) {
          contentEnd = i;
          break;
        }
        if (c === 123 && text.charCodeAt(i + 1) === 123) {
          // `{{ … }}`: a template action, masked before parsing (looked for within the line only).
          let close = i + 2;
          while (close < lineEnd && !(text.charCodeAt(close) === 125 && text.charCodeAt(close + 1) === 125)) close++;
          i = close + 1;
          continue;
        }
        if (c === 32 || c === 9 || c === 13) continue;
        content = true;
        if ((c === 34 || c === 39) && scalarMayStart) {
          // Quoted scalars cost the parser memory by their length, not their count.
          const close = closingQuote(text, i + 1, lineEnd, c);
          quoted += (close === -1 ? lineEnd : close) - i;
          if (close === -1) {
            quote = c;
            break;
          }
          i = close;
          scalarMayStart = false;
          continue;
        }
        scalarMayStart = c === 58 || c === 44 || c === 91 || c === 123 || c === 45 || c === 63;
        if (c === 91 || c === 123) {
          flow++;
          nodes++;
          size.depth = Math.max(size.depth, indents.length + dashes + flow);
        } else if (c === 93 || c === 125) {
          if (flow > 0) flow--;
        } else if (c === 58 || c === 44) nodes++;
      }
      if (content) {
        if (flow === 0 && contentStart === lineStart + column) {
          while (indents.length > 0 && (indents[indents.length - 1] as number) > column) indents.pop();
          if (indents.length === 0 || (indents[indents.length - 1] as number) < column) indents.push(column);
        }
        size.nodes += 1 + nodes;
        size.depth = Math.max(size.depth, indents.length + dashes + flow);
        if (flow === 0 && quote === 0 && endsWithBlockScalarIndicator(text, at, contentEnd)) blockScalarParent = column;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  size.nodes += Math.ceil(quoted / quotedCharsPerNode);
  return size;
}

/**
 * The parser builds a quoted scalar a character at a time, at some thirty
 * bytes each while it parses: thirty-two quoted characters weigh about as
 * much as a node.
 */
const quotedCharsPerNode = 32;

/** Offset of the quote that closes a scalar opened by `quote` before `from`, within [from, end); -1 when it runs on. */
function closingQuote(text: string, from: number, end: number, quote: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) i++;
    else if (c === quote) {
      // In single quotes, '' is a quote inside the scalar.
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

/** `key: |`, `- >-`, `key: |2 # comment`: the lines below, indented further, are one scalar. */
function endsWithBlockScalarIndicator(text: string, from: number, contentEnd: number): boolean {
  let end = contentEnd;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  let at = end - 1;
  while (at > from && /[-+1-9]/.test(text.charAt(at))) at--;
  const indicator = text.charAt(at);
  if (at < from || (indicator !== '|' && indicator !== '>')) return false;
  return at === from || text.charAt(at - 1) === ' ';
}

function budgetProblemOf(text: string, size: DocumentSize): string | undefined {
  if (text.length > budgets.documentBytes) return `This document is larger than ${megabytes(budgets.documentBytes)}; KEP Lens does not check it.`;
  if (size.depth > budgets.nestingDepth) return tooDeep;
  if (size.nodes > budgets.documentNodes) return `This document has more than ${count(budgets.documentNodes)} YAML nodes; KEP Lens does not check it.`;
  return undefined;
}

/**
 * Builds the model of a file, reusing parsed documents of an earlier model
 * whose text is unchanged.
 */
export function buildModel(text: string, previous?: ManifestModel): ManifestModel {
  const reusable = new Map<string, ParsedChunk>();
  for (const { chunk } of previous?.chunks ?? []) if (chunk instanceof DocumentChunk) reusable.set(chunk.text, chunk);
  const starts = documentStarts(withLineFeeds(text), budgets.documentsPerFile);
  const chunks: { start: number; chunk: ParsedChunk }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? text.length;
    const rest = i === budgets.documentsPerFile || end > budgets.fileBytes;
    const chunkText = rest ? text.slice(start) : text.slice(start, end);
    chunks.push({ start, chunk: rest ? uncheckedRest(chunkText) : reusable.get(chunkText) ?? parseChunk(chunkText) });
    if (rest) break;
  }
  return { text, chunks };
}

/** Lines of a file and the offset each starts at, computed once per model. */
export interface LineIndex {
  readonly lines: readonly string[];
  readonly offsets: readonly number[];
}

const lineIndexes = new WeakMap<ManifestModel, LineIndex>();

export function lineIndexOf(model: ManifestModel): LineIndex {
  let index = lineIndexes.get(model);
  if (!index) {
    index = { lines: linesOf(model.text), offsets: lineStartsOf(model.text) };
    lineIndexes.set(model, index);
  }
  return index;
}

/** Index of the last entry of an ascending list that is ≤ `value` (0 when none is): line or document lookup by offset. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Zero-based line holding an offset. */
export function lineAt(index: LineIndex, offset: number): number {
  return lastAtOrBefore(index.offsets, offset);
}
