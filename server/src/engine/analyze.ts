/**
 * The checks: text in, findings out. One walk per Kubernetes object over
 * the imported schema: every key and value is checked against the schema
 * at the target version, and the places our overlay knows about are
 * checked against its facts and rules. Nothing here knows about a
 * particular KEP.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import {
  annotationAppliesTo,
  annotationMatches,
  apiVersionStatusAt,
  configStatusAt,
  enablingGates,
  enhancementOfGate,
  fieldStatusAt,
  findGate,
  gateStateAt,
  gatesOfField,
  hasEnclosingField,
  kepUrl,
  preferredApiVersion,
  rulesApplyAt,
  servedVersionsOf,
  splitPath,
  valueStatusAt,
  valuesAreExhaustive,
  valuesOfFact,
  type Fact,
  type GateState,
  type RuleRef,
} from '../kep/catalog';
import { rootTypeOf } from '../kep/schema';
import type { AllowedValue, Enhancement, Rule } from '../kep/types';
import { compareVersions } from '../kep/versions';
import { isTemplated, lastAtOrBefore, lineStartsOf, type CommentLine, type ManifestModel, type ParsedChunk, type Resource } from '../manifest/model';
import { indentContinuations, type QuotedContinuation } from '../manifest/quotedContinuations';
import { nodeAtConcretePath, nodeAtPath, scalarText, stringItems } from '../manifest/paths';
import { walkSchema, type SchemaVisit } from '../manifest/schemaWalk';
import { shapesMap, shapingActions } from '../manifest/templateShape';
import { editsAreDisjoint, eolOf, insertCommentAbove, removePair, setAtPath } from '../manifest/edits';
import { migrateAnnotation, migrateApiVersion } from './migrations';
import { directivesIn, diagnosticCodes, type Directive, isDiagnosticCode, resolveTarget, targetKey, type DiagnosticCode, type EngineSettings, type Target } from './target';
import { featureGateFlags } from './gateFlags';
import { alternativesBlock, apiVersionEntries, apiVersionsToJudge, isTemplatedEntry, judgedAtTarget, type ApiVersionEntry } from './helmBranches';
import { clip, code, finding, rangeOf, type Finding, type Fix, type Severity } from './findings';
import { checkSchemaVisit, type SchemaCheckContext } from './schemaChecks';
import { budgets, count } from './budgets';

export type { Finding, Fix, Severity };

const deprecationGuide = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

/** Values longer than this are tested by their first part: no real field value comes near it, and regular expressions recurse on length. */
const maxTestedLength = 10_000;

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text.length > maxTestedLength ? text.slice(0, maxTestedLength) : text);
  } catch {
    return false;
  }
}

function gateAdvice(gate: GateState, version: string): string {
  const span = gate.span;
  const stage = span ? span.stage : 'unknown';
  if (gate.setting === false) return `feature gate ${gate.name} is turned off in your settings`;
  return `it needs feature gate ${gate.name} (${stage} in ${version}, off by default); enable it on ${gate.gate?.components.join(', ') || 'the components that read it'} and tell KEP Lens it is on (setting kepLens.featureGates, CLI --feature-gates, or a "# kep-lens: featureGates=" comment)`;
}

/** Alpha and beta API versions are served only while their gate is on. */
function checkKindGates(resource: Resource, gates: readonly string[], target: Target, out: Finding[]): void {
  const [start, end] = resource.apiVersionRange;
  for (const name of gates) {
    const gate = gateStateAt(name, target.version, target.gates);
    if (gate.unknown || gate.notYet || gate.enabled) continue;
    const owner = enhancementOfGate(name);
    out.push(finding({ code: 'feature-gate-off', severity: gate.span?.stage === 'alpha' || gate.setting === false ? 'warning' : 'information', start, end, gate: name,
      url: owner ? kepUrl(owner) : undefined, enhancementId: owner?.id,
      message: `${code(resource.apiVersion)} ${resource.kind} is served only while ${gateAdvice(gate, target.version).replace(/^it needs /, '')}.` }));
    return;
  }
}

// ---------------------------------------------------------------- API versions

/** Follows replacements until one is still served at the target (extensions/v1beta1 → policy/v1beta1 → none for PSP). */
function servedReplacement(replacement: string | undefined, kind: string, version: string): string | undefined {
  const seen = new Set<string>();
  let next = replacement;
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const status = apiVersionStatusAt(next, kind, version);
    if (status.state !== 'removed') return next;
    next = status.lifecycle?.replacement;
  }
  return undefined;
}

/** Codes whose verdict depends on the cluster's version, which a template's branches may decide for themselves. */
const versionDependentCodes: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['removed-api', 'deprecated-api', 'not-yet-available', 'removed-field', 'deprecated-field', 'feature-gate-off', 'removed-gate']);

/**
 * The apiVersion the target renders; in a Helm template, the entries its
 * branches choose among. Alternatives the target cannot choose between are a
 * problem only when none of them is served.
 */
function checkApiVersion(resource: Resource, chunk: ParsedChunk, target: Target, out: Finding[]): void {
  const entries = apiVersionEntries(chunk, resource, target.version);
  const judgement = apiVersionsToJudge(entries);
  if (judgement.kind === 'none') return;
  const usable = (e: ApiVersionEntry): boolean => isTemplatedEntry(e) || ['served', 'unknown'].includes(apiVersionStatusAt(e.apiVersion, resource.kind, target.version).state);
  const judged = judgement.kind === 'one' ? [judgement.entry] : judgement.entries;
  if (judgement.kind === 'alternatives' && judged.some(usable)) return;
  const note = judgement.kind === 'alternatives' ? ` No branch of this template's if/else names an apiVersion ${target.version} serves.` : '';
  const found: Finding[] = [];
  for (const entry of judged) checkOneApiVersion(withApiVersion(resource, entry), chunk, target, found, note);
  if (entries.length > 1 && found.length > 0) {
    // Renaming one branch is half a fix when no branch is usable: the whole if/else becomes the one apiVersion to use.
    const blockFix = entries.some(usable) ? undefined : alternativesFix(chunk, resource, entries, target);
    for (const f of found) f.fixes = blockFix ? [blockFix] : judgement.kind === 'one' ? f.fixes : [];
  }
  out.push(...found);
}

