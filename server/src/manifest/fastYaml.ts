/**
 * A reader for the YAML that manifests are nearly always written in: block
 * maps and lists, one-line plain and quoted scalars, literal and folded
 * block scalars, one-line flow collections, comments. It builds the tree the
 * `yaml` parser builds for the same text (the same node classes, values,
 * scalar styles and the start and end of every node), several times faster,
 * and answers undefined for anything else (anchors, tags, multi-line plain
 * or quoted scalars, multi-line flow collections, tabs, directives, text the
 * parser would report an error for), which the `yaml` parser then reads.
 *
 * Not reproduced: the comments themselves and the third range offset (the
 * end past trailing comments), which nothing in KEP Lens reads; a test
 * compares every tree this reader builds with the parser's.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** Thrown inside the reader when the text leaves the subset; caught at the top. */
class OutsideSubset extends Error {}
const outside = new OutsideSubset();

const SPACE = 32;
const RETURN = 13;
const HASH = 35;
const NEWLINE = 10;
const COLON = 58;
const DASH = 45;

/** Characters that may not start a plain scalar in block context (`-`, `?`, `:` are handled apart). */
const plainStartForbidden = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** Flow indicators: they end a plain scalar inside a flow collection. */
const flowIndicators = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));

type Node = Scalar | YAMLMap | YAMLSeq;

/**
 * Characters the parser treats specially or reports: tabs, control
 * characters, a byte-order mark, the Unicode line and paragraph separators,
 * a carriage return that is not part of a line break.
 */
const unusualCharacters = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]|\r(?!\n)/;

/** The one-character escapes of double-quoted scalars. */
const simpleEscapes = new Map(Object.entries({ '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' }));

export const documentOptions = { strict: false, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, schema: 'failsafe' } as const;

interface OpenCollection {
  readonly node: YAMLMap | YAMLSeq;
  readonly indent: number;
  readonly isSeq: boolean;
}

interface CommentedValue {
  readonly node: Node;
  readonly empty: boolean;
  /** Start of the line after the value. */
  readonly after: number;
  /** The collections holding the value, innermost first. */
  readonly chain: readonly OpenCollection[];
}

class Reader {
  private readonly doc: Document.Parsed;
  private readonly length: number;
  /** The block collections being read, outermost first. */
  private readonly open: OpenCollection[] = [];
  private readonly commentedValues: CommentedValue[] = [];

  constructor(private readonly src: string) {
    this.length = src.length;
    this.doc = new Document(undefined, documentOptions) as Document.Parsed;
  }

  // ------------------------------------------------------------ lines

  /** End of the line holding `at` (the `\n`, or the end of the text), before a `\r`. */
  private contentEnd(at: number): number {
    let end = this.src.indexOf('\n', at);
    if (end === -1) end = this.length;
    return end > at && this.src.charCodeAt(end - 1) === RETURN ? end - 1 : end;
  }

