/**
 * What the schema and the overlay say about one path of an object: the type
 * of the value there, the field its last key names, and the overlay's facts
 * for that place. Hover, completion and `explain` ask this; the checks get
 * the same answers from the walk (schemaWalk), which follows the same rules.
 */
import { anyKey, factsOfField, listItem, type Fact, type RuleRef } from './catalog';
import { listItemOf, mapValueOf, structSpec, type FieldSpec, type StructSpec, type TypeRef } from './schema';

export interface Place {
  /** Type of the value at the path, when the schema knows it. */
  readonly type?: TypeRef;
  readonly position: 'root' | 'field' | 'entry' | 'item' | 'unknown';
  /** For a path ending in a key of a struct: the struct and the field (undefined for a key the struct lacks). */
  readonly owner?: StructSpec;
  readonly field?: FieldSpec;
  readonly facts: readonly Fact[];
  readonly rules: readonly RuleRef[];
  /** For paths under `metadata`: the type whose metadata it is. */
  readonly metadataOwner?: TypeRef;
  /** The nearest enclosing field (or the field itself) that has feature gates. */
  readonly gatedBy?: FieldSpec;
}

const objectMeta = 'apimachinery/pkg/apis/meta/v1.ObjectMeta';
const unknownPlace: Place = { position: 'unknown', facts: [], rules: [] };

/**
 * Walks `segments` (keys, `[]` for a list item) from a kind's root type. A
 * kind the schema does not know still has typed `metadata`.
 */
export function placeAt(rootType: TypeRef | undefined, segments: readonly string[]): Place {
  let place: Place = { type: rootType, position: 'root', facts: [], rules: [] };
  let entryFacts: readonly Fact[] = [];
  let itemFacts: readonly Fact[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const type = place.type;
    if (segment === listItem) {
      const item = type !== undefined ? listItemOf(type) : undefined;
      if (item === undefined) return unknownPlace;
      place = { type: item, position: 'item', facts: itemFacts, rules: [], metadataOwner: place.metadataOwner, gatedBy: place.gatedBy };
      entryFacts = [];
      itemFacts = [];
      continue;
    }
    if (type === undefined) {
      if (i === 0 && segment === 'metadata') {
        place = { type: objectMeta, position: 'field', facts: [], rules: [] };
        continue;
      }
      return unknownPlace;
    }
    const struct = structSpec(type);
    if (struct) {
      const field = struct.fields.get(segment);
      const known = factsOfField(struct.ref, segment);
      const metadataOwner = segment === 'metadata' && field?.type === objectMeta ? struct.ref : place.metadataOwner;
      place = { type: field?.type, position: 'field', owner: struct, field, facts: known.facts, rules: known.rules, metadataOwner, gatedBy: field && field.gates.length > 0 ? field : place.gatedBy };
      entryFacts = known.entryFacts;
      itemFacts = known.itemFacts;
      if (!field && i < segments.length - 1) return unknownPlace;
      continue;
    }
    const value = mapValueOf(type);
    if (value !== undefined || segment === anyKey) {
      place = { type: value, position: 'entry', facts: entryFacts, rules: [], metadataOwner: place.metadataOwner, gatedBy: place.gatedBy };
      entryFacts = [];
      itemFacts = [];
      continue;
    }
    return unknownPlace;
  }
  return place;
}
