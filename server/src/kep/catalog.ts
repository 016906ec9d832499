/**
 * Queries over the KEP data: the imported facts (generated files) merged
 * with our overlay, as pure functions of the data and a target version.
 * Features ask these; they never read the generated files or the overlay
 * directly.
 */
import type {
  AllowedValue,
  AnnotationFact,
  ApiField,
  ApiVersionLifecycle,
  ChildField,
  ComponentConfig,
  Enhancement,
  FeatureGate,
  GateSpan,
  KepCategory,
  MinorVersion,
  Rule,
  Stage,
  StageSpan,
} from './types';
import { generatedApis, generatedGates, generatedKeps, type GeneratedGate, type GeneratedKind } from './generated';
import { apiLifecycleOverlays, enhancementOverlays } from './overlay';
import type { EnhancementOverlay } from './overlay/types';
import { groupVersionsOfKind, listItemOf, mapValueOf, rootTypeOf, structSpec, type TypeRef } from './schema';
import { compareVersions, inRange, isAtLeast, previousVersion, supportedVersions } from './versions';

// ---------------------------------------------------------------- paths

/** Segments of a manifest path: keys, `[]` for a list item, `*` for any key. */
export type PathSegments = readonly string[];

export const listItem = '[]';
export const anyKey = '*';

/** `spec.volumes[].image` → ['spec', 'volumes', '[]', 'image']. */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  for (const part of path.split('.')) {
    if (part === '' || part === '.') continue;
    let key = part;
    let lists = 0;
    while (key.endsWith('[]')) {
      key = key.slice(0, -2);
      lists++;
    }
    if (key !== '') segments.push(key);
    for (let i = 0; i < lists; i++) segments.push(listItem);
  }
  return segments;
}

