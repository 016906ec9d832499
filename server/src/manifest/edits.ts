/**
 * Text edits on YAML that keep the document's own indentation: set a value
 * at a path (creating the maps on the way), remove an entry, rename a key.
 * Offsets are relative to the text the nodes were parsed from.
 */
import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { lineBreakLength, lineBreakOf, lineEndAt, lineStartAt } from './lineBreaks';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export function lineStart(text: string, offset: number): number {
  return lineStartAt(text, offset);
}

export function lineEnd(text: string, offset: number): number {
  return lineEndAt(text, offset);
}

/** Column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

let eolMemo: { text: string; eol: string } | undefined;

/** The file's line break, so inserted lines match CRLF and CR-only files. Remembered for the last text: fixes ask once per finding. */
export function eolOf(text: string): string {
  if (eolMemo?.text !== text) eolMemo = { text, eol: lineBreakOf(text) };
  return eolMemo.eol;
}

/** A YAML scalar written so it parses back as the same string. */
export function yamlScalar(value: string): string {
  if (value === '' || /^[\s]|[\s]$|^[-?:,[\]{}#&*!|>'"%@`]|: | #|^(?:true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*(?:e[-+]?\d+)?)$/i.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** Block-style lines of a nested value, each line indented by `indent`. */
export type YamlValue = string | number | boolean | { [key: string]: YamlValue };

function renderEntry(key: string, value: YamlValue, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  if (typeof value === 'object') {
    return `${pad}${key}:${eol}${Object.entries(value).map(([k, v]) => renderEntry(k, v, indent + 2, eol)).join('')}`;
  }
  return `${pad}${key}: ${typeof value === 'string' ? yamlScalar(value) : String(value)}${eol}`;
}

/** `{a: {b: 1}}` rendered as block YAML lines at `indent`. */
export function renderEntries(entries: Record<string, YamlValue>, indent: number, eol: string): string {
  return Object.entries(entries).map(([k, v]) => renderEntry(k, v, indent, eol)).join('');
}

/** Key column of a block map (the column of its first key), or undefined for flow maps. */
function blockMapIndent(text: string, map: YAMLMap): number | undefined {
  if (map.flow) return undefined;
  const first = map.items[0]?.key;
  if (!isScalar(first) || !first.range) return undefined;
  return columnOf(text, first.range[0]);
}

/** End offset of a pair's last line, before its line break. */
function pairLineEnd(text: string, pair: Pair<unknown, unknown>): number {
  const value = pair.value as { range?: [number, number, number] } | null;
  const key = pair.key as { range?: [number, number, number] } | null;
  const end = value?.range?.[1] ?? key?.range?.[1] ?? 0;
  return lineEnd(text, Math.max(0, end - 1 < 0 ? 0 : end - (text[end - 1] === '\n' || text[end - 1] === '\r' ? 1 : 0)));
}

/** Insert entries as the last lines of a block map. */
function appendToMap(text: string, map: YAMLMap, entries: Record<string, YamlValue>): TextEdit | undefined {
  const indent = blockMapIndent(text, map);
  const last = map.items[map.items.length - 1];
  if (indent === undefined || !last) return undefined;
  const eol = eolOf(text);
  const end = pairLineEnd(text, last);
  const lines = renderEntries(entries, indent, eol);
  // Insert whole lines at the start of the next line, so edits that remove neighbouring lines never overlap this one.
  if (end >= text.length) return { start: text.length, end: text.length, newText: eol + lines.slice(0, -eol.length) };
  const next = end + lineBreakLength(text, end);
  return { start: next, end: next, newText: lines };
}

/** Nest `value` under `path`: ['a','b'], 1 → {a: {b: 1}}. */
function nest(path: readonly string[], value: YamlValue): Record<string, YamlValue> {
  let out: YamlValue = value;
  for (let i = path.length - 1; i >= 1; i--) out = { [path[i] as string]: out };
  return { [path[0] as string]: out };
}

/**
 * Sets `path` below `map` to `value`: replaces an existing scalar, or adds
 * the missing keys in the deepest existing block map. Undefined when the
 * document's shape does not allow a clean edit (flow style, a scalar in the way).
 */
export function setAtPath(text: string, map: YAMLMap, path: readonly string[], value: YamlValue): TextEdit | undefined {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path as [string, ...string[]];
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === head);
  if (!pair) {
    return map.items.length > 0 ? appendToMap(text, map, nest(path, value)) : undefined;
  }
  const current = pair.value as unknown;
  if (rest.length === 0) {
    if (typeof value === 'object') {
      if (isMap(current)) {
        const edits = Object.entries(value).map(([k, v]) => setAtPath(text, current, [k], v));
        return edits.length === 1 ? edits[0] : undefined;
      }
      return replaceEmptyValue(text, pair, value);
    }
    if (isScalar(current) && current.range) {
      return { start: current.range[0], end: current.range[1], newText: typeof value === 'string' ? yamlScalar(value) : String(value) };
    }
    return replaceEmptyValue(text, pair, value);
  }
  if (isMap(current)) return setAtPath(text, current, rest, value);
  return replaceEmptyValue(text, pair, nest(rest, value));
}

/** `key:` with no value (or `key: null`) becomes `key:` followed by nested entries. */
function replaceEmptyValue(text: string, pair: Pair<unknown, unknown>, value: YamlValue): TextEdit | undefined {
  const key = pair.key as { range?: [number, number, number] };
  const current = pair.value as { range?: [number, number, number]; value?: unknown } | null;
  if (!key.range) return undefined;
  if (current && !(isScalar(current) && (current.value === null || current.value === ''))) return undefined;
  const keyColumn = columnOf(text, key.range[0]);
  const eol = eolOf(text);
  const start = key.range[1];
  const end = current?.range ? current.range[1] : start;
  const colon = text.indexOf(':', start);
  const afterColon = colon === -1 ? start : colon + 1;
  if (typeof value !== 'object') {
    return { start: afterColon, end: Math.max(afterColon, end), newText: ` ${typeof value === 'string' ? yamlScalar(value) : String(value)}` };
  }
  return { start: afterColon, end: Math.max(afterColon, end), newText: eol + renderEntries(value, keyColumn + 2, eol).slice(0, -eol.length) };
}

/** Removes a map entry and its value, whole lines where it stands alone. */
export function removePair(text: string, map: YAMLMap, pair: Pair<unknown, unknown>): TextEdit | undefined {
  const key = pair.key as { range?: [number, number, number] } | null;
  if (!key?.range) return undefined;
  const keyStart = key.range[0];
  const start = lineStart(text, keyStart);
  const end = pairLineEnd(text, pair);
  const nextLine = end < text.length ? end + lineBreakLength(text, end) : end;
  const prefix = text.slice(start, keyStart);
  if (prefix.trim() === '') return { start, end: nextLine, newText: '' };
  // `- key: v` opening a list item: pull the next entry up onto the dash line.
  const index = map.items.indexOf(pair);
  const next = map.items[index + 1]?.key as { range?: [number, number, number] } | undefined;
  if (/^\s*-\s*$/.test(prefix) && next?.range) return { start: keyStart, end: next.range[0], newText: '' };
  return undefined;
}

/** Renames a key in place. */
export function renameKey(pair: Pair<unknown, unknown>, newKey: string): TextEdit | undefined {
  const key = pair.key as { range?: [number, number, number] } | null;
  if (!key?.range) return undefined;
  return { start: key.range[0], end: key.range[1], newText: newKey };
}

/**
 * Inserts a comment line above the line starting at `start`, at that line's
 * indentation. Reads only the indentation, however long the line.
 */
export function insertCommentAbove(text: string, start: number, comment: string): TextEdit {
  let end = start;
  for (let c = text.charCodeAt(end); c === 32 || c === 9 || c === 45; c = text.charCodeAt(++end));
  const indent = text.slice(start, end).replace(/-/g, ' ');
  return { start, end: start, newText: `${indent}# ${comment}${eolOf(text)}` };
}

/** Two edits, `previous` sorting before `current` by start, that cannot be applied together. */
function collide(previous: TextEdit, current: TextEdit): boolean {
  return current.start < previous.end || (current.start === previous.end && current.start === current.end && previous.start === previous.end);
}

/** True when no two edits overlap (so they can be applied together). */
export function editsAreDisjoint(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (collide(sorted[i - 1] as TextEdit, sorted[i] as TextEdit)) return false;
  }
  return true;
}

/**
 * Edits gathered fix by fix, each fix taken whole or not at all: the same
 * verdict as `editsAreDisjoint` on everything taken so far plus the fix,
 * at the cost of a binary search per edit instead of a sort per fix.
 */
export class DisjointEdits {
  /** Sorted by start; equal starts in the order they were taken. */
  private readonly sorted: TextEdit[] = [];

  /** Takes the edits when none collides with another; returns whether it did. */
  take(edits: readonly TextEdit[]): boolean {
    const placed: number[] = [];
    for (const edit of edits) {
      const at = this.insertionPoint(edit.start);
      const before = this.sorted[at - 1];
      const after = this.sorted[at];
      if ((before && collide(before, edit)) || (after && collide(edit, after))) {
        // Undo this fix's edits, latest first so earlier positions stay valid.
        for (const index of placed.sort((a, b) => b - a)) this.sorted.splice(index, 1);
        return false;
      }
      this.sorted.splice(at, 0, edit);
      for (let i = 0; i < placed.length; i++) if ((placed[i] as number) >= at) placed[i] = (placed[i] as number) + 1;
      placed.push(at);
    }
    return true;
  }

  get edits(): readonly TextEdit[] {
    return this.sorted;
  }

  /** Index after the last edit starting at or before `start`. */
  private insertionPoint(start: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sorted[mid] as TextEdit).start <= start) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Applies disjoint edits to a text (for tests and the CLI's --fix). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
