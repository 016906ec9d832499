/**
 * Union over release tags: each tag says what exists at its own minor
 * version; the union says, for every fact, the versions at which it holds.
 * Pure functions over what the readers produced, so they can be tested on
 * tiny inputs.
 */
import type { ApiStructDecl, ApiTypeDecl, FieldGate, KindLifecycle, PackageSnapshot, TypeRef } from './apiTypes';
import { compareMinor, specAt, type GateEntry, type GateStage } from './featureGates';

export const minorName = (minor: number): string => `1.${minor}`;

/** A set of minors as the output writes it: `since`/`until` bounds, or explicit ranges when there are gaps. */
export interface Presence {
  since?: string;
  until?: string;
  /** Only when the minors are not contiguous: `[from, to]` pairs. */
  ranges?: [string, string][];
}

/** Presence of `minors` within [first, last]; bounds equal to `within` (the owner's) are left out. */
export function presenceOf(minors: ReadonlySet<number>, within: { first: number; last: number }): Presence {
  const sorted = [...minors].sort((a, b) => a - b);
  const out: Presence = {};
  if (sorted.length === 0) return out;
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  if (lo > within.first) out.since = minorName(lo);
  if (hi < within.last) out.until = minorName(hi);
  if (hi - lo + 1 !== sorted.length) {
    const ranges: [string, string][] = [];
    let start = lo;
    for (let i = 1; i <= sorted.length; i++) {
      const prev = sorted[i - 1] as number;
      const cur = sorted[i];
      if (cur === undefined || cur !== prev + 1) {
        ranges.push([minorName(start), minorName(prev)]);
        if (cur !== undefined) start = cur;
      }
    }
    out.ranges = ranges;
  }
  return out;
}

// ---------------------------------------------------------------- API types

export interface FlatField {
  readonly type: TypeRef;
  readonly gates: readonly FieldGate[];
  readonly requiresInProse: readonly string[];
}

export type FlatType =
  | { readonly kind: 'struct'; readonly fields: ReadonlyMap<string, FlatField> }
  | { readonly kind: 'enum'; readonly base: TypeRef; readonly values: readonly string[]; readonly open: boolean };

/** One minor's packages with inlined structs expanded and aliases resolved. */
export function flattenUniverse(packages: ReadonlyMap<string, PackageSnapshot>): Map<string, FlatType> {
  const out = new Map<string, FlatType>();
  const resolveAlias = (ref: TypeRef, depth = 0): TypeRef => {
    if (depth > 16) return ref;
    if (ref.startsWith('[]')) return `[]${resolveAlias(ref.slice(2), depth + 1)}`;
    if (ref.startsWith('{}')) return `{}${resolveAlias(ref.slice(2), depth + 1)}`;
    const dot = ref.lastIndexOf('.');
    if (dot === -1) return ref;
    const pkg = packages.get(ref.slice(0, dot));
    const alias = pkg?.aliases.get(ref.slice(dot + 1));
    return alias !== undefined ? resolveAlias(alias, depth + 1) : ref;
  };
  const declOf = (ref: TypeRef): ApiTypeDecl | undefined => {
    const dot = ref.lastIndexOf('.');
    return dot === -1 ? undefined : packages.get(ref.slice(0, dot))?.types.get(ref.slice(dot + 1));
  };
  const fieldsOf = (struct: ApiStructDecl, seen: Set<ApiStructDecl>): Map<string, FlatField> => {
    const fields = new Map<string, FlatField>();
    if (seen.has(struct)) return fields;
    seen.add(struct);
    for (const member of struct.members) {
      if ('inline' in member) {
        const decl = declOf(resolveAlias(member.inline));
        if (decl?.kind === 'struct') for (const [name, field] of fieldsOf(decl, seen)) if (!fields.has(name)) fields.set(name, field);
      } else {
        const { field } = member;
        // A field declared in the struct itself shadows a promoted one of the same name, as in Go.
        fields.set(field.name, { type: resolveAlias(field.type), gates: field.gates, requiresInProse: field.requiresInProse });
      }
    }
    return fields;
  };
  for (const [id, pkg] of packages) {
    for (const [name, decl] of pkg.types) {
      if (decl.kind === 'struct') out.set(`${id}.${name}`, { kind: 'struct', fields: fieldsOf(decl, new Set()) });
      else out.set(`${id}.${name}`, { kind: 'enum', base: resolveAlias(decl.base), values: decl.values, open: decl.open });
    }
  }
  return out;
}

