/**
 * Turns the union over tags into the generated fact files. Every file is
 * JSON with a stable key order; nothing here reads the disk, so the same
 * inputs always give the same bytes.
 */
import type { KepRecord } from './keps';
import { compareMinor } from './featureGates';
import { gateSpans, minorName, presenceOf, removedIn, type GateSpan, type UnionGate, type UnionKind, type UnionType } from './union';
import { fieldHistoryFrom, gateSources, targetsFrom } from './sources';

export interface SourceRecord {
  readonly repository: string;
  /** Tag or commit. */
  readonly tag: string;
  readonly path: string;
  readonly blob: string;
  readonly minor?: string;
}

/** Gates the type sources tie to a field or kind in prose only, confirmed or rejected by hand. */
export interface GateOverrides {
  /** `core/v1.PodSpec.hostUsers` → gate → decision. */
  readonly fields: Record<string, Record<string, { readonly guards: boolean | 'values'; readonly note: string }>>;
  /** `networking.k8s.io/v1alpha1/ServiceCIDR` → gates that must be on for the kind to be served. */
  readonly kinds: Record<string, { readonly gates: readonly string[]; readonly note: string }>;
}

export interface ImportInputs {
  /** Repositories that had no snapshot in a partial run. */
  readonly partial: readonly string[];
  readonly newest: number;
  readonly gates: ReadonlyMap<string, UnionGate>;
  readonly gateSourceOf: ReadonlyMap<string, string>;
  /** Minor → repositories whose gate files were read at that minor's tag. */
  readonly gateSourcesRead: ReadonlyMap<number, ReadonlySet<string>>;
  readonly types: ReadonlyMap<string, UnionType>;
  readonly kinds: ReadonlyMap<string, UnionKind>;
  readonly keps: readonly KepRecord[];
  readonly enhancementsRevision: string;
  readonly releases: { minor: string; final: boolean; tags: Record<string, string> }[];
  readonly sources: readonly SourceRecord[];
  readonly overrides: GateOverrides;
}

export interface ImportOutputs {
  /** Relative path → file text. */
  readonly files: Record<string, string>;
  /** Every version the import covers, oldest first, and the newest one from final tags. */
  readonly versions: readonly string[];
  readonly newestFinal: string;
  readonly errors: string[];
  readonly summary: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

function sortedObject<T>(entries: Iterable<[string, T]>, compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0)): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of [...entries].sort(([a], [b]) => compare(a, b))) out[k] = v;
  return out;
}

// ---------------------------------------------------------------- gates

interface GateOut {
  components: string[];
  keps?: number[];
  versions: GateSpan[];
  removedIn?: string;
  /** First version whose sources for the gate's component are not in the snapshots: its state there is not known. */
  unknownFrom?: string;
  history?: { version: string; stage: string; default: boolean; locked?: boolean }[];
  /** Fields the gate guards (`core/v1.PodSpec.hostnameOverride`), and fields whose accepted values it changes. */
  fields?: string[];
  valueFields?: string[];
  /** Kinds (`group/version/Kind`) served only with the gate on. */
  kinds?: string[];
}

function gateComponents(name: string, keps: readonly KepRecord[], sourceRepository: string | undefined): string[] {
  const fromKeps = new Set<string>();
  for (const kep of keps) for (const g of kep.gates) if (g.name === name) for (const c of g.components) if (/^[a-z][a-z0-9-]*$/.test(c)) fromKeps.add(c);
  if (fromKeps.size > 0) return [...fromKeps].sort();
  return [...(gateSources.find((s) => s.repository === sourceRepository)?.components ?? [])];
}

/** The first minor after the gate's last appearance whose owning source was not read, if any. */
function unknownFrom(gate: UnionGate, input: ImportInputs): number | undefined {
  const last = Math.max(...gate.states.keys());
  const owner = input.gateSourceOf.get(gate.name);
  if (last >= input.newest || owner === undefined) return undefined;
  return input.gateSourcesRead.get(last + 1)?.has(owner) ? undefined : last + 1;
}

// ---------------------------------------------------------------- KEP stages

