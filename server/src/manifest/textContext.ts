/**
 * Where the cursor is, read from indentation rather than from the parse
 * tree: while a user types, the line under the cursor is rarely valid YAML,
 * but its indentation and the lines above it still say which map it is in.
 */

export interface LineShape {
  /** Column of the first non-blank character. */
  indent: number;
  /** Columns of leading `- ` markers. */
  dashes: number[];
  /** Column where the key (or scalar item) starts. */
  contentColumn: number;
  key?: string;
  /** Text after `key:`, trimmed (empty when the value is on the lines below). */
  value?: string;
  blank: boolean;
}

export function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  let column = indent;
  const dashes: number[] = [];
  while (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
    dashes.push(column);
    column += 1;
    while (line[column] === ' ') column++;
  }
  const rest = line.slice(column);
  const blank = rest.trim() === '' && dashes.length === 0 ? true : rest.trim().startsWith('#') && dashes.length === 0;
  const entry = mapEntryOf(rest);
  const key = entry?.key.replace(/^["']|["']$/g, '');
  return { indent, dashes, contentColumn: column, key, value: entry ? withoutComment(entry.value).trim() : undefined, blank };
}

const lineBreak = /[\n\r\u2028\u2029]/;

/**
 * `key: value` at the start of `text`: a quoted key, or plain text up to the
 * first `:` (no `#` before it), then `:` and a blank or the end. Read by
 * scanning, not by a pattern that backtracks: a line of 200,000 blanks must
 * cost 200,000 steps.
 */
export function mapEntryOf(text: string): { key: string; value: string } | undefined {
  const first = text[0];
  let keyEnd: number;
  let colon: number;
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, 1);
    if (close === -1) return undefined;
    keyEnd = close + 1;
    colon = keyEnd;
    while (colon < text.length && /\s/.test(text.charAt(colon))) colon++;
    if (text[colon] !== ':') return undefined;
  } else {
    if (first === undefined || /[\s#:]/.test(first)) return undefined;
    colon = text.indexOf(':');
    const hash = text.indexOf('#');
    if (colon === -1 || (hash !== -1 && hash < colon)) return undefined;
    keyEnd = colon;
  }
  const after = text.slice(colon + 1);
  if (after !== '' && !/^\s/.test(after)) return undefined;
  const value = after.trimStart();
  if (lineBreak.test(value)) return undefined;
  return { key: first === '"' || first === "'" ? text.slice(0, keyEnd) : text.slice(0, keyEnd).trimEnd(), value };
}

/** A value without its trailing ` # comment`. */
function withoutComment(value: string): string {
  for (let at = value.indexOf('#'); at !== -1; at = value.indexOf('#', at + 1)) {
    if (at > 0 && /\s/.test(value.charAt(at - 1))) return value.slice(0, at);
  }
  return value;
}

/** Length of the leading blanks and `- ` list markers of a line. */
export function listPrefixLength(line: string): number {
  let at = 0;
  while (at < line.length && /\s/.test(line.charAt(at))) at++;
  while (line[at] === '-' && at + 1 < line.length && /\s/.test(line.charAt(at + 1))) {
    at++;
    while (at < line.length && /\s/.test(line.charAt(at))) at++;
  }
  return at;
}

/**
 * Path (keys and `[]`) of the map that holds a key written at `column` on
 * line `line`, reading the lines above up to `firstLine` (document start).
 */
export function parentPathAt(lines: readonly string[], line: number, column: number, currentDashes: readonly number[], firstLine = 0): string[] {
  const segments: string[] = [];
  let col = column;
  let listMode = false;
  if (currentDashes.length > 0) {
    // Typing in a new list item: its map lives in the list whose dash is the outermost one on this line.
    for (let i = currentDashes.length - 1; i >= 0; i--) segments.push('[]');
    col = currentDashes[0] as number;
    listMode = true;
  }
  for (let i = line - 1; i >= firstLine; i--) {
    const shape = shapeOf(lines[i] ?? '');
    if (shape.blank) continue;
    const first = shape.indent;
    if (listMode) {
      if (first > col) continue;
      if (first === col && shape.dashes.length > 0) continue;
      if (shape.dashes.length === 0 && shape.key !== undefined && first <= col) {
        segments.push(shape.key);
        col = first;
        listMode = false;
        continue;
      }
      if (shape.dashes.length > 0 && first < col) {
        if (shape.key !== undefined && shape.contentColumn <= col) segments.push(shape.key);
        for (let d = shape.dashes.length - 1; d >= 0; d--) segments.push('[]');
        col = shape.dashes[0] as number;
        continue;
      }
      if (first < col) break;
      continue;
    }
    if (first >= col) continue;
    if (shape.dashes.length > 0) {
      if (shape.key !== undefined && shape.contentColumn < col) segments.push(shape.key);
      for (let d = shape.dashes.length - 1; d >= 0; d--) segments.push('[]');
      col = shape.dashes[0] as number;
      listMode = true;
      continue;
    }
    if (shape.key === undefined) break;
    segments.push(shape.key);
    col = first;
    if (col === 0) break;
  }
  return segments.reverse();
}

/**
 * Keys already written in the map that a key at (`line`, `column`) belongs
 * to, searching up and down to the edges of that map.
 */
export function siblingKeys(lines: readonly string[], line: number, column: number, firstLine: number, lastLine: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: 1 | -1): void => {
    for (let i = from; i >= firstLine && i <= lastLine; i += step) {
      const shape = shapeOf(lines[i] ?? '');
      if (shape.blank) continue;
      if (shape.contentColumn === column && shape.key !== undefined) {
        keys.add(shape.key);
        // A dash at this key means the item starts here; going up, the map ends.
        if (shape.dashes.length > 0 && step === -1) return;
        if (shape.dashes.length > 0 && step === 1 && i !== line) return;
        continue;
      }
      if (shape.indent < column) {
        if (step === -1 && shape.dashes.length > 0 && shape.contentColumn === column && shape.key !== undefined) keys.add(shape.key);
        return;
      }
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}

/** The document's indentation step (2 or 4…), guessed from its first nested key. */
export function indentUnit(lines: readonly string[]): number {
  for (const line of lines) {
    const shape = shapeOf(line);
    if (!shape.blank && shape.indent > 0) return Math.min(shape.indent, 8);
  }
  return 2;
}
