/**
 * The API types of one Go package at one release tag: its group and
 * version, the kinds it registers, every struct with its JSON fields, enum
 * types with their values, the feature gates that markers tie to fields,
 * and the generated lifecycle of each kind.
 */
import { goStringValue, hasMarker, jsonTag, markerValues, parseGoFile, type GoFile, type GoStruct } from './goSource';

/**
 * A canonical type reference:
 * - a scalar: `string`, `integer`, `number`, `boolean`, `bytes`, `quantity`,
 *   `int-or-string`, `time`, `duration`, `any` (free-form JSON), `schema`
 *   (a JSON schema, free-form for our checks), `empty` (`struct{}`);
 * - `[]T` a list, `{}T` a map with string keys;
 * - `pkg.Name` a struct or enum of a package (`core/v1.PodSpec`).
 */
export type TypeRef = string;

export const scalarRefs = ['string', 'integer', 'number', 'boolean', 'bytes', 'quantity', 'int-or-string', 'time', 'duration', 'any', 'schema', 'empty'] as const;

export interface FieldGate {
  readonly gate: string;
  /** `field`: the field exists only with the gate; `value`: the gate changes what values are accepted. */
  readonly scope: 'field' | 'value';
  /** How the link was found. */
  readonly by: 'featureGate marker' | 'ifEnabled marker';
}

export interface ApiFieldDecl {
  /** JSON name. */
  readonly name: string;
  readonly type: TypeRef;
  readonly gates: readonly FieldGate[];
  /** Gate names the field's comments mention as a requirement (prose only). */
  readonly requiresInProse: readonly string[];
  /** Struct the field is declared in, when it came from an inlined struct (for messages). */
  readonly declaredIn: string;
}

export interface ApiStructDecl {
  readonly kind: 'struct';
  /**
   * JSON fields and inlined structs (Go embedding or `json:",inline"`) in
   * declaration order; inlined structs are expanded once all packages of the
   * release are read.
   */
  readonly members: readonly ({ readonly field: ApiFieldDecl } | { readonly inline: TypeRef })[];
}

export interface ApiEnumDecl {
  readonly kind: 'enum';
  readonly base: TypeRef;
  readonly values: readonly string[];
  /** Some constants of the type take their value from another package: the list may be incomplete. */
  readonly open: boolean;
}

export type ApiTypeDecl = ApiStructDecl | ApiEnumDecl;

export interface KindLifecycle {
  readonly introduced?: string;
  readonly deprecated?: string;
  readonly removed?: string;
  /** `group/version` and kind of the replacement. */
  readonly replacement?: { readonly groupVersion: string; readonly kind: string };
}

export interface PackageSnapshot {
  /** Canonical package id (`core/v1`, `apimachinery/pkg/apis/meta/v1`). */
  readonly id: string;
  readonly version: string;
  /** Kinds registered with the scheme, per group/version (`""`-group kinds under `v1`), in source order. */
  readonly registrations: readonly Registration[];
  readonly types: ReadonlyMap<string, ApiTypeDecl>;
  /** Named non-struct types that are not enums, as their resolved underlying type. */
  readonly aliases: ReadonlyMap<string, TypeRef>;
  readonly lifecycle: ReadonlyMap<string, KindLifecycle>;
  /** Files read, for provenance. */
  readonly files: readonly { readonly path: string; readonly blob: string }[];
}