type Stage = 'alpha' | 'beta' | 'stable' | 'deprecated';

interface KepOut {
  title: string;
  sig: string;
  status?: string;
  milestones: KepRecord['milestones'];
  latestMilestone?: string;
  gates: string[];
  /** Stage per version as the code ships it (from the primary gate), or as kep.yaml plans it when no gate exists. */
  stages: { from: string; to?: string; stage: Stage }[];
  stageSource: string;
  /** First version whose stage is carried on from the version before, its sources not being in the snapshots. */
  stagesUnconfirmedFrom?: string;
  /** Releases in which the KEP changed stage, by the code or by kep.yaml. */
  releases: string[];
  /** Where kep.yaml's milestones and the code disagree: stage → { kepYaml, code }. */
  disagreements?: { stage: string; kepYaml?: string; code?: string }[];
  path: string;
}

/** The stage kep.yaml plans for exactly this minor, if any. */
function plannedAt(milestones: KepRecord['milestones'], minor: number): Stage | undefined {
  for (const stage of ['stable', 'beta', 'alpha', 'deprecated'] as Stage[]) if (milestones[stage] === minorName(minor)) return stage;
  return undefined;
}

function stagesFromGate(gate: UnionGate, newest: number, unknown: number | undefined, planned: KepRecord['milestones']): { minor: number; stage: Stage }[] {
  const out: { minor: number; stage: Stage }[] = [];
  const removed = removedIn(gate.states, newest);
  let last: Stage | undefined;
  for (let minor = targetsFrom; minor <= newest; minor++) {
    const state = gate.states.get(minor);
    if (state) last = state.stage;
    // Where the sources are missing, kep.yaml's plan for that release stands in, else the stage is carried
    // on; either way it is marked unconfirmed (see stagesUnconfirmedFrom).
    else if (unknown !== undefined && minor >= unknown && last !== undefined) {
      last = plannedAt(planned, minor) ?? last;
      out.push({ minor, stage: last });
      continue;
    }
    // A gate deleted after graduating leaves the feature on for good: still stable.
    else if (removed !== undefined && minor >= Number(removed.split('.')[1]) && last !== 'stable') continue;
    else if (!state && last !== 'stable') continue;
    out.push({ minor, stage: state?.stage ?? 'stable' });
  }
  return out;
}

function stagesFromMilestones(kep: KepRecord, newest: number): { minor: number; stage: Stage }[] {
  const out: { minor: number; stage: Stage }[] = [];
  const order: Stage[] = ['alpha', 'beta', 'stable', 'deprecated'];
  for (let minor = targetsFrom; minor <= newest; minor++) {
    let stage: Stage | undefined;
    for (const s of order) {
      const at = kep.milestones[s];
      if (at !== undefined && compareMinor(at, minorName(minor)) <= 0) stage = s;
    }
    if (stage) out.push({ minor, stage });
  }
  return out;
}

function spansOf(perMinor: { minor: number; stage: Stage }[], newest: number): KepOut['stages'] {
  const spans: KepOut['stages'] = [];
  for (const { minor, stage } of perMinor) {
    const last = spans[spans.length - 1];
    if (last && last.stage === stage && last.to === minorName(minor - 1)) last.to = minorName(minor);
    else spans.push({ from: minorName(minor), to: minorName(minor), stage });
  }
  const last = spans[spans.length - 1];
  if (last?.to === minorName(newest)) delete last.to;
  return spans;
}

/** First minor at which the gate reached each stage, by the code. */
function codeMilestones(gate: UnionGate): Partial<Record<Stage, string>> {
  const out: Partial<Record<Stage, string>> = {};
  for (const h of gate.history ?? []) if (!out[h.stage as Stage]) out[h.stage as Stage] = h.version;
  for (const minor of [...gate.states.keys()].sort((a, b) => a - b)) {
    const stage = gate.states.get(minor)?.stage as Stage;
    if (!out[stage] || compareMinor(out[stage] as string, minorName(minor)) > 0) out[stage] = minorName(minor);
  }
  return out;
}

// ---------------------------------------------------------------- kinds

interface LifecycleOut {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  replacement?: string;
}

