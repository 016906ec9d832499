/**
 * Enhancement proposals from kubernetes/enhancements `kep.yaml` files:
 * number, title, owning SIG, the milestones the KEP planned, and the feature
 * gates it names with the components that read them. Only these facts are
 * kept; the KEP's prose stays upstream.
 */
import { parse } from 'yaml';

export type KepStage = 'alpha' | 'beta' | 'stable' | 'deprecated' | 'removed';

export interface KepRecord {
  readonly number: number;
  readonly title: string;
  /** `node`, from `owning-sig: sig-node`. */
  readonly sig: string;
  readonly status?: string;
  readonly stage?: string;
  readonly latestMilestone?: string;
  /** Minor version of each planned stage (`1.28`). */
  readonly milestones: Partial<Record<KepStage, string>>;
  readonly gates: readonly { readonly name: string; readonly components: readonly string[] }[];
  /** Path of the kep.yaml in kubernetes/enhancements. */
  readonly path: string;
}

/** `"v1.28"`, `v1.28.0`, `1.28` → `1.28`; anything else → undefined. */
export function minorOfMilestone(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const match = /^v?(\d+)\.(\d+)/.exec(String(value).trim());
  return match ? `${match[1]}.${Number(match[2])}` : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const stages: KepStage[] = ['alpha', 'beta', 'stable', 'deprecated', 'removed'];

/** Reads one kep.yaml; undefined when it is not a numbered KEP. */
export function readKep(path: string, text: string): KepRecord | undefined {
  let doc: unknown;
  try {
    doc = parse(text, { strict: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const number = Number(doc['kep-number']);
  if (!Number.isInteger(number) || number <= 0) return undefined;
  const milestones: Partial<Record<KepStage, string>> = {};
  const milestone = doc.milestone;
  if (isRecord(milestone)) {
    for (const stage of stages) {
      const minor = minorOfMilestone(milestone[stage]);
      if (minor) milestones[stage] = minor;
    }
  }
  const gates: { name: string; components: string[] }[] = [];
  if (Array.isArray(doc['feature-gates'])) {
    for (const gate of doc['feature-gates']) {
      if (!isRecord(gate) || typeof gate.name !== 'string') continue;
      const components = Array.isArray(gate.components) ? gate.components.filter((c): c is string => typeof c === 'string').map((c) => c.trim()) : [];
      gates.push({ name: gate.name.trim(), components });
    }
  }
  const sig = typeof doc['owning-sig'] === 'string' ? doc['owning-sig'].replace(/^sig-/, '').trim() : '';
  return {
    number,
    title: typeof doc.title === 'string' ? doc.title.trim() : `KEP-${number}`,
    sig,
    status: typeof doc.status === 'string' ? doc.status : undefined,
    stage: typeof doc.stage === 'string' ? doc.stage : undefined,
    latestMilestone: minorOfMilestone(doc['latest-milestone']),
    milestones,
    gates,
    path,
  };
}
