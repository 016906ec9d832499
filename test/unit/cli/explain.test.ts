/**
 * `kep-lens explain` and `kep-lens keps`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './cliHarness';
import { resolveFieldPath } from '../../../server/src/cli/explain';

test('explain a KEP by id or number', () => {
  const byId = runCli(['explain', 'KEP-4639', '--kubernetes-version', '1.31']);
  assert.equal(byId.code, 0);
  assert.match(byId.stdout, /^\*\*KEP-4639 · .*\*\* · sig-node\n/);
  assert.match(byId.stdout, /\*\*alpha\*\* in 1\.31/);
  assert.match(byId.stdout, /Feature gate `ImageVolume`/);
  assert.equal(runCli(['explain', '4639', '--kubernetes-version', '1.31']).stdout, byId.stdout);
  // Without a version, the default target: the newest release with final-tag data.
  assert.match(runCli(['explain', '4639']).stdout, /\*\*stable\*\* in 1\.36/);
  assert.match(runCli(['explain', 'kep-4639', '--kubernetes-version', '1.33']).stdout, /\*\*beta\*\* in 1\.33/);
});

test('explain a field path, with or without list markers', () => {
  const at131 = ['--kubernetes-version', '1.31'];
  const plain = runCli(['explain', 'spec.volumes.image', '--kind', 'Pod', ...at131]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /`Pod\.spec\.volumes\[\]\.image` · ImageVolumeSource · Kubernetes 1\.31/);
  assert.match(plain.stdout, /KEP-4639/);
  const marked = runCli(['explain', 'spec.volumes[].image', '--kind', 'Pod', ...at131]);
  assert.equal(marked.stdout, plain.stdout);
  assert.equal(runCli(['explain', 'spec.volumes[0].image', '--kind', 'pod', ...at131]).stdout, plain.stdout);
  // Any field of a built-in kind has a card made from the facts: its type and history.
  const replicas = runCli(['explain', 'spec.replicas', '--kind', 'Deployment']);
  assert.equal(replicas.code, 0, replicas.stderr);
  assert.match(replicas.stdout, /`Deployment\.spec\.replicas`\*\* · integer · Deployment apps\/v1/);
  assert.match(replicas.stdout, /present since 1\.8 or earlier/);
  // Through an embedding: the pod template of a Deployment.
  const deployment = runCli(['explain', 'spec.template.spec.volumes.image', '--kind', 'Deployment']);
  assert.equal(deployment.code, 0);
  assert.match(deployment.stdout, /`Deployment\.spec\.template\.spec\.volumes\[\]\.image`/);
  // Nested lists: containers[].volumeMounts[].
  assert.equal(resolveFieldPath('Pod', 'spec.volumes.image'), 'spec.volumes[].image');
  assert.equal(resolveFieldPath('Pod', 'spec.volumes.nope'), undefined);
});

test('explain a feature gate, and an apiVersion of a kind', () => {
  const gate = runCli(['explain', 'ImageVolume', '--kubernetes-version', '1.31']);
  assert.equal(gate.code, 0);
  assert.match(gate.stdout, /^\*\*Feature gate `ImageVolume`\*\* · Kubernetes 1\.31\n/);
  assert.match(gate.stdout, /\| versions \| stage \| default \|/);
  assert.match(gate.stdout, /\| 1\.35 \| beta \| on \|/);
  assert.equal(runCli(['explain', 'imagevolume', '--kubernetes-version', '1.31']).stdout, gate.stdout);
  assert.match(runCli(['explain', 'ImageVolume', '--kubernetes-version', '1.31', '--feature-gates', 'ImageVolume=true']).stdout, /on in your settings/);
  const api = runCli(['explain', 'policy/v1beta1', '--kind', 'PodDisruptionBudget']);
  assert.equal(api.code, 0);
  assert.match(api.stdout, /removed/);
});

test('explain: exit 2 with a message when nothing matches', () => {
  for (const args of [['explain', 'NoSuchThing'], ['explain', 'spec.nothing.here', '--kind', 'Pod'], ['explain'], ['explain', 'x', '--kubernetes-version', '0.1']]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^kep-lens: /);
  }
});

test('keps: a table of enhancements with their stage at a version', () => {
  const r = runCli(['keps', '--version', '1.31']);
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0] as string, /^KEP\/ID +STAGE@1\.31 +CHANGE +SIG +TITLE$/);
  assert.ok(lines.some((l) => /^KEP-4639 +alpha +alpha +sig-node +OCI images/.test(l)));
  // A deprecation is the change a release made; the stage is the code's.
  assert.ok(lines.some((l) => /^KEP-4569 +stable +deprecation /.test(l)));
  // The examples of the release that brought them.
  const v135 = runCli(['keps', '--version', '1.35']).stdout;
  assert.match(v135, /^KEP-1287 +stable +stable /m);
  assert.match(runCli(['keps', '--version', '1.34']).stdout, /^KEP-2837 +beta +beta /m);
  assert.match(runCli(['keps', '--version', '1.33']).stdout, /^KEP-753 +stable +stable /m);
  // A release known only from pre-release tags says so.
  assert.match(runCli(['keps', '--version', '1.37']).stdout, /^Kubernetes 1\.37 is not released in the data/);
  const beta133 = runCli(['keps', '--version', '1.33', '--stage', 'beta']);
  assert.ok(beta133.stdout.split('\n').slice(1).filter(Boolean).every((l) => /^\S+ +beta /.test(l)));
  assert.match(beta133.stdout, /^KEP-4639 +beta/m);
  assert.equal(runCli(['keps', '--version', '1.36']).stdout.split('\n')[0]?.startsWith('KEP/ID'), true);
  assert.equal(runCli(['keps', '--stage', 'gamma']).code, 2);
  assert.equal(runCli(['keps', '--version', '2.0']).code, 2);
});

test('keps --format json', () => {
  const r = runCli(['keps', '--stage', 'alpha', '--format', 'json', '--kubernetes-version', '1.31']);
  assert.equal(r.code, 0);
  const data = JSON.parse(r.stdout) as { version: string; enhancements: { id: string; kep: number | null; title: string; sig: string; stage: string; url: string | null }[] };
  assert.equal(data.version, '1.31');
  assert.ok(data.enhancements.length > 0);
  assert.ok(data.enhancements.every((e) => e.stage === 'alpha' && e.title && e.sig));
  assert.ok(data.enhancements.some((e) => e.kep === 4639 && e.url === 'https://kep.k8s.io/4639'));
});

test('gates: every gate that exists at a version, with the stage, default and lock the data has', async () => {
  const { gateStateAt } = await import('../../../server/src/kep/catalog');
  const { supportedVersions } = await import('../../../server/src/kep/versions');
  for (const version of supportedVersions.filter((v) => Number(v.split('.')[1]) >= 32)) {
    const r = runCli(['gates', '--version', version, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { name: string; stage: string; default: boolean; locked: boolean; components: string[]; kep: number | null }[];
    assert.ok(rows.length > 150, `${version}: ${rows.length} gates`);
    for (const row of rows) {
      const state = gateStateAt(row.name, version);
      assert.equal(row.stage, state.span?.stage, `${row.name}@${version}`);
      assert.equal(row.default, state.defaultOn, `${row.name}@${version}`);
      assert.equal(row.locked, state.locked, `${row.name}@${version}`);
      assert.ok(Array.isArray(row.components));
    }
  }
  const at136 = JSON.parse(runCli(['gates', '--version', '1.36', '--format', 'json']).stdout) as { name: string; stage: string; default: boolean; locked: boolean; kep: number | null }[];
  assert.deepEqual(at136.find((g) => g.name === 'ImageVolume'), { ...at136.find((g) => g.name === 'ImageVolume'), stage: 'stable', default: true, locked: true, kep: 4639 });
  assert.ok(!at136.some((g) => g.name === 'DisableKubeletCloudCredentialProviders'), 'a removed gate is not listed');
  const kubelet = JSON.parse(runCli(['gates', '--version', '1.36', '--component', 'kubelet', '--stage', 'alpha', '--format', 'json']).stdout) as { stage: string; components: string[] }[];
  assert.ok(kubelet.length > 0 && kubelet.every((g) => g.stage === 'alpha' && g.components.includes('kubelet')));
  assert.match(runCli(['gates', '--version', '1.36']).stdout, /^GATE +STAGE@1\.36 +DEFAULT +LOCK +KEP +COMPONENTS$/m);
  assert.match(runCli(['gates', '--version', '1.37']).stdout, /carried on from the release before/);
  assert.equal(runCli(['gates', '--component', 'nope']).code, 2);
});
