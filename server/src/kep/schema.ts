/**
 * Every field of every built-in kind, at every version the data covers:
 * queries over the imported API types. A type is named by its Go package
 * and name (`core/v1.PodSpec`); scalars by a short name (`string`,
 * `integer`, `quantity`, …); `[]T` is a list of T and `{}T` a map of
 * string to T.
 */
import { generatedApis, generatedReleases, generatedSchema, type GeneratedPresence } from './generated';
import { compareVersions } from './versions';
import type { MinorVersion } from './types';

export type TypeRef = string;

export type ScalarRef = 'string' | 'integer' | 'number' | 'boolean' | 'bytes' | 'quantity' | 'int-or-string' | 'time' | 'duration' | 'any' | 'schema' | 'empty';

const scalars: ReadonlySet<string> = new Set<ScalarRef>(['string', 'integer', 'number', 'boolean', 'bytes', 'quantity', 'int-or-string', 'time', 'duration', 'any', 'schema', 'empty']);

export interface Presence {
  readonly since?: MinorVersion;
  readonly until?: MinorVersion;
  readonly ranges?: readonly (readonly [MinorVersion, MinorVersion])[];
}

export interface FieldSpec extends Presence {
  readonly name: string;
  readonly type: TypeRef;
  /** The struct that holds the field. */
  readonly owner: TypeRef;
  readonly gates: readonly string[];
  /** Gates that change which values are accepted, not whether the field exists. */
  readonly valueGates: readonly string[];
}

export interface StructSpec extends Presence {
  readonly kind: 'struct';
  readonly ref: TypeRef;
  readonly fields: ReadonlyMap<string, FieldSpec>;
}

export interface EnumValue extends Presence {
  readonly value: string;
}

export interface EnumSpec {
  readonly kind: 'enum';
  readonly ref: TypeRef;
  readonly base: TypeRef;
  readonly values: readonly EnumValue[];
  /** The import could not read every value: others may be valid too. */
  readonly open: boolean;
}

export type TypeSpec = StructSpec | EnumSpec;

export function isScalar(ref: TypeRef): ref is ScalarRef {
  return scalars.has(ref);
}

/** `[]core/v1.Container` → `core/v1.Container`; undefined for a non-list. */
export function listItemOf(ref: TypeRef): TypeRef | undefined {
  return ref.startsWith('[]') ? ref.slice(2) : undefined;
}

/** `{}string` → `string`; undefined for a non-map. */
export function mapValueOf(ref: TypeRef): TypeRef | undefined {
  return ref.startsWith('{}') ? ref.slice(2) : undefined;
}

/** Whether something with this presence exists at a version. */
export function presentAt(presence: Presence, version: MinorVersion): boolean {
  if (presence.ranges) return presence.ranges.some(([from, to]) => compareVersions(version, from) >= 0 && compareVersions(version, to) <= 0);
  if (presence.since !== undefined && compareVersions(version, presence.since) < 0) return false;
  if (presence.until !== undefined && compareVersions(version, presence.until) > 0) return false;
  return true;
}

/** Whether it exists at any version from `from` on (a field the user may be writing for a newer cluster). */
export function existsFrom(presence: Presence, from: MinorVersion): boolean {
  return presence.until === undefined || compareVersions(presence.until, from) >= 0;
}

const packageTypes = new Map<string, Map<string, TypeSpec> | null>();

function presenceOf(p: GeneratedPresence): Presence {
  const out: { since?: string; until?: string; ranges?: readonly (readonly [string, string])[] } = {};
  if (p.since !== undefined) out.since = p.since;
  if (p.until !== undefined) out.until = p.until;
  if (p.ranges !== undefined) out.ranges = p.ranges;
  return out;
}

const noGates: readonly string[] = [];

function loadPackage(pkg: string): Map<string, TypeSpec> | null {
  const file = generatedSchema(pkg);
  if (!file) return null;
  const types = new Map<string, TypeSpec>();
  for (const [name, type] of Object.entries(file.types)) {
    const ref = `${pkg}.${name}`;
    if ('enum' in type) {
      types.set(name, { kind: 'enum', ref, base: type.enum, open: type.open === true, values: type.values.map((v) => (typeof v === 'string' ? { value: v } : { value: v.value, ...presenceOf(v) })) });
      continue;
    }
    const fields = new Map<string, FieldSpec>();
    for (const [fieldName, field] of Object.entries(type.fields)) {
      if (typeof field === 'string') fields.set(fieldName, { name: fieldName, type: field, owner: ref, gates: noGates, valueGates: noGates });
      else fields.set(fieldName, { name: fieldName, type: field.type, owner: ref, gates: field.gates ?? noGates, valueGates: field.valueGates ?? noGates, ...presenceOf(field) });
    }
    types.set(name, { kind: 'struct', ref, fields, ...presenceOf(type) });
  }
  return types;
}