function withApiVersion(resource: Resource, entry: ApiVersionEntry): Resource {
  return { ...resource, apiVersion: entry.apiVersion, apiVersionRange: entry.range };
}

/** For an if/else whose branches each hold only an apiVersion: the whole block becomes the one apiVersion to use. */
function alternativesFix(chunk: ParsedChunk, resource: Resource, entries: readonly ApiVersionEntry[], target: Target): Fix | undefined {
  const block = alternativesBlock(chunk, entries);
  if (!block) return undefined;
  const lifecycles = entries.map((e) => apiVersionStatusAt(e.apiVersion, resource.kind, target.version).lifecycle);
  const replacements = new Set(lifecycles.map((l) => servedReplacement(l?.replacement, resource.kind, target.version) ?? preferredApiVersion(resource.kind, target.version)));
  const [replacement] = replacements;
  const first = lifecycles[0];
  if (replacements.size !== 1 || !replacement || !first || lifecycles.some((l) => !l || l.dropIn !== first.dropIn || JSON.stringify(l.migrations) !== JSON.stringify(first.migrations))) return undefined;
  // The field moves are those of any one alternative (they agree); its own apiVersion edit falls inside the block.
  const migration = migrateApiVersion(chunk.text, withApiVersion(resource, entries[0] as ApiVersionEntry), first, replacement);
  if (!migration) return undefined;
  const edits = [{ start: block.start, end: block.end, newText: `apiVersion: ${replacement}${eolOf(chunk.text)}` }, ...migration.slice(1)];
  if (!editsAreDisjoint(edits) || edits.some((e) => isTemplated(e.newText))) return undefined;
  return { title: `Replace the if/else with apiVersion: ${replacement}${first.dropIn ? '' : ' and migrate fields'}`, edits, isPreferred: true };
}

function checkOneApiVersion(resource: Resource, chunk: ParsedChunk, target: Target, out: Finding[], note = ''): void {
  const status = apiVersionStatusAt(resource.apiVersion, resource.kind, target.version);
  const [start, end] = resource.apiVersionRange;
  const lifecycle = status.lifecycle;
  const replacement = servedReplacement(lifecycle?.replacement, resource.kind, target.version) ?? status.preferred;
  const subject = `${code(resource.apiVersion)} ${resource.kind}`;
  // A replacement that does not serve this kind (ResourceClass → DeviceClass) is a rewrite, not an apiVersion change.
  const served = servedVersionsOf(resource.kind);
  const replacementServesKind = !replacement || served.length === 0 || served.some((gv) => gv.groupVersion === replacement);
  const fixes = (): Fix[] => {
    if (!lifecycle || !replacement || !replacementServesKind) return [];
    const edits = migrateApiVersion(chunk.text, resource, lifecycle, replacement);
    return edits ? [{ title: `Change apiVersion to ${replacement}${lifecycle.dropIn ? '' : ' and migrate fields'}`, edits, isPreferred: true }] : [];
  };
  const url = lifecycle ? deprecationGuide : undefined;
  const changes = lifecycle?.changes?.length ? ` ${lifecycle.dropIn ? 'Note' : 'Not a drop-in'}: ${lifecycle.changes.join(' ')}` : '';
  if (status.state === 'removed') {
    out.push(finding({ code: 'removed-api', severity: 'error', start, end, url, enhancementId: lifecycle?.enhancementId, fixes: fixes(),
      message: `${subject} was removed in ${lifecycle?.removedIn ?? 'an earlier release'} (target ${target.version})${replacement ? `; use ${code(replacement)}` : ''}.${note}${changes}` }));
  } else if (status.state === 'deprecated') {
    out.push(finding({ code: 'deprecated-api', severity: 'warning', start, end, url, enhancementId: lifecycle?.enhancementId, fixes: fixes(), deprecated: true,
      message: `${subject} is deprecated since ${lifecycle?.deprecatedIn}${lifecycle?.removedIn ? ` and removed in ${lifecycle.removedIn}` : ''}${replacement ? `; use ${code(replacement)}` : ''}.${note}${changes}` }));
  } else if (status.state === 'notYet') {
    out.push(finding({ code: 'not-yet-available', severity: 'error', start, end, url,
      message: `${subject} is not served before ${status.since} (target ${target.version})${status.preferred ? `; at ${target.version} use ${code(status.preferred)}` : ''}.${note}` }));
  }
  if ((status.state === 'served' || status.state === 'deprecated') && status.gates?.length) checkKindGates(resource, status.gates, target, out);
}

// ---------------------------------------------------------------- fields and values

interface VisitContext {
  chunk: ParsedChunk;
  resource: Resource;
  target: Target;
  out: Finding[];
  /** Key offsets where an overlay fact already told about availability, so the schema does not repeat it. */
  availabilityReported: Set<number>;
  /** Value offsets an overlay fact already judged. */
  valueReported: Set<number>;
}

function enhancementLabel(enhancement: Enhancement): string {
  return enhancement.kep !== undefined ? `KEP-${enhancement.kep}` : enhancement.title;
}

function fieldName(visit: SchemaVisit): string {
  const last = visit.path[visit.path.length - 1];
  return typeof last === 'string' ? last : String(visit.path[visit.path.length - 2] ?? '');
}

