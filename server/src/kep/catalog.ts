/**
 * Queries over the KEP data: pure functions of the data and a target
 * version. Features ask these; they never read the data arrays directly
 * except to list them.
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
  MinorVersion,
  Rule,
  Stage,
  StageSpan,
} from './types';
import { apiVersionLifecycles, currentApiVersions, embeddings, enhancements } from './data';
import { compareVersions, inRange, isAtLeast, supportedVersions } from './versions';

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

// ---------------------------------------------------------------- facts at a path

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

/** A node of the per-kind index: what is known at one path, and below it. */
export interface PathIndexNode {
  readonly children: Map<string, PathIndexNode>;
  readonly facts: Fact[];
  readonly rules: RuleRef[];
}

function newNode(): PathIndexNode {
  return { children: new Map(), facts: [], rules: [] };
}

function nodeAt(root: PathIndexNode, segments: PathSegments, create: true): PathIndexNode;
function nodeAt(root: PathIndexNode, segments: PathSegments, create: false): PathIndexNode | undefined;
function nodeAt(root: PathIndexNode, segments: PathSegments, create: boolean): PathIndexNode | undefined {
  let node = root;
  for (const segment of segments) {
    let next = node.children.get(segment);
    if (!next) {
      if (!create) return undefined;
      next = newNode();
      node.children.set(segment, next);
    }
    node = next;
  }
  return node;
}

/** Config kinds whose `featureGates` map lists gates by name. */
const configKindsWithGateMaps = ['KubeletConfiguration', 'KubeProxyConfiguration'];

interface StatedFacts {
  /** kind → entries stated directly for that kind (before embedding). */
  byKind: Map<string, { segments: string[]; add: (node: PathIndexNode) => void }[]>;
}

function collectStatedFacts(all: readonly Enhancement[]): StatedFacts {
  const byKind: StatedFacts['byKind'] = new Map();
  const push = (kind: string, path: string, add: (node: PathIndexNode) => void): void => {
    const list = byKind.get(kind) ?? [];
    list.push({ segments: splitPath(path), add });
    byKind.set(kind, list);
  };
  for (const enhancement of all) {
    for (const field of enhancement.fields) {
      push(field.kind, field.path, (n) => n.facts.push({ type: 'field', enhancement, field }));
      for (const child of field.children ?? []) {
        push(field.kind, `${field.path}.${child.key}`, (n) => n.facts.push({ type: 'child', enhancement, field, child }));
      }
    }
    for (const config of enhancement.config) {
      if (config.kind && config.path) push(config.kind, config.path, (n) => n.facts.push({ type: 'config', enhancement, config }));
    }
    for (const annotation of enhancement.annotations ?? []) {
      const kind = annotation.onPodTemplates ? 'Pod' : '*';
      push(kind, `metadata.annotations.${anyKey}`, (n) => n.facts.push({ type: 'annotation', enhancement, annotation }));
    }
    for (const rule of enhancement.rules) {
      push(rule.trigger.kind, rule.trigger.path, (n) => n.rules.push({ enhancement, rule }));
    }
  }
  for (const kind of configKindsWithGateMaps) push(kind, `featureGates.${anyKey}`, (n) => n.facts.push({ type: 'gateMap' }));
  for (const containers of ['containers', 'initContainers']) {
    for (const list of ['command', 'args']) push('Pod', `spec.${containers}[].${list}[]`, (n) => n.facts.push({ type: 'gateFlags' }));
  }
  return { byKind };
}

/** Prefix paths at which `kind`'s own document root appears inside `hostKind`, transitively. */
function embeddingPrefixes(hostKind: string): { embeddedKind: string; prefix: string[] }[] {
  const out: { embeddedKind: string; prefix: string[] }[] = [];
  const visit = (kind: string, prefix: string[], depth: number): void => {
    if (depth > 4) return;
    for (const e of embeddings) {
      if (e.hostKind !== kind) continue;
      const at = [...prefix, ...splitPath(e.at)];
      out.push({ embeddedKind: e.embeddedKind, prefix: at });
      visit(e.embeddedKind, at, depth + 1);
    }
  };
  visit(hostKind, [], 0);
  return out;
}

