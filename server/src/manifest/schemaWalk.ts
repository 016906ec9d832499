/**
 * One walk over a Kubernetes object that pairs every map entry and list
 * item with what the schema says is there: the struct that holds a key, the
 * field it names, the type its value must have, and the overlay's facts and
 * rules for that place. The walk is iterative, so nesting depth costs heap,
 * not stack.
 *
 * Aliases (`*name`) and merge keys (`<<: *base`) are followed once: the
 * content they bring is checked where the alias is written, and an anchor
 * already expanded in this walk is not expanded again, so an alias bomb
 * costs no more than its text.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { factsOfField, type Fact, type RuleRef } from '../kep/catalog';
import { listItemOf, mapValueOf, structSpec, type FieldSpec, type StructSpec, type TypeRef } from '../kep/schema';
import type { ConcretePath } from './paths';

export interface SchemaVisit {
  /** Path from the object's root. */
  readonly path: ConcretePath;
  readonly position: 'field' | 'entry' | 'item';
  /** The map entry (for keys); absent for list items. */
  readonly pair?: Pair<unknown, unknown>;
  readonly keyNode?: Scalar;
  readonly value: unknown;
  /** Map holding `pair`. */
  readonly parent?: YAMLMap;
  /** The struct that holds the key (position `field`), when the schema knows it. */
  readonly owner?: StructSpec;
  /** The field the key names; undefined for a key the struct does not have. */
  readonly field?: FieldSpec;
  /** The type the value must have, when known. */
  readonly type?: TypeRef;
  readonly facts: readonly Fact[];
  readonly rules: readonly RuleRef[];
  /** For keys under `metadata`: the type of the object that metadata belongs to. */
  readonly metadataOwner?: TypeRef;
  /** Range that findings about this visit should use, when it came through an alias or merge key. */
  readonly reportAt?: readonly [number, number];
  /** Nearest enclosing field with feature gates, when there is one: its gates govern this place too. */
  readonly gatedBy?: FieldSpec;
  /**
   * The schema cannot judge the shape here: a template decides it (it emits YAML, or holds
   * alternatives), or it is the metadata of a kind the data does not know.
   */
  readonly uncertain: boolean;
  /** A later entry of the same map has the same key; kubectl keeps the last, so this value is not what it sends. */
  readonly shadowed: boolean;
}

export interface WalkOptions {
  /** Maps whose keys a template shapes (see templateShape); `from` is the end of the key that owns the map. */
  readonly shapedByTemplate?: (map: YAMLMap, from: number) => boolean;
}

interface Frame {
  node: unknown;
  type?: TypeRef;
  path: ConcretePath;
  /** Facts for the entries or items of the field this node is the value of. */
  entryFacts: readonly Fact[];
  itemFacts: readonly Fact[];
  metadataOwner?: TypeRef;
  reportAt?: readonly [number, number];
  gatedBy?: FieldSpec;
  uncertain?: boolean;
  /** End of the key whose value this is. */
  keyEnd?: number;
}

const noFacts: readonly Fact[] = [];
const noRules: readonly RuleRef[] = [];
const objectMeta = 'apimachinery/pkg/apis/meta/v1.ObjectMeta';

/** Walks deeper than any real manifest are cut off here; the parser refuses deeper input anyway. */
const maxDepth = 512;
/** Alias expansions per walk: enough for any real manifest, small enough that no input can multiply the work. */
const maxAliasExpansions = 1000;

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * Visits every entry and item of `root`. `rootType` is the kind's type; when
 * the schema does not know the kind (a custom resource), only `metadata`
 * is typed, so facts about object metadata still apply.
 */
