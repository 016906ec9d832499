/**
 * Mechanical rewrites the quick fixes perform, driven by the data's
 * `migrations` (API versions) and `migrateTo` (annotations). Each returns
 * the full set of edits, or undefined when the document's shape does not
 * allow an exact rewrite — then no fix is offered rather than a wrong one.
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { splitPath, listItem } from '../kep/catalog';
import type { AnnotationFact, ApiVersionLifecycle, FieldMigration } from '../kep/types';
import { columnOf, eolOf, removePair, renameKey, renderEntries, setAtPath, editsAreDisjoint, type TextEdit, type YamlValue } from '../manifest/edits';
import type { Resource } from '../manifest/model';
import { nodeAtConcretePath, scalarText } from '../manifest/paths';
import type { SchemaVisit } from '../manifest/schemaWalk';

interface Match {
  parent: YAMLMap;
  pair: Pair<unknown, unknown>;
}

/** Every entry at `segments` below `root`, expanding `[]` over list items. */
function entriesAt(root: unknown, segments: readonly string[]): Match[] {
  let frontier: { node: unknown; parent?: YAMLMap; pair?: Pair<unknown, unknown> }[] = [{ node: root }];
  for (const segment of segments) {
    const next: typeof frontier = [];
    for (const { node } of frontier) {
      if (segment === listItem) {
        if (isSeq(node)) for (const item of node.items) next.push({ node: item });
      } else if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (pair) next.push({ node: pair.value, parent: node, pair });
      }
    }
    frontier = next;
  }
  return frontier.filter((f): f is { node: unknown; parent: YAMLMap; pair: Pair<unknown, unknown> } => !!f.parent && !!f.pair);
}

/** Maps that would hold the entry at `segments` (the parents), existing ones only. */
function parentsOf(root: unknown, segments: readonly string[]): YAMLMap[] {
  const parentPath = segments.slice(0, -1);
  if (parentPath.length === 0) return isMap(root) ? [root] : [];
  const last = parentPath[parentPath.length - 1];
  if (last === listItem) {
    return entriesAt(root, parentPath.slice(0, -1)).flatMap((m) => (isSeq(m.pair.value) ? m.pair.value.items.filter(isMap) : []));
  }
  return entriesAt(root, parentPath).map((m) => m.pair.value).filter(isMap);
}

/** Ingress backend `serviceName`/`servicePort` → `service.name` + `service.port.number|name`. */
function ingressBackendEdits(text: string, backend: YAMLMap): TextEdit[] | undefined {
  const find = (key: string): Pair<unknown, unknown> | undefined => backend.items.find((p) => isScalar(p.key) && p.key.value === key);
  const name = find('serviceName');
  const port = find('servicePort');
  if (!name && !port) return [];
  if (!name || !port || !isScalar(name.key) || !name.key.range || !isScalar(name.value) || !name.value.range) return undefined;
  const portText = scalarText(port.value);
  if (portText === undefined) return undefined;
  const eol = eolOf(text);
  const column = columnOf(text, name.key.range[0]);
  const portEntry: Record<string, YamlValue> = /^\d+$/.test(portText) ? { number: Number(portText) } : { name: portText };
  const body = renderEntries({ name: String(scalarText(name.value)), port: portEntry }, column + 2, eol).slice(0, -eol.length);
  const removal = removePair(text, backend, port);
  if (!removal) return undefined;
  return [{ start: name.key.range[0], end: name.value.range[1], newText: `service:${eol}${body}` }, removal];
}

