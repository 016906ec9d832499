/**
 * `kep-lens explain` (the hover card of a KEP, feature gate, field path or
 * apiVersion) and `kep-lens keps` (the enhancements and their stage at a
 * version).
 */
import { allGateNames, enhancementsOfRelease, findGate, kepUrl, preferredApiVersion, servedVersionsOf, stageAt, type GateSettings } from '../kep/catalog';
import { rootTypeOf } from '../kep/schema';
import type { KepCategory, MinorVersion, Stage } from '../kep/types';
import { apiVersionCard, gateCard, type CardTarget } from '../features/cards';
import { explain, resolveFieldPath as resolveInSchema } from '../features/hover';
import { clip } from '../engine/quote';

/**
 * `spec.volumes.image` → `spec.volumes[].image`: the path walked through the
 * kind's schema, with `[]` where it steps into a list. Undefined when the
 * path is not a field of the kind.
 */
export function resolveFieldPath(kind: string, query: string, version?: MinorVersion): string | undefined {
  const groupVersion = (version ? preferredApiVersion(kind, version) : undefined) ?? servedVersionsOf(kind)[0]?.groupVersion;
  const root = groupVersion ? rootTypeOf(groupVersion, kind) : undefined;
  const segments = root ? resolveInSchema(root, query) : undefined;
  return segments?.join('.').replace(/\.\[\]/g, '[]');
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
    const resolved = resolveFieldPath(kind, trimmed, target.version);
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
  /** How the release counts it: a new alpha, a promotion, a graduation, a deprecation or a removal. */
  readonly category: KepCategory;
  /** Stage at the version; null before the enhancement existed. */
  readonly stage: Stage | null;
  readonly gates: string[];
  readonly url: string | null;
}

/** The enhancements a release lists, with their stage at that release. */
export function kepRows(version: MinorVersion, stage: Stage | undefined): KepRow[] {
  const rows: KepRow[] = [];
  for (const [category, list] of enhancementsOfRelease(version)) {
    for (const e of list) {
      const at = stageAt(e, version)?.stage ?? null;
      if (stage && at !== stage) continue;
      rows.push({ id: e.id, kep: e.kep ?? null, title: e.title, sig: e.sig, category, stage: at, gates: e.gates.map((g) => g.name), url: kepUrl(e) ?? null });
    }
  }
  return rows;
}

export function formatKepTable(rows: readonly KepRow[], version: MinorVersion): string {
  const cells = rows.map((r) => [r.kep !== null ? `KEP-${r.kep}` : r.id, r.stage ?? 'not yet', r.category, `sig-${r.sig}`, r.title]);
  const header = ['KEP/ID', `STAGE@${version}`, 'CHANGE', 'SIG', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

export function cardTarget(version: MinorVersion, gates: GateSettings): CardTarget {
  return { version, gates };
}
