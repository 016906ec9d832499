/**
 * `kep-lens explain` (the hover card of a KEP, feature gate, field path or
 * apiVersion) and `kep-lens keps` (the enhancements and their stage at a
 * version).
 */
import { allGateNames, enhancementsByCategory, findGate, joinPath, kepUrl, listItem, pathIndexFor, splitPath, stageAt, type GateSettings, type PathIndexNode } from '../kep/catalog';
import type { Enhancement, MinorVersion, Stage } from '../kep/types';
import { apiVersionCard, gateCard, type CardTarget } from '../features/cards';
import { explain } from '../features/hover';
import { clip } from '../engine/quote';

function indexChild(node: PathIndexNode, key: string): PathIndexNode | undefined {
  return node.children.get(key);
}

/**
 * `spec.volumes.image` → `spec.volumes[].image`: walks the kind's path
 * index and inserts `[]` where a key is not a child of the current node
 * but is a child of its list item. Undefined when the path leaves the index.
 */
export function resolveFieldPath(kind: string, query: string): string | undefined {
  const segments = splitPath(query.replace(/\[\d*\]/g, '[]'));
  let node: PathIndexNode | undefined = pathIndexFor(kind);
  const resolved: string[] = [];
  for (const segment of segments) {
    if (!node) return undefined;
    let next: PathIndexNode | undefined = indexChild(node, segment);
    if (!next && segment !== listItem) {
      const item = indexChild(node, listItem);
      const below = item ? indexChild(item, segment) : undefined;
      if (item && below) {
        resolved.push(listItem);
        next = below;
      }
    }
    if (!next && segment !== listItem) {
      // Keys of free-form maps (annotations, featureGates) are indexed as `*`.
      next = indexChild(node, '*');
    }
    if (!next) return undefined;
    resolved.push(segment);
    node = next;
  }
  return joinPath(resolved);
}

function looksLikeApiVersion(query: string): boolean {
  return /^(?:[a-z0-9.-]+\/)?v\d+(?:(?:alpha|beta)\d+)?$/.test(query);
}

export interface ExplainOutcome {
  readonly card?: string;
  /** Why nothing was found, with a hint. */
  readonly reason?: string;
}

export function explainQuery(query: string, kind: string | undefined, target: CardTarget): ExplainOutcome {
  // `volumes[0]` → `volumes[]`: the card describes every item.
  const trimmed = query.trim().replace(/\[\d+\]/g, '[]');
  const direct = explain(trimmed, kind, target);
  if (direct) return { card: direct };
  // Gate names are case-sensitive in Kubernetes; forgive the case here.
  const gateName = allGateNames().find((name) => name.toLowerCase() === trimmed.toLowerCase());
  const gate = gateName ? findGate(gateName) : undefined;
  if (gate) return { card: gateCard(gate.gate, gate.enhancement, target) };
  if (kind) {
    if (looksLikeApiVersion(trimmed)) {
      const card = apiVersionCard(trimmed, kind, target);
      if (card) return { card };
    }
    const resolved = resolveFieldPath(kind, trimmed);
    if (resolved && resolved !== trimmed) {
      const card = explain(resolved, kind, target);
      if (card) return { card };
    }
    return { reason: `nothing known about "${clip(trimmed)}" for kind ${clip(kind)} (try a KEP number, a feature gate, or a field path such as spec.volumes[].image)` };
  }
  return { reason: `nothing known about "${clip(trimmed)}" (a KEP like KEP-4639, a feature gate like ImageVolume, or a field path with --kind Pod)` };
}

export interface KepRow {
  readonly id: string;
  readonly kep: number | null;
  readonly title: string;
  readonly sig: string;
  readonly category: Enhancement['category'];
  /** Stage at the version; null before the enhancement existed. */
  readonly stage: Stage | null;
  readonly gates: string[];
  readonly url: string | null;
}

export function kepRows(version: MinorVersion, stage: Stage | undefined): KepRow[] {
  const rows: KepRow[] = [];
  for (const list of enhancementsByCategory().values()) {
    for (const e of list) {
      const at = stageAt(e, version)?.stage ?? null;
      if (stage && at !== stage) continue;
      rows.push({ id: e.id, kep: e.kep ?? null, title: e.title, sig: e.sig, category: e.category, stage: at, gates: e.gates.map((g) => g.name), url: kepUrl(e) ?? null });
    }
  }
  return rows;
}

export function formatKepTable(rows: readonly KepRow[], version: MinorVersion): string {
  const cells = rows.map((r) => [r.kep !== null ? `KEP-${r.kep}` : r.id, r.stage ?? 'not yet', `sig-${r.sig}`, r.title]);
  const header = ['KEP/ID', `STAGE@${version}`, 'SIG', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

export function cardTarget(version: MinorVersion, gates: GateSettings): CardTarget {
  return { version, gates };
}
