/**
 * Helm template branches: if/else alternatives around apiVersion, conditions
 * the target decides (semverCompare over the cluster version, APIVersions.Has),
 * and version guards that mute only the text they guard.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FileFinding } from '../../server/src/engine/analyze';
import { clusterSatisfies } from '../../server/src/engine/semverConstraints';
import { evaluateCondition, type ClusterFacts, type Truth } from '../../server/src/engine/templateConditions';
import { servesAt } from '../../server/src/engine/helmBranches';
import { applyEdits, editsAreDisjoint } from '../../server/src/manifest/edits';
import { analyze, positionOf, readFixture, summary } from './helpers';

const fixture = (name: string): string => readFixture('helm-branches', name);

/** Zero-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at !== -1, `"${needle}" not in text`);
  return positionOf(text, at).line;
}

function removedApis(text: string, version = '1.31'): FileFinding[] {
  return analyze(text, version).filter((f) => f.code === 'removed-api');
}

describe('semverCompare at a target minor version', () => {
  const cases: [string, string, boolean | undefined][] = [
    ['>=1.19-0', '1.31', true],
    ['>=1.19-0', '1.18', false],
    ['<1.21-0', '1.31', false],
    ['<1.21-0', '1.20', true],
    ['>= 1.14-0', '1.31', true],
    ['>=1.14-0, <1.19-0', '1.16', true],
    ['>=1.14-0, <1.19-0', '1.31', false],
    ['>=1.14-0 <1.19-0', '1.31', false],
    ['<1.14-0 || >=1.30-0', '1.31', true],
    ['^1.19-0', '1.31', true],
    ['~1.31-0', '1.31', true],
    ['~1.30-0', '1.31', false],
    ['>1.30-0', '1.31', true],
    // Without "-0", a managed cluster's build (v1.31.5-gke.1200) does not match: the target does not settle it.
    ['>=1.19', '1.31', undefined],
    ['<1.19', '1.31', false],
    // A patch-level test depends on the patch the cluster runs.
    ['>=1.31.3-0', '1.31', undefined],
    ['>=1.31.0-0', '1.31', true],
    ['not a constraint', '1.31', undefined],
  ];
  for (const [constraint, version, expected] of cases) {
    test(`"${constraint}" at ${version} → ${String(expected)}`, () => assert.equal(clusterSatisfies(constraint, version), expected));
  }
});

describe('.Capabilities.APIVersions.Has at a target', () => {
  test('a group/version with or without a kind is served exactly when the target serves it', () => {
    assert.equal(servesAt('policy/v1beta1', '1.31'), false);
    assert.equal(servesAt('policy/v1', '1.31'), true);
    assert.equal(servesAt('policy/v1beta1/PodDisruptionBudget', '1.31'), false);
    assert.equal(servesAt('networking.k8s.io/v1/Ingress', '1.31'), true);
    assert.equal(servesAt('extensions/v1beta1', '1.31'), false);
    assert.equal(servesAt('v1', '1.31'), true);
    assert.equal(servesAt('flowcontrol.apiserver.k8s.io/v1beta3', '1.31'), true);
    assert.equal(servesAt('flowcontrol.apiserver.k8s.io/v1beta3', '1.32'), false);
  });

  test('a group/version the data does not know (a CRD) is not decided', () => {
    assert.equal(servesAt('monitoring.coreos.com/v1', '1.31'), undefined);
    assert.equal(servesAt('monitoring.coreos.com/v1/ServiceMonitor', '1.31'), undefined);
  });
});

describe('template conditions at 1.31', () => {
  const cluster: ClusterFacts = { version: '1.31', serves: (apiVersion) => servesAt(apiVersion, '1.31') };
  const cases: [string, Truth][] = [
    ['semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion', 'yes'],
    ['semverCompare "<1.19-0" $.Capabilities.KubeVersion.Version', 'no'],
    ['.Capabilities.KubeVersion.GitVersion | semverCompare ">=1.19-0"', 'yes'],
    ['semverCompare ">=1.19-0" (include "common.capabilities.kubeVersion" .)', 'yes'],
    ['semverCompare ">=1.19-0" (default .Capabilities.KubeVersion.Version .Values.kubeVersion)', 'yes'],
    ['semverCompare ">=1.19" .Capabilities.KubeVersion.GitVersion', 'version'],
    ['semverCompare ">=1.19-0" .Values.kubeVersion', 'values'],
    ['.Capabilities.APIVersions.Has "policy/v1beta1/PodSecurityPolicy"', 'no'],
    ['$.Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress"', 'yes'],
    ['.Capabilities.APIVersions.Has "monitoring.coreos.com/v1"', 'values'],
    ['not (.Capabilities.APIVersions.Has "policy/v1beta1")', 'yes'],
    ['and .Values.ingress.enabled (.Capabilities.APIVersions.Has "extensions/v1beta1/Ingress")', 'no'],
    ['and (semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion) .Values.enabled', 'values'],
    ['or .Values.legacy (semverCompare "<1.19" .Capabilities.KubeVersion.GitVersion)', 'values'],
    ['and .Values.legacy (semverCompare ">=1.19" .Capabilities.KubeVersion.GitVersion)', 'version'],
    ['contains "-gke" .Capabilities.KubeVersion.GitVersion', 'version'],
    ['include "common.capabilities.psp.supported" .', 'version'],
    ['.Values.ingress.enabled', 'values'],
    ['$x := .Values.ingress', 'values'],
    ['eq "a" "a"', 'yes'],
  ];
  for (const [condition, expected] of cases) {
    test(`${condition} → ${expected}`, () => assert.equal(evaluateCondition(condition, cluster), expected));
  }
});

describe('if/else alternatives around apiVersion', () => {
  test('the branch the target selects is reported at its apiVersion line (semverCompare >=1.14-0 over two removed Ingress versions)', () => {
    const text = fixture('ingress-both-removed-semver.yaml');
    const removed = removedApis(text);
    assert.equal(removed.length, 1, JSON.stringify(summary(text, analyze(text))));
    const finding = removed[0] as FileFinding;
    assert.equal(text.slice(finding.start, finding.end), 'networking.k8s.io/v1beta1');
    assert.equal(positionOf(text, finding.start).line, lineOf(text, 'apiVersion: networking.k8s.io/v1beta1'));
  });

  test('the quick fix replaces the whole if/else by the current apiVersion and migrates the fields', () => {
    const text = fixture('ingress-both-removed-semver.yaml');
    const fix = (removedApis(text)[0] as FileFinding).fixes.find((f) => f.isPreferred);
    assert.ok(fix, 'no preferred fix');
    assert.match(fix.title, /Replace the if\/else with apiVersion: networking\.k8s\.io\/v1 and migrate fields/);
    assert.ok(editsAreDisjoint(fix.edits));
    const fixed = applyEdits(text, fix.edits);
    assert.doesNotMatch(fixed, /semverCompare|v1beta1|serviceName/);
    assert.match(fixed, /^\{\{- if \.Values\.ingress\.enabled \}\}\napiVersion: networking\.k8s\.io\/v1\nkind: Ingress$/m);
    assert.match(fixed, /service:\n\s+name: storefront\n\s+port:\n\s+number: 8080/);
    assert.deepEqual(removedApis(fixed), []);
  });

  test('when the target cannot settle the test and every branch is removed, each branch is reported', () => {
    const text = fixture('ingress-unsettled-version-both-removed.yaml');
    const removed = removedApis(text);
    assert.deepEqual(removed.map((f) => text.slice(f.start, f.end)), ['networking.k8s.io/v1beta1', 'extensions/v1beta1']);
    for (const f of removed) assert.match(f.message, /No branch of this template's if\/else names an apiVersion 1\.31 serves/);
    assert.deepEqual(removed.map((f) => positionOf(text, f.start).line), [lineOf(text, 'apiVersion: networking'), lineOf(text, 'apiVersion: extensions')]);
  });

  test('the branch the target selects is reported even when another branch is served', () => {
    const text = fixture('ingress-selected-branch-removed.yaml');
    assert.deepEqual(summary(text, removedApis(text)), ['removed-api@networking.k8s.io/v1beta1']);
  });

  test('.Capabilities.APIVersions.Has choosing between two PodSecurityPolicy versions', () => {
    const text = fixture('psp-capabilities-has.yaml');
    // policy/v1beta1 is not served at 1.31, so the else branch renders; it is removed too, with no successor.
    assert.deepEqual(summary(text, removedApis(text)), ['removed-api@extensions/v1beta1']);
    assert.deepEqual((removedApis(text)[0] as FileFinding).fixes.filter((f) => f.isPreferred), []);
  });

  test('a chart helper that returns the cluster version is read like the version itself', () => {
    const text = fixture('cronjob-helper-kube-version.yaml');
    const removed = removedApis(text);
    assert.deepEqual(summary(text, removed), ['removed-api@batch/v1beta1']);
    const fix = (removed[0] as FileFinding).fixes.find((f) => f.isPreferred);
    assert.ok(fix);
    assert.equal(fix.title, 'Replace the if/else with apiVersion: batch/v1');
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /\*\/\}\}\napiVersion: batch\/v1\nkind: CronJob\n/);
    assert.deepEqual(removedApis(fixed), []);
  });

  test('a served branch chosen by chart values is not reported', () => {
    const text = fixture('pdb-served-branch-by-values.yaml');
    assert.deepEqual(summary(text, analyze(text)), []);
  });

  test('a served branch chosen by a test the target does not settle is not reported', () => {
    const text = fixture('pdb-served-branch-unsettled-version.yaml');
    assert.deepEqual(summary(text, analyze(text)), []);
  });

  test('alternatives chosen by chart values, all removed, are each reported', () => {
    const text = fixture('pdb-served-branch-by-values.yaml').replace('apiVersion: policy/v1\n', 'apiVersion: policy/v1beta1\n');
    assert.deepEqual(summary(text, removedApis(text)), ['removed-api@policy/v1beta1', 'removed-api@policy/v1beta1']);
  });

  test('a templated apiVersion in one branch counts as usable: nothing is reported', () => {
    const text = fixture('pdb-served-branch-by-values.yaml').replace('apiVersion: policy/v1\n', 'apiVersion: {{ include "pdb.apiVersion" . }}\n');
    assert.deepEqual(summary(text, removedApis(text)), []);
  });

  test('an else-if chain: the first branch the target takes is the one judged', () => {
    const chain = (first: string): string => [
      `{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}`,
      `apiVersion: ${first}`,
      '{{- else if semverCompare ">=1.14-0" .Capabilities.KubeVersion.GitVersion }}',
      'apiVersion: networking.k8s.io/v1beta1',
      '{{- else }}',
      'apiVersion: extensions/v1beta1',
      '{{- end }}',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '',
    ].join('\n');
    assert.deepEqual(summary(chain('networking.k8s.io/v1'), analyze(chain('networking.k8s.io/v1'))), []);
    const wrong = chain('extensions/v1beta1');
    assert.deepEqual(removedApis(wrong).map((f) => positionOf(wrong, f.start).line), [1]);
  });

  test('range and with bodies render as chart values decide: their findings are reported', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: busybox:1.36',
      '  volumes:',
      '  {{- range .Values.cephVolumes }}',
      '    - name: {{ .name }}',
      '      cephfs:',
      '        monitors: ["10.0.0.1:6789"]',
      '  {{- end }}',
      '  {{- with .Values.extraVolume }}',
      '    - name: extra',
      '      rbd:',
      '        image: x',
      '  {{- end }}',
      '',
    ].join('\n');
    assert.deepEqual(summary(text, analyze(text)).filter((f) => f.startsWith('removed-field')), ['removed-field@cephfs', 'removed-field@rbd']);
  });

  test('a whole document the target does not render is not judged', () => {
    const text = ['{{- if semverCompare "<1.25-0" .Capabilities.KubeVersion.GitVersion }}', 'apiVersion: policy/v1beta1', 'kind: PodSecurityPolicy', 'metadata:', '  name: old', '{{- end }}', ''].join('\n');
    assert.deepEqual(summary(text, analyze(text)), []);
    const rendered = text.replace('"<1.25-0"', '">=1.25-0"');
    assert.deepEqual(summary(rendered, analyze(rendered)), ['removed-api@policy/v1beta1']);
  });
});

describe('a version guard mutes only the text it guards', () => {
  test('an unconditional removed apiVersion and annotation stay reported beside unrelated version tests', () => {
    const text = fixture('statefulset-unrelated-guards.yaml');
    const found = summary(text, analyze(text));
    assert.ok(found.includes('removed-api@apps/v1beta1'), JSON.stringify(found));
    assert.ok(found.includes('deprecated-field@container.apparmor.security.beta.kubernetes.io/db'), JSON.stringify(found));
    const removed = removedApis(text)[0] as FileFinding;
    assert.equal(positionOf(text, removed.start).line, 0);
  });

  test('inside branches: judged where the target renders it or values decide; not where the target does not render it or cannot tell', () => {
    const text = fixture('apparmor-annotation-by-branch.yaml');
    const deprecated = analyze(text, '1.31').filter((f) => f.code === 'deprecated-field').map((f) => text.slice(f.start, f.end));
    assert.deepEqual(deprecated, ['container.apparmor.security.beta.kubernetes.io/new', 'container.apparmor.security.beta.kubernetes.io/chosen']);
  });
});
