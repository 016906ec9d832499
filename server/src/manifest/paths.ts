/**
 * Field paths in the YAML model: what lies at an offset, and nodes at a path.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { listItem } from '../kep/catalog';
import type { ParsedChunk, Resource } from './model';

export type ConcretePath = (string | number)[];

/** `['spec', 'volumes', 2, 'image']` → `['spec', 'volumes', '[]', 'image']`. */
export function normalisePath(path: readonly (string | number)[]): string[] {
  return path.map((segment) => (typeof segment === 'number' ? listItem : segment));
}

/** `spec.volumes[2].image`, for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

export interface Location {
  /** Object the offset lies in, when the document is a Kubernetes object. */
  readonly resource?: Resource;
  /** Path from the resource root (or the document root when there is no resource). */
  readonly path: ConcretePath;
  /** The offset is on a key (else on a value). */
  readonly onKey: boolean;
  /** The pair whose key or value holds the offset. */
  readonly pair?: Pair<unknown, unknown>;
  /** Scalar under the offset (key or value). */
  readonly scalar?: Scalar;
  /** Map holding `pair`. */
  readonly parent?: YAMLMap;
}

function within(range: readonly number[] | null | undefined, offset: number, endIndex: 1 | 2): boolean {
  return !!range && offset >= (range[0] ?? 0) && offset <= (range[endIndex] ?? -1);
}

const maxDepth = 256;

/** What lies at a chunk-relative offset: key or value, and its path. */
export function locate(chunk: ParsedChunk, offset: number): Location | undefined {
  const root = chunk.doc?.contents;
  if (!root) return undefined;
  const path: ConcretePath = [];
  let node: unknown = root;
  let found: Location | undefined;
  for (let depth = 0; depth < maxDepth; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const key = p.key as YamlNode | null;
        const value = p.value as YamlNode | null;
        return (isScalar(key) && within(key.range, offset, 1)) || (value !== null && within(value?.range, offset, 1));
      });
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      const key = pair.key;
      if (within(key.range, offset, 1)) {
        found = { path: [...path], onKey: true, pair, scalar: key, parent: node };
        break;
      }
      const value = pair.value as YamlNode | null;
      if (isScalar(value)) {
        found = { path: [...path], onKey: false, pair, scalar: value, parent: node };
        break;
      }
      found = { path: [...path], onKey: false, pair, parent: node };
      node = value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within((item as YamlNode | null)?.range, offset, 1));
      if (index === -1) break;
      path.push(index);
      const item = node.items[index];
      if (isScalar(item)) {
        found = { path: [...path], onKey: false, scalar: item, parent: found?.parent };
        break;
      }
      node = item;
    } else break;
  }
  if (!found) return undefined;
  const resource = resourceAt(chunk, found.path);
  if (!resource) return found;
  return { ...found, resource, path: found.path.slice(resource.prefix.length) };
}

/** The innermost resource whose prefix starts `path`. */
export function resourceAt(chunk: ParsedChunk, path: readonly (string | number)[]): Resource | undefined {
  let best: Resource | undefined;
  for (const resource of chunk.resources) {
    const matches = resource.prefix.every((segment, i) => path[i] === segment);
    if (matches && (!best || resource.prefix.length > best.prefix.length)) best = resource;
  }
  return best;
}

/** Node at a relative path below `from` (keys only; `[]` not allowed here). */
export function nodeAtPath(from: unknown, path: readonly string[]): { node: unknown; pair?: Pair<unknown, unknown>; parent?: YAMLMap } | undefined {
  let node = from;
  let pair: Pair<unknown, unknown> | undefined;
  let parent: YAMLMap | undefined;
  for (const key of path) {
    if (key === '.') continue;
    if (!isMap(node)) return undefined;
    parent = node;
    pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return undefined;
    node = pair.value;
  }
  return { node, pair, parent };
}

/** Plain text of a scalar node (numbers and booleans as written). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'object') return undefined;
  return String(value);
}

/** The string items of a sequence node. */
export function stringItems(node: unknown): { value: string; node: Scalar }[] {
  if (!isSeq(node)) return [];
  const out: { value: string; node: Scalar }[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (text !== undefined && isScalar(item)) out.push({ value: text, node: item });
  }
  return out;
}

/** Node at a concrete path (keys and list indexes) below `root`; undefined when any step is missing. */
export function nodeAtConcretePath(root: unknown, path: ConcretePath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment)?.value : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}