/**
 * When a kind was deprecated and stopped being served, by each release's own
 * code: the first minor whose generated lifecycle says the deprecation (or
 * removal) has happened, or whose types no longer register the kind. The
 * value a release states is kept when it names an earlier release (history
 * before the lifecycle files existed). Values for future releases come from
 * the newest tag.
 */
export function lifecycleOf(kind: UnionKind, newest: number, disagreements: string[]): LifecycleOut {
  const out: LifecycleOut = {};
  let registeredBefore = false;
  const stated: Record<'introduced' | 'deprecated' | 'removed', { value: string; minors: number[] }[]> = { introduced: [], deprecated: [], removed: [] };
  let latest: KindLifecycleLike | undefined;
  for (let minor = fieldHistoryFrom; minor <= newest; minor++) {
    const registered = kind.minors.has(minor);
    const lc = kind.lifecycle.get(minor);
    if (lc) latest = lc;
    for (const key of ['introduced', 'deprecated', 'removed'] as const) {
      const value = lc?.[key];
      if (value === undefined) continue;
      const runs = stated[key];
      const last = runs[runs.length - 1];
      if (last?.value === value) last.minors.push(minor);
      else runs.push({ value, minors: [minor] });
    }
    const here = minorName(minor);
    if (out.deprecated === undefined && registered && lc?.deprecated !== undefined && compareMinor(lc.deprecated, here) <= 0) out.deprecated = lc.deprecated;
    if (out.removed === undefined) {
      if (registered && lc?.removed !== undefined && compareMinor(lc.removed, here) <= 0) out.removed = lc.removed;
      else if (registeredBefore && !registered) out.removed = here;
    }
    if (registered) registeredBefore = true;
  }
  // A statement about an earlier release is history, which later tags may have corrected: the newest word on it wins.
  for (const key of ['deprecated', 'removed'] as const) {
    const found = out[key];
    const newestWord = latest?.[key];
    if (found !== undefined && newestWord !== undefined && compareMinor(newestWord, found) < 0) out[key] = newestWord;
  }
  if (latest?.introduced) out.introduced = latest.introduced;
  if (out.deprecated === undefined && latest?.deprecated) out.deprecated = latest.deprecated;
  if (out.removed === undefined && latest?.removed && kind.minors.has(newest)) out.removed = latest.removed;
  if (out.deprecated !== undefined && out.removed !== undefined && compareMinor(out.deprecated, out.removed) >= 0) delete out.deprecated;
  if (latest?.replacement) out.replacement = `${latest.replacement.groupVersion}/${latest.replacement.kind}`;
  for (const key of ['introduced', 'deprecated', 'removed'] as const) {
    const runs = stated[key];
    if (runs.length > 1) {
      const told = runs.map((r) => `${r.value} (tags ${minorName(r.minors[0] as number)}–${minorName(r.minors[r.minors.length - 1] as number)})`).join(', then ');
      disagreements.push(`${kind.groupVersion} ${kind.kind} lifecycle ${key}: ${told}; each release's own statement decides its own version, so ${key} = ${out[key] ?? 'none'}`);
    }
  }
  const firstRegistered = Math.min(...kind.minors);
  if (firstRegistered > fieldHistoryFrom) {
    const since = minorName(firstRegistered);
    if (out.introduced && compareMinor(since, out.introduced) > 0) {
      disagreements.push(`${kind.groupVersion} ${kind.kind}: lifecycle says introduced ${out.introduced}, but the types first register it at ${since} (registration wins)`);
    }
    if (!out.introduced || compareMinor(since, out.introduced) > 0) out.introduced = since;
  }
  return out;
}

type KindLifecycleLike = UnionKind['lifecycle'] extends ReadonlyMap<number, infer L> ? L : never;

// ---------------------------------------------------------------- schema

interface FieldOut {
  type: string;
  since?: string;
  until?: string;
  ranges?: [string, string][];
  gates?: string[];
  /** Gates that change which values the field accepts, not whether it exists. */
  valueGates?: string[];
}

const window = { first: fieldHistoryFrom, last: 0 };