function checkFieldFact(fact: Extract<Fact, { type: 'field' }>, visit: SchemaVisit, ctx: VisitContext): void {
  const range = rangeOf(visit.keyNode);
  if (!range) return;
  const { enhancement, field } = fact;
  const { version, gates } = ctx.target;
  const status = fieldStatusAt(enhancement, field, version, gates);
  // Status is written by the cluster: only its removal or deprecation is worth telling.
  if (field.readOnly && status.state !== 'removed' && status.state !== 'deprecated') return;
  // `field: {{ .Values.x }}`: the chart's user decides whether and how the field renders.
  const valueText = scalarText(visit.value);
  if (valueText !== undefined && isTemplated(valueText)) return;
  if (hasEnclosingField(enhancement, field) && status.state !== 'available') {
    checkValue(fact, visit.value, fieldName(visit), ctx, []);
    return;
  }
  const name = code(fieldName(visit));
  const label = enhancementLabel(enhancement);
  const url = kepUrl(enhancement);
  const base = { start: range[0], end: range[1], url, enhancementId: enhancement.id };
  const replacement = field.replacement ? ` Replacement: ${field.replacement}` : '';
  if (status.state !== 'available') ctx.availabilityReported.add(range[0]);
  switch (status.state) {
    case 'removed':
      if (field.readOnly) {
        // Written by the cluster, not by the user: nothing to fix, only a value that will stop being set.
        ctx.out.push(finding({ ...base, code: 'removed-field', severity: 'warning', deprecated: true, message: `${name} is no longer set by the cluster from ${status.since} (${label}); do not rely on it.${replacement}` }));
        return;
      }
      ctx.out.push(finding({ ...base, code: 'removed-field', severity: 'error', message: `${name} no longer works from ${status.since} (${enhancement.kep !== undefined ? `${label}: ${enhancement.title}` : label}).${replacement}` }));
      return;
    case 'notYet':
      ctx.out.push(finding({ ...base, code: 'not-yet-available', severity: 'error', message: `${name} is not available before ${status.since} (${label}; target ${version}).` }));
      return;
    case 'gateOff': {
      const stage = status.gate.span?.stage;
      ctx.out.push(finding({ ...base, code: 'feature-gate-off', severity: stage === 'alpha' || status.gate.setting === false ? 'warning' : 'information', gate: status.gate.name,
        message: `${name} (${label}) is ${stage ?? 'gated'} in ${version} and has no effect unless the gate is on: ${gateAdvice(status.gate, version)}.` }));
      break;
    }
    case 'deprecated':
      if (!field.readOnly || visit.path[0] !== 'status') {
        ctx.out.push(finding({ ...base, code: 'deprecated-field', severity: 'warning', deprecated: true, message: `${name} is deprecated since ${status.since} (${label}).${replacement}` }));
      }
      break;
    default:
      break;
  }
  if (!field.readOnly) checkValue(fact, visit.value, fieldName(visit), ctx, gatesOfField(enhancement, field));
}

function findValue(values: readonly AllowedValue[], text: string): AllowedValue | undefined {
  return values.find((v) => v.value === text);
}

/** Values that are usable at a version, for messages. */
function usableValues(values: readonly AllowedValue[], version: string): string[] {
  return values.filter((v) => valueStatusAt(v, version) === 'available' || valueStatusAt(v, version) === 'deprecated').map((v) => v.value);
}

function checkValue(fact: Fact, valueNode: unknown, name: string, ctx: VisitContext, fieldGates: readonly string[]): void {
  const values = valuesOfFact(fact);
  if (values.length === 0 || !isScalar(valueNode)) return;
  const text = scalarText(valueNode);
  const range = rangeOf(valueNode);
  if (text === undefined || !range || isTemplated(text)) return;
  const enhancement = 'enhancement' in fact ? fact.enhancement : undefined;
  const { version } = ctx.target;
  const label = enhancement ? enhancementLabel(enhancement) : '';
  const base = { start: range[0], end: range[1], url: enhancement ? kepUrl(enhancement) : undefined, enhancementId: enhancement?.id };
  const known = findValue(values, text);
  if (known || valuesAreExhaustive(fact)) ctx.valueReported.add(range[0]);
  if (!known) {
    if (valuesAreExhaustive(fact)) {
      ctx.out.push(finding({ ...base, code: 'invalid-value', severity: 'error',
        message: `${code(text)} is not a value ${code(name)} accepts at ${version}; use one of ${usableValues(values, version).map(code).join(', ') || '(none at this version)'}.` }));
    }
    return;
  }
  const status = valueStatusAt(known, version);
  const replaceFix = (to: string): Fix[] => [{ title: `Replace with ${to}`, edits: [{ start: range[0], end: range[1], newText: to }], isPreferred: true }];
  if (status === 'removed') {
    ctx.out.push(finding({ ...base, code: fact.type === 'config' ? 'removed-field' : 'invalid-value', severity: 'error', fixes: known.replacement ? replaceFix(known.replacement) : [],
      message: `${code(text)} is no longer accepted from ${known.removedIn}${known.replacement ? `; use ${code(known.replacement)}` : ''} (${label}).` }));
  } else if (status === 'notYet') {
    ctx.out.push(finding({ ...base, code: 'not-yet-available', severity: 'error', message: `${code(text)} is not accepted before ${known.since} (${label}; target ${version}).` }));
  } else if (status === 'deprecated') {
    ctx.out.push(finding({ ...base, code: 'deprecated-field', severity: 'warning', deprecated: true, fixes: known.replacement ? replaceFix(known.replacement) : [],
      message: `${code(text)} is deprecated since ${known.deprecatedIn}${known.replacement ? `; use ${code(known.replacement)}` : ''} (${label}).` }));
  } else {
    // Only a value the enhancement introduced (it has `since`) depends on the enhancement's gates.
    const gates = known.gate ? [known.gate] : fact.type === 'config' && known.since !== undefined ? fieldGates : [];
    for (const name of gates) {
      const gate = gateStateAt(name, version, ctx.target.gates);
      if (!gate.unknown && !gate.notYet && !gate.enabled) {
        ctx.out.push(finding({ ...base, code: 'feature-gate-off', severity: gate.span?.stage === 'alpha' ? 'warning' : 'information', gate: name,
          message: `${code(text)} (${label}) is ${gate.span?.stage ?? 'gated'} in ${version}: ${gateAdvice(gate, version)}.` }));
      }
    }
  }
}

