/**
 * The importer: its readers on small Go sources, and whole runs on tiny
 * git snapshots the test builds itself (two release tags of each source),
 * checked for the union over tags, provenance, determinism and the
 * failures it must raise.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGoFile, jsonTag, markerValues } from '../../scripts/import/goSource';
import { parseGateTables, specAt } from '../../scripts/import/featureGates';
import { markerGates, parseLifecycle, readPackage, registrations, requirementsInProse } from '../../scripts/import/apiTypes';
import { gateSpans, presenceOf, removedIn } from '../../scripts/import/union';
import { tagForMinor } from '../../scripts/import/sources';
import { readKep } from '../../scripts/import/keps';
import { repoRoot } from './helpers';

const importer = path.join(repoRoot, 'out', 'scripts', 'import', 'main.js');

describe('importer readers', () => {
  test('Go structs: JSON names, inline embedding, markers, and fields left out of the wire format', () => {
    const go = parseGoFile(`package v1

import (
\tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Widget is a thing.
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type Widget struct {
\tmetav1.TypeMeta \`json:",inline"\`
\t// Standard metadata.
\tmetav1.ObjectMeta \`json:"metadata,omitempty"\`
\t// Size says how big.
\t// +featureGate=BigWidgets
\t// +optional
\tSize *int32 \`json:"size,omitempty" protobuf:"varint,1,opt,name=size"\`
\t// Old is gone.
\t// Old string \`json:"old"\`
\tinternal string
\tHidden string \`json:"-"\`
\tTags map[string]string \`json:"tags,omitempty"\` // trailing comment
}
`);
    const widget = go.structs.find((s) => s.name === 'Widget');
    assert.ok(widget);
    assert.deepEqual(widget.fields.map((f) => [f.name ?? '(embedded)', f.type]), [['(embedded)', 'metav1.TypeMeta'], ['(embedded)', 'metav1.ObjectMeta'], ['Size', '*int32'], ['internal', 'string'], ['Hidden', 'string'], ['Tags', 'map[string]string']]);
    assert.deepEqual(markerValues(widget.fields[2]?.comments ?? [], 'featureGate'), ['BigWidgets']);
    assert.deepEqual(jsonTag('json:",inline"'), { name: '', inline: true, omitempty: false });
    assert.equal(go.imports.get('metav1'), 'k8s.io/apimachinery/pkg/apis/meta/v1');
  });

  test('a package: types resolved across packages, enums (plain, converted and named constants), registrations per group/version', () => {
    const pkg = readPackage({
      importPath: 'k8s.io/api/widgets/v1',
      files: [
        { path: 'widgets/v1/types.go', blob: 'b1', text: 'package v1\n\nimport metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"\n\ntype Widget struct {\n\tmetav1.TypeMeta `json:",inline"`\n\tSpec WidgetSpec `json:"spec"`\n}\n\ntype WidgetSpec struct {\n\tColor Color `json:"color"`\n\tSince metav1.Time `json:"since"`\n\tLimits map[string]int64 `json:"limits"`\n\tItems []WidgetItem `json:"items"`\n}\n\ntype WidgetItem struct {\n\tName string `json:"name"`\n}\n\n// +enum\ntype Color string\n\nconst defaultColor = "blue"\n\nconst (\n\tRed Color = "red"\n\tGreen = Color("green")\n\tBlue Color = defaultColor\n)\n' },
        { path: 'widgets/v1/register.go', blob: 'b2', text: 'package v1\n\nconst GroupName = "widgets.example.com"\nconst ConfigGroupName = "config.widgets.example.com"\n\nvar SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: "v1"}\nvar ConfigSchemeGroupVersion = schema.GroupVersion{Group: ConfigGroupName, Version: "v1"}\n\nfunc addKnownTypes(scheme *runtime.Scheme) error {\n\tscheme.AddKnownTypes(SchemeGroupVersion,\n\t\t&Widget{},\n\t)\n\tscheme.AddKnownTypes(ConfigSchemeGroupVersion,\n\t\t&WidgetItem{},\n\t)\n\treturn nil\n}\n' },
      ],
    }, new Set());
    assert.deepEqual(pkg.registrations, [{ groupVersion: 'widgets.example.com/v1', kinds: ['Widget'] }, { groupVersion: 'config.widgets.example.com/v1', kinds: ['WidgetItem'] }]);
    const spec = pkg.types.get('WidgetSpec');
    assert.ok(spec?.kind === 'struct');
    assert.deepEqual(spec.members.map((m) => ('field' in m ? [m.field.name, m.field.type] : ['inline', m.inline])), [['color', 'widgets/v1.Color'], ['since', 'time'], ['limits', '{}integer'], ['items', '[]widgets/v1.WidgetItem']]);
    assert.deepEqual(pkg.types.get('Color'), { kind: 'enum', base: 'string', values: ['red', 'green', 'blue'], open: false });
  });

  test('field gates: featureGate markers, the ifEnabled style, and requirements stated only in prose', () => {
    assert.deepEqual(markerGates(['+featureGate=A,B']).map((g) => g.gate), ['A', 'B']);
    assert.deepEqual(markerGates(['+k8s:ifEnabled(CompositePodGroup)=+k8s:optional']), [{ gate: 'CompositePodGroup', scope: 'field', by: 'ifEnabled marker' }]);
    assert.deepEqual(markerGates(['+k8s:beta(since: "1.37")=+k8s:ifEnabled(HPAScaleToZero)=+k8s:minimum=0']), [{ gate: 'HPAScaleToZero', scope: 'value', by: 'ifEnabled marker' }]);
    const gates = new Set(['UserNamespacesSupport', 'Other']);
    assert.deepEqual(requirementsInProse(['This is an alpha field and requires enabling the UserNamespacesSupport feature.'], gates), ['UserNamespacesSupport']);
    assert.deepEqual(requirementsInProse(['When the Other feature gate is enabled, the default changes.'], gates), []);
  });

  test('feature-gate tables: unversioned specs, versioned specs, relisted keys and boolean constants', () => {
    const source = `package features
const (
\tAlpha featuregate.Feature = "AlphaGate"
\tGA featuregate.Feature = "GAGate"
)
const gaDefault = true
var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{
\tAlpha: {Default: false, PreRelease: featuregate.Alpha},
\tGA: {Default: gaDefault, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.33
\t// Commented: {Default: true, PreRelease: featuregate.Beta},
\tgenericfeatures.Relisted: {Default: true, PreRelease: featuregate.Beta},
}
var versioned = map[featuregate.Feature]featuregate.VersionedSpecs{
\tAlpha: {
\t\t{Version: version.MustParse("1.30"), Default: false, PreRelease: featuregate.Alpha},
\t\t{Version: version.MajorMinor(1, 32), Default: true, PreRelease: featuregate.Beta},
\t},
}
`;
    const entries = parseGateTables(source, (key) => key.split('.')[1]);
    assert.deepEqual(entries.map((e) => [e.name, e.key, e.versioned]), [['AlphaGate', 'Alpha', false], ['GAGate', 'GA', false], ['Relisted', 'genericfeatures.Relisted', false], ['AlphaGate', 'Alpha', true]]);
    assert.deepEqual(entries[1]?.specs, [{ version: undefined, stage: 'stable', default: true, locked: true }]);
    const versioned = entries[3];
    assert.ok(versioned);
    assert.equal(specAt(versioned, '1.29'), undefined);
    assert.equal(specAt(versioned, '1.31')?.stage, 'alpha');
    assert.equal(specAt(versioned, '1.33')?.stage, 'beta');
  });

  test('lifecycles, release tags and kep.yaml', () => {
    const lc = parseLifecycle('func (in *Thing) APILifecycleIntroduced() (major, minor int) {\n\treturn 1, 27\n}\nfunc (in *Thing) APILifecycleRemoved() (major, minor int) {\n\treturn 1, 33\n}\nfunc (in *Thing) APILifecycleReplacement() schema.GroupVersionKind {\n\treturn schema.GroupVersionKind{Group: "example.com", Version: "v1", Kind: "Thing"}\n}\n');
    assert.deepEqual(lc.get('Thing'), { introduced: '1.27', removed: '1.33', replacement: { groupVersion: 'example.com/v1', kind: 'Thing' } });
    assert.deepEqual(tagForMinor(['v0.36.0', 'kubernetes-1.36.0', 'v0.37.0-alpha.2', 'v0.37.0-beta.0'], 37), { tag: 'v0.37.0-beta.0', final: false });
    assert.deepEqual(tagForMinor(['v0.36.0', 'v0.36.1'], 36), { tag: 'v0.36.0', final: true });
    assert.equal(tagForMinor(['v0.36.0'], 35), undefined);
    const kep = readKep('keps/sig-x/123-thing/kep.yaml', 'title: Thing\nkep-number: 123\nowning-sig: sig-x\nmilestone:\n  alpha: "v1.30"\n  beta: v1.31\nfeature-gates:\n  - name: Thing\n    components: [kubelet]\n');
    assert.deepEqual(kep && { sig: kep.sig, milestones: kep.milestones, gates: kep.gates }, { sig: 'x', milestones: { alpha: '1.30', beta: '1.31' }, gates: [{ name: 'Thing', components: ['kubelet'] }] });
  });

  test('union helpers: presence with gaps, gate spans and removal', () => {
    assert.deepEqual(presenceOf(new Set([27, 28, 29]), { first: 8, last: 36 }), { since: '1.27', until: '1.29' });
    assert.deepEqual(presenceOf(new Set([8, 9, 12]), { first: 8, last: 12 }), { ranges: [['1.8', '1.9'], ['1.12', '1.12']] });
    const states = new Map([[27, { stage: 'alpha' as const, default: false, locked: false }], [28, { stage: 'alpha' as const, default: false, locked: false }], [29, { stage: 'beta' as const, default: true, locked: false }]]);
    assert.deepEqual(gateSpans(states, 30), [{ from: '1.27', to: '1.28', stage: 'alpha', default: false }, { from: '1.29', to: '1.29', stage: 'beta', default: true }]);
    assert.equal(removedIn(states, 30), '1.30');
    assert.equal(removedIn(states, 29), undefined);
  });
});

// ---------------------------------------------------------------- whole runs on tiny snapshots

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z' },
  });
}

/** A repository with one commit per tag, each holding exactly the files given for it. */
function snapshot(root: string, name: string, tags: Record<string, Record<string, string>>): void {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  for (const [tag, files] of Object.entries(tags)) {
    for (const entry of fs.readdirSync(dir)) if (entry !== '.git') fs.rmSync(path.join(dir, entry), { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', tag);
    git(dir, 'tag', tag);
  }
}

const register = (group: string, kinds: string[]): string =>
  `package v1\n\nconst GroupName = "${group}"\n\nvar SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: "v1"}\n\nfunc addKnownTypes(scheme *runtime.Scheme) error {\n\tscheme.AddKnownTypes(SchemeGroupVersion,\n${kinds.map((k) => `\t\t&${k}{},\n`).join('')}\t)\n\treturn nil\n}\n`;

const widgetTypes = (withNewField: boolean, marker: boolean, prose = ''): string => `package v1

type Widget struct {
\tSpec WidgetSpec \`json:"spec"\`
}

type WidgetSpec struct {
\tSize int32 \`json:"size"\`
${withNewField ? `\t// Shiny makes it shine.${prose ? `\n\t// ${prose}` : ''}\n${marker ? '\t// +featureGate=Shiny\n' : ''}\tShiny *bool \`json:"shiny,omitempty"\`\n` : ''}}
`;

const features = (stage: 'Alpha' | 'Beta', withOld: boolean): string => `package features
const (
\tShiny featuregate.Feature = "Shiny"
\tOld featuregate.Feature = "Old"
)
var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{
\tShiny: {Default: ${stage === 'Beta'}, PreRelease: featuregate.${stage}},
${withOld ? '\tOld: {Default: true, PreRelease: featuregate.GA, LockToDefault: true},\n' : ''}}
`;

const otherRepositories = ['kubernetes/apimachinery', 'kubernetes/apiextensions-apiserver', 'kubernetes/kube-aggregator', 'kubernetes/kubelet', 'kubernetes/kube-proxy', 'kubernetes/kube-scheduler', 'kubernetes/component-base', 'kubernetes/apiserver', 'kubernetes/controller-manager', 'kubernetes/client-go'];

function buildSnapshots(root: string, options: { marker: boolean; prose?: string }): void {
  snapshot(root, 'kubernetes+api', {
    'kubernetes-1.27.0': { 'widgets/v1/types.go': widgetTypes(false, false), 'widgets/v1/register.go': register('widgets.example.com', ['Widget']) },
    'kubernetes-1.28.0': { 'widgets/v1/types.go': widgetTypes(true, options.marker, options.prose), 'widgets/v1/register.go': register('widgets.example.com', ['Widget']) },
  });
  snapshot(root, 'kubernetes+kubernetes', {
    'v1.27.0': { 'pkg/features/kube_features.go': features('Alpha', true) },
    'v1.28.0': { 'pkg/features/kube_features.go': features('Beta', false) },
  });
  snapshot(root, 'kubernetes+enhancements', {
    master: { 'keps/sig-apps/9999-shiny/kep.yaml': 'title: Shiny widgets\nkep-number: 9999\nowning-sig: sig-apps\nmilestone:\n  alpha: "v1.27"\n  beta: "v1.29"\nfeature-gates:\n  - name: Shiny\n    components: [kube-apiserver]\n' },
  });
  // Every other source exists but has no release tag: nothing to read, nothing missing.
  for (const repository of otherRepositories) snapshot(root, repository.replace('/', '+'), {});
}

function runImporter(args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [importer, ...args], { encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

describe('importer runs', () => {
  let root: string;
  const overrides = (): string => {
    const file = path.join(root, 'overrides.json');
    if (!fs.existsSync(file)) fs.writeFileSync(file, '{"fields": {}, "kinds": {}}\n');
    return file;
  };
  const read = (dir: string, file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-import-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('two tags: the union over them, with provenance, written byte for byte the same twice', () => {
    const snapshots = path.join(root, 'good');
    buildSnapshots(snapshots, { marker: true });
    const out = path.join(root, 'out');
    const first = runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides()]);
    assert.equal(first.code, 0, first.stderr);
    const gates = read(out, 'gates.json') as Record<string, { versions: unknown[]; removedIn?: string; keps?: number[]; fields?: string[]; components: string[] }>;
    assert.deepEqual(gates.Shiny?.versions, [{ from: '1.27', to: '1.27', stage: 'alpha', default: false }, { from: '1.28', stage: 'beta', default: true }]);
    assert.deepEqual(gates.Shiny?.keps, [9999]);
    assert.deepEqual(gates.Shiny?.components, ['kube-apiserver']);
    assert.deepEqual(gates.Shiny?.fields, ['widgets/v1.WidgetSpec.shiny']);
    assert.equal(gates.Old?.removedIn, '1.28', 'a gate deleted after its last release is removed from the next');
    const schema = read(out, 'schema/widgets.v1.json') as { types: Record<string, { fields: Record<string, unknown> }> };
    assert.deepEqual(schema.types.WidgetSpec?.fields.shiny, { type: 'boolean', since: '1.28', gates: ['Shiny'] });
    assert.equal(schema.types.WidgetSpec?.fields.size, 'integer');
    const keps = read(out, 'keps.json') as Record<string, { stages: unknown[]; disagreements?: unknown[] }>;
    assert.deepEqual(keps['9999']?.stages, [{ from: '1.27', to: '1.27', stage: 'alpha' }, { from: '1.28', stage: 'beta' }]);
    // kep.yaml plans beta for 1.29; the code ships it in 1.28. The code wins and the disagreement is kept.
    assert.deepEqual(keps['9999']?.disagreements, [{ stage: 'beta', kepYaml: '1.29', code: '1.28' }]);
    const apis = read(out, 'apis.json') as Record<string, { package: string; kinds: Record<string, unknown> }>;
    assert.equal(apis['widgets.example.com/v1']?.package, 'widgets/v1');
    const provenance = read(out, 'provenance.json') as { inputs: { repository: string; path: string; blob: string; tags: string[] }[]; gates: Record<string, Record<string, string>> };
    assert.ok(provenance.inputs.some((i) => i.repository === 'kubernetes/api' && i.path === 'widgets/v1/types.go' && /^[0-9a-f]{40}$/.test(i.blob)));
    assert.match(provenance.gates.Shiny?.['1.28'] ?? '', /^kubernetes\/kubernetes@v1\.28\.0 pkg\/features\/kube_features\.go$/);
    const releases = read(out, 'releases.json') as { versions: { version: string; final: boolean }[]; newestFinal: string };
    assert.deepEqual(releases.versions.map((v) => [v.version, v.final]), [['1.27', true], ['1.28', true]]);
    // Same snapshots, same bytes.
    const files = (dir: string): Record<string, string> => Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    const before = files(out);
    assert.equal(runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides()]).code, 0);
    assert.deepEqual(files(out), before);
    assert.equal(runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides(), '--check']).code, 0);
    fs.writeFileSync(path.join(out, 'gates.json'), '{}\n');
    assert.equal(runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides(), '--check']).code, 1, '--check notices a stale file');
  });

  test('a gate the types require only in prose fails the import until an override decides it', () => {
    const snapshots = path.join(root, 'prose');
    buildSnapshots(snapshots, { marker: false, prose: 'Requires the Shiny feature gate to be enabled.' });
    const out = path.join(root, 'out-prose');
    const failed = runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides()]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /widgets\/v1\.WidgetSpec\.shiny: comments require gate Shiny .* decide it in scripts\/import\/gate-overrides\.json/);
    const decided = path.join(root, 'decided.json');
    fs.writeFileSync(decided, JSON.stringify({ fields: { 'widgets/v1.WidgetSpec.shiny': { Shiny: { guards: true, note: 'test' } } }, kinds: {} }));
    assert.equal(runImporter(['--snapshots', snapshots, '--out', out, '--overrides', decided]).code, 0);
    const schema = read(out, 'schema/widgets.v1.json') as { types: Record<string, { fields: Record<string, { gates?: string[] }> }> };
    assert.deepEqual(schema.types.WidgetSpec?.fields.shiny?.gates, ['Shiny']);
  });

  test('a missing source is an error, unless the run is declared partial', () => {
    const snapshots = path.join(root, 'missing');
    buildSnapshots(snapshots, { marker: true });
    fs.rmSync(path.join(snapshots, 'kubernetes+client-go'), { recursive: true });
    const out = path.join(root, 'out-missing');
    const failed = runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides()]);
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /no snapshot of kubernetes\/client-go/);
    assert.equal(runImporter(['--snapshots', snapshots, '--out', out, '--overrides', overrides(), '--partial']).code, 0);
    assert.deepEqual((read(out, 'releases.json') as { partial?: string[] }).partial, ['kubernetes/client-go']);
  });
});

test('registrations ignore AddKnownTypes of other packages\' types', () => {
  assert.deepEqual(registrations(register('x.example.com', ['A', 'B'])), [{ groupVersion: 'x.example.com/v1', kinds: ['A', 'B'] }]);
});
