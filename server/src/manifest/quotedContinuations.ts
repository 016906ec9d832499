/**
 * Multi-line quoted scalars whose continuation lines are indented no further
 * than their key:
 *
 *     description: "Installs the operator
 *     and its webhooks"
 *
 * YAML 1.2 requires the continuation lines to be indented past the key, and
 * the `yaml` parser rejects this; go-yaml (kubectl, the API server) does not
 * check that indentation and reads the value. Older generated bundles are
 * full of it. Such scalars are found here, so the parser can be given them
 * on one line (same offsets) and the value read as go-yaml reads it.
 */
import { parseDocument } from 'yaml';
import type { TextEdit } from './edits';
import { withLineFeeds } from './lineBreaks';

export interface QuotedContinuation {
  /** A quoted value, or a flow list or map (`[…]`, `{…}`) whose lines are read without indentation rules. */
  readonly form: 'quoted' | 'flow';
  /** Offset of the opening quote or bracket. */
  readonly start: number;
  /** Offset just past the closing quote or bracket. */
  readonly end: number;
  /** End of the scalar's first line, for a range that stays on one line. */
  readonly firstLineEnd: number;
  /** Column of the key (or list dash) that owns the value. */
  readonly ownerColumn: number;
}

interface Line {
  start: number;
  end: number;
  indent: number;
}

function linesIn(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end).replace(/\r$/, '');
    lines.push({ start, end: start + content.length, indent: content.length - content.trimStart().length });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** A mapping key as a line writes it: double- or single-quoted, or plain (no `: ` or ` #` inside). */
const key = `(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*'|[^\\s"'#{[|>&*!%@\`-](?:[^:#\\s]|:(?=\\S)|[ \\t]+(?=[^\\s#:]))*)`;
const keyedQuote = new RegExp(`^${key}[ \\t]*:[ \\t]+(["'[{])`);
const blockScalarHeader = new RegExp(`^(?:-[ \\t]+)*(?:${key}[ \\t]*:[ \\t]+)?[|>][1-9+-]{0,2}[ \\t]*(?:#.*)?$`);

/**
 * Where a quoted value starts on a line, and the column of what owns it (the
 * key, or the `- ` of a list item): `key: "…`, `- "…`, `- key: '…`,
 * `"quoted key": "…`. Undefined when no quoted value starts the line's value.
 */