function checkConfigFact(fact: Extract<Fact, { type: 'config' }>, visit: SchemaVisit, ctx: VisitContext): void {
  const { config, enhancement } = fact;
  const { version } = ctx.target;
  const keyRange = rangeOf(visit.keyNode);
  const status = configStatusAt(config, version);
  const label = enhancementLabel(enhancement);
  // With named entries or values, the lifecycle belongs to those names, reported on the values below.
  const describesNames = (config.entries?.length ?? 0) > 0 || (config.values?.length ?? 0) > 0;
  if (keyRange && !describesNames && (status === 'removed' || status === 'deprecated')) {
    ctx.out.push(finding({ start: keyRange[0], end: keyRange[1], url: kepUrl(enhancement), enhancementId: enhancement.id, deprecated: status === 'deprecated',
      code: status === 'removed' ? 'removed-field' : 'deprecated-field', severity: status === 'removed' ? 'error' : 'warning',
      message: `${code(fieldName(visit))} is ${status === 'removed' ? `removed from ${config.removedIn}` : `deprecated since ${config.deprecatedIn}`} (${label}).${config.replacement ? ` Use ${config.replacement} instead.` : ''}` }));
  }
  const gates = enablingGates(enhancement);
  if (isScalar(visit.value)) {
    checkValue(fact, visit.value, fieldName(visit), ctx, gates);
    return;
  }
  // Maps keyed by option names (cpuManagerPolicyOptions) and lists of names.
  const entries = config.entries ?? [];
  if (entries.length === 0) return;
  const names: { text: string; node: Scalar }[] = [];
  if (isMap(visit.value)) for (const pair of visit.value.items) if (isScalar(pair.key)) names.push({ text: String(pair.key.value), node: pair.key });
  if (isSeq(visit.value)) for (const item of stringItems(visit.value)) names.push({ text: item.value, node: item.node });
  for (const { text, node } of names) {
    if (findValue(entries, text)) checkValue(fact, node, fieldName(visit), ctx, gates);
  }
}

function checkAnnotationFact(fact: Extract<Fact, { type: 'annotation' }>, visit: SchemaVisit, ctx: VisitContext): void {
  const key = scalarText(visit.keyNode);
  const range = rangeOf(visit.keyNode);
  if (key === undefined || !range || !annotationMatches(fact.annotation, key) || !annotationAppliesTo(fact.annotation, visit.metadataOwner)) return;
  const { annotation, enhancement } = fact;
  const status = configStatusAt(annotation, ctx.target.version);
  if (status !== 'deprecated' && status !== 'removed') return;
  const fixes: Fix[] = [];
  const edits = migrateAnnotation(ctx.chunk.text, ctx.resource, visit, annotation);
  if (edits) fixes.push({ title: `Move to ${annotation.replacement ?? 'the replacement field'}`, edits, isPreferred: true });
  ctx.out.push(finding({ start: range[0], end: range[1], url: kepUrl(enhancement), enhancementId: enhancement.id, deprecated: true, fixes,
    code: status === 'removed' ? 'removed-field' : 'deprecated-field', severity: status === 'removed' ? 'error' : 'warning',
    message: `Annotation ${code(annotation.display)} is ${status === 'removed' ? `ignored from ${annotation.removedIn}` : `deprecated since ${annotation.deprecatedIn}`} (${enhancementLabel(enhancement)}).${annotation.replacement ? ` Use ${code(annotation.replacement)} instead.` : ''}` }));
}

/** Gate names set in a component config `featureGates` map, or in `--feature-gates=` arguments. */
function checkGateSetting(name: string, setting: boolean | undefined, start: number, end: number, ctx: VisitContext): void {
  const gate = gateStateAt(name, ctx.target.version, {});
  if (gate.unknown) return;
  const owner = findGate(name)?.enhancement;
  const base = { start, end, url: owner ? kepUrl(owner) : undefined, enhancementId: owner?.id };
  if (gate.removed) {
    ctx.out.push(finding({ ...base, code: 'removed-gate', severity: 'error',
      message: `Feature gate ${name} was removed in ${gate.gate?.removedIn}; components of ${ctx.target.version} refuse to start when it is set.` }));
  } else if (gate.locked && setting !== undefined && setting !== gate.defaultOn) {
    ctx.out.push(finding({ ...base, code: 'removed-gate', severity: 'error',
      message: `Feature gate ${name} is locked to ${gate.defaultOn} in ${ctx.target.version}; setting it to ${setting} is rejected.` }));
  } else if (gate.notYet) {
    ctx.out.push(finding({ ...base, code: 'not-yet-available', severity: 'error', message: `Feature gate ${name} does not exist before ${gate.gate?.spans[0]?.from} (target ${ctx.target.version}).` }));
  }
}

function checkGateMap(visit: SchemaVisit, ctx: VisitContext): void {
  const name = scalarText(visit.keyNode);
  const range = rangeOf(visit.keyNode);
  if (name === undefined || !range) return;
  const value = scalarText(visit.value);
  checkGateSetting(name, value === 'true' ? true : value === 'false' ? false : undefined, range[0], range[1], ctx);
}

/** A container that runs a Kubernetes component, whose `--feature-gates` name Kubernetes gates (an operator's are its own). */
function runsKubernetesComponent(visit: SchemaVisit, ctx: VisitContext): boolean {
  const listAt = visit.path.findIndex((s, i) => (s === 'command' || s === 'args') && typeof visit.path[i - 1] === 'number');
  const container = listAt > 0 ? nodeAtConcretePath(ctx.resource.node, visit.path.slice(0, listAt)) : undefined;
  if (!isMap(container)) return false;
  const words = [scalarText(nodeAtPath(container, ['image'])?.node) ?? '', ...stringItems(nodeAtPath(container, ['command'])?.node).map((i) => i.value)];
  return words.some((w) => /kube-(?:apiserver|controller-manager|scheduler|proxy)|kubelet|hyperkube/.test(w));
}

function checkGateFlags(visit: SchemaVisit, ctx: VisitContext): void {
  if (!isScalar(visit.value) || typeof visit.value.value !== 'string' || !visit.value.range) return;
  if (!runsKubernetesComponent(visit, ctx)) return;
  const valueStart = visit.value.range[0];
  const raw = ctx.chunk.text.slice(valueStart, visit.value.range[1]);
  for (const flag of featureGateFlags(raw)) checkGateSetting(flag.name, flag.value, valueStart + flag.start, valueStart + flag.end, ctx);
}

