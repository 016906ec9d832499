/**
 * Checks every key and value of a built-in kind against the imported
 * schema at the target version: keys no version has (`unknown-field`),
 * fields that do not exist yet or any more, fields whose gate is off,
 * enum values, and values of the wrong JSON type as Kubernetes reads YAML.
 */
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { enhancementOfGate, gateStateAt, kepUrl, type GateState } from '../kep/catalog';
import { enumSpec, presentAt, shapeOfType, typeLabel, type FieldSpec, type Presence } from '../kep/schema';
import { compareVersions, supportedVersions } from '../kep/versions';
import { isTemplated } from '../manifest/model';
import type { SchemaVisit } from '../manifest/schemaWalk';
import { plainScalarKind, scalarKind, type JsonKind } from '../manifest/yamlScalars';
import { nearestField, placeBelow } from './fieldNames';
import { code, finding, rangeOf, type Finding } from './findings';
import type { Target } from './target';

export interface SchemaCheckContext {
  readonly target: Target;
  readonly out: Finding[];
  /** Key offsets where an overlay fact already told about the field's availability. */
  readonly availabilityReported: ReadonlySet<number>;
  /** Offsets of values an overlay fact already judged. */
  readonly valueReported: ReadonlySet<number>;
  /** Whether the type and unknown-field checks run (off beside another schema validator). */
  readonly schemaChecks: boolean;
  /** The object's group/version, for messages. */
  readonly groupVersion: string;
}

/**
 * A value some tool fills in before the manifest reaches the cluster: a Helm
 * action, or an envsubst / Flux `${VAR}` placeholder. Its type and value are
 * that tool's to decide.
 */
function isPlaceholder(text: string): boolean {
  return isTemplated(text) || (text.includes('${') && /\$\{[^}]*\}/.test(text));
}

/** The label and link of the enhancement a gate belongs to, for messages. */
function gateOwner(name: string): { label: string; url?: string; id?: string } {
  const enhancement = enhancementOfGate(name);
  if (!enhancement) return { label: `gate ${name}` };
  return { label: enhancement.kep !== undefined ? `KEP-${enhancement.kep}` : enhancement.title, url: kepUrl(enhancement), id: enhancement.id };
}

/** First version at which something with this presence exists after `version`, if any. */
function nextPresence(presence: Presence, version: string): string | undefined {
  if (presence.ranges) return presence.ranges.map(([from]) => from).find((from) => compareVersions(from, version) > 0);
  return presence.since !== undefined && compareVersions(presence.since, version) > 0 ? presence.since : undefined;
}

/** Version after the last one with this presence, when that lies at or before `version`. */
function goneSince(presence: Presence, version: string): string | undefined {
  const until = presence.ranges ? presence.ranges[presence.ranges.length - 1]?.[1] : presence.until;
  if (until === undefined || compareVersions(until, version) >= 0) return undefined;
  return `1.${Number(until.split('.')[1]) + 1}`;
}

function gateIsOff(state: GateState): boolean {
  return !state.unknown && !state.notYet && !state.enabled;
}

function gateAdvice(state: GateState, version: string): string {
  if (state.setting === false) return `feature gate ${state.name} is turned off in your settings`;
  const components = state.gate?.components.length ? state.gate.components.join(', ') : 'the components that read it';
  return `it needs feature gate ${state.name} (${state.span?.stage ?? 'gated'} in ${version}, off by default) on ${components}; tell KEP Lens it is on with kepLens.featureGates, --feature-gates or a "# kep-lens: featureGates=" comment`;
}

function checkAvailability(field: FieldSpec, range: readonly [number, number], ctx: SchemaCheckContext): void {
  const { version, gates } = ctx.target;
  if (!presentAt(field, version)) {
    const next = nextPresence(field, version);
    const gone = goneSince(field, version);
    const owner = field.gates[0] ? gateOwner(field.gates[0]) : undefined;
    if (next) {
      ctx.out.push(finding({ code: 'not-yet-available', severity: 'error', start: range[0], end: range[1], url: owner?.url, enhancementId: owner?.id,
        message: `${code(field.name)} does not exist before Kubernetes ${next} (target ${version})${owner ? `; it comes with ${owner.label}` : ''}.` }));
    } else if (gone) {
      ctx.out.push(finding({ code: 'removed-field', severity: 'error', start: range[0], end: range[1], url: owner?.url, enhancementId: owner?.id,
        message: `${code(field.name)} was removed from the API in Kubernetes ${gone} (target ${version}).` }));
    }
    return;
  }
  for (const gate of field.gates) {
    const state = gateStateAt(gate, version, gates);
    if (!gateIsOff(state)) continue;
    const owner = gateOwner(gate);
    const alpha = state.span?.stage === 'alpha' || state.setting === false;
    ctx.out.push(finding({ code: 'feature-gate-off', severity: alpha ? 'warning' : 'information', start: range[0], end: range[1], url: owner.url, enhancementId: owner.id, gate,
      message: `${code(field.name)} (${owner.label}) is ${state.span?.stage ?? 'gated'} in ${version} and is dropped unless the gate is on: ${gateAdvice(state, version)}.` }));
    return;
  }
}