export function buildOutputs(input: ImportInputs): ImportOutputs {
  const errors: string[] = [];
  const newest = input.newest;
  const within = { ...window, last: newest };
  const files: Record<string, string> = {};
  const disagreements: string[] = [];
  const provenanceGates: Record<string, Record<string, string>> = {};

  // Gates.
  const gatesOut: Record<string, GateOut> = {};
  for (const [name, gate] of [...input.gates].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const keps = input.keps.filter((k) => k.gates.some((g) => g.name === name)).map((k) => k.number);
    const out: GateOut = { components: gateComponents(name, input.keps, input.gateSourceOf.get(name)), versions: gateSpans(gate.states, newest) };
    if (keps.length) out.keps = keps;
    const unknown = unknownFrom(gate, input);
    const removed = unknown === undefined ? removedIn(gate.states, newest) : undefined;
    if (removed) out.removedIn = removed;
    if (unknown !== undefined) out.unknownFrom = minorName(unknown);
    if (gate.history) out.history = gate.history.map((h) => ({ version: h.version, stage: h.stage, default: h.default, ...(h.locked ? { locked: true } : {}) }));
    gatesOut[name] = out;
    provenanceGates[name] = Object.fromEntries([...gate.states].sort(([a], [b]) => a - b).map(([minor, s]) => [minorName(minor), s.source]));
    for (const c of gate.conflicts) disagreements.push(`gate ${name} ${c} (the owning source wins)`);
  }

  // KEPs that matter to the versions the product targets.
  const kepsOut: Record<string, KepOut> = {};
  for (const kep of input.keps) {
    const ownGates = kep.gates.map((g) => g.name).filter((n) => input.gates.has(n));
    const planned = [kep.latestMilestone, ...Object.values(kep.milestones)].filter((m): m is string => m !== undefined);
    const inRange = planned.some((m) => compareMinor(m, minorName(targetsFrom)) >= 0 && compareMinor(m, minorName(newest + 1)) <= 0);
    if (ownGates.length === 0 && !inRange) continue;
    const primary = ownGates[0] !== undefined ? input.gates.get(ownGates[0]) : undefined;
    const unknown = primary ? unknownFrom(primary, input) : undefined;
    const perMinor = primary ? stagesFromGate(primary, newest, unknown, kep.milestones) : stagesFromMilestones(kep, newest);
    const stages = spansOf(perMinor, newest);
    const releases = new Set<string>();
    for (let i = 0; i < perMinor.length; i++) {
      const here = perMinor[i];
      const before = perMinor[i - 1];
      const changedHere = here && (!before || before.stage !== here.stage || before.minor !== here.minor - 1);
      // At the oldest tracked release only the gate's own history can tell a change from a stage it already had.
      const seenChanging = here && (here.minor > targetsFrom || primary?.history?.some((h) => h.version === minorName(targetsFrom) && h.stage === here.stage));
      if (here && changedHere && seenChanging) releases.add(minorName(here.minor));
    }
    // kep.yaml's milestones list a KEP in a release only where the code cannot say: no gate, or sources missing.
    for (const m of Object.values(kep.milestones)) {
      if (!m || compareMinor(m, minorName(targetsFrom)) < 0 || compareMinor(m, minorName(newest)) > 0) continue;
      if (!primary || (unknown !== undefined && compareMinor(m, minorName(unknown)) >= 0)) releases.add(m);
    }
    const out: KepOut = {
      title: kep.title,
      sig: kep.sig,
      status: kep.status,
      milestones: kep.milestones,
      latestMilestone: kep.latestMilestone,
      gates: kep.gates.map((g) => g.name),
      stages,
      stageSource: primary ? `gate ${primary.name}` : 'kep.yaml milestones',
      ...(unknown !== undefined ? { stagesUnconfirmedFrom: minorName(unknown) } : {}),
      releases: [...releases].sort(compareMinor),
      path: kep.path,
    };
    if (primary) {
      const code = codeMilestones(primary);
      const found: { stage: string; kepYaml?: string; code?: string }[] = [];
      for (const stage of ['alpha', 'beta', 'stable'] as Stage[]) {
        const planned = kep.milestones[stage];
        const shipped = code[stage];
        // Only within the tracked range: older history of long-lived gates is collapsed in the code, so a stage first
        // seen at the oldest tracked release may have begun before it; and a plan for a release after the newest is a plan.
        const relevant = [planned, shipped].some((v) => v !== undefined && compareMinor(v, minorName(targetsFrom)) >= 0);
        const beganEarlier = shipped === minorName(targetsFrom) && planned !== undefined && compareMinor(planned, shipped) <= 0;
        const horizon = unknown !== undefined ? unknown - 1 : newest;
        const stillPlanned = shipped === undefined && planned !== undefined && compareMinor(planned, minorName(horizon)) > 0;
        if (relevant && planned !== shipped && !beganEarlier && !stillPlanned) found.push({ stage, kepYaml: planned, code: shipped });
      }
      if (found.length) {
        out.disagreements = found;
        for (const d of found) disagreements.push(`KEP-${kep.number} ${d.stage}: kep.yaml says ${d.kepYaml ?? 'nothing'}, gate ${primary.name} says ${d.code ?? 'not reached'} (the code wins)`);
      }
    }
    kepsOut[String(kep.number)] = out;
  }
  files['keps.json'] = json(kepsOut);

  // API group/versions, their kinds, and the lifecycle of each kind.
  const apis: Record<string, { package: string; kinds: Record<string, Record<string, unknown>> }> = {};
  for (const kind of [...input.kinds.values()].sort((a, b) => (a.groupVersion === b.groupVersion ? 0 : a.groupVersion < b.groupVersion ? -1 : 1))) {
    const entry = (apis[kind.groupVersion] ??= { package: kind.packageId, kinds: {} });
    const out: Record<string, unknown> = { ...lifecycleOf(kind, newest, disagreements) };
    // A group/version may register kinds of two Go packages (config APIs beside admission ones).
    if (kind.packageId !== entry.package) out.package = kind.packageId;
    const override = input.overrides.kinds[`${kind.groupVersion}/${kind.kind}`];
    if (override) {
      for (const g of override.gates) if (!input.gates.has(g)) errors.push(`gate-overrides.json: kind ${kind.groupVersion}/${kind.kind} names unknown gate ${g}`);
      out.gates = [...override.gates];
      for (const g of override.gates) {
        const gate = gatesOut[g];
        if (gate) (gate.kinds ??= []).push(`${kind.groupVersion}/${kind.kind}`);
      }
    }
    entry.kinds[kind.kind] = out;
  }
  files['apis.json'] = json(sortedObject(Object.entries(apis)));
  for (const key of Object.keys(input.overrides.kinds)) if (!input.kinds.has(key)) errors.push(`gate-overrides.json: kind ${key} is not served by any imported group/version`);

  // Schemas, one file per Go package.
  const byPackage = new Map<string, Record<string, unknown>>();
  const proseErrors: string[] = [];
  const fieldGateProvenance: Record<string, Record<string, string>> = {};
  for (const [ref, type] of [...input.types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const dot = ref.lastIndexOf('.');
    const pkg = ref.slice(0, dot);
    const name = ref.slice(dot + 1);
    const types = byPackage.get(pkg) ?? {};
    byPackage.set(pkg, types);
    const typePresence = presenceOf(type.minors, within);
    const typeWithin = { first: Math.min(...type.minors), last: Math.max(...type.minors) };
    if (type.kind === 'enum') {
      const values = [...type.values].map(([value, minors]) => {
        const p = presenceOf(minors, typeWithin);
        return Object.keys(p).length === 0 ? value : { value, ...p };
      });
      // Enum markers arrived long after the types did: only the values' own presence means anything.
      types[name] = { enum: type.base, values, ...(type.open ? { open: true } : {}) };
      continue;
    }
    const fields: Record<string, string | FieldOut> = {};
    for (const [fieldName, field] of type.fields) {
      const key = `${ref}.${fieldName}`;
      const out: FieldOut = { type: field.type, ...presenceOf(field.minors, typeWithin) };
      const gates = [...field.gates].filter(([, g]) => g.scope === 'field').map(([g]) => g);
      const valueGates = [...field.gates].filter(([, g]) => g.scope === 'value').map(([g]) => g);
      for (const [g, info] of field.gates) (fieldGateProvenance[key] ??= {})[g] = `${info.by} from ${minorName(info.firstMinor)}`;
      const decided = input.overrides.fields[key] ?? {};
      for (const [gate, firstMinor] of field.prose) {
        if (!field.gates.has(gate) && !decided[gate]) proseErrors.push(`${key}: comments require gate ${gate} (from ${minorName(firstMinor)}) but no marker names it; decide it in scripts/import/gate-overrides.json`);
      }
      for (const [gate, decision] of Object.entries(decided)) {
        if (!input.gates.has(gate)) errors.push(`gate-overrides.json: ${key} names unknown gate ${gate}`);
        if (decision.guards === false || field.gates.has(gate)) continue;
        const list = decision.guards === 'values' ? valueGates : gates;
        if (!list.includes(gate)) list.push(gate);
        (fieldGateProvenance[key] ??= {})[gate] = `override: ${decision.note}`;
      }
      if (gates.length) out.gates = gates.sort();
      if (valueGates.length) out.valueGates = valueGates.sort();
      for (const g of gates) { const entry = gatesOut[g]; if (entry) (entry.fields ??= []).push(key); }
      for (const g of valueGates) { const entry = gatesOut[g]; if (entry) (entry.valueFields ??= []).push(key); }
      const plain = Object.keys(out).length === 1;
      fields[fieldName] = plain ? field.type : out;
    }
    types[name] = { ...typePresence, fields };
  }
  for (const key of Object.keys(input.overrides.fields)) {
    const dot = key.lastIndexOf('.');
    const type = input.types.get(key.slice(0, dot));
    if (!type || type.kind !== 'struct' || !type.fields.has(key.slice(dot + 1))) errors.push(`gate-overrides.json: ${key} is not a field of any imported type`);
  }
  errors.push(...proseErrors);
  const schemaIndex: Record<string, string> = {};
  for (const [pkg, types] of [...byPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = `schema/${pkg.replace(/\//g, '.')}.json`;
    schemaIndex[pkg] = file;
    files[file] = json({ package: pkg, types });
  }
  files['schema-index.json'] = json(schemaIndex);
  files['gates.json'] = json(gatesOut);

  const newestFinal = [...input.releases].reverse().find((r) => r.final)?.minor;
  files['releases.json'] = json({
    versions: input.releases.map((r) => ({ version: r.minor, final: r.final, tags: sortedObject(Object.entries(r.tags)) })),
    newest: minorName(newest),
    newestFinal,
    enhancements: input.enhancementsRevision,
    fieldHistoryFrom: minorName(fieldHistoryFrom),
    ...(input.partial.length ? { partial: input.partial } : {}),
  });

  // Provenance: every input file (grouped by blob), and where each gate state and field gate came from.
  const inputs = new Map<string, { repository: string; path: string; blob: string; tags: string[] }>();
  for (const s of input.sources) {
    const key = `${s.repository}\0${s.path}\0${s.blob}`;
    const entry = inputs.get(key) ?? { repository: s.repository, path: s.path, blob: s.blob, tags: [] };
    if (!entry.tags.includes(s.tag)) entry.tags.push(s.tag);
    inputs.set(key, entry);
  }
  files['provenance.json'] = json({
    inputs: [...inputs.values()].sort((a, b) => (a.repository + a.path + a.blob < b.repository + b.path + b.blob ? -1 : 1)),
    gates: provenanceGates,
    fieldGates: sortedObject(Object.entries(fieldGateProvenance)),
    disagreements: [...new Set(disagreements)].sort(),
  });

  const summary = `${Object.keys(gatesOut).length} gates, ${Object.keys(kepsOut).length} KEPs, ${input.kinds.size} kinds, ${byPackage.size} packages, ${disagreements.length} disagreements recorded`;
  return { files, errors, summary, versions: input.releases.map((r) => r.minor), newestFinal: newestFinal ?? minorName(newest) };
}