// ---------------------------------------------------------------- rules

/** The pod spec that holds a visited container path (…spec.containers[i]…), when it is a map. */
function podSpecOf(visit: SchemaVisit, ctx: VisitContext): YAMLMap | undefined {
  const path = visit.path;
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i] === 'containers' || path[i] === 'initContainers' || path[i] === 'ephemeralContainers') {
      const podSpec = nodeAtConcretePath(ctx.resource.node, path.slice(0, i));
      return isMap(podSpec) ? podSpec : undefined;
    }
  }
  return undefined;
}

/**
 * Booleans as Kubernetes reads them (its YAML decoder also takes `True`,
 * `yes`, `on`…), written the canonical way so rules can compare text.
 */
function normaliseBoolean(text: string): string {
  if (/^(?:true|yes|on|y)$/i.test(text)) return 'true';
  if (/^(?:false|no|off|n)$/i.test(text)) return 'false';
  return text;
}

/** True when the rule is broken at this visit. */
function ruleBroken(rule: Rule, visit: SchemaVisit, ctx: VisitContext): { broken: boolean; at?: Scalar } {
  const parent = visit.parent;
  const check = rule.check;
  const at = (path: string): ReturnType<typeof nodeAtPath> => (parent ? nodeAtPath(parent, splitPath(path)) : undefined);
  switch (check.type) {
    case 'equals': {
      const found = at(check.path);
      const text = found ? scalarText(found.node) : undefined;
      if (text === undefined) return { broken: !check.absentOk };
      if (isTemplated(text)) return { broken: false };
      return { broken: !check.values.includes(normaliseBoolean(text)) };
    }
    case 'present':
      return { broken: !at(check.path)?.pair };
    case 'disjoint': {
      const left = stringItems(at(check.path)?.node);
      const right = new Set(stringItems(at(check.otherPath)?.node).map((i) => i.value));
      const shared = left.find((i) => right.has(i.value));
      return { broken: shared !== undefined, at: shared?.node };
    }
    case 'minimum': {
      const found = check.path === '.' ? { node: visit.value } : at(check.path);
      const text = scalarText(found?.node);
      if (text === undefined || !/^-?\d+$/.test(text)) return { broken: false };
      return { broken: Number(text) < check.min, at: isScalar(found?.node) ? found?.node : undefined };
    }
    case 'notMatching': {
      const found = check.path === '.' ? { node: visit.value } : at(check.path);
      const text = scalarText(found?.node);
      if (text === undefined || isTemplated(text)) return { broken: false };
      if (check.unlessPresent && at(check.unlessPresent)?.pair) return { broken: false };
      return { broken: safeTest(check.pattern, text), at: isScalar(found?.node) ? found?.node : undefined };
    }
    case 'sameValue': {
      const a = scalarText(at(check.path)?.node);
      const b = scalarText(at(check.otherPath)?.node);
      // Only two written values can disagree; a missing one takes its default, which the rule does not judge.
      return { broken: a !== undefined && b !== undefined && !isTemplated(a) && !isTemplated(b) && a !== b };
    }
    case 'mountNotOfVolumeSource': {
      const mountName = parent ? scalarText(nodeAtPath(parent, ['name'])?.node) : undefined;
      const podSpec = podSpecOf(visit, ctx);
      if (mountName === undefined || !podSpec) return { broken: false };
      const volumes = nodeAtPath(podSpec, ['volumes'])?.node;
      if (!isSeq(volumes)) return { broken: false };
      const volume = volumes.items.find((v) => isMap(v) && scalarText(nodeAtPath(v, ['name'])?.node) === mountName);
      return { broken: isMap(volume) && nodeAtPath(volume, [check.volumeSource])?.pair !== undefined };
    }
    case 'podSpecPresent': {
      const podSpec = podSpecOf(visit, ctx);
      return { broken: podSpec !== undefined && !nodeAtPath(podSpec, splitPath(check.path))?.pair };
    }
    case 'always':
      return { broken: true };
    default:
      return { broken: false };
  }
}

function ruleFixes(rule: Rule, visit: SchemaVisit, ctx: VisitContext): Fix[] {
  const fix = rule.fix;
  if (!fix || !visit.parent) return [];
  if (fix.type === 'set') {
    const edit = setAtPath(ctx.chunk.text, visit.parent, splitPath(fix.path), fix.value === 'true' ? true : fix.value === 'false' ? false : fix.value);
    return edit ? [{ title: fix.title, edits: [edit], isPreferred: true }] : [];
  }
  if (visit.pair) {
    const edit = removePair(ctx.chunk.text, visit.parent, visit.pair);
    return edit ? [{ title: fix.title, edits: [edit], isPreferred: true }] : [];
  }
  return [];
}

/** Whether the pod spec holding the visited container path sets one of `settings` (values compared as Kubernetes reads booleans). */
function podSpecSetsAny(settings: readonly { path: string; value: string }[], visit: SchemaVisit, ctx: VisitContext): boolean {
  const podSpec = podSpecOf(visit, ctx);
  if (!podSpec) return false;
  return settings.some((s) => {
    const text = scalarText(nodeAtPath(podSpec, splitPath(s.path))?.node);
    return text !== undefined && normaliseBoolean(text) === s.value;
  });
}

function checkRules(rules: readonly RuleRef[], visit: SchemaVisit, ctx: VisitContext): void {
  for (const { enhancement, rule } of rules) {
    if (!rulesApplyAt(rule, ctx.target.version)) continue;
    if (rule.unlessPodSpec && podSpecSetsAny(rule.unlessPodSpec, visit, ctx)) continue;
    if (rule.trigger.whenValue) {
      const text = scalarText(visit.value);
      if (text === undefined || !rule.trigger.whenValue.includes(text)) continue;
    }
    const result = ruleBroken(rule, visit, ctx);
    if (!result.broken) continue;
    const range = rangeOf(result.at) ?? rangeOf(visit.keyNode) ?? rangeOf(visit.value as Scalar);
    if (!range) continue;
    const value = scalarText(result.at ?? visit.value) ?? '';
    ctx.out.push(finding({ start: range[0], end: range[1], code: 'kep-rule', severity: rule.severity, url: kepUrl(enhancement), enhancementId: enhancement.id,
      fixes: ruleFixes(rule, visit, ctx), message: `${rule.message.replace(/\{value\}/g, clip(value))} (${enhancementLabel(enhancement)})` }));
  }
}