let stated: StatedFacts | undefined;
const indexByKind = new Map<string, PathIndexNode>();

/**
 * The path index of a kind: facts stated for the kind itself, for every
 * kind embedded in it (Pod in Deployment, Job in CronJob, …) and for any
 * kind (`*`). Built once per kind.
 */
export function pathIndexFor(kind: string): PathIndexNode {
  const cached = indexByKind.get(kind);
  if (cached) return cached;
  stated ??= collectStatedFacts(enhancements);
  const root = newNode();
  const addStated = (statedKind: string, prefix: string[]): void => {
    for (const entry of stated?.byKind.get(statedKind) ?? []) entry.add(nodeAt(root, [...prefix, ...entry.segments], true));
  };
  addStated(kind, []);
  if (kind !== '*') addStated('*', []);
  for (const { embeddedKind, prefix } of embeddingPrefixes(kind)) addStated(embeddedKind, prefix);
  indexByKind.set(kind, root);
  return root;
}

/** Index node at an exact normalised path (list indexes written `[]`). */
export function indexAt(kind: string, segments: PathSegments): PathIndexNode | undefined {
  let node: PathIndexNode | undefined = pathIndexFor(kind);
  for (const segment of segments) {
    if (!node) return undefined;
    node = node.children.get(segment) ?? (segment !== listItem ? node.children.get(anyKey) : undefined);
  }
  return node;
}