/** Scalar kinds each JSON type accepts. */
function accepts(shape: ReturnType<typeof shapeOfType>, kind: JsonKind, text: string): boolean {
  if (kind === 'null') return true;
  switch (shape) {
    case 'string':
      return kind === 'string';
    case 'integer':
      return kind === 'integer' || (kind === 'float' && Number.isInteger(Number(text.replace(/_/g, ''))));
    case 'number':
      return kind === 'integer' || kind === 'float';
    case 'boolean':
      return kind === 'boolean';
    case 'int-or-string':
      return kind !== 'boolean';
    case 'any':
      return true;
    default:
      return false;
  }
}

const shapeWords: Record<string, string> = {
  object: 'an object (a map of fields)',
  list: 'a list',
  map: 'a map',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  'int-or-string': 'a number or a string',
};

function describeScalar(node: Scalar, kind: JsonKind): string {
  if (node.type !== 'PLAIN') return 'a quoted string';
  return kind === 'boolean' ? 'a YAML boolean' : kind === 'integer' || kind === 'float' ? 'a number' : 'a string';
}

function typeAdvice(shape: string, node: Scalar, kind: JsonKind, text: string): string {
  if (shape === 'string' && (kind === 'boolean' || kind === 'integer' || kind === 'float')) return `; quote it ("${text}") to keep it a string`;
  if ((shape === 'integer' || shape === 'number') && node.type !== 'PLAIN' && plainScalarKind(text) !== 'string') return `; write it without quotes (${text})`;
  if (shape === 'boolean' && node.type !== 'PLAIN' && plainScalarKind(text) === 'boolean') return `; write it without quotes (${text})`;
  return '';
}

function checkType(visit: SchemaVisit, type: string, ctx: SchemaCheckContext): void {
  const value = visit.value;
  if (value === null || value === undefined) return;
  const shape = shapeOfType(type);
  if (shape === 'any') return;
  const range = visit.reportAt ?? rangeOf(value as Scalar);
  if (!range) return;
  // Words for the message, made only when there is one: this runs for every value of every object.
  const expectation = (): string => {
    const where = visit.position === 'item' ? 'each item here' : code(String(visit.keyNode?.value ?? ''));
    const label = typeLabel(type);
    return `${where} expects ${shapeWords[shape] ?? shape}${shape === 'object' || shape === 'list' || shape === 'map' || label === shape ? '' : ` (${label})`}`;
  };
  if (isScalar(value)) {
    const text = typeof value.value === 'string' ? value.value : String(value.value ?? '');
    if (isPlaceholder(text)) return;
    const kind = scalarKind(value);
    // A tag we do not know (a custom `!thing`) says nothing we can check.
    if (kind === undefined) return;
    if (shape === 'object' || shape === 'list' || shape === 'map') {
      if (kind === 'null') return;
      ctx.out.push(finding({ code: 'invalid-type', severity: 'error', start: range[0], end: range[1], message: `${expectation()}, not ${describeScalar(value, kind)}.` }));
      return;
    }
    if (!accepts(shape, kind, text)) {
      ctx.out.push(finding({ code: 'invalid-type', severity: 'error', start: range[0], end: range[1],
        message: `${expectation()}; ${code(text)} is ${describeScalar(value, kind)}, which the API server rejects${typeAdvice(shape, value, kind, text)}.` }));
    }
    return;
  }
  const actual = isMap(value) ? 'object' : isSeq(value) ? 'list' : undefined;
  if (!actual) return;
  const fits = actual === 'object' ? shape === 'object' || shape === 'map' : shape === 'list';
  // A whole block is too much to underline: the key says where.
  const at = visit.reportAt ?? rangeOf(visit.keyNode) ?? range;
  if (!fits) ctx.out.push(finding({ code: 'invalid-type', severity: 'error', start: at[0], end: at[1], message: `${expectation()}, not ${actual === 'object' ? 'a map' : 'a list'}.` }));
}

