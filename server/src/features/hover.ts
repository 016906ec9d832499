/**
 * Hover: the card for the field, value, apiVersion or feature gate under the
 * cursor. A place our overlay knows gets its curated KEP card; every other
 * field of a built-in kind gets the card the imported facts make.
 */
import { annotationAppliesTo, annotationMatches, findEnhancement, findGate, listItem, preferredApiVersion, servedVersionsOf, splitPath, type Fact } from '../kep/catalog';
import { placeAt, type Place } from '../kep/placeAt';
import { enumSpec, listItemOf, rootTypeOf, structSpec, type TypeRef } from '../kep/schema';
import { lastAtOrBefore, type ManifestModel } from '../manifest/model';
import { formatPath, locate, normalisePath, type Location } from '../manifest/paths';
import { featureGateFlags } from '../engine/gateFlags';
import { targetsOf } from '../engine/analyze';
import type { EngineSettings } from '../engine/target';
import { apiVersionCard, enhancementCard, fieldCard, gateCard, type CardTarget } from './cards';

export interface HoverResult {
  markdown: string;
  /** Absolute offsets of the hovered word. */
  start: number;
  end: number;
}

/** The document of a file holding `offset`. */
export function chunkAt(model: ManifestModel, offset: number): { index: number; start: number } | undefined {
  const { chunks } = model;
  if (chunks.length === 0 || offset < (chunks[0]?.start ?? 0)) return undefined;
  const index = lastAtOrBefore(documentStartsOf(model), offset);
  return { index, start: chunks[index]?.start ?? 0 };
}

const startsByModel = new WeakMap<ManifestModel, number[]>();

function documentStartsOf(model: ManifestModel): number[] {
  let starts = startsByModel.get(model);
  if (!starts) {
    starts = model.chunks.map((c) => c.start);
    startsByModel.set(model, starts);
  }
  return starts;
}

function cardForFact(fact: Fact, place: Place, location: Location, target: CardTarget, key: string): string | undefined {
  const path = formatPath(location.path);
  const valueText = !location.onKey && location.scalar ? String(location.scalar.value) : undefined;
  const schemaField = place.field;
  switch (fact.type) {
    case 'field': {
      const value = valueText !== undefined ? fact.field.values?.find((v) => v.value === valueText) : undefined;
      return enhancementCard(fact.enhancement, target, { field: fact.field, value, path, schemaField });
    }
    case 'child': {
      const value = valueText !== undefined ? fact.child.values?.find((v) => v.value === valueText) : undefined;
      return enhancementCard(fact.enhancement, target, { field: fact.field, child: fact.child, value, path, schemaField });
    }
    case 'config': {
      const values = [...(fact.config.values ?? []), ...(fact.config.entries ?? [])];
      const value = values.find((v) => v.value === (valueText ?? key));
      if (!value && (fact.config.entries?.length ?? 0) > 0 && !location.onKey && !fact.config.values?.length) return undefined;
      return enhancementCard(fact.enhancement, target, { config: fact.config, value, path, schemaField });
    }
    case 'annotation':
      return annotationMatches(fact.annotation, key) && annotationAppliesTo(fact.annotation, place.metadataOwner)
        ? enhancementCard(fact.enhancement, target, { path, note: fact.annotation.description })
        : undefined;
    case 'gateMap': {
      const gate = location.onKey ? findGate(key) : undefined;
      return gate ? gateCard(gate.gate, gate.enhancement, target) : undefined;
    }
    default:
      return undefined;
  }
}

