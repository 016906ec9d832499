/**
 * What the client's status bar and "Show KEPs used in this file" need: is
 * this a Kubernetes manifest, which version is targeted and why, and which
 * enhancements it touches, with the first place each is used.
 */
import { isScalar } from 'yaml';
import { annotationAppliesTo, annotationMatches, findEnhancement, stageAt } from '../kep/catalog';
import { rootTypeOf } from '../kep/schema';
import type { Enhancement } from '../kep/types';
import { onFirstParse, type ManifestModel, type ParsedChunk } from '../manifest/model';
import { walkSchema } from '../manifest/schemaWalk';
import { targetsOf } from '../engine/analyze';
import type { EngineSettings } from '../engine/target';

export interface KepUse {
  id: string;
  kep?: number;
  title: string;
  stage?: string;
  /** Absolute offset of the first use. */
  offset: number;
  uses: number;
}

export interface DocumentInfo {
  isKubernetes: boolean;
  version: string;
  pinned: boolean;
  keps: KepUse[];
}

/** Where a document uses each enhancement's facts: the offset of every key, relative to the document. */
interface ChunkUse {
  readonly enhancement: Enhancement;
  readonly at: number;
}

/** What one document contributes: a document's tree may be dropped between requests, this need not be. */
interface ChunkInfo {
  readonly kubernetes: boolean;
  readonly uses: readonly ChunkUse[];
}

const infoByChunk = new WeakMap<ParsedChunk, ChunkInfo>();

// Taken while analysis parses each document, so the first request does not parse the file again.
onFirstParse((chunk) => void infoOf(chunk));

/** The enhancements a document uses, by id, with the offset of each use: what another thread hands over. */
export function kepUsesOf(chunk: ParsedChunk): { kubernetes: boolean; uses: [id: string, at: number][] } {
  const info = infoOf(chunk);
  return { kubernetes: info.kubernetes, uses: info.uses.map((u) => [u.enhancement.id, u.at]) };
}

/** Takes the uses another thread found in a document of the same text. */
export function adoptKepUses(chunk: ParsedChunk, found: { kubernetes: boolean; uses: [id: string, at: number][] }): void {
  if (infoByChunk.has(chunk)) return;
  const uses: ChunkUse[] = [];
  for (const [id, at] of found.uses) {
    const enhancement = findEnhancement(id);
    if (enhancement) uses.push({ enhancement, at });
  }
  infoByChunk.set(chunk, { kubernetes: found.kubernetes, uses });
}

function infoOf(chunk: ParsedChunk): ChunkInfo {
  let info = infoByChunk.get(chunk);
  if (info) return info;
  const found: ChunkUse[] = [];
  for (const resource of chunk.resources) {
    walkSchema(resource.node, rootTypeOf(resource.apiVersion, resource.kind), chunk.doc, (visit) => {
      const at = (isScalar(visit.keyNode) ? visit.keyNode.range?.[0] : undefined) ?? 0;
      for (const fact of visit.facts) {
        if (fact.type === 'annotation' && (!annotationMatches(fact.annotation, String(visit.keyNode?.value ?? '')) || !annotationAppliesTo(fact.annotation, visit.metadataOwner))) continue;
        if ('enhancement' in fact) found.push({ enhancement: fact.enhancement, at });
      }
    });
  }
  info = { kubernetes: chunk.resources.length > 0, uses: found };
  infoByChunk.set(chunk, info);
  return info;
}

export function documentInfo(model: ManifestModel, settings: EngineSettings): DocumentInfo {
  const targets = targetsOf(model, settings);
  const first = targets[0];
  const byId = new Map<string, KepUse>();
  // A key can carry several facts of one enhancement (a field and its listing as a child): count keys, not facts.
  const counted = new Set<string>();
  const add = (enhancement: Enhancement, offset: number, version: string): void => {
    const key = `${enhancement.id}@${offset}`;
    if (counted.has(key)) return;
    counted.add(key);
    const existing = byId.get(enhancement.id);
    if (existing) {
      existing.uses++;
      return;
    }
    byId.set(enhancement.id, { id: enhancement.id, kep: enhancement.kep, title: enhancement.title, stage: stageAt(enhancement, version)?.stage, offset, uses: 1 });
  };
  let isKubernetes = false;
  model.chunks.forEach(({ start, chunk }, index) => {
    const version = targets[index]?.version ?? settings.kubernetesVersion;
    const info = infoOf(chunk);
    if (info.kubernetes) isKubernetes = true;
    for (const use of info.uses) add(use.enhancement, start + use.at, version);
  });
  return { isKubernetes, version: first?.version ?? settings.kubernetesVersion, pinned: first?.pinnedBy === 'directive', keps: [...byId.values()].sort((a, b) => a.offset - b.offset) };
}