function quotedValueStart(text: string, line: Line): { quote: number; ownerColumn: number } | undefined {
  let at = line.start + line.indent;
  let ownerColumn = -1;
  while (text[at] === '-' && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
    ownerColumn = at - line.start;
    at += 1;
    while (text[at] === ' ' || text[at] === '\t') at++;
  }
  const rest = text.slice(at, line.end);
  const keyed = keyedQuote.exec(rest);
  if (keyed) return { quote: at + keyed[0].length - 1, ownerColumn: at - line.start };
  if (ownerColumn >= 0 && /^["'[{]/.test(rest)) return { quote: at, ownerColumn };
  return undefined;
}

/**
 * Offset of the bracket that closes the flow collection opened at `open`, or
 * -1. Quoted scalars and comments inside it are skipped, nested collections
 * counted.
 */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = closingQuote(text, i);
      if (i === -1) return -1;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) {
      const newline = text.indexOf('\n', i);
      if (newline === -1) return -1;
      i = newline;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Offset of the closing quote, or -1 when the scalar does not close. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A block scalar header (`key: |`, `- >-`): the lines indented past it are its content, not YAML to scan. */
function opensBlockScalar(text: string, line: Line): boolean {
  return blockScalarHeader.test(text.slice(line.start + line.indent, line.end));
}

/** The quoted scalars of a document (lines ending in `\n` or `\r\n`) whose continuation lines go-yaml alone accepts. */
export function underIndentedQuotedScalars(text: string): QuotedContinuation[] {
  const lines = linesIn(text);
  const found: QuotedContinuation[] = [];
  let blockIndent = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    const blank = line.start + line.indent === line.end;
    if (blockIndent >= 0 && (blank || line.indent > blockIndent)) continue;
    blockIndent = -1;
    if (blank || text[line.start + line.indent] === '#') continue;
    if (opensBlockScalar(text, line)) {
      blockIndent = line.indent;
      continue;
    }
    const value = quotedValueStart(text, line);
    if (!value) continue;
    const flow = text[value.quote] === '[' || text[value.quote] === '{';
    const close = flow ? closingBracket(text, value.quote) : closingQuote(text, value.quote);
    if (close === -1 || close < line.end) continue;
    // The rest of the closing line must end the value: a multi-line quoted key is an error for go-yaml too.
    let last = index;
    while (last + 1 < lines.length && (lines[last + 1] as Line).start <= close) last++;
    const after = text.slice(close + 1, (lines[last] as Line).end);
    if (!/^[ \t]*(?:#.*)?$/.test(after)) continue;
    const continuations = lines.slice(index + 1, last + 1);
    // A document marker at column 0 ends the document, inside quotes or not.
    if (continuations.some((l) => /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(l.start, l.end)))) continue;
    if (continuations.some((l) => l.start + l.indent < l.end && l.indent <= value.ownerColumn)) {
      found.push({ form: flow ? 'flow' : 'quoted', start: value.quote, end: close + 1, firstLineEnd: line.end, ownerColumn: value.ownerColumn });
    }
    index = last;
  }
  return found;
}

/** The text with the line breaks inside those scalars replaced by spaces: one line each, every offset unchanged. */
export function joinContinuations(text: string, scalars: readonly QuotedContinuation[]): string {
  let out = '';
  let from = 0;
  for (const s of scalars) {
    out += text.slice(from, s.start) + text.slice(s.start, s.end).replace(/[\r\n]/g, ' ');
    from = s.end;
  }
  return out + text.slice(from);
}

/**
 * The value go-yaml gives a scalar from its source: YAML line folding, which
 * ignores the continuation lines' indentation, and `\'` read as an escaped
 * apostrophe (YAML 1.2 has no such escape; go-yaml accepts it). Read by
 * re-indenting the lines, which does not change the value, and parsing the
 * scalar alone.
 */
export function foldedValue(source: string): string | undefined {
  const [first = '', ...rest] = withoutApostropheEscapes(source).split(/\r?\n/);
  const reindented = [first, ...rest.map((l) => (l.trim() === '' ? '' : ` ${l.trimStart()}`))].join('\n');
  const doc = parseDocument(reindented, { schema: 'failsafe' });
  const value = doc.errors.length === 0 ? doc.contents : undefined;
  return value && 'value' in value && typeof value.value === 'string' ? value.value : undefined;
}

/** A double-quoted scalar's source with each `\'` escape written as the apostrophe it stands for. */
function withoutApostropheEscapes(source: string): string {
  if (!source.startsWith('"') || !source.includes("\\'")) return source;
  return source.replace(/\\(.)/gs, (escape, c: string) => (c === "'" ? "'" : escape));
}

/**
 * Edits that indent the continuation lines two columns past the owning key.
 * Exact: line folding drops a continuation line's indentation, so the value
 * does not change.
 */
export function indentContinuations(text: string, scalar: QuotedContinuation): TextEdit[] {
  const edits: TextEdit[] = [];
  const indent = ' '.repeat(scalar.ownerColumn + 2);
  const scanned = withLineFeeds(text);
  const from = scanned.indexOf('\n', scalar.firstLineEnd) + 1;
  for (const line of linesIn(scanned.slice(from, scalar.end))) {
    if (line.start + line.indent === line.end || line.indent > scalar.ownerColumn) continue;
    edits.push({ start: from + line.start, end: from + line.start + line.indent, newText: indent });
  }
  return edits;
}