/** `k8s.io/api/core/v1` → `core/v1`; other modules keep their path without `k8s.io/`. */
export function packageIdOf(importPath: string): string {
  if (importPath.startsWith('k8s.io/api/')) return importPath.slice('k8s.io/api/'.length);
  return importPath.replace(/^k8s\.io\//, '');
}

/** Types from outside the API packages that stand for a JSON scalar or free-form value. */
const wellKnown: Record<string, TypeRef> = {
  'apimachinery/pkg/apis/meta/v1.Time': 'time',
  'apimachinery/pkg/apis/meta/v1.MicroTime': 'time',
  'apimachinery/pkg/apis/meta/v1.Duration': 'duration',
  'apimachinery/pkg/apis/meta/v1.FieldsV1': 'any',
  'apimachinery/pkg/apis/meta/v1.Fields': 'any',
  'apimachinery/pkg/api/resource.Quantity': 'quantity',
  'apimachinery/pkg/api/resource.QuantityValue': 'quantity',
  'apimachinery/pkg/util/intstr.IntOrString': 'int-or-string',
  'apimachinery/pkg/runtime.RawExtension': 'any',
  'apimachinery/pkg/runtime.Object': 'any',
  'apimachinery/pkg/runtime.Unknown': 'any',
  'apimachinery/pkg/types.UID': 'string',
  'apimachinery/pkg/types.NodeName': 'string',
  'apimachinery/pkg/types.NamespacedName': 'any',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1.JSON': 'any',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1beta1.JSON': 'any',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1.JSONSchemaProps': 'schema',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1beta1.JSONSchemaProps': 'schema',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1.CustomResourceValidation': 'schema',
  'apiextensions-apiserver/pkg/apis/apiextensions/v1beta1.CustomResourceValidation': 'schema',
};

const builtinScalars: Record<string, TypeRef> = {
  string: 'string',
  bool: 'boolean',
  int: 'integer',
  int8: 'integer',
  int16: 'integer',
  int32: 'integer',
  int64: 'integer',
  uint: 'integer',
  uint8: 'integer',
  uint16: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  byte: 'integer',
  float32: 'number',
  float64: 'number',
  'interface{}': 'any',
  any: 'any',
  'struct{}': 'empty',
  'time.Duration': 'integer',
};

/** Resolves a Go type expression in a file to a canonical reference. */
export function resolveTypeExpr(expression: string, file: GoFile, packageId: string): TypeRef {
  let expr = expression.replace(/\s+/g, '');
  while (expr.startsWith('*')) expr = expr.slice(1);
  if (expr === '[]byte') return 'bytes';
  if (expr.startsWith('[]')) return `[]${resolveTypeExpr(expr.slice(2), file, packageId)}`;
  const array = /^\[\d+\](.+)$/.exec(expr);
  if (array) return `[]${resolveTypeExpr(array[1] ?? '', file, packageId)}`;
  if (expr.startsWith('map[')) {
    let depth = 0;
    let end = 4;
    for (; end < expr.length; end++) {
      if (expr[end] === '[') depth++;
      else if (expr[end] === ']') {
        if (depth === 0) break;
        depth--;
      }
    }
    return `{}${resolveTypeExpr(expr.slice(end + 1), file, packageId)}`;
  }
  const builtin = builtinScalars[expr];
  if (builtin) return builtin;
  const dot = expr.indexOf('.');
  const ref = dot === -1 ? `${packageId}.${expr}` : `${packageIdOf(file.imports.get(expr.slice(0, dot)) ?? expr.slice(0, dot))}.${expr.slice(dot + 1)}`;
  return wellKnown[ref] ?? ref;
}

const guardPhrases = [
  /requires?\s+(?:enabling\s+)?(?:the\s+)?(?:feature\s+gate\s+)?(\w+)\s+(?:alpha\s+|beta\s+)?feature(?:\s*gate|gate)?/gi,
  /gated\s+by\s+(?:the\s+)?(\w+)\s+feature/gi,
  /(?:honou?red|used)\s+by\s+servers\s+that\s+enable\s+(?:the\s+)?(\w+)\s+feature/gi,
  /requires?\s+feature\s+gate\s+(\w+)/gi,
  /only\s+(?:available|allowed|set|settable|honou?red|respected|supported)\s+(?:when|if)\s+(?:the\s+)?(\w+)\s+feature(?:\s*gate)?\s+is\s+enabled/gi,
  /(?:requires|needs)\s+(?:the\s+)?(\w+)\s+(?:alpha\s+|beta\s+)?feature(?:\s*gate)?\s+(?:to\s+be\s+)?(?:enabled|turned\s+on)/gi,
];

/** Gate names that a field's comments state as a requirement for the field (not mere behaviour changes). */
export function requirementsInProse(comments: readonly string[], knownGates: ReadonlySet<string>): string[] {
  const text = comments.filter((l) => !l.trim().startsWith('+')).join(' ');
  const found = new Set<string>();
  for (const pattern of guardPhrases) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (m[1] && knownGates.has(m[1])) found.add(m[1]);
  }
  return [...found].sort();
}