  /** Start of the line after the one holding `at` (the text's length at the last line). */
  private nextLine(at: number): number {
    const newline = this.src.indexOf('\n', at);
    return newline === -1 ? this.length : newline + 1;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.src.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /** Whether the line is only spaces (and a line break). */
  private isBlank(lineStart: number): boolean {
    const at = lineStart + this.indentAt(lineStart);
    return at === this.contentEnd(at);
  }

  private isCommentLine(lineStart: number): boolean {
    return this.src.charCodeAt(lineStart + this.indentAt(lineStart)) === HASH;
  }

  /** The first line at or after `from` that holds content (not blank, not a comment), or -1. */
  private nextContentLine(from: number): number {
    let line = from;
    while (line < this.length) {
      if (!this.isBlank(line) && !this.isCommentLine(line)) return line;
      line = this.nextLine(line);
    }
    return -1;
  }

  /**
   * A value has ended on its line; when comment lines follow it, the parser
   * counts some of them into the value or into a collection that ends there
   * (see settleComments). Noted here, settled after the whole tree is built.
   */
  private valueEnded(node: Node, lastLine: number, empty: boolean): void {
    let line = this.nextLine(lastLine);
    while (line < this.length && this.isBlank(line)) line = this.nextLine(line);
    if (line >= this.length || !this.isCommentLine(line)) return;
    if (node instanceof Scalar && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) throw outside;
    this.commentedValues.push({ node, empty, after: this.nextLine(lastLine), chain: [...this.open].reverse() });
  }

  /** What follows a value on its line: spaces, then the end or a comment. */
  private expectLineEnd(at: number): void {
    let i = at;
    while (this.src.charCodeAt(i) === SPACE) i++;
    const end = this.contentEnd(i);
    if (i !== end && (this.src.charCodeAt(i) !== HASH || i === at)) throw outside;
  }

  // ------------------------------------------------------------ document

  read(): Document.Parsed | undefined {
    if (unusualCharacters.test(this.src)) return undefined;
    try {
      let line = 0;
      let started = false;
      for (;;) {
        if (line >= this.length) return undefined;
        if (this.isBlank(line) || this.isCommentLine(line)) {
          line = this.nextLine(line);
          continue;
        }
        const c = this.src.charCodeAt(line);
        if (c === 37 /* % */ || this.src.startsWith('...', line)) return undefined;
        if (this.src.startsWith('---', line) && (line + 3 === this.contentEnd(line) || this.src.charCodeAt(line + 3) === SPACE)) {
          if (started) return undefined;
          started = true;
          this.expectLineEnd(line + 3);
          line = this.nextLine(line);
          continue;
        }
        break;
      }
      const indent = this.indentAt(line);
      const at = line + indent;
      let root: Node;
      let after: number;
      const first = this.src.charCodeAt(at);
      if (first === 91 /* [ */ || first === 123 /* { */) {
        const flow = this.flowCollection(at);
        this.expectLineEnd(flow.end);
        root = flow.node;
        (root.range as number[])[2] = this.nextLine(flow.end);
        after = this.nextLine(flow.end);
      } else {
        const block = this.blockCollection(line, -1);
        root = block.node;
        after = block.next;
      }
      // Nothing but blank lines and comments may follow the root.
      if (this.nextContentLine(after) !== -1) return undefined;
      for (const value of this.commentedValues) this.settleComments(value);
      if (started) this.doc.directives.docStart = true;
      this.doc.contents = root as unknown as Document.Parsed["contents"];
      this.doc.range = [0, (root.range as number[])[2] as number, this.length];
      return this.doc;
    } catch (error) {
      if (error === outside) return undefined;
      throw error;
    }
  }

  /**
   * Where the parser counts the comment lines after a value, as far as it
   * moves an end: a value that is empty takes them all when its collection
   * ends there, up to the next content past its indentation (up to the last
   * one indented past the collection when the collection goes on); any
   * other value takes those indented past its collection; the rest go to
   * the innermost collection indented no further than the first of them,
   * when that collection ends there, up to the next content. A collection
   * whose last item grew ends later too.
   */
  private settleComments(value: CommentedValue): void {
    const next = this.nextContentLine(value.after);
    const nextIndent = next === -1 ? -1 : this.indentAt(next);
    const nextIsItem = next !== -1 && this.isListItem(next + nextIndent);
    const goesOn = (c: OpenCollection): boolean => next !== -1 && nextIndent === c.indent && c.isSeq === nextIsItem;
    const comments: { indent: number; end: number }[] = [];
    for (let line = value.after; line < (next === -1 ? this.length : next); line = this.nextLine(line)) {
      if (!this.isBlank(line)) comments.push({ indent: this.indentAt(line), end: this.nextLine(line) });
    }
    const holder = value.chain[0];
    if (!holder || comments.length === 0) return;
    // A comment indented deeper than one before it, past what the value takes, pulls earlier ones along in
    // ways this reader does not follow: the parser reads those.
    const firstShallow = comments.findIndex((c) => c.indent <= holder.indent);
    if (firstShallow !== -1 && comments.slice(firstShallow + 1).some((c) => c.indent > (comments[firstShallow] as { indent: number }).indent)) throw outside;
    const range = value.node.range as number[];
    // What takes the whole run ends where the next content starts, past its indentation.
    const runEnd = next === -1 ? this.length : next + nextIndent;
    if (value.empty) {
      if (!goesOn(holder)) range[2] = runEnd;
      else {
        const taken = comments.filter((c) => c.indent > holder.indent).pop();
        if (taken) range[2] = taken.end;
      }
      this.grow(value.node, value.chain, 0);
      return;
    }
    let i = 0;
    for (; i < comments.length && (comments[i] as { indent: number }).indent > holder.indent; i++) range[2] = (comments[i] as { end: number }).end;
    this.grow(value.node, value.chain, 0);
    if (i === comments.length) return;
    // Comments left for a collection at the end of the text, or next to a list written at its key's
    // indentation, go where this reader cannot tell: the parser reads those.
    if (next === -1) throw outside;
    const first = (comments[i] as { indent: number }).indent;
    const owner = value.chain.findIndex((c) => c.indent <= first);
    const collection = value.chain[owner];
    if (collection?.isSeq && value.chain[owner + 1]?.indent === collection.indent) throw outside;
    if (!collection || goesOn(collection)) return;
    const ownRange = collection.node.range as number[];
    ownRange[2] = Math.max(ownRange[2] as number, runEnd);
    this.grow(collection.node, value.chain, owner + 1);
  }

  /** A node's end moved: the collections it is the last item of end there too. */
  private grow(node: Node, chain: readonly OpenCollection[], from: number): void {
    let child: Node = node;
    for (let i = from; i < chain.length; i++) {
      const collection = (chain[i] as OpenCollection).node;
      const last = collection.items[collection.items.length - 1];
      const lastNode = collection instanceof YAMLMap ? (last as Pair | undefined)?.value : last;
      if (lastNode !== child) return;
      const end = (child.range as number[])[2] as number;
      const range = collection.range as number[];
      range[1] = end;
      range[2] = Math.max(range[2] as number, end);
      child = collection;
    }
  }

  // ------------------------------------------------------------ block collections

  /** A block map or list whose first line starts at `line`; `next` is where the line after it starts. */
  private blockCollection(line: number, parentIndent: number): { node: YAMLMap | YAMLSeq; next: number } {
    const indent = this.indentAt(line);
    if (indent <= parentIndent) throw outside;
    const at = line + indent;
    if (this.isListItem(at)) return this.blockSeq(line, indent);
    if (!this.keyAt(at)) throw outside;
    return this.blockMap(line, indent);
  }

  private isListItem(at: number): boolean {
    if (this.src.charCodeAt(at) !== DASH) return false;
    const c = this.src.charCodeAt(at + 1);
    return c === SPACE || at + 1 === this.contentEnd(at);
  }

  /** A map key starting at `at`: the key node and the offset after its `:`; undefined when the line is not a key line. */
  private keyAt(at: number): { key: Scalar; afterColon: number } | undefined {
    const c = this.src.charCodeAt(at);
    const end = this.contentEnd(at);
    let keyEnd: number;
    let key: Scalar;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const quoted = this.quoted(at, end);
      if (!quoted) return undefined;
      key = quoted.node;
      keyEnd = quoted.end;
      let i = keyEnd;
      while (this.src.charCodeAt(i) === SPACE) i++;
      if (this.src.charCodeAt(i) !== COLON) return undefined;
      const after = i + 1;
      if (after !== end && this.src.charCodeAt(after) !== SPACE) return undefined;
      (key.range as number[])[2] = keyEnd;
      return { key, afterColon: after };
    }
    if (plainStartForbidden.has(c) || c === COLON || c === 63 /* ? */ || c === DASH) return undefined;
    for (let i = at; i < end; i++) {
      const ch = this.src.charCodeAt(i);
      if (ch === HASH && this.src.charCodeAt(i - 1) === SPACE) return undefined;
      if (ch === COLON && (i + 1 === end || this.src.charCodeAt(i + 1) === SPACE)) {
        keyEnd = i;
        while (this.src.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        key = this.scalar(this.src.slice(at, keyEnd), Scalar.PLAIN, at, keyEnd, keyEnd);
        return { key, afterColon: i + 1 };
      }
    }
    return undefined;
  }

  private blockMap(line: number, indent: number): { node: YAMLMap; next: number } {
    const map = new YAMLMap(this.doc.schema);
    return this.blockItems(map, line, indent, (at) => {
      const key = this.keyAt(at);
      if (!key) throw outside;
      const value = this.value(key.afterColon, indent, 'map');
      map.items.push(new Pair(key.key, value.node));
      return value;
    });
  }

  private blockSeq(line: number, indent: number): { node: YAMLSeq; next: number } {
    const seq = new YAMLSeq(this.doc.schema);
    return this.blockItems(seq, line, indent, (at) => {
      const value = this.value(at + 1, indent, 'seq');
      seq.items.push(value.node);
      return value;
    });
  }

  /**
   * The items of a block collection at `indent`, read by `readItem` from the
   * offset where each starts, until a line indented less (or, for a map, a
   * list item at its indentation, which is an error; for a list, a key,
   * which belongs to the map it is the value of).
   */
  private blockItems<T extends YAMLMap | YAMLSeq>(collection: T, line: number, indent: number, readItem: (at: number) => { node: Node; next: number }): { node: T; next: number } {
    const isSeq = collection instanceof YAMLSeq;
    this.open.push({ node: collection, indent, isSeq });
    let at = line + indent;
    let last: Node;
    for (;;) {
      const item = readItem(at);
      last = item.node;
      const next = this.nextContentLine(item.next);
      if (next === -1) break;
      const nextIndent = this.indentAt(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) throw outside;
      at = next + indent;
      if (this.isListItem(at) !== isSeq) {
        if (isSeq) break;
        throw outside;
      }
    }
    this.open.pop();
    const end = (last.range as number[])[2] as number;
    collection.range = [line + indent, end, end];
    return { node: collection, next: end };
  }

  /**
   * The value after a map key's `:` or a list item's `-` at `from`, in a
   * collection indented `indent`; `next` is where the next line to read starts.
   */
  private value(from: number, indent: number, holder: 'map' | 'seq'): { node: Node; next: number } {
    let at = from;
    while (this.src.charCodeAt(at) === SPACE) at++;
    const end = this.contentEnd(at);
    const c = this.src.charCodeAt(at);
    if (at === end || (c === HASH && at > from)) {
      // Nothing on this line: a collection on the lines below, or an empty value.
      const below = this.nextContentLine(this.nextLine(at));
      if (below !== -1) {
        const belowIndent = this.indentAt(below);
        if (belowIndent > indent) return this.blockCollection(below, indent);
        if (belowIndent === indent && holder === 'map' && this.isListItem(below + indent)) return this.blockSeq(below, indent);
      }
      if (at !== end) throw outside;
      const empty = this.scalar('', Scalar.PLAIN, at, at, at);
      this.valueEnded(empty, at, true);
      return { node: empty, next: this.nextLine(at) };
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(at, indent);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (holder === 'seq' && this.keyAt(at)) throw outside;
      const flow = this.flowCollection(at);
      this.expectLineEnd(flow.end);
      this.noContinuation(flow.end, indent);
      (flow.node.range as number[])[2] = this.nextLine(flow.end);
      this.valueEnded(flow.node, flow.end, false);
      return { node: flow.node, next: this.nextLine(flow.end) };
    }
    if (holder === 'seq') {
      if (this.isListItem(at)) throw outside;
      if (this.keyAt(at)) {
        const line = this.lineStartOf(at);
        return this.blockMap(line, at - line);
      }
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const quoted = this.quoted(at, end) ?? this.multiLineQuoted(at, indent);
      this.expectLineEnd(quoted.end);
      this.noContinuation(quoted.end, indent);
      (quoted.node.range as number[])[2] = this.nextLine(quoted.end);
      this.valueEnded(quoted.node, quoted.end, false);
      return { node: quoted.node, next: this.nextLine(quoted.end) };
    }
    return this.plain(at, end, indent);
  }

  private lineStartOf(at: number): number {
    return this.src.lastIndexOf('\n', at - 1) + 1;
  }

  /** Lines more indented than the collection after a value: a multi-line scalar, or an error. */
  private noContinuation(afterValue: number, indent: number): void {
    const next = this.nextContentLine(this.nextLine(afterValue));
    if (next !== -1 && this.indentAt(next) > indent) throw outside;
  }

  // ------------------------------------------------------------ scalars

  private scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number): Scalar {
    const node = new Scalar(value);
    node.type = type;
    node.range = [start, valueEnd, nodeEnd];
    (node as Scalar & { source: string }).source = value;
    return node;
  }