export interface UnionField {
  type: TypeRef;
  readonly minors: Set<number>;
  /** Gate → first minor whose marker named it, with the marker's scope. */
  readonly gates: Map<string, { scope: FieldGate['scope']; by: FieldGate['by']; firstMinor: number }>;
  readonly prose: Map<string, number>;
}

export type UnionType =
  | { kind: 'struct'; readonly minors: Set<number>; readonly fields: Map<string, UnionField> }
  | { kind: 'enum'; base: TypeRef; readonly minors: Set<number>; readonly values: Map<string, Set<number>>; open: boolean };

/**
 * Adds one minor's flattened types to the union. Call with the newest minor
 * first: the first type expression and field order seen are kept, so the
 * output follows the newest sources and older-only fields come last.
 */
export function addToUnion(union: Map<string, UnionType>, minor: number, types: ReadonlyMap<string, FlatType>): void {
  for (const [ref, type] of types) {
    let entry = union.get(ref);
    if (type.kind === 'enum') {
      if (!entry || entry.kind !== 'enum') {
        if (entry) continue;
        entry = { kind: 'enum', base: type.base, minors: new Set(), values: new Map(), open: false };
        union.set(ref, entry);
      }
      entry.minors.add(minor);
      // Open at the newest minor (seen first) decides: older tags may lack the constant that made it open.
      if (entry.minors.size === 1) entry.open = type.open;
      for (const value of type.values) {
        let minors = entry.values.get(value);
        if (!minors) entry.values.set(value, (minors = new Set()));
        minors.add(minor);
      }
      continue;
    }
    if (!entry || entry.kind !== 'struct') {
      if (entry) continue;
      entry = { kind: 'struct', minors: new Set(), fields: new Map() };
      union.set(ref, entry);
    }
    entry.minors.add(minor);
    for (const [name, field] of type.fields) {
      let u = entry.fields.get(name);
      if (!u) {
        u = { type: field.type, minors: new Set(), gates: new Map(), prose: new Map() };
        entry.fields.set(name, u);
      }
      u.minors.add(minor);
      for (const gate of field.gates) {
        const known = u.gates.get(gate.gate);
        if (!known || known.firstMinor > minor) u.gates.set(gate.gate, { scope: known?.scope === 'field' ? 'field' : gate.scope, by: gate.by, firstMinor: minor });
      }
      for (const gate of field.requiresInProse) {
        const known = u.prose.get(gate);
        if (known === undefined || known > minor) u.prose.set(gate, minor);
      }
    }
  }
}

// ---------------------------------------------------------------- kinds and lifecycle

export interface UnionKind {
  readonly groupVersion: string;
  readonly kind: string;
  readonly packageId: string;
  readonly minors: Set<number>;
  /** Lifecycle per minor, as that minor's generated file states it. */
  readonly lifecycle: Map<number, KindLifecycle>;
}

export function addKinds(union: Map<string, UnionKind>, minor: number, packages: ReadonlyMap<string, PackageSnapshot>): void {
  for (const pkg of packages.values()) {
    for (const { groupVersion, kinds } of pkg.registrations) for (const kind of kinds) {
      const key = `${groupVersion}/${kind}`;
      let entry = union.get(key);
      if (!entry) union.set(key, (entry = { groupVersion, kind, packageId: pkg.id, minors: new Set(), lifecycle: new Map() }));
      entry.minors.add(minor);
      const lifecycle = pkg.lifecycle.get(kind);
      if (lifecycle) entry.lifecycle.set(minor, lifecycle);
    }
  }
}