export function walkSchema(root: YAMLMap, rootType: TypeRef | undefined, doc: Document.Parsed | undefined, visit: (v: SchemaVisit) => void, options: WalkOptions = {}): void {
  const expanded = new Set<unknown>();
  let expansions = 0;
  /** The node an alias stands for, once per anchor and within the budget. */
  const follow = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    if (!doc || expansions >= maxAliasExpansions) return undefined;
    const target = node.resolve(doc);
    if (target === undefined || expanded.has(target)) return undefined;
    expanded.add(target);
    expansions++;
    return target;
  };
  const stack: Frame[] = [{ node: root, type: rootType, path: [], entryFacts: noFacts, itemFacts: noFacts }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.path.length > maxDepth) continue;
    let node = frame.node;
    let reportAt = frame.reportAt;
    if (isAlias(node)) {
      reportAt ??= rangeOf(node);
      node = follow(node);
    }
    if (isMap(node)) {
      const struct = frame.type !== undefined ? structSpec(frame.type) : undefined;
      const mapValue = frame.type !== undefined ? mapValueOf(frame.type) : undefined;
      // Merge keys bring another map's entries into this one: walk them as entries of this map.
      const pairs: { pair: Pair<unknown, unknown>; reportAt?: readonly [number, number] }[] = [];
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const source of sources) {
            const merged = follow(source);
            if (isMap(merged)) for (const p of merged.items) pairs.push({ pair: p, reportAt: reportAt ?? rangeOf(source) ?? rangeOf(pair.key) });
          }
          continue;
        }
        pairs.push({ pair, reportAt });
      }
      const uncertain = frame.uncertain === true || options.shapedByTemplate?.(node, frame.keyEnd ?? node.range?.[0] ?? 0) === true;
      const lastIndex = new Map<string, number>();
      pairs.forEach(({ pair }, i) => {
        if (isScalar(pair.key)) lastIndex.set(String(pair.key.value), i);
      });
      pairs.forEach(({ pair, reportAt: at }, i) => {
        if (!isScalar(pair.key)) return;
        const key = String(pair.key.value);
        const shadowed = lastIndex.get(key) !== i;
        const childPath = [...frame.path, key];
        if (struct) {
          const field = struct.fields.get(key);
          const known = factsOfField(struct.ref, key);
          const metadataOwner = key === 'metadata' && field?.type === objectMeta ? struct.ref : frame.metadataOwner;
          const gatedBy = field && field.gates.length > 0 ? field : frame.gatedBy;
          visit({ path: childPath, position: 'field', pair, keyNode: pair.key, value: pair.value, parent: node, owner: struct, field, type: field?.type, facts: known.facts, rules: known.rules, metadataOwner, reportAt: at, gatedBy: frame.gatedBy, uncertain, shadowed });
          if (field) stack.push({ node: pair.value, type: field.type, path: childPath, entryFacts: known.entryFacts, itemFacts: known.itemFacts, metadataOwner, reportAt: at, gatedBy, uncertain: uncertain || shadowed, keyEnd: pair.key.range?.[1] });
        } else if (mapValue !== undefined) {
          visit({ path: childPath, position: 'entry', pair, keyNode: pair.key, value: pair.value, parent: node, type: mapValue, facts: frame.entryFacts, rules: noRules, metadataOwner: frame.metadataOwner, reportAt: at, gatedBy: frame.gatedBy, uncertain, shadowed });
          stack.push({ node: pair.value, type: mapValue, path: childPath, entryFacts: noFacts, itemFacts: noFacts, metadataOwner: frame.metadataOwner, reportAt: at, gatedBy: frame.gatedBy, uncertain: uncertain || shadowed, keyEnd: pair.key.range?.[1] });
        } else if (frame.type === undefined && frame.path.length === 0 && key === 'metadata') {
          // An object the schema does not know still has object metadata, for the facts about it (annotations).
          // Judging its keys is another matter: tools' own files borrow the shape (eksctl's ClusterConfig has a
          // `metadata.region`), and custom resources are left alone.
          stack.push({ node: pair.value, type: objectMeta, path: childPath, entryFacts: noFacts, itemFacts: noFacts, reportAt: at, uncertain: true, keyEnd: pair.key.range?.[1] });
        }
      });
    } else if (isSeq(node)) {
      const item = frame.type !== undefined ? listItemOf(frame.type) : undefined;
      if (item === undefined) continue;
      const uncertain = frame.uncertain === true;
      node.items.forEach((value, index) => {
        const childPath = [...frame.path, index];
        visit({ path: childPath, position: 'item', value, type: item, facts: frame.itemFacts, rules: noRules, metadataOwner: frame.metadataOwner, reportAt, gatedBy: frame.gatedBy, uncertain, shadowed: false });
        stack.push({ node: value, type: item, path: childPath, entryFacts: noFacts, itemFacts: noFacts, metadataOwner: frame.metadataOwner, reportAt, gatedBy: frame.gatedBy, uncertain });
      });
    }
  }
}
