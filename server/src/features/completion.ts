/**
 * Completion of the keys and values the data knows, at the cursor's path,
 * marked with their KEP and stage at the target version.
 */
import { isMap, isScalar } from 'yaml';
import {
  allGateNames,
  apiVersionStatusAt,
  fieldStatusAt,
  findGate,
  gateStateAt,
  knownKinds,
  listItem,
  servedVersionsOf,
  stageAt,
  valueStatusAt,
  valuesOfFact,
  type Fact,
} from '../kep/catalog';
import { placeAt, type Place } from '../kep/placeAt';
import { enumSpec, listItemOf, mapValueOf, presentAt, rootTypeOf, shapeOfType, structSpec, typeLabel, type FieldSpec, type TypeRef } from '../kep/schema';
import type { AllowedValue, ChildField, Enhancement, ValueShape } from '../kep/types';
import { compareVersions, inRange } from '../kep/versions';
import { lineAt, lineIndexOf, type LineIndex, type ManifestModel, type Resource } from '../manifest/model';
import { nodeAtPath } from '../manifest/paths';
import { indentUnit, listPrefixLength, parentPathAt, shapeOf, siblingKeys } from '../manifest/textContext';
import { targetsOf } from '../engine/analyze';
import type { EngineSettings, Target } from '../engine/target';
import { chunkAt } from './hover';
import { enhancementCard, fieldCard } from './cards';

export type CompletionKind = 'field' | 'value' | 'snippet' | 'module' | 'gate';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Markdown documentation. */
  documentation?: string;
  /** Snippet text (LSP snippet syntax) to insert. */
  insertSnippet: string;
  sortText: string;
  deprecated?: boolean;
  /** Absolute offsets of the text the item replaces. */
  replaceStart: number;
  replaceEnd: number;
  filterText?: string;
}

interface CursorContext {
  model: ManifestModel;
  chunkIndex: number;
  chunkStart: number;
  lines: readonly string[];
  /** Line index of the cursor within `lines` (whole file). */
  line: number;
  character: number;
  firstLine: number;
  lastLine: number;
  target: Target;
}

function stageLabel(enhancement: Enhancement, target: Target): string {
  const stage = stageAt(enhancement, target.version)?.stage;
  const name = enhancement.kep !== undefined ? `KEP-${enhancement.kep}` : enhancement.title;
  return `${name} · ${stage ?? `not in ${target.version}`}`;
}

/** Sort group: 0 usable now, 1 deprecated or gated off, 2 not available. */
type Rank = 0 | 1 | 2;

function factRank(fact: Fact, target: Target): { rank: Rank; note: string; deprecated: boolean } {
  if (fact.type !== 'field') return { rank: 0, note: '', deprecated: false };
  const status = fieldStatusAt(fact.enhancement, fact.field, target.version, target.gates);
  switch (status.state) {
    case 'notYet':
      return { rank: 2, note: ` — not available before ${status.since}`, deprecated: false };
    case 'removed':
      return { rank: 2, note: ` — removed in ${status.since}`, deprecated: true };
    case 'gateOff':
      return { rank: 1, note: ` — needs gate ${status.gate.name} (off)`, deprecated: false };
    case 'deprecated':
      return { rank: 1, note: ` — deprecated since ${status.since}`, deprecated: true };
    default:
      return { rank: 0, note: '', deprecated: false };
  }
}