/** Gates tied to a field by markers: `+featureGate=A,B` and `+k8s:ifEnabled(A)=…`. */
export function markerGates(comments: readonly string[]): FieldGate[] {
  const gates: FieldGate[] = [];
  const add = (gate: FieldGate): void => {
    if (!gates.some((g) => g.gate === gate.gate && g.scope === gate.scope)) gates.push(gate);
  };
  for (const value of markerValues(comments, 'featureGate')) {
    for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) add({ gate: name, scope: 'field', by: 'featureGate marker' });
  }
  for (const line of comments) {
    const pattern = /\+k8s:ifEnabled\(\s*"?(\w+)"?\s*\)=([^\s]*)/g;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      // `ifEnabled(G)=+k8s:optional` makes the field itself depend on G; `ifEnabled(G)=+k8s:minimum=0` only a value rule.
      const rule = m[2] ?? '';
      const fieldLevel = /^\+k8s:(?:optional|required|forbidden|immutable|update)/.test(rule);
      add({ gate: m[1] ?? '', scope: fieldLevel ? 'field' : 'value', by: 'ifEnabled marker' });
    }
  }
  return gates;
}

function structDecl(struct: GoStruct, file: GoFile, packageId: string, knownGates: ReadonlySet<string>): ApiStructDecl {
  const members: ApiStructDecl['members'][number][] = [];
  const fieldNamed = (name: string, type: TypeRef, comments: readonly string[]): { field: ApiFieldDecl } => ({
    field: { name, type, gates: markerGates(comments), requiresInProse: requirementsInProse(comments, knownGates), declaredIn: struct.name },
  });
  for (const field of struct.fields) {
    const tag = jsonTag(field.tag);
    if (tag?.name === '-') continue;
    const type = resolveTypeExpr(field.type, file, packageId);
    if (field.name === undefined || tag?.inline) {
      // Go embedding without a json name, or an explicit inline: the embedded struct's fields are promoted.
      members.push(tag?.name && !tag.inline ? fieldNamed(tag.name, type, field.comments) : { inline: type });
      continue;
    }
    // Unexported fields and fields without a json tag are not part of the wire format.
    if (!tag || !/^[A-Z]/.test(field.name)) continue;
    members.push(fieldNamed(tag.name || field.name, type, field.comments));
  }
  return { kind: 'struct', members };
}

const lifecyclePattern = /func \(in \*(\w+)\) APILifecycle(Introduced|Deprecated|Removed)\(\) \(major, minor int\) \{\s*return (\d+), (\d+)\s*\}/g;
const replacementPattern = /func \(in \*(\w+)\) APILifecycleReplacement\(\) schema\.GroupVersionKind \{\s*return schema\.GroupVersionKind\{Group: "([^"]*)", Version: "([^"]*)", Kind: "([^"]*)"\}\s*\}/g;

/** Lifecycle of each kind from a `zz_generated.prerelease-lifecycle.go`. */
export function parseLifecycle(source: string): Map<string, KindLifecycle> {
  const out = new Map<string, { introduced?: string; deprecated?: string; removed?: string; replacement?: { groupVersion: string; kind: string } }>();
  const entry = (kind: string): NonNullable<ReturnType<typeof out.get>> => {
    let e = out.get(kind);
    if (!e) {
      e = {};
      out.set(kind, e);
    }
    return e;
  };
  lifecyclePattern.lastIndex = 0;
  for (let m = lifecyclePattern.exec(source); m; m = lifecyclePattern.exec(source)) {
    const version = `${m[3]}.${m[4]}`;
    const e = entry(m[1] ?? '');
    if (m[2] === 'Introduced') e.introduced = version;
    else if (m[2] === 'Deprecated') e.deprecated = version;
    else e.removed = version;
  }
  replacementPattern.lastIndex = 0;
  for (let m = replacementPattern.exec(source); m; m = replacementPattern.exec(source)) {
    const group = m[2] ?? '';
    entry(m[1] ?? '').replacement = { groupVersion: group ? `${group}/${m[3]}` : (m[3] ?? ''), kind: m[4] ?? '' };
  }
  return out;
}

export interface Registration {
  /** `apps/v1`, or `v1` for the core group. */
  readonly groupVersion: string;
  readonly kinds: readonly string[];
}

/**
 * Kinds registered by `addKnownTypes`, per group/version: each
 * `scheme.AddKnownTypes(GV, &Kind{}, …)` call names its group/version by a
 * variable declared as `schema.GroupVersion{Group: G, Version: "v"}`, where
 * G is a string or a constant of the file.
 */
