/**
 * Input generation for the engine fuzz tests: Kubernetes manifests grown
 * from the schema of every built-in kind (preferring the fields the overlay
 * and the gates know, so they reach the values, gates and rules the engine
 * checks), hand-written nasty seeds, and mutations.
 */
import { parse, stringify } from 'yaml';
import { allGateNames, enhancements, factsOfField, knownKinds, servedVersionsOf, valuesOfFact } from '../../server/src/kep/catalog';
import { enumSpec, listItemOf, mapValueOf, rootTypeOf, shapeOfType, structSpec, type TypeRef } from '../../server/src/kep/schema';
import { supportedVersions } from '../../server/src/kep/versions';
import type { Rng } from './support';

// ---------------------------------------------------------------- kinds and versions

let kindsCache: string[] | undefined;

/** Every kind the data mentions: served kinds, and kinds of overlay fields, config and rules. */
export function allKinds(): string[] {
  if (kindsCache) return kindsCache;
  const kinds = new Set<string>(knownKinds());
  for (const e of enhancements()) {
    for (const f of e.fields) kinds.add(f.kind);
    for (const c of e.config) if (c.kind) kinds.add(c.kind);
    for (const r of e.rules) kinds.add(r.trigger.kind);
  }
  kinds.delete('*');
  kindsCache = [...kinds].sort();
  return kindsCache;
}

function apiVersionFor(kind: string, rng: Rng): unknown {
  const versions = servedVersionsOf(kind).map((gv) => gv.groupVersion);
  const roll = rng.float();
  if (roll < 0.8 && versions.length > 0) return rng.chance(0.6) ? versions[0] : rng.pick(versions);
  if (roll < 0.85) return rng.pick(['v1', 'apps/v1', 'kubelet.config.k8s.io/v1beta1', 'kubeproxy.config.k8s.io/v1alpha1', 'example.com/v1']);
  if (roll < 0.9) return rng.pick(['', ' v1 ', 'v1\t', 'apps/v1/extra', '/', 'v1#x', '{{ .Values.apiVersion }}']);
  return weirdScalar(rng);
}

/** Values of the wrong type where a string is expected. */
function weirdScalar(rng: Rng): unknown {
  return rng.pick<unknown>([1.0, 1, 0, -1, 1e309, true, false, null, [], ['a'], { a: 1 }, [[null]], '', '~', 'null', 'yes', '0x1F', '.inf', '1.30']);
}

const randomWords = ['a', 'name', 'x', 'spec', 'metadata', 'items', 'containers', 'image', 'true', 'kind', 'apiVersion', 'Ωmega', '日本', '🙂', 'key with spaces', 'k:v', '-dash', '#hash', '&anchor', '*alias', 'replcas', 'imagePullPolciy'];

function gateFlagValue(rng: Rng): string {
  const names = allGateNames();
  const parts = Array.from({ length: rng.range(1, 4) }, () => `${rng.pick(names)}=${rng.pick(['true', 'false', 'maybe', ''])}`);
  return `--feature-gates=${parts.join(',')}`;
}

// ---------------------------------------------------------------- manifests from the schema

/** A scalar for a type: its enum or overlay values mostly, the wrong type sometimes. */
function leafValue(type: TypeRef | undefined, owner: string | undefined, lastKey: string, rng: Rng): unknown {
  const known = owner ? factsOfField(owner, lastKey) : undefined;
  const values = (known?.facts ?? []).flatMap((f) => valuesOfFact(f)).map((v) => v.value);
  if (values.length > 0 && rng.chance(0.75)) return rng.pick(values);
  if (known?.itemFacts.some((f) => f.type === 'gateFlags')) return [rng.chance(0.7) ? gateFlagValue(rng) : rng.pick(['--v=2', '-c', 'echo {{ .Values.x }}'])];
  const spec = type !== undefined ? enumSpec(type) : undefined;
  if (spec && spec.values.length > 0 && rng.chance(0.8)) return rng.pick(spec.values).value;
  if (lastKey === 'image') return rng.pick(['nginx', 'nginx:latest', 'registry.example.com/app:1.2', 'quay.io/x/y@sha256:abc', 'a/b/c', ':', '{{ .Values.image }}']);
  if (lastKey === 'managedBy') return rng.pick(['kueue.x-k8s.io/manager', 'nope', 'x'.repeat(70)]);
  if (rng.chance(0.12)) return weirdScalar(rng);
  switch (type !== undefined ? shapeOfType(type) : 'any') {
    case 'boolean':
      return rng.chance(0.8) ? rng.chance(0.5) : rng.pick(['true', 'yes', 'on', 1]);
    case 'integer':
    case 'number':
      return rng.pick([0, 1, -1, 3, 65536, 2 ** 53, '10', '{{ .Values.n }}']);
    case 'int-or-string':
      return rng.pick([1, '500m', '1Gi', '25%', 80, 'http']);
    default:
      return rng.pick(randomWords);
  }
}

