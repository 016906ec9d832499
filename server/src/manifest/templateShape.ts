/**
 * Where a Helm template's YAML shape is the template's to decide, not the
 * text's. A template action that stands alone on its line is masked to a
 * blank line before parsing, which is right for `{{- if … }}` and
 * `{{- end }}` but not for two kinds of action:
 *
 * - one that emits YAML of its own (`{{ include "x.labels" . | indent 6 }}`,
 *   `{{- toYaml .Values.x | nindent 4 }}`): what follows may belong to a key
 *   the template writes, so the map around it is not what kubectl will read;
 * - an `{{ else }}`: both alternatives sit in one map, so its keys may repeat
 *   or mix two different objects.
 *
 * The checks that judge a map's keys and values against the schema leave
 * such maps alone; the rest of the document is judged as usual.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { ParsedChunk } from './model';

const standaloneAction = /^[ \t]*\{\{-?\s*([\s\S]*?)\s*-?\}\}[ \t]*$/;
const shapesYaml = /\b(?:include|template|toYaml|toJson|toPrettyJson|tpl|fromYaml|fromJson|indent|nindent)\b|\.Files\b|^else\b/;

const cache = new WeakMap<ParsedChunk, readonly number[]>();

/** Offsets of the standalone actions of a document that emit YAML or start an alternative, ascending. */
export function shapingActions(chunk: ParsedChunk): readonly number[] {
  let offsets = cache.get(chunk);
  if (offsets) return offsets;
  const found: number[] = [];
  if (chunk.templated) {
    const text = chunk.text;
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      if (line.includes('{{')) {
        const action = standaloneAction.exec(line)?.[1];
        if (action !== undefined && shapesYaml.test(action)) found.push(lineStart);
      }
      lineStart = lineEnd + 1;
    }
  }
  offsets = found;
  cache.set(chunk, offsets);
  return offsets;
}

/** Index of the first action at or after an offset (the length when none is). */
function firstAtOrAfter(actions: readonly number[], offset: number): number {
  let low = 0;
  let high = actions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((actions[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether a template shapes the YAML between two offsets of the document. */
export function shapedBetween(actions: readonly number[], start: number, end: number): boolean {
  const first = firstAtOrAfter(actions, start);
  return first < actions.length && (actions[first] as number) < end;
}

/**
 * Whether an action shapes this map itself rather than a map inside it. The
 * map's span starts at the end of the key that owns it (`from`), because an
 * action between `metadata:` and its first entry writes that entry's parent;
 * the spans of its own collection values, from their key on, are theirs.
 */
export function shapesMap(actions: readonly number[], map: YAMLMap, from: number): boolean {
  if (!map.range || !shapedBetween(actions, from, map.range[1])) return false;
  const inner: [number, number][] = [];
  for (const pair of map.items) {
    const value = pair.value as { range?: [number, number, number] } | null;
    const key = pair.key as { range?: [number, number, number] } | null;
    if ((isMap(value) || isSeq(value)) && value.range) inner.push([key?.range?.[1] ?? value.range[0], value.range[1]]);
  }
  for (let i = firstAtOrAfter(actions, from); i < actions.length && (actions[i] as number) < map.range[1]; i++) {
    const at = actions[i] as number;
    if (!inner.some(([start, end]) => start <= at && at < end)) return true;
  }
  return false;
}
