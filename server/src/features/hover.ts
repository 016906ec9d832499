/**
 * Hover: the card for the field, value, apiVersion or feature gate under the
 * cursor. Fields the data does not know get nothing, so generic schema
 * hovers from other extensions are not doubled.
 */
import { annotationMatches, factsAt, findEnhancement, findGate, type Fact } from '../kep/catalog';
import { lastAtOrBefore, type ManifestModel } from '../manifest/model';
import { formatPath, locate, normalisePath, type Location } from '../manifest/paths';
import { featureGateFlags } from '../engine/gateFlags';
import { targetsOf } from '../engine/analyze';
import type { EngineSettings } from '../engine/target';
import { apiVersionCard, enhancementCard, gateCard, type CardTarget } from './cards';

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

function cardForFact(fact: Fact, location: Location, target: CardTarget, key: string): string | undefined {
  const path = formatPath(location.path);
  const valueText = !location.onKey && location.scalar ? String(location.scalar.value) : undefined;
  switch (fact.type) {
    case 'field': {
      const value = valueText !== undefined ? fact.field.values?.find((v) => v.value === valueText) : undefined;
      return enhancementCard(fact.enhancement, target, { field: fact.field, value, path });
    }
    case 'child': {
      const value = valueText !== undefined ? fact.child.values?.find((v) => v.value === valueText) : undefined;
      return enhancementCard(fact.enhancement, target, { field: fact.field, child: fact.child, value, path });
    }
    case 'config': {
      const values = [...(fact.config.values ?? []), ...(fact.config.entries ?? [])];
      const value = values.find((v) => v.value === (valueText ?? key));
      if (!value && (fact.config.entries?.length ?? 0) > 0 && !location.onKey && !fact.config.values?.length) return undefined;
      return enhancementCard(fact.enhancement, target, { config: fact.config, value, path });
    }
    case 'annotation':
      return annotationMatches(fact.annotation, key)
        ? enhancementCard(fact.enhancement, target, { path: `${path}\n\n${fact.annotation.description}` })
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
  const facts = factsAt(resource.kind, normalisePath(location.path));
  if (facts.some((f) => f.type === 'gateFlags') && !location.onKey && typeof location.scalar.value === 'string') {
    const raw = chunk.text.slice(start, end);
    const flag = featureGateFlags(raw).find((g) => offset - at.start >= start + g.start && offset - at.start <= start + g.end);
    const gate = flag ? findGate(flag.name) : undefined;
    return gate && flag ? result(gateCard(gate.gate, gate.enhancement, cardTarget), start + flag.start, start + flag.end) : undefined;
  }
  for (const fact of facts) {
    const card = cardForFact(fact, location, cardTarget, key);
    if (card) return result(card);
  }
  return undefined;
}

/** `kep-lens explain`: a card for a KEP id/number, or for a field path of a kind. */
export function explain(query: string, kind: string | undefined, target: CardTarget): string | undefined {
  const enhancement = findEnhancement(query);
  if (enhancement) return enhancementCard(enhancement, target);
  const gate = findGate(query);
  if (gate) return gateCard(gate.gate, gate.enhancement, target);
  if (!kind) return undefined;
  const segments = query.replace(/\[\d*\]/g, '[]').split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));
  const fact = factsAt(kind, segments).find((f) => f.type === 'field' || f.type === 'child' || f.type === 'config');
  if (!fact || !('enhancement' in fact)) return undefined;
  if (fact.type === 'field') return enhancementCard(fact.enhancement, target, { field: fact.field, path: `${kind}.${query}` });
  if (fact.type === 'child') return enhancementCard(fact.enhancement, target, { field: fact.field, child: fact.child, path: `${kind}.${query}` });
  if (fact.type === 'config') return enhancementCard(fact.enhancement, target, { config: fact.config, path: `${kind}.${query}` });
  return undefined;
}