export function registrations(registerSource: string): Registration[] {
  const file = parseGoFile(registerSource);
  const constant = (name: string): string | undefined => {
    const c = file.consts.find((k) => k.name === name);
    return c ? goStringValue(c.value) : undefined;
  };
  const groupVersions = new Map<string, string>();
  for (const m of registerSource.matchAll(/(\w+)\s*=\s*schema\.GroupVersion\{Group:\s*("[^"]*"|\w+),\s*Version:\s*("[^"]*"|\w+)\s*\}/g)) {
    const group = goStringValue(m[2] ?? '') ?? constant(m[2] ?? '');
    const version = goStringValue(m[3] ?? '') ?? constant(m[3] ?? '');
    if (group !== undefined && version !== undefined) groupVersions.set(m[1] ?? '', group ? `${group}/${version}` : version);
  }
  const body = /func addKnownTypes\([^)]*\)\s*error\s*\{([\s\S]*?)\n\}/.exec(registerSource)?.[1] ?? '';
  const out: Registration[] = [];
  for (const call of body.matchAll(/AddKnownTypes\(\s*(\w+)\s*,([\s\S]*?)\)\s*\n/g)) {
    const groupVersion = groupVersions.get(call[1] ?? '');
    if (groupVersion === undefined) continue;
    const kinds: string[] = [];
    for (const m of (call[2] ?? '').matchAll(/&(\w+)\{\}/g)) if (m[1] && !kinds.includes(m[1])) kinds.push(m[1]);
    out.push({ groupVersion, kinds });
  }
  return out;
}

export interface PackageFiles {
  readonly importPath: string;
  readonly files: readonly { readonly path: string; readonly blob: string; readonly text: string }[];
}

/** Reads one package from its files at one tag. */
export function readPackage(input: PackageFiles, knownGates: ReadonlySet<string>): PackageSnapshot {
  const id = packageIdOf(input.importPath);
  const version = input.importPath.split('/').pop() ?? '';
  const types = new Map<string, ApiTypeDecl>();
  const aliases = new Map<string, TypeRef>();
  let registered: Registration[] = [];
  let lifecycle = new Map<string, KindLifecycle>();
  const parsed: GoFile[] = [];
  for (const file of input.files) {
    const name = file.path.split('/').pop() ?? '';
    if (name === 'zz_generated.prerelease-lifecycle.go') {
      lifecycle = parseLifecycle(file.text);
      continue;
    }
    if (name.startsWith('zz_generated') || name.endsWith('_test.go') || name.endsWith('.pb.go') || name.startsWith('types_swagger_doc')) continue;
    const go = parseGoFile(file.text);
    parsed.push(go);
    // The scheme's registrations are the code's word; `+groupName` markers are missing from some older doc.go files.
    if (name === 'register.go') registered = registrations(file.text);
  }
  // Enum values are the constants of the enum type, from any file of the package: `A T = "a"`,
  // `A = T("a")`, or either form naming another constant of the package.
  const constsByType = new Map<string, string[]>();
  const unresolvedTypes = new Set<string>();
  const stringConsts = new Map<string, string>();
  for (const go of parsed) for (const c of go.consts) {
    const value = goStringValue(c.value);
    if (value !== undefined) stringConsts.set(c.name, value);
  }
  for (const go of parsed) {
    for (const c of go.consts) {
      const conversion = /^(\w+)\((.+)\)$/.exec(c.value);
      const type = c.type ?? conversion?.[1];
      if (!type) continue;
      const expression = (conversion?.[2] ?? c.value).trim();
      const value = goStringValue(expression) ?? stringConsts.get(expression);
      if (value !== undefined) constsByType.set(type, [...(constsByType.get(type) ?? []), value]);
      else unresolvedTypes.add(type);
    }
  }
  for (const go of parsed) {
    for (const struct of go.structs) types.set(struct.name, structDecl(struct, go, id, knownGates));
    for (const named of go.namedTypes) {
      const base = resolveTypeExpr(named.underlying, go, id);
      const values = [...new Set(constsByType.get(named.name) ?? [])];
      // An enum marker with no constants to read says nothing about the values: keep the base type.
      if (hasMarker(named.comments, 'enum') && values.length > 0) types.set(named.name, { kind: 'enum', base, values, open: unresolvedTypes.has(named.name) });
      else aliases.set(named.name, base);
    }
  }
  const kindsOf = (r: Registration): Registration => ({ groupVersion: r.groupVersion, kinds: r.kinds.filter((k) => types.has(k)) });
  return { id, version, registrations: registered.map(kindsOf), types, aliases, lifecycle, files: input.files.map((f) => ({ path: f.path, blob: f.blob })) };
}