  private plain(at: number, end: number, indent: number): { node: Scalar; next: number } {
    const c = this.src.charCodeAt(at);
    if (plainStartForbidden.has(c)) throw outside;
    if ((c === DASH || c === 63 /* ? */ || c === COLON) && (at + 1 === end || this.src.charCodeAt(at + 1) === SPACE)) throw outside;
    const firstLine = this.plainLine(at, end);
    let valueEnd = firstLine.end;
    let value = this.src.slice(at, valueEnd);
    let lastLine = at;
    // Lines indented past the collection continue the scalar, folded: one line break is a space, blank lines are line breaks.
    if (!firstLine.comment) {
      let blanks = 0;
      for (let line = this.nextLine(at); line < this.length; line = this.nextLine(line)) {
        if (this.isBlank(line)) {
          blanks++;
          continue;
        }
        const lineIndent = this.indentAt(line);
        const from = line + lineIndent;
        const first = this.src.charCodeAt(from);
        if (lineIndent <= indent || first === HASH) break;
        const continued = this.plainLine(from, this.contentEnd(from));
        // A comment on a continuation line ends the scalar there; the parser decides what follows.
        if (continued.comment) throw outside;
        value += (blanks > 0 ? '\n'.repeat(blanks) : ' ') + this.src.slice(from, continued.end);
        valueEnd = continued.end;
        lastLine = from;
        blanks = 0;
      }
    }
    this.noContinuation(lastLine, indent);
    const node = this.scalar(value, Scalar.PLAIN, at, valueEnd, this.nextLine(lastLine));
    this.valueEnded(node, lastLine, false);
    return { node, next: this.nextLine(lastLine) };
  }