function anyKeyName(parentKey: string, rng: Rng): string {
  if (parentKey === 'featureGates') return rng.chance(0.9) ? rng.pick(allGateNames()) : 'NotARealGate';
  if (parentKey === 'annotations') {
    return rng.pick(['container.apparmor.security.beta.kubernetes.io/app', 'container.apparmor.security.beta.kubernetes.io/', 'seccomp.security.alpha.kubernetes.io/pod',
      'container.seccomp.security.alpha.kubernetes.io/app', 'example.com/x', 'kubernetes.io/ingress.class', 'scheduler.alpha.kubernetes.io/critical-pod']);
  }
  return rng.pick(randomWords);
}

/** Whether a field is one the engine has something to say about: a gate, an overlay fact or rule, a version bound. */
function interesting(owner: string, name: string, field: { gates: readonly string[]; since?: string; until?: string }): boolean {
  const known = factsOfField(owner, name);
  return field.gates.length > 0 || field.since !== undefined || field.until !== undefined || known.facts.length > 0 || known.rules.length > 0 || known.entryFacts.length > 0 || known.itemFacts.length > 0;
}

function grow(type: TypeRef | undefined, owner: string | undefined, lastKey: string, depth: number, rng: Rng): unknown {
  if (type === undefined || depth > 10) return leafValue(type, owner, lastKey, rng);
  const item = listItemOf(type);
  if (item !== undefined) {
    const n = rng.chance(0.1) ? 0 : rng.range(1, 3);
    return Array.from({ length: n }, () => grow(item, owner, lastKey, depth + 1, rng));
  }
  const value = mapValueOf(type);
  if (value !== undefined) {
    const out: Record<string, unknown> = {};
    for (let i = rng.range(0, 3); i > 0; i--) out[anyKeyName(lastKey, rng)] = grow(value, undefined, '', depth + 1, rng);
    return out;
  }
  const struct = structSpec(type);
  if (!struct) return leafValue(type, owner, lastKey, rng);
  if (rng.chance(0.03)) return leafValue(undefined, owner, lastKey, rng); // a scalar where a map belongs
  const out: Record<string, unknown> = {};
  for (const [name, field] of rng.shuffle([...struct.fields.entries()])) {
    if (name === 'status' && depth === 0 && rng.chance(0.8)) continue;
    const chance = interesting(struct.ref, name, field) ? (depth < 4 ? 0.7 : 0.5) : depth < 2 ? 0.25 : 0.08;
    if (!rng.chance(chance)) continue;
    out[name] = grow(field.type, struct.ref, name, depth + 1, rng);
  }
  // A typo, now and then, for the unknown-field check.
  if (rng.chance(0.1)) out[rng.pick(randomWords)] = rng.pick(randomWords);
  return out;
}

/** One Kubernetes object as a JS value. */
export function generateObject(rng: Rng, kind = rng.pick(allKinds())): Record<string, unknown> {
  const apiVersion = rng.chance(0.97) ? apiVersionFor(kind, rng) : undefined;
  const root = typeof apiVersion === 'string' ? rootTypeOf(apiVersion, kind) : undefined;
  const body = grow(root, undefined, '', 0, rng);
  const object: Record<string, unknown> = {};
  if (apiVersion !== undefined) object.apiVersion = apiVersion;
  if (rng.chance(0.97)) object.kind = rng.chance(0.95) ? kind : weirdScalar(rng);
  object.metadata = { name: rng.pick(['web', 'db', 'x-1', '{{ .Release.Name }}']) };
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(object, body, { apiVersion: object.apiVersion, kind: object.kind });
  else object.spec = body;
  for (const key of ['apiVersion', 'kind']) if (object[key] === undefined) delete object[key];
  return object;
}