/** Hover at an absolute offset of a file. */
export function hoverAt(model: ManifestModel, offset: number, settings: EngineSettings): HoverResult | undefined {
  const at = chunkAt(model, offset);
  if (!at) return undefined;
  const { chunk } = model.chunks[at.index] as ManifestModel['chunks'][number];
  const location = locate(chunk, offset - at.start);
  if (!location?.resource || !location.scalar?.range) return undefined;
  const target = targetsOf(model, settings)[at.index];
  if (!target) return undefined;
  const cardTarget: CardTarget = { version: target.version, gates: target.gates, pinned: target.pinnedBy === 'directive' };
  const [start, end] = location.scalar.range;
  const result = (markdown: string | undefined, s = start, e = end): HoverResult | undefined =>
    markdown ? { markdown, start: at.start + s, end: at.start + e } : undefined;
  const { resource } = location;
  if (location.path.length === 1 && location.path[0] === 'apiVersion' && !location.onKey) {
    // The entry under the cursor: a Helm template may write one per if/else branch.
    return result(apiVersionCard(String(location.scalar.value).trim(), resource.kind, cardTarget));
  }
  const key = String(location.onKey ? location.scalar.value : location.path[location.path.length - 1]);
  const rootType = rootTypeOf(resource.apiVersion, resource.kind);
  const place = placeAt(rootType, normalisePath(location.path));
  if (place.facts.some((f) => f.type === 'gateFlags') && !location.onKey && typeof location.scalar.value === 'string') {
    const raw = chunk.text.slice(start, end);
    const flag = featureGateFlags(raw).find((g) => offset - at.start >= start + g.start && offset - at.start <= start + g.end);
    const gate = flag ? findGate(flag.name) : undefined;
    if (gate && flag) return result(gateCard(gate.gate, gate.enhancement, cardTarget), start + flag.start, start + flag.end);
  }
  for (const fact of place.facts) {
    const card = cardForFact(fact, place, location, cardTarget, key);
    if (card) return result(card);
  }
  // A key's card; on a value, only where the value is one of a set (an enum), whose card lists them.
  const field = place.field;
  const enumValue = !location.onKey && field !== undefined && enumSpec(field.type) !== undefined;
  if (field && rootType && (location.onKey || enumValue)) {
    return result(fieldCard({ field, path: formatPath(location.path), kind: resource.kind, groupVersion: resource.apiVersion, inheritedGates: place.gatedBy && place.gatedBy !== field ? place.gatedBy.gates : [] }, cardTarget));
  }
  return undefined;
}

/**
 * A field path of a kind as the user writes it (`spec.volumes.image` or
 * `spec.volumes[].image`), walked through the schema: `[]` is put in where
 * the path steps into a list.
 */
export function resolveFieldPath(rootType: TypeRef, query: string): string[] | undefined {
  const out: string[] = [];
  let type: TypeRef | undefined = rootType;
  for (const segment of splitPath(query.replace(/\[\d*\]/g, '[]'))) {
    if (type === undefined) return undefined;
    if (segment === listItem) {
      type = listItemOf(type);
      out.push(listItem);
      continue;
    }
    let item = listItemOf(type);
    while (item !== undefined) {
      out.push(listItem);
      type = item;
      item = listItemOf(type);
    }
    const struct = structSpec(type);
    const field = struct?.fields.get(segment);
    if (!field) return undefined;
    out.push(segment);
    type = field.type;
  }
  return out;
}

/** `kep-lens explain`: a card for a KEP id/number, a gate, or a field path of a kind. */
export function explain(query: string, kind: string | undefined, target: CardTarget): string | undefined {
  const enhancement = findEnhancement(query);
  if (enhancement) return enhancementCard(enhancement, target);
  const gate = findGate(query);
  if (gate) return gateCard(gate.gate, gate.enhancement, target);
  if (!kind) return undefined;
  const groupVersion = preferredApiVersion(kind, target.version) ?? servedVersionsOf(kind)[0]?.groupVersion;
  const rootType = groupVersion ? rootTypeOf(groupVersion, kind) : undefined;
  if (!rootType || !groupVersion) return undefined;
  const segments = resolveFieldPath(rootType, query);
  if (!segments) return undefined;
  const place = placeAt(rootType, segments);
  const shown = `${kind}.${segments.join('.').replace(/\.\[\]/g, '[]')}`;
  for (const fact of place.facts) {
    if (fact.type === 'field') return enhancementCard(fact.enhancement, target, { field: fact.field, path: shown, schemaField: place.field });
    if (fact.type === 'child') return enhancementCard(fact.enhancement, target, { field: fact.field, child: fact.child, path: shown, schemaField: place.field });
    if (fact.type === 'config') return enhancementCard(fact.enhancement, target, { config: fact.config, path: shown, schemaField: place.field });
  }
  if (place.field) return fieldCard({ field: place.field, path: shown, kind, groupVersion, inheritedGates: place.gatedBy && place.gatedBy !== place.field ? place.gatedBy.gates : [] }, target);
  return undefined;
}

