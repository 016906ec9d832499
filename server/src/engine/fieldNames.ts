/**
 * Suggestions for a key the schema does not have at its place: the nearest
 * field name of the same struct (`replcas` → `replicas`), or the place in
 * the same object where a field of that name lives (`stopSignal` belongs
 * under `lifecycle`).
 */
import { listItemOf, mapValueOf, structSpec, type StructSpec, type TypeRef } from '../kep/schema';

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1] as number;
}

/** How far a typo may be from the intended name: one edit for short names, more for long ones. */
function allowedDistance(name: string): number {
  return name.length <= 4 ? 1 : name.length <= 12 ? 2 : 3;
}

/** The field of `struct` nearest to `key`, when one is near enough to be what was meant. */
export function nearestField(struct: StructSpec, key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = allowedDistance(key);
  for (const name of struct.fields.keys()) {
    if (name.toLowerCase() === lower) return name;
    const d = editDistance(key, name, limit);
    if (d <= limit && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** Struct types a value of `ref` may hold directly: the struct itself, or the items of a list or values of a map. */
function structOf(ref: TypeRef): StructSpec | undefined {
  return structSpec(listItemOf(ref) ?? mapValueOf(ref) ?? ref);
}

const placeCache = new Map<string, string | undefined>();

/**
 * Where below `struct` a field named `key` is declared, as a relative path
 * (`lifecycle`), searching breadth-first a few levels down; the shallowest
 * place wins.
 */
export function placeBelow(struct: StructSpec, key: string, maxDepth = 3): string | undefined {
  const cacheKey = `${struct.ref}|${key}`;
  if (placeCache.has(cacheKey)) return placeCache.get(cacheKey);
  let found: string | undefined;
  const seen = new Set<string>([struct.ref]);
  let frontier: { struct: StructSpec; path: string }[] = [{ struct, path: '' }];
  for (let depth = 0; depth < maxDepth && !found && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { struct: current, path } of frontier) {
      for (const [name, field] of current.fields) {
        const child = structOf(field.type);
        if (!child || seen.has(child.ref)) continue;
        const childPath = path ? `${path}.${name}` : name;
        if (child.fields.has(key)) {
          found = childPath;
          break;
        }
        seen.add(child.ref);
        next.push({ struct: child, path: childPath });
      }
      if (found) break;
    }
    frontier = next;
  }
  placeCache.set(cacheKey, found);
  return found;
}