function render(value: unknown, rng: Rng): string {
  try {
    return stringify(value, {
      indent: rng.pick([2, 2, 2, 4, 3]),
      indentSeq: rng.chance(0.6),
      lineWidth: rng.pick([0, 80, 20]),
      defaultStringType: rng.pick(['PLAIN', 'PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
      collectionStyle: rng.chance(0.08) ? 'flow' : 'any',
    });
  } catch {
    return JSON.stringify(value);
  }
}

function headerComments(rng: Rng): string {
  const lines: string[] = [];
  if (rng.chance(0.15)) lines.push(`# kep-lens: kubernetesVersion=${rng.chance(0.9) ? rng.pick(supportedVersions) : rng.pick(['1.99', 'latest', 'v1.30.2', ''])}`);
  if (rng.chance(0.1)) lines.push(`# kep-lens: featureGates=${rng.pick(allGateNames())}=${rng.pick(['true', 'false', 'on'])}`);
  if (rng.chance(0.05)) lines.push(`# kep-lens: bogus=1`);
  if (rng.chance(0.08)) lines.push(`# kep-lens-disable ${rng.pick(['removed-api', 'kep-rule', 'no-such-code', ''])}`);
  if (rng.chance(0.05)) lines.push('# see KEP-4639 and kep.k8s.io/127');
  return lines.map((l) => `${l}\n`).join('');
}

/** A manifest file: one or more generated objects, sometimes a List. */
export function generateManifest(rng: Rng): string {
  const docs: string[] = [];
  const count = rng.chance(0.7) ? 1 : rng.range(2, 4);
  for (let i = 0; i < count; i++) {
    let value: unknown;
    if (rng.chance(0.08)) {
      value = { apiVersion: 'v1', kind: rng.pick(['List', 'PodList', 'DeploymentList']), items: Array.from({ length: rng.range(0, 3) }, () => generateObject(rng)) };
    } else {
      value = generateObject(rng);
    }
    let text = render(value, rng);
    if (rng.chance(0.1)) {
      // A suppression above a random line.
      const lines = text.split('\n');
      const at = rng.int(lines.length);
      const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
      lines.splice(at, 0, `${indent}# kep-lens-disable-next-line ${rng.pick(['removed-field', 'feature-gate-off', 'bogus', ''])}`);
      text = lines.join('\n');
    }
    docs.push(headerComments(rng) + text);
  }
  return docs.join(rng.chance(0.9) ? '---\n' : '...\n---\n');
}

// ---------------------------------------------------------------- hand-written seeds

export const nastySeeds: readonly string[] = [
  // Helm template with control structures at column 0.
  `{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n{{- end }}\n`,
  // Documents without apiVersion or kind.
  `metadata:\n  name: x\nspec:\n  containers: []\n`,
  `kind: Pod\nspec:\n  volumes:\n    - name: v\n      image:\n        reference: x\n`,
  `apiVersion: v1\nspec: {}\n`,
  // A List with garbage items.
  `apiVersion: v1\nkind: List\nitems:\n  - 1\n  - null\n  - [[1, 2], [3]]\n  - "str"\n  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n  - {apiVersion: v1, kind: [a]}\n  - apiVersion: v1\n    kind: List\n    items: [ {apiVersion: extensions/v1beta1, kind: Ingress} ]\n`,
  `apiVersion: v1\nkind: List\nitems: 7\n`,
  `apiVersion: v1\nkind: List\n`,
  // Unknown kinds and type confusion.
  `apiVersion: example.com/v1\nkind: FrobnicatorList\nitems:\n  - kind: Frobnicator\n`,
  `apiVersion: 1.0\nkind: [a]\nmetadata: hello\nspec: [1, 2, 3]\n`,
  `apiVersion: {group: apps}\nkind: {a: b}\n`,
  `apiVersion: true\nkind: 42\n`,
  `apiVersion: !!str 1.30\nkind: !!binary UG9k\n`,
  `apiVersion: v1\nkind: Pod\nspec: null\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n  containers: "not a list"\n  volumes: {a: b}\n`,
  // Duplicate keys.
  `apiVersion: v1\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nkind: Pod\nspec:\n  containers:\n    - name: a\n      name: b\n      image: x:latest\n      image: y\n`,
  // Complex keys, anchors and merge keys.
  `apiVersion: v1\nkind: Pod\n? [complex, key]\n: value\n? {a: b}\n: c\nbase: &b {restartPolicy: Always}\nspec:\n  <<: *b\n  containers: &c\n    - {name: a, image: b}\n  initContainers: *c\n  ephemeralContainers: *undefined\n`,
  // Tags, block scalars, directives.
  `%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    line\n      more\n  b: >-\n    folded\n  c: !custom x\n`,
  `%YAML 1.1\n---\n`,
  // Markers and empty documents.
  `---\n---\n...\n---\napiVersion: v1\nkind: Pod\n...\n...\n`,
  `--- apiVersion: v1\n--- kind: Pod\n`,
  `---\n# kep-lens: kubernetesVersion=1.27\n---\napiVersion: batch/v1beta1\nkind: CronJob\n`,
  // Directive and suppression edge cases.
  `# kep-lens: kubernetesVersion=\n# kep-lens: featureGates=,=,a=b=c\n# kep-lens:\n# kep-lens-disable-next-line\n# kep-lens-disable , ,, --foo\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n`,
  `apiVersion: v1 # kep-lens-disable-next-line removed-api\nkind: Pod # kep-lens: kubernetesVersion=1.27\n`,
  // Component configs.
  `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nfeatureGates:\n  ImageVolume: true\n  NotAGate: false\n  ? [x]\n  : y\ncpuManagerPolicyOptions:\n  full-pcpus-only: "true"\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: k\n      command: ["kube-apiserver", "--feature-gates=ImageVolume=true,,=,=true,X"]\n      args:\n        - --feature-gates=\n        - {a: b}\n`,
  // Quoting and odd scalars.
  `"apiVersion": 'v1'\n"kind": "Pod"\n"spec": {"containers": [{"name": "a", "image": "b"}]}\n`,
  `{"apiVersion": "v1", "kind": "Service", "spec": {"trafficDistribution": "PreferClose"}}`,
  `apiVersion: v1\nkind: Pod\nmetadata: {name: "unterminated\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n`,
  `\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: b:latest\r\n`,
  `apiVersion: v1\rkind: Pod\rspec:\r  hostUsers: false\r`,
  '',
  '\n',
  '---',
  '...',
  ':',
  '- - -',
  '{',
  '[',
  '&a *a',
  '*a',
  '!',
  '|',
  '"',
  '\u0000\u0001\u0002',
  '\uD800\uDC00\uDFFF\uD800',
  // Shapes from the hostile-input report, small: a `\r` inside directives and suppressions, repeated and
  // unknown codes, the marker word without `#`, surrogate pairs where a cursor may land, blank runs before a key.
  `# kep-lens: featureGates=ImageVolume=true\rkubernetesVersion=1.30\n# kep-lens-disable-next-line kep-rule\r feature-gate-off\napiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: v\n      image: {reference: x}\n`,
  `# kep-lens-disable bogus bogus removed-api bogus,bogus -- why\n# kep-lens-disable-next-line zz zz zz\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n`,
  `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: kep-lens kep-lens#kep-lens x # kep-lens: bogus\n  b: "# kep-lens-disable"\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n  🙂: 🙂🙂\n  hostUsers: 🙂\n  containers:\n    - name: 🙂🙂\n      image: 🙂:🙂\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n  a${' '.repeat(3000)}\n  k: x${' '.repeat(3000)}y\n  \n`,
  `{"apiVersion":"v1","kind":"List","items":[${'{"apiVersion":"policy/v1beta1","kind":"PodDisruptionBudget","metadata":{"name":"x"}},'.repeat(40)}{}]}`,
  `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: ${'{{ .Values.x }}{{- y }} '.repeat(200)}\n`,
];

// ---------------------------------------------------------------- mutations

const insertTokens = [
  '{{ .Values.x }}', '{{- if .Values.y }}\n', '{{- end }}\n', '{{', '}}', '---\n', '\n---\n', '...\n', ': ', ':', '- ', '-', '? ', '\t', '\r\n', '\r', '\n',
  '\uFEFF', '\u2028', '\u0085', '\u0000', '\uD800', '\uDFFF', '🙂', 'é', '&a ', '*a', '<<: *a\n', '!!binary ', '!!map ', '!custom ', '"', "'", '#', ' #', '|', '>-',
  '[', ']', '{', '}', ',', '%YAML 1.2\n', '# kep-lens: kubernetesVersion=1.28\n', '# kep-lens: featureGates=ImageVolume=true\n', '# kep-lens-disable-next-line kep-rule\n',
  '# kep-lens-disable\n', 'apiVersion: v1\n', 'kind: Pod\n', 'kind: List\nitems:\n  - 1\n  - null\n', 'apiVersion: 1.0\n', 'kind: [a]\n', '    ', '  ', 'KEP-4639 ', 'kep.k8s.io/1 ',
];

const replaceChars = ['a', ' ', '\n', '\t', ':', '-', '#', '{', '}', '[', ']', '"', "'", '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '\u0000', '\r', '\uFFFD', '\uD83D'];

export type Mutation = (text: string, rng: Rng) => string;

function randomOffset(text: string, rng: Rng): number {
  return rng.int(text.length + 1);
}

function linesOf(text: string): string[] {
  return text.split('\n');
}

export const mutations: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, randomOffset(t, r)),
  dropHead: (t, r) => t.slice(randomOffset(t, r)),
  flipChar: (t, r) => {
    const at = r.int(t.length);
    return t.slice(0, at) + (r.chance(0.7) ? r.pick(replaceChars) : String.fromCharCode(r.int(0x10000))) + t.slice(at + 1);
  },
  flipBits: (t, r) => {
    const at = r.int(t.length);
    return t.slice(0, at) + String.fromCharCode((t.charCodeAt(at) ^ (1 << r.int(16))) & 0xffff) + t.slice(at + 1);
  },
  insertToken: (t, r) => {
    const at = randomOffset(t, r);
    return t.slice(0, at) + r.pick(insertTokens) + t.slice(at);
  },
  insertAtLineStart: (t, r) => {
    const lines = linesOf(t);
    const at = r.int(lines.length + 1);
    lines.splice(at, 0, r.pick(['{{- if .Values.enabled }}', '{{- end }}', '{{ .Values.x }}', '---', '...', '- x', '# kep-lens: kubernetesVersion=1.27', '\t', 'apiVersion: v1', 'kind: Pod']));
    return lines.join('\n');
  },
  deleteSpan: (t, r) => {
    const at = r.int(t.length);
    return t.slice(0, at) + t.slice(at + r.range(1, 40));
  },
  swapLines: (t, r) => {
    const lines = linesOf(t);
    if (lines.length < 2) return t;
    const a = r.int(lines.length);
    const b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    return lines.join('\n');
  },
  shuffleBlock: (t, r) => {
    const lines = linesOf(t);
    const from = r.int(lines.length);
    const block = lines.slice(from, from + r.range(2, 8));
    lines.splice(from, block.length, ...r.shuffle(block));
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = linesOf(t);
    const at = r.int(lines.length);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  reindentLine: (t, r) => {
    const lines = linesOf(t);
    const at = r.int(lines.length);
    const line = lines[at] ?? '';
    lines[at] = ' '.repeat(r.int(12)) + line.trimStart();
    return lines.join('\n');
  },
  tabs: (t, r) => t.replace(/^( {2})+/gm, (m) => (r.chance(0.5) ? '\t'.repeat(m.length / 2) : m)),
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  loneCr: (t) => t.replace(/\r?\n/g, '\r'),
  bom: (t) => `\uFEFF${t}`,
  invalidUtf8: (t, r) => {
    const bytes = Buffer.from(t, 'utf8');
    const junk = r.pick([[0xff], [0xfe], [0x80], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb]]);
    const at = r.int(bytes.length + 1);
    return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]));
  },
  latin1Bytes: (t, r) => {
    const bytes = Buffer.from(t, 'utf8');
    const at = r.int(bytes.length + 1);
    const junk = Buffer.from(Array.from({ length: r.range(1, 16) }, () => r.int(256)));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]).toString('latin1');
  },
  helmWrap: (t) => `{{- if .Values.enabled }}\n${t}\n{{- end }}\n`,
  helmValue: (t, r) => t.replace(/: ([^\n]+)/, (m, v: string) => (r.chance(0.5) ? `: {{ .Values.${v.replace(/\W/g, '') || 'x'} }}` : m)),
  dropApiVersion: (t) => t.replace(/^apiVersion:.*$/m, ''),
  dropKind: (t) => t.replace(/^kind:.*$/m, ''),
  confuseApiVersion: (t, r) => t.replace(/^apiVersion:.*$/m, `apiVersion: ${r.pick(['1.0', '[a]', '{a: b}', 'null', 'true', '', '"', '&x v1', '*x', '!!int 1'])}`),
  confuseKind: (t, r) => t.replace(/^kind:.*$/m, `kind: ${r.pick(['[a]', '1.0', '{a: b}', '~', 'List', 'PodList', 'Frobnicator', 'pod', ' Pod '])}`),
  duplicateKeys: (t) => t.replace(/^(apiVersion:.*|kind:.*)$/m, '$1\n$1'),
  asList: (t) => `apiVersion: v1\nkind: List\nitems:\n  - 42\n  - null\n  - [[], [1]]\n${t.split('\n').map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n')}\n`,
  splitDocuments: (t, r) => {
    const lines = linesOf(t);
    for (let i = 0; i < r.range(1, 4); i++) lines.splice(r.int(lines.length + 1), 0, r.pick(['---', '...', '--- # c', '---\t', '--- x: 1']));
    return lines.join('\n');
  },
  repeatDocument: (t, r) => Array.from({ length: r.range(2, 6) }, () => t).join('\n---\n'),
  manyMarkers: (t, r) => '---\n'.repeat(r.range(10, 300)) + t,
  deepFlow: (t, r) => {
    const n = r.range(10, 300);
    const at = randomOffset(t, r);
    return t.slice(0, at) + (r.chance(0.5) ? '['.repeat(n) + ']'.repeat(n) : '{a: '.repeat(n) + '1' + '}'.repeat(n)) + t.slice(at);
  },
  aliasChain: (t) => `${t}\nx0: &x0 [a, a]\nx1: &x1 [*x0, *x0]\nx2: &x2 [*x1, *x1]\nx3: [*x2, *x2, *x3]\n`,
  crInComments: (t) => t.replace(/(# kep-lens[^\n]*?) /g, (_, head: string) => `${head}\r`),
  blankRun: (t, r) => {
    const lines = linesOf(t);
    const at = r.int(lines.length);
    const line = lines[at] ?? '';
    const cut = r.int(line.length + 1);
    lines[at] = line.slice(0, cut) + ' '.repeat(r.range(100, 600)) + line.slice(cut);
    return lines.join('\n');
  },
  oneSpaceNesting: (t, r) => {
    // The deep ones (past 512 levels) are in the pathological inputs; here, the shapes around them.
    const levels = r.range(10, 60);
    return `${t}\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
  },
  manySuppressionCodes: (t, r) => {
    const codes = Array.from({ length: r.range(3, 40) }, () => r.pick(['bogus', 'kep-rule', 'removed-api', `c${r.int(50)}`, 'too-large', 'x']));
    return `# kep-lens-disable${r.chance(0.5) ? '-next-line' : ''} ${codes.join(r.pick([' ', ',', ', ']))}\n${t}`;
  },
  singleLineJson: (t) => {
    try {
      const value: unknown = parse(t);
      return value === undefined ? t : JSON.stringify(value);
    } catch {
      return t;
    }
  },
  markerWords: (t, r) => {
    const at = randomOffset(t, r);
    return t.slice(0, at) + r.pick(['kep-lens ', 'kep-lens#kep-lens ', '  # kep-lens # kep-lens ', 'x: kep-lens\n']).repeat(r.range(1, 20)) + t.slice(at);
  },
};

export const mutationNames = Object.keys(mutations);

/** Applies 1–4 random mutations; returns the text and the names applied. */
export function mutate(text: string, rng: Rng): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  const n = rng.chance(0.6) ? 1 : rng.range(2, 4);
  for (let i = 0; i < n; i++) {
    const name = rng.pick(mutationNames);
    out = (mutations[name] as Mutation)(out, rng);
    applied.push(name);
  }
  // Keep the bulk run cheap: the large inputs have their own tests.
  if (out.length > 64 * 1024) out = out.slice(0, 64 * 1024);
  return { text: out, applied };
}