/** Facts at a path, with annotation facts filtered by their key pattern. */
export function factsAt(kind: string, segments: PathSegments): Fact[] {
  const node = indexAt(kind, segments);
  if (!node) return [];
  const last = segments[segments.length - 1] ?? '';
  return node.facts.filter((fact) => fact.type !== 'annotation' || annotationMatches(fact.annotation, last));
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

// ---------------------------------------------------------------- stages and gates

export function findEnhancement(idOrNumber: string | number): Enhancement | undefined {
  const text = String(idOrNumber).trim().toLowerCase();
  const number = /^(?:kep-?)?(\d+)$/.exec(text)?.[1];
  return enhancements.find((e) => e.id === text || (number !== undefined && e.kep === Number(number)));
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

/** "alpha 1.31 → beta 1.33 → stable 1.36": each change of stage with its first version. */
export function stageHistory(enhancement: Enhancement): { stage: Stage; from: MinorVersion }[] {
  const history: { stage: Stage; from: MinorVersion }[] = [];
  for (const span of enhancement.stages) {
    if (history[history.length - 1]?.stage !== span.stage) history.push({ stage: span.stage, from: span.from });
  }
  return history;
}

const gatesByName = new Map<string, { gate: FeatureGate; enhancement: Enhancement }>();
function gateIndex(): Map<string, { gate: FeatureGate; enhancement: Enhancement }> {
  if (gatesByName.size === 0) {
    for (const enhancement of enhancements) {
      for (const gate of enhancement.gates) if (!gatesByName.has(gate.name)) gatesByName.set(gate.name, { gate, enhancement });
    }
  }
  return gatesByName;
}

export function findGate(name: string): { gate: FeatureGate; enhancement: Enhancement } | undefined {
  return gateIndex().get(name);
}

export function allGateNames(): string[] {
  return [...gateIndex().keys()].sort();
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
}

export type GateSettings = Readonly<Record<string, boolean>>;

export function gateStateAt(name: string, version: MinorVersion, settings: GateSettings = {}): GateState {
  const found = findGate(name);
  const setting = Object.prototype.hasOwnProperty.call(settings, name) ? settings[name] : undefined;
  if (!found) {
    return { name, unknown: true, notYet: false, removed: false, defaultOn: false, enabled: setting ?? false, setting, locked: false };
  }
  const { gate } = found;
  const removed = isAtLeast(version, gate.removedIn);
  const first = gate.spans[0];
  const last = gate.spans[gate.spans.length - 1];
  const span = removed ? undefined : spanAt(gate.spans, version) ?? (last && compareVersions(version, last.from) > 0 ? last : undefined);
  const notYet = !removed && !span && first !== undefined && compareVersions(version, first.from) < 0;
  // After removal the behaviour is whatever the last stage locked in: on for a graduated feature, off for a withdrawn one.
  const defaultOn = removed ? (last?.stage === 'stable' || last?.defaultOn === true) && last?.stage !== 'deprecated' : span?.defaultOn ?? false;
  const locked = removed || span?.locked === true;
  const enabled = notYet ? false : locked ? defaultOn : setting ?? defaultOn;
  return { name, gate, unknown: false, notYet, removed, span, defaultOn, enabled, setting, locked };
}

/** Gates that govern a field: its own list, else the enhancement's (none for removals). */
export function gatesOfField(enhancement: Enhancement, field: ApiField): string[] {
  if (field.gates) return field.gates;
  if (enhancement.category === 'removal' || enhancement.category === 'deprecation') return [];
  return enhancement.gates.map((g) => g.name);
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
}

function lifecycleOf(groupVersion: string, kind: string): ApiVersionLifecycle | undefined {
  return apiVersionLifecycles.find((l) => l.groupVersion === groupVersion && (l.kinds.includes(kind) || l.kinds.includes('*')));
}

/** Group/versions serving `kind`, preferred first, as the data records them. */
export function servedVersionsOf(kind: string): { groupVersion: string; since?: string; until?: string }[] {
  return currentApiVersions.find((k) => k.kind === kind)?.groupVersions ?? [];
}

/** The group/version to write for a kind at a target version. */
export function preferredApiVersion(kind: string, version: MinorVersion): string | undefined {
  const served = servedVersionsOf(kind).filter((gv) => inRange(version, gv.since, gv.until));
  return served[0]?.groupVersion;
}

/** Lifecycle of an apiVersion/kind pair at a target version. */
export function apiVersionStatusAt(groupVersion: string, kind: string, version: MinorVersion): ApiVersionStatus {
  const lifecycle = lifecycleOf(groupVersion, kind);
  const preferred = preferredApiVersion(kind, version);
  if (lifecycle) {
    if (isAtLeast(version, lifecycle.removedIn)) return { state: 'removed', lifecycle, preferred };
    if (lifecycle.introducedIn !== undefined && compareVersions(version, lifecycle.introducedIn) < 0) {
      return { state: 'notYet', lifecycle, since: lifecycle.introducedIn, preferred };
    }
    if (isAtLeast(version, lifecycle.deprecatedIn)) return { state: 'deprecated', lifecycle, preferred };
  }
  const served = servedVersionsOf(kind).find((gv) => gv.groupVersion === groupVersion);
  if (served) {
    if (served.since !== undefined && compareVersions(version, served.since) < 0) return { state: 'notYet', since: served.since, lifecycle, preferred };
    if (served.until !== undefined && compareVersions(version, served.until) > 0 && !lifecycle) return { state: 'removed', preferred };
    return { state: 'served', lifecycle, preferred };
  }
  return { state: lifecycle ? 'served' : 'unknown', lifecycle, preferred };
}

/** Kinds the data knows, for `kind:` completion. */
export function knownKinds(): string[] {
  return currentApiVersions.map((k) => k.kind);
}

export { enhancements, apiVersionLifecycles, supportedVersions };

/** Enhancements grouped for listing, in release-note order. */
export function enhancementsByCategory(): Map<Enhancement['category'], Enhancement[]> {
  const order: Enhancement['category'][] = ['stable', 'beta', 'alpha', 'deprecation', 'removal'];
  const groups = new Map<Enhancement['category'], Enhancement[]>(order.map((c) => [c, []]));
  for (const e of enhancements) groups.get(e.category)?.push(e);
  return groups;
}

export function kepUrl(enhancement: Enhancement): string | undefined {
  return enhancement.kep !== undefined ? `https://kep.k8s.io/${enhancement.kep}` : enhancement.docs[0]?.url;
}