/** Every reference asked about, resolved once: the walk asks for the same few hundred types over and over. */
const resolved = new Map<TypeRef, TypeSpec | null>();

/** The struct or enum a reference names; undefined for scalars, lists, maps and unknown types. */
export function typeSpec(ref: TypeRef): TypeSpec | undefined {
  const known = resolved.get(ref);
  if (known !== undefined) return known ?? undefined;
  let spec: TypeSpec | undefined;
  const dot = ref.lastIndexOf('.');
  if (dot > 0 && !ref.startsWith('[]') && !ref.startsWith('{}')) {
    const pkg = ref.slice(0, dot);
    let types = packageTypes.get(pkg);
    if (types === undefined) {
      types = loadPackage(pkg);
      packageTypes.set(pkg, types);
    }
    spec = types?.get(ref.slice(dot + 1));
  }
  resolved.set(ref, spec ?? null);
  return spec;
}

export function structSpec(ref: TypeRef): StructSpec | undefined {
  const spec = typeSpec(ref);
  return spec?.kind === 'struct' ? spec : undefined;
}

export function enumSpec(ref: TypeRef): EnumSpec | undefined {
  const spec = typeSpec(ref);
  return spec?.kind === 'enum' ? spec : undefined;
}

/** The root type of a kind served under a group/version (`apps/v1`, `Deployment` → `apps/v1.Deployment`). */
export function rootTypeOf(groupVersion: string, kind: string): TypeRef | undefined {
  const gv = generatedApis()[groupVersion];
  if (!gv || !Object.prototype.hasOwnProperty.call(gv.kinds, kind)) return undefined;
  const ref = `${gv.kinds[kind]?.package ?? gv.package}.${kind}`;
  return structSpec(ref) ? ref : undefined;
}

let kindIndex: Map<string, string[]> | undefined;

/** Group/versions that have ever served a kind, in the import's order. */
export function groupVersionsOfKind(kind: string): readonly string[] {
  if (!kindIndex) {
    kindIndex = new Map();
    for (const [gv, entry] of Object.entries(generatedApis())) {
      for (const k of Object.keys(entry.kinds)) {
        const list = kindIndex.get(k) ?? [];
        list.push(gv);
        kindIndex.set(k, list);
      }
    }
  }
  return kindIndex.get(kind) ?? [];
}

/** The newest version the data covers. */
export function newestVersion(): MinorVersion {
  return generatedReleases().newest;
}

/** How a type reads in a hover or completion detail: `[]Container`, `map[string]string`, `integer`. */
export function typeLabel(ref: TypeRef): string {
  const item = listItemOf(ref);
  if (item !== undefined) return `[]${typeLabel(item)}`;
  const value = mapValueOf(ref);
  if (value !== undefined) return `map[string]${typeLabel(value)}`;
  if (isScalar(ref)) return ref;
  const spec = typeSpec(ref);
  const name = ref.slice(ref.lastIndexOf('.') + 1);
  return spec?.kind === 'enum' ? `${name} (${spec.base})` : name;
}

/** The JSON shape a value of this type takes. */
export type ValueShape = 'object' | 'list' | 'map' | 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'any';

export function shapeOfType(ref: TypeRef): ValueShape {
  if (listItemOf(ref) !== undefined) return 'list';
  if (mapValueOf(ref) !== undefined) return 'map';
  switch (ref) {
    case 'string':
    case 'bytes':
    case 'time':
    case 'duration':
      return 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'quantity':
    case 'int-or-string':
      return 'int-or-string';
    case 'any':
    case 'schema':
      return 'any';
    case 'empty':
      return 'object';
    default: {
      const spec = typeSpec(ref);
      if (spec?.kind === 'enum') return shapeOfType(spec.base);
      return spec ? 'object' : 'any';
    }
  }
}