// ---------------------------------------------------------------- one object

/** Gates a component configuration sets for itself (`featureGates:` of a KubeletConfiguration). */
function ownGateSettings(resource: Resource): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  const map = nodeAtPath(resource.node, ['featureGates'])?.node;
  if (isMap(map)) {
    for (const pair of map.items) {
      const name = scalarText(pair.key);
      const value = scalarText(pair.value);
      if (name !== undefined && (value === 'true' || value === 'false')) gates[name] = value === 'true';
    }
  }
  return gates;
}

function analyzeResource(resource: Resource, chunk: ParsedChunk, documentTarget: Target, out: Finding[]): void {
  checkApiVersion(resource, chunk, documentTarget, out);
  const own = ownGateSettings(resource);
  const target = Object.keys(own).length > 0 ? { ...documentTarget, gates: { ...documentTarget.gates, ...own } } : documentTarget;
  const fieldFindings: Finding[] = [];
  const ctx: VisitContext = { chunk, resource, target, out: fieldFindings, availabilityReported: new Set(), valueReported: new Set() };
  const { rootType, groupVersion, judged } = schemaOf(resource, chunk, target);
  // An API version that is not served at the target has one finding, on its apiVersion; its fields are not judged.
  if (judged === 'none') return;
  const schemaCtx: SchemaCheckContext | undefined = judged === 'all'
    ? { target, out: fieldFindings, availabilityReported: ctx.availabilityReported, valueReported: ctx.valueReported, schemaChecks: target.schemaChecks, groupVersion }
    : undefined;
  const actions = shapingActions(chunk);
  const shapedByTemplate = actions.length > 0 ? (map: YAMLMap, from: number): boolean => shapesMap(actions, map, from) : undefined;
  walkSchema(resource.node, rootType, chunk.doc, (visit) => {
    // Past the findings budget the file's report is cut anyway (one more shows there were more); stop adding to it.
    if (out.length + fieldFindings.length > budgets.findingsPerFile) return;
    const before = fieldFindings.length;
    checkVisit(visit, ctx, schemaCtx);
    // Content an alias or merge key brings is judged where the alias is written: that is the line the user reads.
    if (visit.reportAt) {
      for (let i = before; i < fieldFindings.length; i++) {
        const f = fieldFindings[i] as Finding;
        f.start = visit.reportAt[0];
        f.end = visit.reportAt[1];
      }
    }
  }, { shapedByTemplate });
  // In a Helm template, a version-dependent finding counts only where the target renders its text.
  for (const f of fieldFindings) if (!versionDependentCodes.has(f.code) || judgedAtTarget(chunk, f.start, target.version)) out.push(f);
}

/**
 * Which schema an object is judged against, and how far. `all`: the schema
 * checks and the overlay's; `overlay`: only the overlay's facts and rules
 * (a removed API version, a document that does not parse, whose tree is the
 * parser's guess, or a template whose kind or apiVersion is one of several
 * alternatives); `none`: an API version the target does not serve yet,
 * already reported on its apiVersion. A templated apiVersion of a known kind is judged as the
 * kind's preferred group/version at the target, which is what the chart's
 * version helpers choose there.
 */
function schemaOf(resource: Resource, chunk: ParsedChunk, target: Target): { rootType?: string; groupVersion: string; judged: 'all' | 'overlay' | 'none' } {
  const templatedVersion = isTemplated(resource.apiVersion);
  const groupVersion = templatedVersion ? preferredApiVersion(resource.kind, target.version) ?? resource.apiVersion : resource.apiVersion;
  const rootType = rootTypeOf(groupVersion, resource.kind);
  const served = templatedVersion ? 'served' : apiVersionStatusAt(resource.apiVersion, resource.kind, target.version).state;
  // Not served yet: its fields are all "not yet" too, which the apiVersion finding already says.
  if (served === 'notYet') return { groupVersion, judged: 'none' };
  // Removed: what the overlay knows about its fields (a removed volume plugin) stays true after a migration.
  if (served === 'removed') return { rootType, groupVersion, judged: 'overlay' };
  const repeated = (key: string): boolean => resource.node.items.filter((p) => isScalar(p.key) && p.key.value === key).length > 1;
  if (chunk.syntaxError || repeated('apiVersion') || repeated('kind') || isTemplated(resource.kind)) return { rootType: templatedVersion ? undefined : rootType, groupVersion, judged: 'overlay' };
  return { rootType, groupVersion, judged: 'all' };
}

/** Every check for one place of the walk: the overlay's facts and rules, then the schema's. */
function checkVisit(visit: SchemaVisit, ctx: VisitContext, schemaCtx: SchemaCheckContext | undefined): void {
  for (const fact of visit.facts) {
    if (fact.type === 'field') checkFieldFact(fact, visit, ctx);
    else if (fact.type === 'child') checkValue(fact, visit.value, fieldName(visit), ctx, []);
    else if (fact.type === 'config') checkConfigFact(fact, visit, ctx);
    else if (fact.type === 'annotation') checkAnnotationFact(fact, visit, ctx);
    else if (fact.type === 'gateMap') checkGateMap(visit, ctx);
    else if (fact.type === 'gateFlags') checkGateFlags(visit, ctx);
  }
  if (visit.rules.length > 0) checkRules(visit.rules, visit, ctx);
  if (schemaCtx) checkSchemaVisit(visit, schemaCtx);
}

// ---------------------------------------------------------------- suppression

interface Suppressions {
  /** Codes disabled for the whole document ('*' = all). */
  document: Set<string>;
  /** Line (chunk-relative, zero-based) → codes disabled on it. */
  lines: Map<number, Set<string>>;
  problems: Finding[];
}