  /**
   * A plain scalar's text on one line: where it ends (before a comment,
   * trailing spaces trimmed) and whether a comment follows. A `: ` inside is
   * a key, which a value may not hold.
   */
  private plainLine(at: number, end: number): { end: number; comment: boolean } {
    let valueEnd = end;
    let comment = false;
    for (let i = at; i < end; i++) {
      const ch = this.src.charCodeAt(i);
      if (ch === COLON && (i + 1 === end || this.src.charCodeAt(i + 1) === SPACE)) throw outside;
      if (ch === HASH && this.src.charCodeAt(i - 1) === SPACE) {
        valueEnd = i;
        comment = true;
        break;
      }
    }
    while (valueEnd > at && this.src.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    return { end: valueEnd, comment };
  }

  /** A quoted scalar closed on its own line; undefined when it is not. */
  private quoted(at: number, end: number): { node: Scalar; end: number } | undefined {
    const quote = this.src.charCodeAt(at);
    if (quote === 39) {
      let value = '';
      let from = at + 1;
      for (let i = at + 1; i < end; i++) {
        if (this.src.charCodeAt(i) !== 39) continue;
        if (this.src.charCodeAt(i + 1) === 39) {
          value += this.src.slice(from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
        value += this.src.slice(from, i);
        return { node: this.scalar(value, Scalar.QUOTE_SINGLE, at, i + 1, i + 1), end: i + 1 };
      }
      return undefined;
    }
    let value = '';
    let from = at + 1;
    for (let i = at + 1; i < end; i++) {
      const ch = this.src.charCodeAt(i);
      if (ch === 34) {
        value += this.src.slice(from, i);
        return { node: this.scalar(value, Scalar.QUOTE_DOUBLE, at, i + 1, i + 1), end: i + 1 };
      }
      if (ch !== 92 /* \ */) continue;
      value += this.src.slice(from, i);
      const escape = this.escape(i, end);
      value += escape.text;
      i = escape.end - 1;
      from = escape.end;
    }
    return undefined;
  }

  /**
   * A quoted scalar over several lines, folded as YAML folds it: a line
   * break is a space, blank lines are line breaks, the spaces around a
   * break are dropped, and an escaped break joins the lines. Continuation
   * lines must be indented past the collection (the other reading, go-yaml's,
   * is the parser's to make).
   */
  private multiLineQuoted(at: number, indent: number): { node: Scalar; end: number } {
    const double = this.src.charCodeAt(at) === 34;
    let value = '';
    let spaces = '';
    let i = at + 1;
    for (;;) {
      if (i >= this.length) throw outside;
      const ch = this.src.charCodeAt(i);
      if (ch === NEWLINE || (ch === RETURN && this.src.charCodeAt(i + 1) === NEWLINE)) {
        // Trailing spaces before the break go; blank lines count; the next line's indentation goes.
        spaces = '';
        let line = this.nextLine(i);
        let blanks = 0;
        while (line < this.length && this.isBlank(line)) {
          blanks++;
          line = this.nextLine(line);
        }
        if (line >= this.length || this.indentAt(line) <= indent) throw outside;
        value += blanks > 0 ? '\n'.repeat(blanks) : ' ';
        i = line + this.indentAt(line);
        continue;
      }
      if (ch === SPACE) {
        spaces += ' ';
        i++;
        continue;
      }
      value += spaces;
      spaces = '';
      if (double && ch === 34) return { node: this.scalar(value, Scalar.QUOTE_DOUBLE, at, i + 1, i + 1), end: i + 1 };
      if (!double && ch === 39) {
        if (this.src.charCodeAt(i + 1) === 39) {
          value += "'";
          i += 2;
          continue;
        }
        return { node: this.scalar(value, Scalar.QUOTE_SINGLE, at, i + 1, i + 1), end: i + 1 };
      }
      if (double && ch === 92) {
        const next = this.src.charCodeAt(i + 1);
        if (next === NEWLINE || (next === RETURN && this.src.charCodeAt(i + 2) === NEWLINE)) {
          // An escaped line break: the lines join, without the next line's indentation.
          const line = this.nextLine(i + 1);
          if (line >= this.length || this.isBlank(line) || this.indentAt(line) <= indent) throw outside;
          i = line + this.indentAt(line);
          continue;
        }
        const escape = this.escape(i, this.contentEnd(i));
        value += escape.text;
        i = escape.end;
        continue;
      }
      value += this.src[i];
      i++;
    }
  }

  /** One escape of a double-quoted scalar at `at` (the backslash). */
  private escape(at: number, end: number): { text: string; end: number } {
    const c = this.src[at + 1];
    const simple = c === undefined ? undefined : simpleEscapes.get(c);
    if (simple !== undefined) return { text: simple, end: at + 2 };
    const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (digits === 0 || at + 2 + digits > end) throw outside;
    const hex = this.src.slice(at + 2, at + 2 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex)) throw outside;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw outside;
    return { text: String.fromCodePoint(code), end: at + 2 + digits };
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `at`, in a collection indented `indent`. */
  private blockScalar(at: number, indent: number): { node: Scalar; next: number } {
    const literal = this.src.charCodeAt(at) === 124;
    let i = at + 1;
    let chomp: 'clip' | 'strip' = 'clip';
    if (this.src.charCodeAt(i) === DASH) {
      chomp = 'strip';
      i++;
    }
    const headerEnd = this.contentEnd(at);
    // Keep chomping, explicit indentation and anything else in the header are left to the parser.
    if (i < headerEnd && this.src.charCodeAt(i) !== SPACE) throw outside;
    this.expectLineEnd(i);
    if (headerEnd >= this.length) throw outside;
    let line = this.nextLine(at);
    let contentIndent = -1;
    let leadingBlanks = 0;
    for (let probe = line; probe < this.length; probe = this.nextLine(probe)) {
      if (this.isBlank(probe)) {
        leadingBlanks = Math.max(leadingBlanks, this.contentEnd(probe) - probe);
        continue;
      }
      contentIndent = this.indentAt(probe);
      break;
    }
    if (contentIndent <= indent || leadingBlanks > contentIndent) throw outside;
    const lines: string[] = [];
    let lastContentEnd = -1;
    let blanksAfterContent = 0;
    while (line < this.length) {
      const lineEnd = this.contentEnd(line);
      if (this.isBlank(line)) {
        if (lineEnd - line > contentIndent) throw outside;
        lines.push('');
        blanksAfterContent++;
        line = this.nextLine(line);
        continue;
      }
      const lineIndent = this.indentAt(line);
      if (lineIndent < contentIndent) break;
      // More-indented lines fold differently; the parser reads those.
      if (!literal && lineIndent > contentIndent) throw outside;
      // A document marker at column 0 ends the scalar and the document.
      if (contentIndent === 0) throw outside;
      lines.push(this.src.slice(line + contentIndent, lineEnd));
      blanksAfterContent = 0;
      if (lineEnd >= this.length) throw outside;
      lastContentEnd = this.nextLine(line);
      line = lastContentEnd;
    }
    const content = lines.slice(0, lines.length - blanksAfterContent);
    let value: string;
    if (literal) value = content.join('\n');
    else {
      value = '';
      let blanks = 0;
      content.forEach((text, index) => {
        if (text === '') {
          blanks++;
          return;
        }
        if (index > 0) value += blanks > 0 ? '\n'.repeat(blanks) : ' ';
        blanks = 0;
        value += text;
      });
    }
    if (chomp === 'clip' && content.length > 0) value += '\n';
    const node = this.scalar(value, literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED, at, lastContentEnd, lastContentEnd);
    this.valueEnded(node, lastContentEnd - 1, false);
    return { node, next: lastContentEnd };
  }

  // ------------------------------------------------------------ flow collections

  /** A flow list or map that closes on its own line; `end` is the offset after its closing bracket. */
  private flowCollection(at: number): { node: YAMLMap | YAMLSeq; end: number } {
    const lineEnd = this.contentEnd(at);
    const isMap = this.src.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    let i = this.skipSpaces(at + 1, lineEnd);
    let expectItem = true;
    for (;;) {
      if (i >= lineEnd) throw outside;
      const c = this.src.charCodeAt(i);
      if (c === close) {
        node.range = [at, i + 1, i + 1];
        return { node, end: i + 1 };
      }
      if (!expectItem) throw outside;
      const item = this.flowNode(i, lineEnd);
      i = this.skipSpaces(item.end, lineEnd);
      if (isMap) {
        if (this.src.charCodeAt(i) !== COLON || !isScalarNode(item.node)) throw outside;
        i = this.skipSpaces(i + 1, lineEnd);
        const c2 = this.src.charCodeAt(i);
        if (c2 === 44 || c2 === close) throw outside;
        const value = this.flowNode(i, lineEnd);
        (node as YAMLMap).items.push(new Pair(item.node, value.node));
        i = this.skipSpaces(value.end, lineEnd);
      } else {
        if (this.src.charCodeAt(i) === COLON) throw outside;
        (node as YAMLSeq).items.push(item.node);
      }
      if (this.src.charCodeAt(i) === 44 /* , */) {
        i = this.skipSpaces(i + 1, lineEnd);
        expectItem = true;
      } else expectItem = false;
    }
  }

  private skipSpaces(from: number, end: number): number {
    let i = from;
    while (i < end && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private flowNode(at: number, lineEnd: number): { node: Node; end: number } {
    const c = this.src.charCodeAt(at);
    if (c === 91 || c === 123) return this.flowCollection(at);
    if (c === 34 || c === 39) {
      const quoted = this.quoted(at, lineEnd);
      if (!quoted) throw outside;
      return quoted;
    }
    if (plainStartForbidden.has(c) || c === COLON || c === 63) throw outside;
    if (c === DASH && (at + 1 >= lineEnd || this.src.charCodeAt(at + 1) === SPACE)) throw outside;
    let i = at;
    for (; i < lineEnd; i++) {
      const ch = this.src.charCodeAt(i);
      if (flowIndicators.has(ch)) break;
      if (ch === COLON) {
        const next = this.src.charCodeAt(i + 1);
        if (i + 1 >= lineEnd || next === SPACE || flowIndicators.has(next)) break;
      }
      if (ch === HASH && this.src.charCodeAt(i - 1) === SPACE) throw outside;
    }
    let end = i;
    while (this.src.charCodeAt(end - 1) === SPACE) end--;
    if (end === at) throw outside;
    return { node: this.scalar(this.src.slice(at, end), Scalar.PLAIN, at, end, end), end };
  }
}

function isScalarNode(node: Node): node is Scalar {
  return node instanceof Scalar;
}

/** The tree of a document in the common subset, as the `yaml` parser would build it; undefined for any other text. */
export function readCommonYaml(text: string): Document.Parsed | undefined {
  return new Reader(text).read();
}