/** Inverse of `splitPath`. */
export function joinPath(segments: PathSegments): string {
  let out = '';
  for (const segment of segments) {
    if (segment === listItem) out += '[]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

// ---------------------------------------------------------------- gates

function gateOf(name: string, g: GeneratedGate): FeatureGate {
  return {
    name,
    components: [...g.components],
    spans: g.versions.map((v) => ({ stage: v.stage, defaultOn: v.default, from: v.from, ...(v.to !== undefined ? { to: v.to } : {}), ...(v.locked ? { locked: true } : {}) })),
    removedIn: g.removedIn,
    unknownFrom: g.unknownFrom,
    history: (g.history ?? []).map((h) => ({ version: h.version, stage: h.stage, defaultOn: h.default, ...(h.locked ? { locked: true } : {}) })),
    keps: [...(g.keps ?? [])],
    fields: [...(g.fields ?? [])],
    valueFields: [...(g.valueFields ?? [])],
    kinds: [...(g.kinds ?? [])],
  };
}

let gateObjects: Map<string, FeatureGate> | undefined;

function gates(): Map<string, FeatureGate> {
  if (!gateObjects) {
    gateObjects = new Map();
    for (const [name, g] of Object.entries(generatedGates())) gateObjects.set(name, gateOf(name, g));
  }
  return gateObjects;
}

// ---------------------------------------------------------------- enhancements

const stageOrder: Stage[] = ['alpha', 'beta', 'stable', 'deprecated', 'removed'];

/** How a release counts a change of stage: the new stage, as release notes group it. */
function categoryOfStage(stage: Stage): KepCategory {
  return stage === 'deprecated' ? 'deprecation' : stage === 'removed' ? 'removal' : stage;
}

/** Releases in which the stage changed (from the stages), each with the category of the change. */
function releasesFromStages(stages: readonly StageSpan[]): Record<MinorVersion, KepCategory> {
  const out: Record<MinorVersion, KepCategory> = {};
  let previous: StageSpan | undefined;
  for (const span of stages) {
    const changed = !previous || previous.stage !== span.stage || (previous.to !== undefined && compareVersions(span.from, previousVersion(previous.to)) > 1);
    // The first tracked version shows only where a stage began before it: not a change of that release.
    if (changed && span.from !== supportedVersions[0]) out[span.from] = categoryOfStage(span.stage);
    previous = span;
  }
  return out;
}

function buildEnhancement(kep: number | undefined, overlay: EnhancementOverlay | undefined): Enhancement {
  const imported = kep !== undefined ? generatedKeps()[String(kep)] : undefined;
  const gateNames = [...new Set([...(imported?.gates ?? []), ...(overlay?.gates ?? [])])].filter((n) => gates().has(n));
  const stages: StageSpan[] = overlay?.stages ? overlay.stages.map((s) => ({ ...s })) : (imported?.stages ?? []).map((s) => ({ stage: s.stage, from: s.from, ...(s.to !== undefined ? { to: s.to } : {}) }));
  const releases: Record<MinorVersion, KepCategory> = overlay?.stages || !imported ? releasesFromStages(stages) : releasesOfImported(imported.releases, stages);
  for (const [version, category] of Object.entries(overlay?.releases ?? {})) if (category) releases[version] = category;
  return {
    id: overlay?.id ?? `kep-${kep}`,
    kep,
    title: overlay?.title ?? imported?.title ?? `KEP-${kep}`,
    sig: overlay?.sig ?? imported?.sig ?? '',
    releases,
    summary: overlay?.summary ?? '',
    watchOut: [...(overlay?.watchOut ?? [])],
    stages,
    stageSource: overlay?.stages ? 'curated' : imported?.stageSource ?? 'curated',
    gates: gateNames.map((n) => gates().get(n) as FeatureGate),
    fields: [...(overlay?.fields ?? [])],
    annotations: overlay?.annotations ? [...overlay.annotations] : undefined,
    config: [...(overlay?.config ?? [])],
    rules: [...(overlay?.rules ?? [])],
    docs: [...(overlay?.docs ?? [])],
    notes: [...(overlay?.notes ?? [])],
    sources: [...(overlay?.sources ?? [])],
    milestoneDisagreements: (imported?.disagreements ?? []).map((d) => ({ ...d })),
    milestones: { ...(imported?.milestones ?? {}) },
    curated: overlay !== undefined && overlay.summary !== '',
  };
}

/** The releases the import lists, each counted by the stage the KEP reached there. */
function releasesOfImported(releases: readonly MinorVersion[], stages: readonly StageSpan[]): Record<MinorVersion, KepCategory> {
  const out: Record<MinorVersion, KepCategory> = {};
  for (const release of releases) {
    const stage = stages.find((s) => inRange(release, s.from, s.to))?.stage;
    if (stage) out[release] = categoryOfStage(stage);
  }
  return out;
}

let allEnhancements: Enhancement[] | undefined;
let enhancementById: Map<string, Enhancement> | undefined;

/** Every enhancement the data knows: every imported KEP, and every change our overlay describes. */
export function enhancements(): readonly Enhancement[] {
  if (!allEnhancements) {
    const overlays = new Map<number, EnhancementOverlay>();
    for (const o of enhancementOverlays) if (o.kep !== undefined) overlays.set(o.kep, o);
    const list: Enhancement[] = [];
    for (const number of Object.keys(generatedKeps())) list.push(buildEnhancement(Number(number), overlays.get(Number(number))));
    for (const o of enhancementOverlays) {
      if (o.kep === undefined || !generatedKeps()[String(o.kep)]) list.push(buildEnhancement(o.kep, o));
    }
    allEnhancements = list;
    enhancementById = new Map(list.map((e) => [e.id, e]));
  }
  return allEnhancements;
}

export function findEnhancement(idOrNumber: string | number): Enhancement | undefined {
  const text = String(idOrNumber).trim().toLowerCase();
  enhancements();
  const number = /^(?:kep-?)?(\d+)$/.exec(text)?.[1];
  return enhancementById?.get(number !== undefined ? `kep-${Number(number)}` : text);
}

/** The category of an enhancement in a release that lists it. */
export function categoryAt(enhancement: Enhancement, version: MinorVersion): KepCategory | undefined {
  return enhancement.releases[version];
}

/** True for a change that only removes or deprecates: its gates (if any) do not enable fields. */
function onlyRemovesOrDeprecates(enhancement: Enhancement): boolean {
  const categories = Object.values(enhancement.releases);
  return categories.length > 0 && categories.every((c) => c === 'removal' || c === 'deprecation');
}

function spanAt<T extends { from: MinorVersion; to?: MinorVersion }>(spans: readonly T[], version: MinorVersion): T | undefined {
  return spans.find((span) => inRange(version, span.from, span.to));
}

/** Stage of an enhancement at a version; undefined before it existed. */
export function stageAt(enhancement: Enhancement, version: MinorVersion): StageSpan | undefined {
  const span = spanAt(enhancement.stages, version);
  if (span) return span;
  const last = enhancement.stages[enhancement.stages.length - 1];
  if (last?.to !== undefined && compareVersions(version, last.to) > 0) return last;
  return undefined;
}

/**
 * "alpha 1.28 → beta 1.29 → stable 1.31": each change of stage with its
 * first version. Where the primary gate's own history reaches further
 * back than the tracked versions, that history leads.
 */
export function stageHistory(enhancement: Enhancement): { stage: Stage; from: MinorVersion }[] {
  const history: { stage: Stage; from: MinorVersion }[] = [];
  const push = (stage: Stage, from: MinorVersion): void => {
    if (history[history.length - 1]?.stage !== stage) history.push({ stage, from });
  };
  const first = enhancement.stages[0];
  const primary = enhancement.stageSource.startsWith('gate ') ? enhancement.gates.find((g) => `gate ${g.name}` === enhancement.stageSource) : undefined;
  for (const h of primary?.history ?? []) if (first && compareVersions(h.version, first.from) < 0) push(h.stage, h.version);
  for (const span of enhancement.stages) push(span.stage, span.from);
  return history;
}

export function findGate(name: string): { gate: FeatureGate; enhancement?: Enhancement } | undefined {
  const gate = gates().get(name);
  if (!gate) return undefined;
  const kep = gate.keps[0];
  return { gate, enhancement: kep !== undefined ? findEnhancement(kep) : enhancements().find((e) => e.gates.some((g) => g.name === name)) };
}

export function allGateNames(): string[] {
  return [...gates().keys()].sort();
}

export function allGates(): FeatureGate[] {
  return [...gates().values()];
}

export interface GateState {
  name: string;
  gate?: FeatureGate;
  /** The gate is not known to the data at all. */
  unknown: boolean;
  /** The target version predates the gate. */
  notYet: boolean;
  /** The gate no longer exists at the target version. */
  removed: boolean;
  span?: GateSpan;
  defaultOn: boolean;
  /** Effective state: the user's setting where given, else the default. */
  enabled: boolean;
  /** The user's setting, when there is one. */
  setting?: boolean;
  locked: boolean;
  /** The state is carried on from an earlier version: the data has no sources for the gate at this one. */
  unconfirmed: boolean;
}

export type GateSettings = Readonly<Record<string, boolean>>;

export function gateStateAt(name: string, version: MinorVersion, settings: GateSettings = {}): GateState {
  const gate = gates().get(name);
  const setting = Object.prototype.hasOwnProperty.call(settings, name) ? settings[name] : undefined;
  if (!gate) {
    return { name, unknown: true, notYet: false, removed: false, defaultOn: false, enabled: setting ?? false, setting, locked: false, unconfirmed: false };
  }
  const removed = isAtLeast(version, gate.removedIn);
  const unconfirmed = isAtLeast(version, gate.unknownFrom);
  const first = gate.spans[0];
  const last = gate.spans[gate.spans.length - 1];
  const openEnded = last !== undefined && (last.to === undefined || unconfirmed) && compareVersions(version, last.from) > 0;
  const span = removed ? undefined : spanAt(gate.spans, version) ?? (openEnded ? last : undefined);
  const notYet = !removed && !span && first !== undefined && compareVersions(version, first.from) < 0;
  // After removal the behaviour is whatever the last stage locked in: on for a graduated feature, off for a withdrawn one.
  const defaultOn = removed ? (last?.stage === 'stable' || last?.defaultOn === true) && last?.stage !== 'deprecated' : span?.defaultOn ?? false;
  const locked = removed || span?.locked === true;
  const enabled = notYet ? false : locked ? defaultOn : setting ?? defaultOn;
  return { name, gate, unknown: false, notYet, removed, span, defaultOn, enabled, setting, locked, unconfirmed };
}

/** Gates that enable what an enhancement adds (none for a change that only removes or deprecates). */
export function enablingGates(enhancement: Enhancement): string[] {
  return onlyRemovesOrDeprecates(enhancement) ? [] : enhancement.gates.map((g) => g.name);
}

/** Gates that govern a field: its own list, else the enhancement's enabling gates. */
export function gatesOfField(enhancement: Enhancement, field: ApiField): string[] {
  return field.gates ?? enablingGates(enhancement);
}

/** The enhancement a gate belongs to, for labels and links. */
export function enhancementOfGate(name: string): Enhancement | undefined {
  return findGate(name)?.enhancement;
}

// ---------------------------------------------------------------- facts at a field

export type FieldFact = { type: 'field'; enhancement: Enhancement; field: ApiField };
export type ChildFact = { type: 'child'; enhancement: Enhancement; field: ApiField; child: ChildField };
export type ConfigFact = { type: 'config'; enhancement: Enhancement; config: ComponentConfig };
export type AnnotationKeyFact = { type: 'annotation'; enhancement: Enhancement; annotation: AnnotationFact };
/** A map whose keys are feature gate names (component config `featureGates`). */
export type GateMapFact = { type: 'gateMap' };
/** A container argument that may carry `--feature-gates=Name=true,…` (static pods of control-plane components). */
export type GateFlagsFact = { type: 'gateFlags' };

export type Fact = FieldFact | ChildFact | ConfigFact | AnnotationKeyFact | GateMapFact | GateFlagsFact;

export interface RuleRef {
  enhancement: Enhancement;
  rule: Rule;
}

/** What the overlay says about one field of one type: at the key, at each map entry (`*`), at each list item (`[]`). */
export interface FieldFacts {
  readonly facts: Fact[];
  readonly rules: RuleRef[];
  readonly entryFacts: Fact[];
  readonly itemFacts: Fact[];
}

/** `core/v1.PodSpec.hostnameOverride`: the key of a field of a type. */
export function fieldKey(owner: TypeRef, name: string): string {
  return `${owner}.${name}`;
}

/** Types whose `metadata` is the metadata of a pod: where pod annotations are read. */
export const podMetadataOwners: ReadonlySet<TypeRef> = new Set(['core/v1.Pod', 'core/v1.PodTemplateSpec']);

/** Config kinds whose `featureGates` map lists gates by name. */
const configKindsWithGateMaps = ['KubeletConfiguration', 'KubeProxyConfiguration'];

export interface ResolvedLocation {
  /** The field the path's last key names. */
  readonly key: string;
  /** What follows that key: nothing, a map entry or a list item. */
  readonly tail: 'key' | 'entry' | 'item';
}

/**
 * The type-level places a manifest location names: the path is walked
 * through the schema from the kind's root type, for the location's
 * apiVersion or, when it names none, for every group/version serving the
 * kind. A fact stated once for `Pod spec.volumes[].image` so lands on
 * `core/v1.Volume.image`, wherever a Volume appears.
 */
export function resolveLocation(kind: string, path: string, apiVersion?: string): ResolvedLocation[] {
  const groupVersions = apiVersion ? [apiVersion] : groupVersionsOfKind(kind);
  const out = new Map<string, ResolvedLocation>();
  for (const gv of groupVersions) {
    const root = rootTypeOf(gv, kind);
    if (!root) continue;
    const resolved = resolveSegments(root, splitPath(path));
    if (resolved) out.set(`${resolved.key}|${resolved.tail}`, resolved);
  }
  return [...out.values()];
}

function resolveSegments(root: TypeRef, segments: readonly string[]): ResolvedLocation | undefined {
  let type: TypeRef = root;
  let last: { key: string; tail: ResolvedLocation['tail'] } | undefined;
  for (const segment of segments) {
    if (segment === listItem) {
      const item = listItemOf(type);
      if (item === undefined || !last) return undefined;
      if (last.tail === 'key') last = { key: last.key, tail: 'item' };
      type = item;
      continue;
    }
    if (segment === anyKey) {
      const value = mapValueOf(type);
      if (value === undefined || !last) return undefined;
      if (last.tail === 'key') last = { key: last.key, tail: 'entry' };
      type = value;
      continue;
    }
    const struct = structSpec(type);
    const field = struct?.fields.get(segment);
    if (!struct || !field) return undefined;
    last = { key: fieldKey(struct.ref, segment), tail: 'key' };
    type = field.type;
  }
  return last;
}

/** Overlay entries whose location does not resolve in the schema; a test keeps this empty. */
export const unresolvedLocations: string[] = [];

let factIndex: Map<string, FieldFacts> | undefined;
/** The same index by type, then field: the walk asks per key, and a string joined per key costs more than two lookups. */
let factsByType: Map<TypeRef, Map<string, FieldFacts>> | undefined;

function factsFor(key: string): FieldFacts {
  const index = (factIndex ??= new Map());
  let entry = index.get(key);
  if (!entry) {
    entry = { facts: [], rules: [], entryFacts: [], itemFacts: [] };
    index.set(key, entry);
  }
  return entry;
}

function attach(kind: string, path: string, apiVersion: string | undefined, what: string, add: (facts: FieldFacts, tail: ResolvedLocation['tail']) => void): void {
  const locations = resolveLocation(kind, path, apiVersion);
  if (locations.length === 0) unresolvedLocations.push(`${what}: ${apiVersion ?? ''} ${kind} ${path}`.replace(/\s+/g, ' '));
  for (const location of locations) add(factsFor(location.key), location.tail);
}

/**
 * What makes two facts the same: the overlay states a fact once per place a
 * type appears (containers, initContainers, four affinity terms), and all of
 * them land on one field of one type, where one copy is enough.
 */
function factIdentity(fact: Fact): string {
  switch (fact.type) {
    case 'field':
      return `field|${fact.enhancement.id}|${fact.field.description}`;
    case 'child':
      return `child|${fact.enhancement.id}|${fact.child.key}`;
    case 'config':
      return `config|${fact.enhancement.id}|${fact.config.description}`;
    case 'annotation':
      return `annotation|${fact.enhancement.id}|${fact.annotation.keyPattern}`;
    default:
      return fact.type;
  }
}

function ruleIdentity({ enhancement, rule }: RuleRef): string {
  return JSON.stringify([enhancement.id, rule.message, rule.severity, rule.check, rule.trigger.whenValue ?? null, rule.from ?? null, rule.to ?? null, rule.fix ?? null]);
}

function push(facts: FieldFacts, tail: ResolvedLocation['tail'], fact: Fact): void {
  const list = tail === 'entry' ? facts.entryFacts : tail === 'item' ? facts.itemFacts : facts.facts;
  const identity = factIdentity(fact);
  if (!list.some((f) => factIdentity(f) === identity)) list.push(fact);
}

function pushRule(facts: FieldFacts, ref: RuleRef): void {
  const identity = ruleIdentity(ref);
  if (!facts.rules.some((r) => ruleIdentity(r) === identity)) facts.rules.push(ref);
}

function buildFactIndex(): Map<string, FieldFacts> {
  factIndex = new Map();
  unresolvedLocations.length = 0;
  for (const enhancement of enhancements()) {
    for (const field of enhancement.fields) {
      attach(field.kind, field.path, field.apiVersion, enhancement.id, (f, tail) => push(f, tail, { type: 'field', enhancement, field }));
      for (const child of field.children ?? []) {
        const childPath = field.shape === 'list' && !field.path.endsWith('[]') ? `${field.path}[].${child.key}` : `${field.path}.${child.key}`;
        attach(field.kind, childPath, field.apiVersion, `${enhancement.id} child`, (f, tail) => push(f, tail, { type: 'child', enhancement, field, child }));
      }
    }
    for (const config of enhancement.config) {
      if (!config.kind || !config.path) continue;
      for (const apiVersion of config.apiVersions?.length ? config.apiVersions : [undefined]) {
        attach(config.kind, config.path, apiVersion, `${enhancement.id} config`, (f, tail) => push(f, tail, { type: 'config', enhancement, config }));
      }
    }
    for (const annotation of enhancement.annotations ?? []) {
      push(factsFor(fieldKey('apimachinery/pkg/apis/meta/v1.ObjectMeta', 'annotations')), 'entry', { type: 'annotation', enhancement, annotation });
    }
    for (const rule of enhancement.rules) {
      attach(rule.trigger.kind, rule.trigger.path, rule.trigger.apiVersion, `${enhancement.id} rule ${rule.id}`, (f) => pushRule(f, { enhancement, rule }));
    }
  }
  for (const kind of configKindsWithGateMaps) attach(kind, 'featureGates.*', undefined, 'gate map', (f, tail) => push(f, tail, { type: 'gateMap' }));
  for (const list of ['command', 'args']) attach('Pod', `spec.containers[].${list}[]`, 'v1', 'gate flags', (f, tail) => push(f, tail, { type: 'gateFlags' }));
  return factIndex;
}

const empty: FieldFacts = { facts: [], rules: [], entryFacts: [], itemFacts: [] };

/** What the overlay says about a field of a type. */
export function factsOfField(owner: TypeRef, name: string): FieldFacts {
  if (!factsByType) {
    factsByType = new Map();
    for (const [key, facts] of factIndex ?? buildFactIndex()) {
      const dot = key.lastIndexOf('.');
      const owned = factsByType.get(key.slice(0, dot)) ?? new Map<string, FieldFacts>();
      owned.set(key.slice(dot + 1), facts);
      factsByType.set(key.slice(0, dot), owned);
    }
  }
  return factsByType.get(owner)?.get(name) ?? empty;
}

const annotationPatterns = new Map<string, RegExp>();
export function annotationMatches(annotation: AnnotationFact, key: string): boolean {
  let pattern = annotationPatterns.get(annotation.keyPattern);
  if (!pattern) {
    pattern = new RegExp(annotation.keyPattern);
    annotationPatterns.set(annotation.keyPattern, pattern);
  }
  return pattern.test(key);
}

/** Whether an annotation fact applies to the metadata of an object of this type. */
export function annotationAppliesTo(annotation: AnnotationFact, metadataOwner: TypeRef | undefined): boolean {
  return !annotation.onPodTemplates || (metadataOwner !== undefined && podMetadataOwners.has(metadataOwner));
}

// ---------------------------------------------------------------- values

export type ValueStatus = 'available' | 'notYet' | 'deprecated' | 'removed';

export function valueStatusAt(value: AllowedValue, version: MinorVersion): ValueStatus {
  if (isAtLeast(version, value.removedIn)) return 'removed';
  if (value.since !== undefined && compareVersions(version, value.since) < 0) return 'notYet';
  if (isAtLeast(version, value.deprecatedIn)) return 'deprecated';
  return 'available';
}

/** Allowed values known for a fact (field, child, or component config). */
export function valuesOfFact(fact: Fact): AllowedValue[] {
  switch (fact.type) {
    case 'field':
      return fact.field.values ?? [];
    case 'child':
      return fact.child.values ?? [];
    case 'config':
      return [...(fact.config.values ?? []), ...(fact.config.entries ?? [])];
    default:
      return [];
  }
}

/** Whether the fact's values are the complete set the field accepts (so others are invalid). */
export function valuesAreExhaustive(fact: Fact): boolean {
  // Component config entries list only the names an enhancement concerns, never the full set.
  if (fact.type === 'field' && fact.field.valuesOpen) return false;
  return (fact.type === 'field' || fact.type === 'child') && valuesOfFact(fact).length > 0;
}

// ---------------------------------------------------------------- field availability

export type FieldStatus =
  | { state: 'available' }
  | { state: 'notYet'; since: MinorVersion }
  | { state: 'deprecated'; since: MinorVersion }
  | { state: 'removed'; since: MinorVersion }
  | { state: 'gateOff'; gate: GateState };

/** Whether a field works at a version under the user's gate settings, worst state first. */
export function fieldStatusAt(enhancement: Enhancement, field: ApiField, version: MinorVersion, settings: GateSettings = {}): FieldStatus {
  if (field.removedIn !== undefined && isAtLeast(version, field.removedIn)) return { state: 'removed', since: field.removedIn };
  if (field.since !== undefined && compareVersions(version, field.since) < 0) return { state: 'notYet', since: field.since };
  // A gate governs availability only for fields the enhancement introduced (those with `since`);
  // for older fields it changes behaviour, which is the card's business, not a diagnostic's.
  for (const name of field.since !== undefined ? gatesOfField(enhancement, field) : []) {
    const gate = gateStateAt(name, version, settings);
    if (gate.notYet && field.since === undefined && gate.gate?.spans[0]) return { state: 'notYet', since: gate.gate.spans[0].from };
    if (!gate.unknown && !gate.notYet && !gate.enabled) return { state: 'gateOff', gate };
  }
  if (field.deprecatedIn !== undefined && isAtLeast(version, field.deprecatedIn)) return { state: 'deprecated', since: field.deprecatedIn };
  return { state: 'available' };
}

/** Same for a component-config fact (no gates: config facts carry their own lifecycle). */
export function configStatusAt(item: { deprecatedIn?: MinorVersion; removedIn?: MinorVersion; since?: MinorVersion }, version: MinorVersion): ValueStatus {
  if (isAtLeast(version, item.removedIn)) return 'removed';
  if (item.since !== undefined && compareVersions(version, item.since) < 0) return 'notYet';
  if (isAtLeast(version, item.deprecatedIn)) return 'deprecated';
  return 'available';
}

/**
 * True when another field of the same enhancement encloses this one
 * (`image` encloses `image.reference`): findings about availability are
 * reported once, on the outer key.
 */
export function hasEnclosingField(enhancement: Enhancement, field: ApiField): boolean {
  return enhancement.fields.some((other) => other !== field && other.kind === field.kind && (field.path.startsWith(`${other.path}.`) || field.path.startsWith(`${other.path}[]`)));
}

export function rulesApplyAt(rule: Rule, version: MinorVersion): boolean {
  return inRange(version, rule.from, rule.to);
}

// ---------------------------------------------------------------- API versions

export interface ApiVersionStatus {
  state: 'served' | 'deprecated' | 'removed' | 'notYet' | 'unknown';
  lifecycle?: ApiVersionLifecycle;
  /** First version serving it, for `notYet`. */
  since?: MinorVersion;
  /** Preferred group/version for the kind at the target version. */
  preferred?: string;
  /** Gates that must be on for the kind to be served at this group/version. */
  gates?: readonly string[];
}

const lifecycleRows = new Map<string, ApiVersionLifecycle | null>();

function overlayRowOf(groupVersion: string, kind: string): (typeof apiLifecycleOverlays)[number] | undefined {
  return apiLifecycleOverlays.find((l) => l.groupVersion === groupVersion && (l.kinds.includes(kind) || l.kinds.includes('*')));
}

/** `group/version/Kind` → `group/version`. */
function groupVersionOfRef(ref: string): string {
  return ref.slice(0, ref.lastIndexOf('/'));
}

/** A kind's lifecycle at a group/version: the import's facts, with our migration notes on top. */
export function lifecycleOf(groupVersion: string, kind: string): ApiVersionLifecycle | undefined {
  const key = `${groupVersion}/${kind}`;
  const cached = lifecycleRows.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const imported: GeneratedKind | undefined = generatedApis()[groupVersion]?.kinds[kind];
  const overlay = overlayRowOf(groupVersion, kind);
  let row: ApiVersionLifecycle | undefined;
  if (imported || overlay) {
    // Where our overlay states a lifecycle fact, it is a checked correction of the import (a test holds each one to a note).
    row = {
      groupVersion,
      kinds: [kind],
      introducedIn: overlay?.introducedIn ?? imported?.introduced,
      deprecatedIn: overlay?.deprecatedIn ?? imported?.deprecated,
      removedIn: overlay?.removedIn ?? imported?.removed,
      replacement: overlay?.replacement ?? (imported?.replacement ? groupVersionOfRef(imported.replacement) : undefined),
      dropIn: overlay?.dropIn ?? false,
      changes: overlay?.changes ? [...overlay.changes] : undefined,
      migrations: overlay?.migrations ? [...overlay.migrations] : undefined,
      enhancementId: overlay?.enhancementId,
      sources: [...(overlay?.sources ?? [])],
      note: overlay?.note,
    };
  }
  lifecycleRows.set(key, row ?? null);
  return row;
}

/** Stability order of a version name: GA before beta before alpha, newer before older. */
function versionRank(groupVersion: string): number {
  const version = groupVersion.slice(groupVersion.lastIndexOf('/') + 1);
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) return 0;
  const major = Number(match[1]);
  const level = match[2] === 'alpha' ? 0 : match[2] === 'beta' ? 1 : 2;
  return level * 10000 + major * 100 + Number(match[3] ?? 0);
}

const servedCache = new Map<string, readonly { groupVersion: string; since?: string; until?: string }[]>();

/** Group/versions that ever served `kind`, preferred first, with when each did. */
export function servedVersionsOf(kind: string): readonly { groupVersion: string; since?: string; until?: string }[] {
  let served = servedCache.get(kind);
  if (!served) {
    served = computeServedVersions(kind);
    servedCache.set(kind, served);
  }
  return served;
}

function computeServedVersions(kind: string): { groupVersion: string; since?: string; until?: string }[] {
  const out: { groupVersion: string; since?: string; until?: string; rank: number }[] = [];
  for (const gv of groupVersionsOfKind(kind)) {
    const row = lifecycleOf(gv, kind);
    out.push({ groupVersion: gv, since: row?.introducedIn, until: row?.removedIn ? previousVersion(row.removedIn) : undefined, rank: versionRank(gv) });
  }
  for (const o of apiLifecycleOverlays) {
    if (o.kinds.includes(kind) && !out.some((x) => x.groupVersion === o.groupVersion)) {
      out.push({ groupVersion: o.groupVersion, since: o.introducedIn, until: o.removedIn ? previousVersion(o.removedIn) : undefined, rank: versionRank(o.groupVersion) });
    }
  }
  return out.sort((a, b) => b.rank - a.rank).map(({ groupVersion, since, until }) => ({ groupVersion, ...(since ? { since } : {}), ...(until ? { until } : {}) }));
}

/** The group/version to write for a kind at a target version. */
export function preferredApiVersion(kind: string, version: MinorVersion): string | undefined {
  return servedVersionsOf(kind).find((gv) => inRange(version, gv.since, gv.until))?.groupVersion;
}

const statusCache = new Map<string, ApiVersionStatus>();

/** Lifecycle of an apiVersion/kind pair at a target version (asked once per object per check, so remembered). */
export function apiVersionStatusAt(groupVersion: string, kind: string, version: MinorVersion): ApiVersionStatus {
  const key = `${groupVersion}\u0000${kind}\u0000${version}`;
  let status = statusCache.get(key);
  if (!status) {
    status = computeApiVersionStatus(groupVersion, kind, version);
    // Keys come from manifests, so the memory is bounded: past 10,000 distinct pairs the answers are computed each time.
    if (statusCache.size < 10_000) statusCache.set(key, status);
  }
  return status;
}

function computeApiVersionStatus(groupVersion: string, kind: string, version: MinorVersion): ApiVersionStatus {
  const lifecycle = lifecycleOf(groupVersion, kind);
  const preferred = preferredApiVersion(kind, version);
  const gatesOfKind = generatedApis()[groupVersion]?.kinds[kind]?.gates;
  if (!lifecycle) return { state: 'unknown', preferred };
  if (isAtLeast(version, lifecycle.removedIn)) return { state: 'removed', lifecycle, preferred };
  if (lifecycle.introducedIn !== undefined && compareVersions(version, lifecycle.introducedIn) < 0) {
    return { state: 'notYet', lifecycle, since: lifecycle.introducedIn, preferred };
  }
  if (isAtLeast(version, lifecycle.deprecatedIn)) return { state: 'deprecated', lifecycle, preferred, gates: gatesOfKind };
  return { state: 'served', lifecycle, preferred, gates: gatesOfKind };
}

/** Kinds a group/version ever served, from the import and the overlay's older rows. */
export function kindsOfGroupVersion(groupVersion: string): string[] {
  const kinds = new Set(Object.keys(generatedApis()[groupVersion]?.kinds ?? {}));
  for (const row of apiLifecycleOverlays) if (row.groupVersion === groupVersion) for (const k of row.kinds) if (k !== '*') kinds.add(k);
  return [...kinds];
}

let kindList: string[] | undefined;

/** Kinds the data knows, for `kind:` completion: every kind any built-in group/version registers, Lists and options left out. */
export function knownKinds(): string[] {
  if (!kindList) {
    const kinds = new Set<string>();
    for (const entry of Object.values(generatedApis())) for (const kind of Object.keys(entry.kinds)) if (!kind.endsWith('List') && !kind.endsWith('Options')) kinds.add(kind);
    kindList = [...kinds].sort();
  }
  return kindList;
}

export { supportedVersions };

/** Enhancements a release lists, grouped in release-note order. */
export function enhancementsOfRelease(version: MinorVersion): Map<KepCategory, Enhancement[]> {
  const order: KepCategory[] = ['stable', 'beta', 'alpha', 'deprecation', 'removal'];
  const groups = new Map<KepCategory, Enhancement[]>(order.map((c) => [c, []]));
  for (const e of enhancements()) {
    const category = e.releases[version];
    if (category) groups.get(category)?.push(e);
  }
  for (const list of groups.values()) list.sort((a, b) => (a.kep ?? 1e9) - (b.kep ?? 1e9) || a.id.localeCompare(b.id));
  return groups;
}

export function kepUrl(enhancement: Enhancement): string | undefined {
  return enhancement.kep !== undefined ? `https://kep.k8s.io/${enhancement.kep}` : enhancement.docs[0]?.url;
}

/** Stage order, for sorting and comparing. */
export function stageRank(stage: Stage): number {
  return stageOrder.indexOf(stage);
}