// `[\s\S]`, not `.`: a stray `\r` (or U+2028) inside the line must not make the suppression vanish.
const suppressionPattern = /^kep-lens-disable(-next-line)?(?:\s+([\s\S]*))?$/d;

/** `-- reason` ends the list of codes: anything after it is the author's explanation. */
const reasonSeparator = /\s--(?:\s|$)|^--(?:\s|$)/;

/** The codes a suppression comment lists, each with its offset in the document, one at a time: a comment may list millions. */
function* suppressionCodes(chunk: ParsedChunk, comment: CommentLine, match: RegExpExecArray): Generator<{ code: string; start: number }> {
  const listAt = match.indices?.[2]?.[0];
  const list = match[2];
  if (listAt === undefined || list === undefined) return;
  // The comment's text starts at `kep-lens`, after the `#` and any blanks.
  const textStart = chunk.text.indexOf('kep-lens', comment.offset);
  const reason = list.search(reasonSeparator);
  for (const item of (reason === -1 ? list : list.slice(0, reason)).matchAll(/[^\s,]+/g)) {
    yield { code: item[0], start: textStart + listAt + (item.index ?? 0) };
  }
}

function suppressionsOf(chunk: ParsedChunk): Suppressions {
  const result: Suppressions = { document: new Set(), lines: new Map(), problems: [] };
  for (const comment of chunk.comments) {
    const match = suppressionPattern.exec(comment.text);
    if (!match) continue;
    const codes = new Set<string>();
    for (const { code: c, start } of suppressionCodes(chunk, comment, match)) {
      if (isDiagnosticCode(c)) codes.add(c);
      // One past the budget, so the file's report shows it was cut.
      else if (result.problems.length <= budgets.findingsPerFile) {
        codes.add(c);
        result.problems.push(finding({ code: 'unknown-suppression', severity: 'warning', start, end: start + c.length,
          message: `Unknown diagnostic code ${code(c)}; KEP Lens codes are ${Object.keys(diagnosticCodes).join(', ')}.` }));
      } else codes.add('?');
    }
    const set = codes.size > 0 ? codes : new Set(['*']);
    if (match[1]) {
      const line = nextContentLine(linesOf(chunk), comment.offset);
      const existing = result.lines.get(line) ?? new Set<string>();
      for (const c of set) existing.add(c);
      result.lines.set(line, existing);
    } else {
      for (const c of set) result.document.add(c);
    }
  }
  return result;
}

/** Line starts of a document and, per line, the first content line at or after it; built once per document. */
interface ChunkLines {
  starts: number[];
  nextContent: number[];
}

const chunkLines = new WeakMap<ParsedChunk, ChunkLines>();

function linesOf(chunk: ParsedChunk): ChunkLines {
  let lines = chunkLines.get(chunk);
  if (lines) return lines;
  const text = chunk.text;
  const starts = lineStartsOf(text);
  const nextContent = new Array<number>(starts.length);
  let next = starts.length;
  for (let line = starts.length - 1; line >= 0; line--) {
    const content = text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1).trim();
    if (content !== '' && !content.startsWith('#')) next = line;
    nextContent[line] = next;
  }
  lines = { starts, nextContent };
  chunkLines.set(chunk, lines);
  return lines;
}

function lineNumberAt(lines: ChunkLines, offset: number): number {
  return lastAtOrBefore(lines.starts, offset);
}

/** Zero-based line of the first non-comment, non-blank line after the one holding `offset`. */
function nextContentLine(lines: ChunkLines, offset: number): number {
  const line = lineNumberAt(lines, offset) + 1;
  return lines.nextContent[line] ?? line;
}

function suppressed(f: Finding, chunk: ParsedChunk, s: Suppressions, target: Target): boolean {
  if (target.disabledCodes.has(f.code)) return true;
  if (f.code === 'unknown-suppression') return false;
  if (s.document.has('*') || s.document.has(f.code)) return true;
  if (s.lines.size === 0) return false;
  const codes = s.lines.get(lineNumberAt(linesOf(chunk), f.start));
  return !!codes && (codes.has('*') || codes.has(f.code));
}

// ---------------------------------------------------------------- documents and files

/** Suggests, for every finding with a gate, a directive that enables it; and for every finding, a suppression comment. */
function addGenericFixes(findings: Finding[], chunk: ParsedChunk): void {
  const lines = linesOf(chunk);
  for (const f of findings) {
    if (f.code === 'yaml-syntax') continue;
    const lineStart = lines.starts[lineNumberAt(lines, f.start)] as number;
    f.fixes.push({ title: `Suppress ${f.code} on this line`, edits: [insertCommentAbove(chunk.text, lineStart, `kep-lens-disable-next-line ${f.code}`)] });
  }
}

/** A quoted value or flow collection continued at its key's indentation: kubectl reads it, other YAML tools may not. */
function portabilityFinding(chunk: ParsedChunk, quote: QuotedContinuation): Finding {
  const edits = indentContinuations(chunk.text, quote);
  const what = quote.form === 'flow' ? (chunk.text[quote.start] === '[' ? 'flow list' : 'flow map') : 'quoted value';
  return finding({ code: 'yaml-portability', severity: 'hint', start: quote.start, end: quote.firstLineEnd,
    fixes: edits.length > 0 ? [{ title: 'Indent the continuation lines past the key', edits, isPreferred: true }] : [],
    message: `This ${what} continues on lines indented no further than its key. kubectl and the API server (go-yaml) read it, and so does KEP Lens; YAML 1.2 parsers, and the editors and tools built on them, reject it. Indenting the continuation lines past the key keeps the value and makes the file portable.` });
}

/** `\'` inside double quotes: go-yaml reads an apostrophe, YAML 1.2 parsers reject the escape. */
function apostropheEscapeFinding(at: number): Finding {
  return finding({ code: 'yaml-portability', severity: 'hint', start: at, end: at + 2,
    fixes: [{ title: 'Write the apostrophe without a backslash', edits: [{ start: at, end: at + 2, newText: "'" }], isPreferred: true }],
    message: 'YAML 1.2 has no `\\\'` escape. kubectl and the API server (go-yaml) read it as an apostrophe, and so does KEP Lens; other YAML parsers reject the file. Inside double quotes an apostrophe needs no backslash.' });
}