function checkEnum(visit: SchemaVisit, type: string, ctx: SchemaCheckContext): void {
  const spec = enumSpec(type);
  const value = visit.value;
  if (!spec || !isScalar(value)) return;
  const text = typeof value.value === 'string' ? value.value : String(value.value ?? '');
  if (text === '' || isPlaceholder(text) || scalarKind(value) === 'null') return;
  const range = visit.reportAt ?? rangeOf(value);
  if (!range || ctx.valueReported.has(range[0])) return;
  const { version } = ctx.target;
  const known = spec.values.find((v) => v.value === text);
  const where = (): string => (visit.position === 'item' ? 'this list' : code(String(visit.keyNode?.value ?? '')));
  if (!known) {
    if (spec.open) return;
    const usable = spec.values.filter((v) => presentAt(v, version)).map((v) => v.value);
    const near = usable.find((v) => v.toLowerCase() === text.toLowerCase());
    ctx.out.push(finding({ code: 'invalid-value', severity: 'error', start: range[0], end: range[1],
      fixes: near ? [{ title: `Replace with ${near}`, edits: [{ start: range[0], end: range[1], newText: near }], isPreferred: true }] : [],
      message: `${code(text)} is not a value ${where()} accepts; ${near ? `did you mean ${code(near)}? ` : ''}${usable.length <= 12 ? `use one of ${usable.map(code).join(', ')}` : `it takes ${usable.length} values (${usable.slice(0, 6).map(code).join(', ')}, …)`}.` }));
    return;
  }
  if (!presentAt(known, version)) {
    const next = nextPresence(known, version);
    ctx.out.push(finding({ code: next ? 'not-yet-available' : 'invalid-value', severity: 'error', start: range[0], end: range[1],
      message: next ? `${code(text)} is not accepted before Kubernetes ${next} (target ${version}).` : `${code(text)} is no longer accepted at ${version}.` }));
    return;
  }
  const field = visit.field;
  for (const gate of field?.valueGates ?? []) {
    const state = gateStateAt(gate, version, ctx.target.gates);
    // A value gate guards the values that came with it; the ones as old as the field need nothing.
    if (!gateIsOff(state) || known.since === undefined) continue;
    const owner = gateOwner(gate);
    ctx.out.push(finding({ code: 'feature-gate-off', severity: state.span?.stage === 'alpha' ? 'warning' : 'information', start: range[0], end: range[1], url: owner.url, enhancementId: owner.id, gate,
      message: `${code(text)} (${owner.label}) is ${state.span?.stage ?? 'gated'} in ${version}: ${gateAdvice(state, version)}.` }));
  }
}

/** Keys that belong to patches and tooling, not to the object: strategic-merge directives (`$patch`, `$setElementOrder/…`). */
function isDirectiveKey(key: string): boolean {
  return key.startsWith('$');
}

/** All schema checks for one visit of the walk. */
export function checkSchemaVisit(visit: SchemaVisit, ctx: SchemaCheckContext): void {
  // What the cluster writes back (status) is not the user's to get right; what a template shapes is the template's.
  if (visit.path[0] === 'status' || visit.uncertain) return;
  if (visit.position === 'field' && visit.owner && visit.keyNode) {
    const key = String(visit.keyNode.value);
    const range = visit.reportAt ?? rangeOf(visit.keyNode);
    if (!range || isTemplated(key) || isDirectiveKey(key)) return;
    if (!visit.field) {
      if (!ctx.schemaChecks) return;
      const near = nearestField(visit.owner, key);
      const place = near ? undefined : placeBelow(visit.owner, key);
      const owner = visit.owner.ref.slice(visit.owner.ref.lastIndexOf('.') + 1);
      const newest = supportedVersions[supportedVersions.length - 1];
      const hint = near ? ` Did you mean ${code(near)}?` : place ? ` It belongs under ${code(place)} (${code(`${place}.${key}`)}).` : '';
      ctx.out.push(finding({ code: 'unknown-field', severity: 'error', start: range[0], end: range[1],
        fixes: near ? [{ title: `Rename to ${near}`, edits: [{ start: range[0], end: range[1], newText: near }], isPreferred: true }] : [],
        message: `${code(key)} is not a field of ${owner} (${ctx.groupVersion}) in any release up to ${newest}: the API server drops it, or rejects the object under strict field validation.${hint}` }));
      return;
    }
    if (!ctx.availabilityReported.has(range[0])) checkAvailability(visit.field, range, ctx);
  }
  // A value a later duplicate key replaces is not what kubectl sends.
  if (visit.type === undefined || visit.shadowed) return;
  checkEnum(visit, visit.type, ctx);
  if (ctx.schemaChecks && !isMapEntryOfStrings(visit)) checkType(visit, visit.type, ctx);
}

/** Free-form string maps (labels, annotations, data): their values are left alone. */
function isMapEntryOfStrings(visit: SchemaVisit): boolean {
  return visit.position === 'entry' && (visit.type === 'string' || visit.type === 'bytes');
}