function valueRank(value: AllowedValue, target: Target): { rank: Rank; note: string } {
  const status = valueStatusAt(value, target.version);
  if (status === 'available') {
    if (value.gate) {
      const gate = gateStateAt(value.gate, target.version, target.gates);
      if (!gate.unknown && !gate.enabled) return { rank: 1, note: ` — needs gate ${value.gate} (off)` };
    }
    return { rank: 0, note: '' };
  }
  if (status === 'deprecated') return { rank: 1, note: ` — deprecated since ${value.deprecatedIn}` };
  if (status === 'notYet') return { rank: 2, note: ` — not before ${value.since}` };
  return { rank: 2, note: ` — removed in ${value.removedIn}` };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function choice(values: readonly string[], tab: number): string {
  return values.length > 0 ? `\${${tab}|${values.map((v) => v.replace(/[,|\\$}]/g, (c) => `\\${c}`)).join(',')}|}` : `\${${tab}}`;
}

/** Values to offer in a snippet: usable ones at the target version, in data order. */
function snippetValues(values: readonly AllowedValue[] | undefined, target: Target): string[] {
  return (values ?? []).filter((v) => valueRank(v, target).rank === 0).map((v) => v.value);
}

interface SnippetState {
  tab: number;
}

function placeholderFor(shape: ValueShape, example: string | undefined, values: readonly string[], state: SnippetState): string {
  const tab = state.tab++;
  if (values.length > 0) return choice(values, tab);
  if (shape === 'boolean') return choice(['true', 'false'], tab);
  return `\${${tab}${example !== undefined ? `:${escapeSnippet(example)}` : ''}}`;
}

/** `key: value` or `key:` + nested lines, for one key with known shape and children. */
function snippetFor(key: string, shape: ValueShape, children: readonly ChildField[] | undefined, values: readonly string[], example: string | undefined, unit: number, state: SnippetState, target: Target, labelKeys: readonly string[] = []): string {
  const pad = ' '.repeat(unit);
  if (children && children.length > 0 && (shape === 'object' || shape === 'list')) {
    const nested = children.map((c) => snippetFor(c.key, c.shape, undefined, snippetValues(c.values, target), c.example, unit, state, target)).join('\n');
    const lines = nested.split('\n');
    if (shape === 'list') return `${key}:\n${pad}- ${lines.map((l, i) => (i === 0 ? l : `${pad}  ${l}`)).join('\n')}`;
    return `${key}:\n${lines.map((l) => `${pad}${l}`).join('\n')}`;
  }
  switch (shape) {
    case 'object':
    case 'map':
      return `${key}:\n${pad}\${${state.tab++}}`;
    case 'list':
      return `${key}:\n${pad}- \${${state.tab++}}`;
    case 'stringList':
      return `${key}:\n${pad}- ${placeholderFor('string', example, labelKeys, state)}`;
    default:
      return `${key}: ${placeholderFor(shape, example, values, state)}`;
  }
}

/** Label keys of the pod template around a path (for matchLabelKeys). */
function podTemplateLabelKeys(resource: Resource | undefined, path: readonly string[]): string[] {
  if (!resource) return [];
  const affinity = path.indexOf('affinity');
  const specAt = affinity > 0 ? affinity - 1 : -1;
  const podRoot = specAt >= 0 ? path.slice(0, specAt) : [];
  if (podRoot.includes(listItem)) return [];
  const labels = nodeAtPath(resource.node, [...podRoot, 'metadata', 'labels'])?.node;
  const keys = isMap(labels) ? labels.items.filter((p) => isScalar(p.key)).map((p) => String((p.key as { value: unknown }).value)) : [];
  // The Deployment controller labels every pod with its template hash: the usual key for rolling updates.
  if (resource.kind === 'Deployment') keys.push('pod-template-hash');
  return [...new Set(keys)];
}

function resourceForCursor(ctx: CursorContext, relativeOffset: number): Resource | undefined {
  const chunk = ctx.model.chunks[ctx.chunkIndex]?.chunk;
  if (!chunk) return undefined;
  // List items follow each other: the cursor belongs to the last item that starts before it
  // (a blank line after an item's last field is still that item's).
  let best: Resource | undefined;
  for (const resource of chunk.resources) {
    const start = resource.node.range?.[0];
    if (resource.prefix.length === 0) best ??= resource;
    else if (start !== undefined && start <= relativeOffset && (best === undefined || best.prefix.length === 0 || (best.node.range?.[0] ?? -1) < start)) best = resource;
  }
  return best;
}

/** Strips the List prefix (`items[]`) when the cursor is inside a List item. */
function pathInResource(resource: Resource, path: string[]): string[] {
  if (resource.prefix.length === 0) return path;
  return path[0] === 'items' && path[1] === listItem ? path.slice(2) : path;
}

/** The rank and note of a schema field at the target: usable, gated off, or not there (yet). */
function schemaRank(field: FieldSpec, target: Target, inheritedGates: readonly string[]): { rank: Rank; note: string; deprecated: boolean } {
  if (!presentAt(field, target.version)) {
    const later = field.ranges ? field.ranges.map(([from]) => from).find((from) => compareVersions(from, target.version) > 0) : field.since !== undefined && compareVersions(field.since, target.version) > 0 ? field.since : undefined;
    return later ? { rank: 2, note: ` — not before ${later}`, deprecated: false } : { rank: 2, note: ' — removed', deprecated: true };
  }
  for (const gate of [...field.gates, ...inheritedGates]) {
    const state = gateStateAt(gate, target.version, target.gates);
    if (!state.unknown && !state.notYet && !state.enabled) return { rank: 1, note: ` — needs gate ${gate} (off)`, deprecated: false };
  }
  return { rank: 0, note: '', deprecated: false };
}

/** The shape a snippet writes for a schema type. */
function snippetShape(type: TypeRef): ValueShape {
  const item = listItemOf(type);
  if (item !== undefined) return structSpec(item) ? 'list' : 'stringList';
  if (mapValueOf(type) !== undefined) return 'map';
  const shape = shapeOfType(type);
  return shape === 'object' ? 'object' : shape === 'integer' || shape === 'number' ? 'integer' : shape === 'boolean' ? 'boolean' : 'string';
}

/** Values of an enum type usable at the target, for snippets and value completion. */
function enumValuesAt(type: TypeRef, target: Target): string[] {
  return enumSpec(type)?.values.filter((v) => presentAt(v, target.version)).map((v) => v.value) ?? [];
}

/** The label of the KEP whose gate guards a field, for completion details. */
function gateLabel(field: FieldSpec, target: Target): string {
  const gate = field.gates[0];
  if (!gate) return '';
  const owner = findGate(gate)?.enhancement;
  return owner ? ` · ${stageLabel(owner, target)}` : ` · gate ${gate}`;
}

function keyCompletions(ctx: CursorContext, resource: Resource, path: string[], column: number, replace: [number, number], labelKeys: string[]): Completion[] {
  const rootType = rootTypeOf(resource.apiVersion, resource.kind);
  const place = placeAt(rootType, path);
  const struct = place.type !== undefined ? structSpec(place.type) : undefined;
  const present = siblingKeys(ctx.lines, ctx.line, column, ctx.firstLine, ctx.lastLine);
  const unit = indentUnit(ctx.lines.slice(ctx.firstLine, ctx.lastLine + 1));
  const items: Completion[] = [];
  if (struct) {
    const inherited = place.gatedBy?.gates ?? [];
    for (const [key, field] of struct.fields) {
      // What the cluster writes back is not offered.
      if (present.has(key) || (path.length === 0 && key === 'status')) continue;
      const facts = placeAt(rootType, [...path, key]).facts;
      const fact = facts.find((f): f is Extract<Fact, { type: 'field' }> => f.type === 'field') ?? facts.find((f): f is Extract<Fact, { type: 'child' | 'config' }> => f.type === 'child' || f.type === 'config');
      if (fact?.type === 'field' && fact.field.readOnly) continue;
      const schema = schemaRank(field, ctx.target, inherited);
      const overlay = fact?.type === 'field' ? factRank(fact, ctx.target) : undefined;
      const { rank, note, deprecated } = overlay && overlay.rank >= schema.rank ? overlay : schema;
      const state: SnippetState = { tab: 1 };
      let snippet: string;
      // Cards are written only for the item the user looks at: a list holds dozens of fields.
      let describe: () => string;
      let detail = `${typeLabel(field.type)}${gateLabel(field, ctx.target)}${note}`;
      if (fact?.type === 'field') {
        snippet = snippetFor(key, fact.field.shape, fact.field.children, snippetValues(fact.field.values, ctx.target), undefined, unit, state, ctx.target, labelKeys);
        describe = () => enhancementCard(fact.enhancement, ctx.target, { field: fact.field, schemaField: field });
        detail = `${typeLabel(field.type)} · ${stageLabel(fact.enhancement, ctx.target)}${note}`;
      } else if (fact?.type === 'child') {
        snippet = snippetFor(key, fact.child.shape, undefined, snippetValues(fact.child.values, ctx.target), fact.child.example, unit, state, ctx.target);
        describe = () => enhancementCard(fact.enhancement, ctx.target, { field: fact.field, child: fact.child, schemaField: field });
      } else {
        snippet = snippetFor(key, snippetShape(field.type), undefined, enumValuesAt(field.type, ctx.target), undefined, unit, state, ctx.target);
        describe = () => fieldCard({ field, path: [...path, key].join('.').replace(/\.\[\]/g, '[]'), kind: resource.kind, groupVersion: resource.apiVersion, inheritedGates: inherited }, ctx.target);
      }
      let card: string | undefined;
      items.push({ label: key, kind: 'field', detail, get documentation() {
        return (card ??= describe());
      }, insertSnippet: snippet, sortText: `${rank}${key}`, deprecated, replaceStart: replace[0], replaceEnd: replace[1] });
    }
  }
  if (place.position === 'field' && place.type !== undefined && mapValueOf(place.type) !== undefined && isGateMap(place)) {
    for (const name of allGateNames()) {
      if (present.has(name)) continue;
      const gate = gateStateAt(name, ctx.target.version, {});
      if (gate.removed || gate.notYet) continue;
      const owner = findGate(name);
      items.push({ label: name, kind: 'gate', detail: `${gate.span?.stage ?? ''} · ${gate.defaultOn ? 'on' : 'off'} by default in ${ctx.target.version}${owner?.enhancement?.kep ? ` · KEP-${owner.enhancement.kep}` : ''}`,
        insertSnippet: `${name}: ${choice([gate.defaultOn ? 'false' : 'true', gate.defaultOn ? 'true' : 'false'], 1)}`, sortText: `0${name}`, replaceStart: replace[0], replaceEnd: replace[1] });
    }
  }
  return items;
}

/** A `featureGates` map of a component configuration: its keys are gate names. */
function isGateMap(place: Place): boolean {
  return place.field?.name === 'featureGates' && /\.(?:KubeletConfiguration|KubeProxyConfiguration)$/.test(place.owner?.ref ?? '');
}

function valueCompletions(ctx: CursorContext, resource: Resource, path: string[], replace: [number, number]): Completion[] {
  const place = placeAt(rootTypeOf(resource.apiVersion, resource.kind), path);
  const items: Completion[] = [];
  const seen = new Set<string>();
  for (const fact of place.facts) {
    for (const value of valuesOfFact(fact)) {
      if (seen.has(value.value)) continue;
      seen.add(value.value);
      const { rank, note } = valueRank(value, ctx.target);
      const owner = 'enhancement' in fact ? fact.enhancement : undefined;
      items.push({ label: value.value, kind: 'value', detail: `${owner ? stageLabel(owner, ctx.target) : ''}${note}`, documentation: value.description,
        insertSnippet: escapeSnippet(value.value), sortText: `${rank}${value.value}`, deprecated: valueStatusAt(value, ctx.target.version) === 'deprecated', replaceStart: replace[0], replaceEnd: replace[1] });
    }
  }
  const type = place.type;
  if (type === undefined) return items;
  const spec = enumSpec(type);
  for (const value of spec?.values ?? []) {
    if (seen.has(value.value)) continue;
    seen.add(value.value);
    const later = value.since !== undefined && compareVersions(value.since, ctx.target.version) > 0;
    const present = presentAt(value, ctx.target.version);
    if (!present && !later) continue;
    const gated = present && value.since !== undefined ? (place.field?.valueGates ?? []).find((g) => { const s = gateStateAt(g, ctx.target.version, ctx.target.gates); return !s.unknown && !s.notYet && !s.enabled; }) : undefined;
    const rank = later ? 2 : gated ? 1 : 0;
    items.push({ label: value.value, kind: 'value', detail: `${typeLabel(type)}${later ? ` — not before ${value.since}` : gated ? ` — needs gate ${gated} (off)` : ''}`,
      insertSnippet: escapeSnippet(value.value), sortText: `${rank}${value.value}`, replaceStart: replace[0], replaceEnd: replace[1] });
  }
  if (!spec && shapeOfType(type) === 'boolean') {
    for (const value of ['true', 'false']) if (!seen.has(value)) items.push({ label: value, kind: 'value', detail: 'boolean', insertSnippet: value, sortText: `0${value}`, replaceStart: replace[0], replaceEnd: replace[1] });
  }
  return items;
}

function apiVersionCompletions(ctx: CursorContext, kind: string | undefined, replace: [number, number]): Completion[] {
  const kinds = kind ? [kind] : knownKinds();
  const items: Completion[] = [];
  const seen = new Set<string>();
  for (const k of kinds) {
    servedVersionsOf(k).forEach((gv, order) => {
      if (seen.has(gv.groupVersion)) return;
      const status = apiVersionStatusAt(gv.groupVersion, k, ctx.target.version);
      if (status.state === 'removed' || status.state === 'unknown' || !inRange(ctx.target.version, undefined, gv.until)) return;
      seen.add(gv.groupVersion);
      const rank = status.state === 'served' ? 0 : status.state === 'deprecated' ? 1 : 2;
      const note = status.state === 'served' ? 'served' : status.state === 'deprecated' ? `deprecated${status.lifecycle?.removedIn ? `, removed in ${status.lifecycle.removedIn}` : ''}` : `not before ${status.since}`;
      items.push({ label: gv.groupVersion, kind: 'module', detail: `${kind ?? k} · ${note} at ${ctx.target.version}`, insertSnippet: escapeSnippet(gv.groupVersion),
        sortText: `${rank}${String(order).padStart(2, '0')}${gv.groupVersion}`, deprecated: rank === 1, replaceStart: replace[0], replaceEnd: replace[1] });
    });
  }
  return items;
}

function kindCompletions(ctx: CursorContext, apiVersion: string | undefined, replace: [number, number]): Completion[] {
  return knownKinds().map((kind) => {
    const versions = servedVersionsOf(kind);
    const served = versions.some((gv) => gv.groupVersion === apiVersion && inRange(ctx.target.version, gv.since, gv.until));
    const current = versions.find((gv) => inRange(ctx.target.version, gv.since, gv.until))?.groupVersion;
    return { label: kind, kind: 'module' as const, detail: served ? `served by ${apiVersion}` : current ?? versions[0]?.groupVersion ?? '', insertSnippet: escapeSnippet(kind),
      sortText: `${served ? 0 : current ? 1 : 2}${kind}`, replaceStart: replace[0], replaceEnd: replace[1] };
  });
}

function chunkLineBounds(model: ManifestModel, chunkIndex: number, index: LineIndex): [number, number] {
  const start = model.chunks[chunkIndex]?.start ?? 0;
  const next = model.chunks[chunkIndex + 1]?.start;
  return [lineAt(index, start), next === undefined ? index.lines.length - 1 : Math.max(0, lineAt(index, next) - 1)];
}

/** `key: partial` (the text after a line's indentation and dashes, up to the cursor): the key and the partial value. */
function valuePosition(text: string): { key: string; partial: string } | undefined {
  if (text === '' || /[\s:#]/.test(text.charAt(0))) return undefined;
  const colon = text.indexOf(':');
  const hash = text.indexOf('#');
  if (colon === -1 || (hash !== -1 && hash < colon)) return undefined;
  const after = text.slice(colon + 1);
  if (!/^\s/.test(after)) return undefined;
  const partial = after.trimStart();
  if (/\s/.test(partial)) return undefined;
  return { key: text.slice(0, colon).trim(), partial };
}

/** A character position that does not split a surrogate pair: positions between its halves move before it. */
function atCharacterBoundary(line: string, character: number): number {
  const before = line.charCodeAt(character - 1);
  const at = line.charCodeAt(character);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff ? character - 1 : character;
}

/** Completions at a line/character of a file. */
export function completionsAt(model: ManifestModel, line: number, character: number, settings: EngineSettings): Completion[] {
  const index = lineIndexOf(model);
  const { lines } = index;
  const current = lines[line];
  if (current === undefined) return [];
  const lineOffsets = index.offsets;
  const lineStart = lineOffsets[line] as number;
  const column = atCharacterBoundary(current, Math.min(character, current.length));
  const cursor = lineStart + column;
  const at = chunkAt(model, cursor);
  if (!at) return [];
  const target = targetsOf(model, settings)[at.index];
  if (!target) return [];
  const [firstLine, lastLine] = chunkLineBounds(model, at.index, index);
  const ctx: CursorContext = { model, chunkIndex: at.index, chunkStart: at.start, lines, line, character, firstLine, lastLine, target };
  const before = current.slice(0, column);
  const shape = shapeOf(before);
  const chunk = model.chunks[at.index]?.chunk;
  const rootResource = chunk?.resources.find((r) => r.prefix.length === 0);
  const rootApiVersion = chunk?.doc && isMap(chunk.doc.contents) ? nodeAtPath(chunk.doc.contents, ['apiVersion'])?.node : undefined;
  const rootKind = chunk?.doc && isMap(chunk.doc.contents) ? nodeAtPath(chunk.doc.contents, ['kind'])?.node : undefined;

  // Value position: `key: partial`.
  const prefix = listPrefixLength(before);
  const valueAt = valuePosition(before.slice(prefix));
  if (valueAt) {
    const { key, partial } = valueAt;
    const replace: [number, number] = [cursor - partial.length, cursor];
    const parent = parentPathAt(lines, line, prefix, shape.dashes, firstLine);
    if (parent.length === 0 && key === 'apiVersion' && prefix === 0) return apiVersionCompletions(ctx, isScalar(rootKind) ? String(rootKind.value) : undefined, replace);
    if (parent.length === 0 && key === 'kind' && prefix === 0) return kindCompletions(ctx, isScalar(rootApiVersion) ? String(rootApiVersion.value) : undefined, replace);
    const resource = resourceForCursor(ctx, cursor - at.start) ?? rootResource;
    if (!resource) return [];
    return valueCompletions(ctx, resource, [...pathInResource(resource, parent), key], replace);
  }

  // Key position: indentation, optional dashes, a partial key.
  const partial = before.slice(prefix);
  if (!/^[\w.\-/]*$/.test(partial)) return [];
  const keyColumn = prefix;
  const replace: [number, number] = [cursor - partial.length, cursor];
  const resource = resourceForCursor(ctx, cursor - at.start) ?? rootResource;
  if (!resource) return [];
  const parent = parentPathAt(lines, line, keyColumn, shape.dashes, firstLine);
  const path = pathInResource(resource, parent);
  // A dash alone under a string list (matchLabelKeys): offer the pod template's label keys.
  if (shape.dashes.length > 0 && path[path.length - 1] === listItem) {
    const listPath = path.slice(0, -1);
    const fact = placeAt(rootTypeOf(resource.apiVersion, resource.kind), listPath).facts.find((f) => f.type === 'field' && f.field.shape === 'stringList');
    if (fact) {
      return podTemplateLabelKeys(resource, listPath).map((key) => ({ label: key, kind: 'value' as const, detail: 'label of this pod template', insertSnippet: escapeSnippet(key), sortText: `0${key}`, replaceStart: replace[0], replaceEnd: replace[1] }));
    }
  }
  return keyCompletions(ctx, resource, path, keyColumn, replace, podTemplateLabelKeys(resource, path));
}