const findingsCache = new WeakMap<ParsedChunk, Map<string, Finding[]>>();

/** Findings of one document for a target; cached per parsed document and target. */
export function analyzeChunk(chunk: ParsedChunk, target: Target): Finding[] {
  const key = targetKey(target);
  let byTarget = findingsCache.get(chunk);
  const cached = byTarget?.get(key);
  if (cached) return cached;
  const raw: Finding[] = [];
  try {
    for (const resource of chunk.resources) analyzeResource(resource, chunk, target, raw);
    for (const quote of chunk.underIndentedQuotes ?? []) raw.push(portabilityFinding(chunk, quote));
    for (const at of chunk.apostropheEscapes ?? []) raw.push(apostropheEscapeFinding(at));
  } catch (error) {
    // A bug in one check must not cost the user every other finding; report it where it can be seen.
    raw.push(finding({ code: 'yaml-syntax', severity: 'information', start: 0, end: 0, message: `KEP Lens could not analyse this document: ${String(error)}` }));
  }
  const suppressions = suppressionsOf(chunk);
  const findings = [...raw, ...suppressions.problems].filter((f) => !suppressed(f, chunk, suppressions, target));
  for (const { comment, directive } of directivesIn(chunk.comments)) {
    if (findings.length > budgets.findingsPerFile) break;
    for (const problem of directive.problems) {
      findings.push(finding({ code: 'invalid-directive', severity: 'warning', start: comment.offset, end: chunk.text.indexOf('kep-lens', comment.offset) + comment.text.length, message: problem }));
    }
  }
  addGenericFixes(findings, chunk);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  if (!byTarget) {
    byTarget = new Map();
    findingsCache.set(chunk, byTarget);
  }
  byTarget.set(key, findings);
  return findings;
}

/** Findings of a document computed elsewhere (another thread, same text and target), kept as if computed here. */
export function adoptChunkFindings(chunk: ParsedChunk, target: Target, findings: Finding[]): void {
  let byTarget = findingsCache.get(chunk);
  if (!byTarget) {
    byTarget = new Map();
    findingsCache.set(chunk, byTarget);
  }
  byTarget.set(targetKey(target), findings);
}

const targetsCache = new WeakMap<ManifestModel, WeakMap<EngineSettings, Target[]>>();

/** The target of each document of a file: settings, then file-level, then document-level directives. Cached per model and settings. */
export function targetsOf(model: ManifestModel, settings: EngineSettings): Target[] {
  let bySettings = targetsCache.get(model);
  const cached = bySettings?.get(settings);
  if (cached) return cached;
  const targets = computeTargets(model, settings);
  if (!bySettings) {
    bySettings = new WeakMap();
    targetsCache.set(model, bySettings);
  }
  bySettings.set(settings, targets);
  return targets;
}

function computeTargets(model: ManifestModel, settings: EngineSettings): Target[] {
  const fileDirectives: Directive[] = [];
  // Directives before the first object (or in the first document's header) pin the whole file.
  const first = model.chunks[0]?.chunk;
  if (first) fileDirectives.push(...directivesIn(first.comments).filter(({ comment }) => isHeaderComment(first, comment.offset)).map((d) => d.directive));
  return model.chunks.map(({ chunk }, index) => {
    const own = index === 0 ? [] : directivesIn(chunk.comments).filter(({ comment }) => isHeaderComment(chunk, comment.offset)).map((d) => d.directive);
    return resolveTarget(settings, [...fileDirectives, ...own]);
  });
}

/** A comment that comes before the document's first content line. */
function isHeaderComment(chunk: ParsedChunk, offset: number): boolean {
  return offset < chunk.headerEnd;
}

export interface FileFinding extends Finding {
  /** Index of the document in the file. */
  document: number;
}

/** The finding that says a budget was reached: once, where checking or reporting stopped. */
function tooLarge(start: number, message: string, document: number): FileFinding {
  return { ...finding({ code: 'too-large', severity: 'information', start, end: start, message }), document };
}

const findingsCut = `KEP Lens reports at most ${count(budgets.findingsPerFile)} findings per file; the findings from here on are not shown.`;

/** All findings of a file, with offsets made absolute; at most the findings budget of them, then a `too-large` finding. */
export function analyzeModel(model: ManifestModel, settings: EngineSettings): FileFinding[] {
  const targets = targetsOf(model, settings);
  const out: FileFinding[] = [];
  let syntaxReported = !settings.syntaxDiagnostics || settings.disabledCodes.includes('yaml-syntax');
  const add = (f: FileFinding): boolean => {
    if (out.length < budgets.findingsPerFile) {
      out.push(f);
      return true;
    }
    if (!settings.disabledCodes.includes('too-large')) out.push(tooLarge(f.start, findingsCut, f.document));
    return false;
  };
  for (const [index, { start, chunk }] of model.chunks.entries()) {
    const target = targets[index] as Target;
    if (chunk.tooLarge) {
      if (!target.disabledCodes.has('too-large') && !add(tooLarge(start, chunk.tooLarge, index))) return out;
      continue;
    }
    if (!syntaxReported && chunk.syntaxError && !chunk.templated) {
      syntaxReported = true;
      const e = chunk.syntaxError;
      if (!add({ ...finding({ code: 'yaml-syntax', severity: 'error', start: start + e.offset, end: start + e.offset + e.length, message: `YAML syntax: ${e.message}` }), document: index })) return out;
    }
    for (const f of analyzeChunk(chunk, target)) {
      // Portability of the YAML itself is part of syntax reporting, left to another YAML extension when one does it.
      if (f.code === 'yaml-portability' && !settings.syntaxDiagnostics) continue;
      if (!add({ ...f, start: f.start + start, end: f.end + start, fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + start, end: e.end + start })) })), document: index })) return out;
    }
  }
  return out;
}

export { compareVersions };