function migrationEdits(text: string, root: YAMLMap, migrations: readonly FieldMigration[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  // Later migrations name paths after earlier renames; resolve them against the original document.
  const renames: { from: string[]; to: string[] }[] = [];
  const original = (segments: string[]): string[] => {
    for (const r of renames) if (r.to.every((s, i) => segments[i] === s)) return [...r.from, ...segments.slice(r.to.length)];
    return segments;
  };
  for (const migration of migrations) {
    if (migration.type === 'rename') {
      const from = splitPath(migration.from);
      const to = splitPath(migration.to);
      renames.push({ from, to });
      for (const { pair } of entriesAt(root, from)) {
        const edit = renameKey(pair, to[to.length - 1] as string);
        if (!edit) return undefined;
        edits.push(edit);
      }
    } else if (migration.type === 'addIfMissing') {
      const segments = original(splitPath(migration.path));
      const key = segments[segments.length - 1] as string;
      for (const parent of parentsOf(root, segments)) {
        if (parent.items.some((p) => isScalar(p.key) && p.key.value === key)) continue;
        const edit = setAtPath(text, parent, [key], migration.value);
        if (!edit) return undefined;
        edits.push(edit);
      }
    } else {
      for (const { pair } of entriesAt(root, original(splitPath(migration.path)))) {
        if (!isMap(pair.value)) continue;
        const backendEdits = ingressBackendEdits(text, pair.value);
        if (!backendEdits) return undefined;
        edits.push(...backendEdits);
      }
    }
  }
  return editsAreDisjoint(edits) ? edits : undefined;
}

/** Edits that move an object to `replacement`: the apiVersion, plus the data's field migrations. */
export function migrateApiVersion(text: string, resource: Resource, lifecycle: ApiVersionLifecycle, replacement: string): TextEdit[] | undefined {
  const [start, end] = resource.apiVersionRange;
  const apiVersionEdit: TextEdit = { start, end, newText: replacement };
  if (lifecycle.dropIn) return [apiVersionEdit];
  if (!lifecycle.migrations?.length) return undefined;
  const fieldEdits = migrationEdits(text, resource.node, lifecycle.migrations);
  return fieldEdits ? [apiVersionEdit, ...fieldEdits] : undefined;
}


/** `runtime/default` → {type: RuntimeDefault}; `localhost/p` → {type: Localhost, localhostProfile: p}. */
function appArmorProfileOf(annotationValue: string): Record<string, YamlValue> | undefined {
  if (annotationValue === 'runtime/default') return { type: 'RuntimeDefault' };
  if (annotationValue === 'unconfined') return { type: 'Unconfined' };
  if (annotationValue.startsWith('localhost/') && annotationValue.length > 'localhost/'.length) {
    return { type: 'Localhost', localhostProfile: annotationValue.slice('localhost/'.length) };
  }
  return undefined;
}

/** Edits that replace a deprecated annotation by the field the data names. */
export function migrateAnnotation(text: string, resource: Resource, visit: SchemaVisit, annotation: AnnotationFact): TextEdit[] | undefined {
  if (annotation.migrateTo !== 'containerAppArmorProfile' || !visit.pair || !visit.parent) return undefined;
  const key = scalarText(visit.keyNode);
  const value = scalarText(visit.value);
  const containerName = key?.split('/')[1];
  const profile = value !== undefined ? appArmorProfileOf(value) : undefined;
  if (!containerName || !profile) return undefined;
  // …metadata.annotations.<key> → the pod (template) root is three levels up.
  const podRoot = nodeAtConcretePath(resource.node, visit.path.slice(0, -3));
  for (const list of ['containers', 'initContainers']) {
    const containers = nodeAtConcretePath(podRoot, ['spec', list]);
    if (!isSeq(containers)) continue;
    const container = containers.items.find((c) => isMap(c) && scalarText(nodeAtConcretePath(c, ['name'])) === containerName);
    if (!isMap(container)) continue;
    if (nodeAtConcretePath(container, ['securityContext', 'appArmorProfile']) !== undefined) return undefined;
    const set = setAtPath(text, container, ['securityContext', 'appArmorProfile'], profile);
    // The last annotation takes its `annotations:` key with it, rather than leaving a null map behind.
    const metadata = nodeAtConcretePath(resource.node, visit.path.slice(0, -2));
    const annotationsPair = isMap(metadata) ? metadata.items.find((p) => isScalar(p.key) && p.key.value === 'annotations') : undefined;
    const remove = visit.parent.items.length === 1 && isMap(metadata) && annotationsPair
      ? removePair(text, metadata, annotationsPair)
      : removePair(text, visit.parent, visit.pair);
    return set && remove && editsAreDisjoint([set, remove]) ? [set, remove] : undefined;
  }
  return undefined;
}
