/**
 * The YAML model of a manifest file: split into documents at `---`/`...`
 * markers, each document parsed with the `yaml` package once per distinct
 * text. Re-analysing an edited file re-parses only the documents whose text
 * changed, which is what keeps large multi-document files responsive.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { linesOf, lineStartsOf, withLineFeeds } from './lineBreaks';
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

/** Largest document we parse; beyond it a document is reported, not analysed. */
export const maxDocumentLength = 8 * 1024 * 1024;

const markerPattern = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/** Start offsets of the documents in a file (first is always 0). */
export function documentStarts(text: string): number[] {
  const starts = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const first = text.charCodeAt(lineStart);
    if ((first === 45 /* - */ || first === 46) /* . */ && markerPattern.test(text.slice(lineStart, Math.min(lineEnd + 1, lineStart + 5)))) {
      if (first === 45) {
        if (lineStart > 0 && !onlyDirectivesOrBlank(text, starts[starts.length - 1] ?? 0, lineStart)) starts.push(lineStart);
      } else if (newline !== -1) {
        // `...` ends a document; what follows starts the next one.
        starts.push(newline + 1);
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return [...new Set(starts)].filter((s) => s <= text.length);
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

export function parseChunk(text: string): ParsedChunk {
  // Scans and the parser read `\n` and `\r\n` only; a lone `\r` is a line break to YAML and go-yaml too.
  const scanned = withLineFeeds(text);
  const templated = text.includes('{{');
  const comments = scanComments(scanned);
  const headerEnd = headerEndOf(scanned);
  if (text.length > maxDocumentLength) {
    return { text, doc: undefined, resources: [], templated, comments, headerEnd, syntaxError: { message: `Document is larger than ${maxDocumentLength / 1024 / 1024} MB; KEP Lens does not analyse it.`, offset: 0, length: 0 } };
  }
  if (nestingTooDeep(scanned)) {
    return { text, doc: undefined, resources: [], templated, comments, headerEnd, syntaxError: { message: `Document is nested more than ${maxNesting} levels deep; KEP Lens does not analyse it.`, offset: 0, length: 0 } };
  }
  let doc: Document.Parsed;
  let underIndentedQuotes: QuotedContinuation[] = [];
  let apostropheEscapes: number[] = [];
  try {
    const parsed = templated ? maskTemplates(scanned) : scanned;
    doc = parseYaml(parsed);
    if (doc.errors.length > 0) ({ doc, underIndentedQuotes } = parseAsGoYaml(parsed, doc));
    if (doc.errors.length > 0) apostropheEscapes = acceptApostropheEscapes(parsed, doc);
  } catch (error) {
    // The parser recurses on nesting; pathological depth surfaces as a RangeError.
    const message = error instanceof RangeError ? 'Document is nested too deeply to analyse.' : `Document could not be parsed: ${String(error)}`;
    return { text, doc: undefined, resources: [], templated, comments, headerEnd, syntaxError: { message, offset: 0, length: 0 } };
  }
  const first = doc.errors[0];
  // The parser may place an error one past the end (an unterminated quote); keep it inside the text.
  const errorStart = first ? Math.min(Math.max(0, first.pos[0]), text.length) : 0;
  const errorEnd = first ? Math.min(Math.max(errorStart, first.pos[1]), text.length) : 0;
  const syntaxError = first ? { message: first.message.split('\n')[0] ?? first.message, offset: errorStart, length: errorEnd - errorStart } : undefined;
  return { text, doc, resources: resourcesOf(doc), templated, comments, headerEnd, syntaxError, underIndentedQuotes, apostropheEscapes };
}

function parseYaml(text: string): Document.Parsed {
  // Parse errors are read for their message and position only; without stack traces, a document of
  // garbage lines (one error each) costs a third less to parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The failsafe schema keeps every scalar as the string written: checks compare text, and
    // skipping int/float/bool resolution saves a sixth of the parse.
    return parseDocument(text, { strict: false, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, schema: 'failsafe' });
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

/** Stands in for template text so the YAML around it still parses; offsets are unchanged. */
export const templatePlaceholder = '\uE000';

/**
 * Helm/Go templates: a line that is only a template action (`{{- if … }}`,
 * `{{ toYaml … | nindent 4 }}`) becomes blank, and an inline action becomes a
 * same-length placeholder scalar. The manifest around them then parses as
 * the YAML it will render to, and checks skip the placeholders.
 */
export function maskTemplates(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}/g, (action, at: number) => {
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    const afterEnd = text.indexOf('\n', at + action.length);
    const after = text.slice(at + action.length, afterEnd === -1 ? text.length : afterEnd);
    // An action that spans lines (`{{- /* licence */}}`) or stands alone on its lines renders to no YAML of its own.
    if (action.includes('\n') || (before.trim() === '' && after.trim() === '')) return action.replace(/[^\n]/g, ' ');
    return templatePlaceholder.repeat(action.length);
  });
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
 * for the marker itself, so the cost is one pass over the text however many
 * lines or comments it has; `#` inside quoted scalars is rare enough in such
 * comments to ignore.
 */
function scanComments(text: string): CommentLine[] {
  const comments: CommentLine[] = [];
  let line = 0;
  let counted = 0;
  for (let at = text.indexOf('kep-lens'); at !== -1; at = text.indexOf('kep-lens', at + 8)) {
    const lineStartAt = text.lastIndexOf('\n', at) + 1;
    const hash = text.lastIndexOf('#', at);
    if (hash < lineStartAt || text.slice(hash + 1, at).trim() !== '') continue;
    const before = text.slice(lineStartAt, hash);
    const ownLine = before.trim() === '';
    if (!ownLine && !/\s$/.test(before)) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < lineStartAt; i = text.indexOf('\n', i + 1)) line++;
    counted = lineStartAt;
    const newline = text.indexOf('\n', at);
    comments.push({ offset: hash, line, text: text.slice(hash + 1, newline === -1 ? text.length : newline).trim(), ownLine });
  }
  return comments;
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

/**
 * Nesting beyond what any manifest needs: the parser recurses per level, so
 * such input is refused up front instead of by a stack overflow whose point
 * of failure varies from run to run.
 */
export const maxNesting = 512;

function nestingTooDeep(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        if (++indent > maxNesting * 8) return true;
        continue;
      }
      if (c === 45 && text.charCodeAt(i + 1) === 32) {
        if (++dashes > maxNesting) return true;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > maxNesting) return true;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return false;
}

/**
 * Builds the model of a file, reusing parsed documents of an earlier model
 * whose text is unchanged.
 */
export function buildModel(text: string, previous?: ManifestModel): ManifestModel {
  const reusable = new Map<string, ParsedChunk>();
  for (const { chunk } of previous?.chunks ?? []) reusable.set(chunk.text, chunk);
  const starts = documentStarts(withLineFeeds(text));
  const chunks = starts.map((start, i) => {
    const chunkText = text.slice(start, starts[i + 1] ?? text.length);
    return { start, chunk: reusable.get(chunkText) ?? parseChunk(chunkText) };
  });
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