// ---------------------------------------------------------------- feature gates

export interface GateState {
  readonly stage: GateStage;
  readonly default: boolean;
  readonly locked: boolean;
}

export interface UnionGate {
  readonly name: string;
  /** Minor → state the release's own source states, and which source said so. */
  readonly states: Map<number, GateState & { source: string }>;
  /** Sources that declare the gate's constant (its owners). */
  readonly owners: Set<string>;
  /** The longest versioned history seen (covers versions before the tracked range). */
  history?: readonly { version: string; stage: GateStage; default: boolean; locked: boolean }[];
  /** Disagreements between two sources about the same minor. */
  readonly conflicts: string[];
}

/**
 * Adds the gate entries one source file gives at one minor. A gate relisted
 * by a source that does not own it (kube_features.go relisting generic
 * apiserver gates) counts only where its owner says nothing.
 */
export function addGates(union: Map<string, UnionGate>, minor: number, source: string, entries: readonly GateEntry[]): void {
  for (const entry of entries) {
    const spec = specAt(entry, minorName(minor));
    // A versioned gate whose first spec lies after this minor does not exist yet at it.
    if (!spec) continue;
    let gate = union.get(entry.name);
    if (!gate) union.set(entry.name, (gate = { name: entry.name, states: new Map(), owners: new Set(), conflicts: [] }));
    const relisted = entry.key.includes('.');
    if (!relisted) gate.owners.add(source);
    const state = { stage: spec.stage, default: spec.default, locked: spec.locked, source };
    const known = gate.states.get(minor);
    if (known && (known.stage !== state.stage || known.default !== state.default || known.locked !== state.locked)) {
      gate.conflicts.push(`${minorName(minor)}: ${known.source} says ${describe(known)}, ${source} says ${describe(state)}`);
      if (!relisted) gate.states.set(minor, state);
    } else if (!known || !relisted) gate.states.set(minor, state);
    if (entry.versioned) {
      const history = entry.specs.map((s) => ({ version: s.version ?? minorName(minor), stage: s.stage, default: s.default, locked: s.locked }));
      // The newest minor's own list is the code's latest word on the history.
      if (!gate.history || compareMinor(history[history.length - 1]?.version ?? '0.0', gate.history[gate.history.length - 1]?.version ?? '0.0') >= 0) gate.history = history;
    }
  }
}

function describe(s: GateState): string {
  return `${s.stage}/${s.default ? 'on' : 'off'}${s.locked ? '/locked' : ''}`;
}

export interface GateSpan {
  from: string;
  to?: string;
  stage: GateStage;
  default: boolean;
  locked?: boolean;
}

/** Consecutive minors with the same state become one span; the last span is open when the gate still exists at `newest`. */
export function gateSpans(states: ReadonlyMap<number, GateState>, newest: number): GateSpan[] {
  const minors = [...states.keys()].sort((a, b) => a - b);
  const spans: GateSpan[] = [];
  for (const minor of minors) {
    const s = states.get(minor) as GateState;
    const last = spans[spans.length - 1];
    if (last && last.to === minorName(minor - 1) && last.stage === s.stage && last.default === s.default && (last.locked ?? false) === s.locked) {
      last.to = minorName(minor);
    } else {
      spans.push({ from: minorName(minor), to: minorName(minor), stage: s.stage, default: s.default, ...(s.locked ? { locked: true } : {}) });
    }
  }
  const last = spans[spans.length - 1];
  if (last && last.to === minorName(newest)) delete last.to;
  return spans;
}

/** First minor after the gate's last appearance, when it is gone by `newest`. */
export function removedIn(states: ReadonlyMap<number, GateState>, newest: number): string | undefined {
  const last = Math.max(...states.keys());
  return last < newest ? minorName(last + 1) : undefined;
}
