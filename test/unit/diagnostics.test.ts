/**
 * Diagnostics (`analyzeModel`): every code with a positive and a negative
 * case, at several target versions; rules; suppression; directives.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFinding } from '../../server/src/engine/analyze';
import { diagnosticCodes } from '../../server/src/engine/target';
import { analyze, hostDocument, podTemplateHosts, repoRoot, summary, yaml } from './helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const fixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

function only(findings: readonly FileFinding[], code: string): FileFinding[] {
  return findings.filter((f) => f.code === code);
}

function one(text: string, findings: readonly FileFinding[], code: string, at?: string): FileFinding {
  const matching = findings.filter((f) => f.code === code && (at === undefined || text.slice(f.start, f.end) === at));
  assert.equal(matching.length, 1, `expected one ${code}${at ? ` at "${at}"` : ''}, got: ${JSON.stringify(summary(text, findings))}`);
  return matching[0] as FileFinding;
}

function none(text: string, findings: readonly FileFinding[], code: string): void {
  assert.deepEqual(only(findings, code).map((f) => text.slice(f.start, f.end)), [], `unexpected ${code}`);
}

// ---------------------------------------------------------------- fixtures used across tests

const pdbV1beta1 = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';

const cephfsPod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: legacy
  spec:
    containers:
      - name: app
        image: busybox:1.36
        volumeMounts:
          - name: shared
            mountPath: /shared
    volumes:
      - name: shared
        cephfs:
          monitors: ["10.0.0.1:6789"]
`;

const imageVolumePod = hostDocument('Pod', 'v1', '');

const imageVolumeSubPath = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: inference
  spec:
    containers:
      - name: server
        image: registry.example.com/server:1
        volumeMounts:
          - name: model
            mountPath: /models
            subPath: llama
          - name: scratch
            mountPath: /scratch
            subPath: tmp
    volumes:
      - name: model
        image:
          reference: quay.io/example/weights:v1
          pullPolicy: IfNotPresent
      - name: scratch
        emptyDir: {}
`;

// ---------------------------------------------------------------- API versions

describe('diagnostics: apiVersion', () => {
  test('removed-api: policy/v1beta1 PDB is an error from 1.25, with a link and a fix', () => {
    for (const version of ['1.27', '1.31', '1.34']) {
      const findings = analyze(pdbV1beta1, version);
      const f = one(pdbV1beta1, findings, 'removed-api', 'policy/v1beta1');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /removed in 1\.25/);
      assert.match(f.message, /`policy\/v1`/);
      assert.equal(f.url, 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/');
      assert.ok(f.fixes.some((x) => x.isPreferred && /policy\/v1/.test(x.title)));
      assert.equal(findings.length, 1, JSON.stringify(summary(pdbV1beta1, findings)));
    }
  });

  test('removed-api negative: policy/v1 PDB is clean', () => {
    const text = pdbV1beta1.replace('policy/v1beta1', 'policy/v1');
    for (const version of ['1.27', '1.31', '1.34']) assert.deepEqual(summary(text, analyze(text, version)), [], version);
  });

  test('deprecated-api: flowcontrol v1beta3 is served at 1.28, deprecated (warning) at 1.29–1.31, removed at 1.32', () => {
    const text = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n';
    assert.deepEqual(summary(text, analyze(text, '1.28')), []);
    for (const version of ['1.29', '1.31']) {
      const f = one(text, analyze(text, version), 'deprecated-api');
      assert.equal(f.severity, 'warning');
      assert.equal(f.deprecated, true);
      assert.match(f.message, /deprecated since 1\.29/);
      assert.match(f.message, /removed in 1\.32/);
    }
    one(text, analyze(text, '1.32'), 'removed-api');
  });

  test('not-yet-available: networking.k8s.io/v1beta1 ServiceCIDR before 1.31', () => {
    const text = 'apiVersion: networking.k8s.io/v1beta1\nkind: ServiceCIDR\nmetadata:\n  name: extra\nspec:\n  cidrs: ["10.96.0.0/16"]\n';
    const f = one(text, analyze(text, '1.30'), 'not-yet-available', 'networking.k8s.io/v1beta1');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /not served before 1\.31/);
    none(text, analyze(text, '1.31'), 'not-yet-available');
  });

  test('resource.k8s.io/v1alpha2 is served at 1.30 and removed at 1.31', () => {
    const text = 'apiVersion: resource.k8s.io/v1alpha2\nkind: ResourceClaim\nmetadata:\n  name: gpu\n';
    none(text, analyze(text, '1.30'), 'removed-api');
    one(text, analyze(text, '1.31'), 'removed-api');
  });

  test('unknown group/versions (CRDs) are never flagged', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  volumes:\n    - name: x\n      cephfs: {}\n';
    assert.deepEqual(analyze(text, '1.31'), []);
  });
});

// ---------------------------------------------------------------- fields and gates

describe('diagnostics: fields', () => {
  test('removed-field: cephfs volume is an error at 1.31 and later', () => {
    for (const version of ['1.31', '1.34']) {
      const f = one(cephfsPod, analyze(cephfsPod, version), 'removed-field', 'cephfs');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /no longer works from 1\.31/);
      assert.equal(f.enhancementId, 'removal-cephfs-volume-plugin');
    }
  });

  test('deprecated-field: cephfs volume is a deprecation warning at 1.28–1.30, nothing at 1.27', () => {
    for (const version of ['1.28', '1.30']) {
      const findings = analyze(cephfsPod, version);
      const f = one(cephfsPod, findings, 'deprecated-field', 'cephfs');
      assert.equal(f.severity, 'warning');
      assert.equal(f.deprecated, true);
      none(cephfsPod, findings, 'removed-field');
    }
    assert.deepEqual(summary(cephfsPod, analyze(cephfsPod, '1.27')), []);
  });

  test('removed-field and deprecated-field apply inside pod templates (StatefulSet)', () => {
    const text = fixture('removed-volumes.yaml');
    const at131 = summary(text, analyze(text, '1.31'));
    assert.ok(at131.includes('removed-field@cephfs') && at131.includes('removed-field@rbd'), at131.join(', '));
  });

  test('feature-gate-off: image volume is a warning at 1.31 (alpha) and disappears with the gate on', () => {
    const f = one(imageVolumePod, analyze(imageVolumePod, '1.31'), 'feature-gate-off', 'image');
    assert.equal(f.severity, 'warning');
    assert.equal(f.gate, 'ImageVolume');
    assert.equal(f.url, 'https://kep.k8s.io/4639');
    assert.match(f.message, /ImageVolume/);
    none(imageVolumePod, analyze(imageVolumePod, '1.31', { ImageVolume: true }), 'feature-gate-off');
  });

  test('feature-gate-off: at 1.33 (beta, still off) the finding is informational', () => {
    const f = one(imageVolumePod, analyze(imageVolumePod, '1.33'), 'feature-gate-off', 'image');
    assert.equal(f.severity, 'information');
  });

  test('feature-gate-off: a gate turned off in the settings is a warning even when on by default', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: PreferClose\n';
    none(text, analyze(text, '1.31'), 'feature-gate-off');
    const f = one(text, analyze(text, '1.31', { ServiceTrafficDistribution: false }), 'feature-gate-off', 'trafficDistribution');
    assert.equal(f.severity, 'warning');
    one(text, analyze(text, '1.30'), 'feature-gate-off', 'trafficDistribution');
  });

  test('not-yet-available: image volume at 1.30 is an error, not a gate warning', () => {
    const findings = analyze(imageVolumePod, '1.30');
    const f = one(imageVolumePod, findings, 'not-yet-available', 'image');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /not available before 1\.31/);
    none(imageVolumePod, findings, 'feature-gate-off');
  });

  test('image volume findings appear at every pod-template location', () => {
    for (const { kind, apiVersion, prefix } of podTemplateHosts) {
      const text = hostDocument(kind, apiVersion, prefix);
      assert.deepEqual(summary(text, analyze(text, '1.31')), ['feature-gate-off@image'], kind);
      assert.deepEqual(summary(text, analyze(text, '1.31', { ImageVolume: true })), [], kind);
      assert.deepEqual(summary(text, analyze(text, '1.30')), ['not-yet-available@image'], kind);
    }
  });

  test('invalid-value: a bogus trafficDistribution is an error; PreferClose is not', () => {
    const bogus = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: Nearest\n';
    const f = one(bogus, analyze(bogus, '1.31'), 'invalid-value', 'Nearest');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /`PreferClose`/);
    const good = bogus.replace('Nearest', 'PreferClose');
    assert.deepEqual(analyze(good, '1.31'), []);
  });

  test('not-yet-available value: PreferSameZone before 1.33', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: PreferSameZone\n';
    one(text, analyze(text, '1.31'), 'not-yet-available', 'PreferSameZone');
    none(text, analyze(text, '1.33'), 'not-yet-available');
  });

  test('deprecated annotation: AppArmor beta annotation is deprecated from 1.30', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          container.apparmor.security.beta.kubernetes.io/app: runtime/default
      spec:
        containers:
          - name: app
            image: nginx
    `;
    one(text, analyze(text, '1.30'), 'deprecated-field', 'container.apparmor.security.beta.kubernetes.io/app');
    assert.deepEqual(analyze(text, '1.29'), []);
  });

  test('flow-style maps, quoted keys and anchors are checked like block style', () => {
    for (const text of [
      'apiVersion: v1\nkind: Pod\nspec: {volumes: [{name: x, cephfs: {}}]}\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: x\n      "cephfs": {}\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - &v\n      name: x\n      cephfs: {}\n',
    ]) assert.deepEqual(analyze(text, '1.31').map((f) => f.code), ['removed-field'], text);
  });

  test('templated values are not judged', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: "{{ .Values.td }}"\n';
    none(text, analyze(text, '1.31'), 'invalid-value');
  });
});

describe('diagnostics: feature gates set in component config and flags', () => {
  const kubelet = (gates: string): string => `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nfeatureGates:\n${gates}`;

  test('removed-gate: a gate set after its removal', () => {
    const text = kubelet('  PersistentVolumeLastPhaseTransitionTime: true\n');
    const f = one(text, analyze(text, '1.33'), 'removed-gate', 'PersistentVolumeLastPhaseTransitionTime');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /removed in 1\.33/);
    none(text, analyze(text, '1.32'), 'removed-gate');
  });

  test('removed-gate: a locked gate set against its lock', () => {
    const off = kubelet('  JobPodFailurePolicy: false\n');
    const f = one(off, analyze(off, '1.31'), 'removed-gate', 'JobPodFailurePolicy');
    assert.match(f.message, /locked/);
    none(off, analyze(off, '1.30'), 'removed-gate');
    const on = kubelet('  JobPodFailurePolicy: true\n');
    none(on, analyze(on, '1.31'), 'removed-gate');
  });

  test('not-yet-available: a gate set before it exists', () => {
    const text = kubelet('  ImageVolume: true\n');
    one(text, analyze(text, '1.30'), 'not-yet-available', 'ImageVolume');
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('unknown gate names are left alone', () => {
    const text = kubelet('  SomeVendorGate: true\n');
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('--feature-gates in a kube-apiserver static pod command', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
        namespace: kube-system
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.33.0
            command:
              - kube-apiserver
              - --feature-gates=ImageVolume=true,PersistentVolumeLastPhaseTransitionTime=true
    `;
    const findings = analyze(text, '1.33');
    assert.deepEqual(summary(text, findings), ['removed-gate@PersistentVolumeLastPhaseTransitionTime']);
    assert.deepEqual(summary(text, analyze(text, '1.31')), []);
    assert.deepEqual(summary(text, analyze(text, '1.30')), ['not-yet-available@ImageVolume']);
  });

  test('KubeProxyConfiguration mode: nftables is gated at 1.30 and fine at 1.31', () => {
    const text = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n';
    one(text, analyze(text, '1.30'), 'feature-gate-off', 'nftables');
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('gates a KubeletConfiguration enables for itself count for its own options', () => {
    const text = yaml`
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      cpuManagerPolicy: static
      cpuManagerPolicyOptions:
        distribute-cpus-across-cores: "true"
      featureGates:
        CPUManagerPolicyAlphaOptions: true
    `;
    none(text, analyze(text, '1.31'), 'feature-gate-off');
    const without = text.replace('  CPUManagerPolicyAlphaOptions: true\n', '  CPUManagerPolicyAlphaOptions: false\n');
    one(without, analyze(without, '1.31'), 'feature-gate-off', 'distribute-cpus-across-cores');
  });

  test('scheduler plugin names: only the deprecated name is flagged, not the name key or other plugins', () => {
    const text = yaml`
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
          plugins:
            filter:
              disabled:
                - name: EBSLimits
                - name: NodeVolumeLimits
    `;
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['deprecated-field@EBSLimits']);
    assert.deepEqual(summary(text, analyze(text, '1.32')), ['removed-field@EBSLimits']);
    assert.deepEqual(summary(text, analyze(text, '1.30')), []);
  });
});

// ---------------------------------------------------------------- rules

describe('diagnostics: KEP rules', () => {
  test('image volume mount with subPath: error at 1.31–1.32 on the image volume mount only; allowed from 1.33', () => {
    for (const version of ['1.31', '1.32']) {
      const findings = analyze(imageVolumeSubPath, version, { ImageVolume: true });
      const rules = only(findings, 'kep-rule');
      assert.equal(rules.length, 1, JSON.stringify(summary(imageVolumeSubPath, findings)));
      const f = rules[0] as FileFinding;
      assert.equal(imageVolumeSubPath.slice(f.start, f.end), 'subPath');
      assert.ok(f.start < imageVolumeSubPath.indexOf('name: scratch'), 'on the mount of the image volume, not the emptyDir one');
      assert.equal(f.severity, 'error');
      assert.equal(f.enhancementId, 'kep-4639');
    }
    none(imageVolumeSubPath, analyze(imageVolumeSubPath, '1.33', { ImageVolume: true }), 'kep-rule');
  });

  test('image volume subPath rule also fires in a Deployment template', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n${imageVolumeSubPath.split('\n').slice(4).map((l) => (l ? `    ${l}` : l)).join('\n')}`;
    assert.equal(only(analyze(text, '1.31', { ImageVolume: true }), 'kep-rule').length, 1, text);
  });

  test('a probe or hook host: a warning from Pod Security policy 1.34, not for pods in a host namespace', () => {
    const pod = (extra: string): string => yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        ${extra}
        containers:
          - name: c
            image: busybox
            livenessProbe:
              httpGet:
                host: 127.0.0.1
                port: 8080
            lifecycle:
              preStop:
                tcpSocket:
                  host: 10.0.0.1
                  port: 9
    `;
    const plain = pod('restartPolicy: Always');
    const rules = only(analyze(plain, '1.34'), 'kep-rule');
    assert.deepEqual(rules.map((f) => plain.slice(f.start, f.end)).sort(), ['10.0.0.1', '127.0.0.1']);
    assert.ok(rules.every((f) => f.severity === 'warning' && /Pod Security enforces baseline/.test(f.message)));
    none(plain, analyze(plain, '1.33'), 'kep-rule');
    for (const hostNamespace of ['hostNetwork: true', 'hostPID: yes', 'hostIPC: True']) {
      const text = pod(hostNamespace);
      none(text, analyze(text, '1.34'), 'kep-rule');
    }
    const notHost = pod('hostNetwork: false');
    assert.equal(only(analyze(notHost, '1.34'), 'kep-rule').length, 2);
  });

  const job = (spec: string): string => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n${spec.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`;
  const template = (restartPolicy: string): string => `template:\n  spec:\n    restartPolicy: ${restartPolicy}\n    containers:\n      - name: c\n        image: busybox\n`;

  test('successPolicy without completionMode: Indexed', () => {
    const bad = job(`completions: 3\nsuccessPolicy:\n  rules:\n    - succeededCount: 1\n${template('Never')}`);
    for (const version of ['1.31', '1.33']) {
      const f = one(bad, analyze(bad, version), 'kep-rule', 'successPolicy');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /Indexed/);
    }
    const good = job(`completions: 3\nparallelism: 3\ncompletionMode: Indexed\nsuccessPolicy:\n  rules:\n    - succeededCount: 1\n${template('Never')}`);
    assert.deepEqual(summary(good, analyze(good, '1.31')), []);
    const nonIndexed = bad.replace('completions: 3', 'completions: 3\n  completionMode: NonIndexed');
    one(nonIndexed, analyze(nonIndexed, '1.31'), 'kep-rule', 'successPolicy');
  });

  test('successPolicy rule applies under a CronJob jobTemplate', () => {
    const text = yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: c
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            successPolicy:
              rules:
                - succeededCount: 1
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: c
                    image: busybox
    `;
    one(text, analyze(text, '1.31'), 'kep-rule', 'successPolicy');
  });

  test('podFailurePolicy with restartPolicy OnFailure', () => {
    const bad = job(`podFailurePolicy:\n  rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n${template('OnFailure')}`);
    for (const version of ['1.27', '1.31']) {
      const f = one(bad, analyze(bad, version), 'kep-rule', 'podFailurePolicy');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /Never/);
    }
    const good = bad.replace('restartPolicy: OnFailure', 'restartPolicy: Never');
    assert.deepEqual(summary(good, analyze(good, '1.31')), []);
  });

  const affinity = (term: string): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          affinity:
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                - topologyKey: kubernetes.io/hostname
                  __TERM__
          containers:
            - name: web
              image: nginx
  `.replace(/ *__TERM__/, term);

  test('matchLabelKeys without labelSelector', () => {
    const bad = affinity('              matchLabelKeys:\n                - pod-template-hash');
    const f = one(bad, analyze(bad, '1.31'), 'kep-rule', 'matchLabelKeys');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /labelSelector/);
    const good = affinity('              labelSelector:\n                matchLabels:\n                  app: web\n              matchLabelKeys:\n                - pod-template-hash');
    assert.deepEqual(summary(good, analyze(good, '1.31')), []);
    assert.deepEqual(summary(good, analyze(good, '1.30')), ['feature-gate-off@matchLabelKeys']);
  });

  test('matchLabelKeys and mismatchLabelKeys sharing a key', () => {
    const bad = affinity('              labelSelector:\n                matchLabels:\n                  app: web\n              matchLabelKeys:\n                - tenant\n                - pod-template-hash\n              mismatchLabelKeys:\n                - tenant');
    const f = one(bad, analyze(bad, '1.31'), 'kep-rule');
    assert.equal(bad.slice(f.start, f.end), 'tenant', 'reported on the shared key');
    assert.ok(f.start < bad.indexOf('mismatchLabelKeys'));
    const good = bad.replace(/mismatchLabelKeys:\n(\s+)- tenant/, 'mismatchLabelKeys:\n$1- team');
    none(good, analyze(good, '1.31'), 'kep-rule');
  });

  const mount = (extra: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: nginx
          volumeMounts:
            - name: data
              mountPath: /data
              recursiveReadOnly: Enabled
              __EXTRA__
      volumes:
        - name: data
          emptyDir: {}
  `.replace(/ *__EXTRA__\n/, extra ? `${extra}\n` : '');

  test('recursiveReadOnly: Enabled without readOnly', () => {
    const bad = mount('');
    const f = one(bad, analyze(bad, '1.31'), 'kep-rule', 'recursiveReadOnly');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /readOnly/);
    const falseRO = mount('          readOnly: false');
    one(falseRO, analyze(falseRO, '1.31'), 'kep-rule', 'recursiveReadOnly');
    const good = mount('          readOnly: true');
    assert.deepEqual(summary(good, analyze(good, '1.31')), []);
    const disabled = bad.replace('recursiveReadOnly: Enabled', 'recursiveReadOnly: Disabled');
    none(disabled, analyze(disabled, '1.31'), 'kep-rule');
  });

  test('ordinals.start -1', () => {
    const sts = (start: string): string => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: s\n  ordinals:\n    start: ${start}\n`;
    const bad = sts('-1');
    const f = one(bad, analyze(bad, '1.31'), 'kep-rule', '-1');
    assert.equal(f.severity, 'error');
    assert.deepEqual(summary(sts('0'), analyze(sts('0'), '1.31')), []);
    assert.deepEqual(summary(sts('5'), analyze(sts('5'), '1.31')), []);
  });

  test('trafficDistribution bogus value is invalid-value at every version that knows the field', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: Random\n';
    for (const version of ['1.31', '1.33']) one(text, analyze(text, version), 'invalid-value', 'Random');
  });

  test('every rule-derived finding carries the enhancement id and KEP link', () => {
    const findings = only(analyze(imageVolumeSubPath, '1.31'), 'kep-rule');
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.ok(f.enhancementId);
      assert.match(f.url ?? '', /^https:\/\/kep\.k8s\.io\/\d+$/);
    }
  });
});

// ---------------------------------------------------------------- suppression and directives

describe('diagnostics: suppression comments', () => {
  test('# kep-lens-disable-next-line kep-rule silences the rule on the next line only', () => {
    const text = imageVolumeSubPath.replace(/^( *)subPath: llama$/m, '$1# kep-lens-disable-next-line kep-rule\n$1subPath: llama');
    const findings = analyze(text, '1.31');
    none(text, findings, 'kep-rule');
    one(text, findings, 'feature-gate-off', 'image');
  });

  test('# kep-lens-disable-next-line with another code does not silence kep-rule', () => {
    const text = imageVolumeSubPath.replace(/^( *)subPath: llama$/m, '$1# kep-lens-disable-next-line removed-api\n$1subPath: llama');
    one(text, analyze(text, '1.31', { ImageVolume: true }), 'kep-rule');
  });

  test('a -- reason after the codes is not read as codes', () => {
    const text = `# kep-lens-disable removed-api -- migrating next sprint, see ticket 42\n${pdbV1beta1}`;
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('a next-line suppression in a later document silences only that document\'s line', () => {
    const text = `${pdbV1beta1}---\n# kep-lens-disable-next-line removed-api\n${pdbV1beta1}`;
    assert.deepEqual(analyze(text, '1.31').map((f) => [f.document, f.code]), [[0, 'removed-api']]);
  });

  test('# kep-lens-disable removed-api silences removed-api in the document', () => {
    const text = `# kep-lens-disable removed-api\n${pdbV1beta1}`;
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('# kep-lens-disable in one document does not reach the next', () => {
    const text = `# kep-lens-disable removed-api\n${pdbV1beta1}---\n${pdbV1beta1}`;
    assert.equal(only(analyze(text, '1.31'), 'removed-api').length, 1);
  });

  test('a bare # kep-lens-disable silences everything in the document', () => {
    const text = `# kep-lens-disable\n${cephfsPod}`;
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('an unknown code in a suppression is flagged, and known codes in the same comment still work', () => {
    const text = `# kep-lens-disable removed-api no-such-code\n${pdbV1beta1}`;
    const findings = analyze(text, '1.31');
    const f = one(text, findings, 'unknown-suppression', 'no-such-code');
    assert.equal(f.severity, 'warning');
    none(text, findings, 'removed-api');
  });

  test('settings disabledCodes switch a code off everywhere', () => {
    assert.deepEqual(analyze(pdbV1beta1, '1.31', {}, { disabledCodes: ['removed-api'] }), []);
  });

  test('the generic fix inserts a suppression comment that works', () => {
    const f = one(pdbV1beta1, analyze(pdbV1beta1, '1.31'), 'removed-api');
    const fix = f.fixes.find((x) => x.title === 'Suppress removed-api on this line');
    assert.ok(fix);
    let fixed = pdbV1beta1;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    assert.ok(fixed.startsWith('# kep-lens-disable-next-line removed-api\napiVersion: policy/v1beta1'), fixed);
    assert.deepEqual(analyze(fixed, '1.31'), []);
  });

  test('every code in package.json disabledCodes enum is a code the engine knows', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { items?: { enum?: string[] } }> } } };
    const codes = pkg.contributes.configuration.properties['kepLens.diagnostics.disabledCodes']?.items?.enum ?? [];
    for (const c of codes) assert.ok(Object.prototype.hasOwnProperty.call(diagnosticCodes, c), c);
  });
});

describe('diagnostics: per-file pins', () => {
  test('# kep-lens: kubernetesVersion=1.30 overrides the settings for the file', () => {
    const text = `# kep-lens: kubernetesVersion=1.30\n${imageVolumePod}`;
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['not-yet-available@image']);
    assert.deepEqual(summary(text, analyze(text, '1.34')), ['not-yet-available@image']);
  });

  test('a pin at the top of the file applies to every document', () => {
    const text = `# kep-lens: kubernetesVersion=1.30\n${imageVolumePod}---\n${imageVolumePod}`;
    assert.equal(only(analyze(text, '1.31'), 'not-yet-available').length, 2);
  });

  test('a pin in a later document applies to that document only', () => {
    const text = `${imageVolumePod}---\n# kep-lens: kubernetesVersion=1.30\n${imageVolumePod}`;
    assert.deepEqual(analyze(text, '1.31').map((f) => [f.document, f.code]), [[0, 'feature-gate-off'], [1, 'not-yet-available']]);
  });

  test('# kep-lens: featureGates=ImageVolume=true enables the gate for the file', () => {
    const text = `# kep-lens: featureGates=ImageVolume=true\n${imageVolumePod}`;
    assert.deepEqual(analyze(text, '1.31'), []);
  });

  test('a directive below the first content line does not pin', () => {
    const text = `${imageVolumePod}# kep-lens: kubernetesVersion=1.30\n`;
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['feature-gate-off@image']);
  });

  test('invalid-directive: an unknown version or setting is reported and ignored', () => {
    const text = `# kep-lens: kubernetesVersion=2.7\n${imageVolumePod}`;
    const findings = analyze(text, '1.31');
    const f = one(text, findings, 'invalid-directive');
    assert.equal(f.severity, 'warning');
    one(text, findings, 'feature-gate-off', 'image');
    const unknownSetting = `# kep-lens: colour=blue\n${pdbV1beta1.replace('v1beta1', 'v1')}`;
    one(unknownSetting, analyze(unknownSetting, '1.31'), 'invalid-directive');
  });
});

// ---------------------------------------------------------------- whole files

describe('diagnostics: whole files', () => {
  test('the 1.31 feature tour yields exactly its one alpha finding at 1.31, none with the gate', () => {
    const text = fixture('release-1.31-features.yaml');
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['feature-gate-off@supplementalGroupsPolicy']);
    assert.deepEqual(summary(text, analyze(text, '1.31', { SupplementalGroupsPolicy: true })), []);
    assert.deepEqual(summary(text, analyze(text, '1.33')), []);
    assert.deepEqual(summary(text, analyze(text, '1.30')), [
      'feature-gate-off@matchLabelKeys',
      'feature-gate-off@recursiveReadOnly',
      'feature-gate-off@successPolicy',
      'feature-gate-off@trafficDistribution',
      'not-yet-available@supplementalGroupsPolicy',
    ]);
  });

  test('examples/clean-*.yaml report nothing at 1.31', () => {
    const dir = path.join(repoRoot, 'examples');
    const clean = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^clean-.*\.ya?ml$/.test(f)) : [];
    for (const name of clean) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      assert.deepEqual(summary(text, analyze(text, '1.31')), [], name);
    }
  });

  test('deprecated-apis fixture: one removed-api per object', () => {
    const text = fixture('deprecated-apis.yaml');
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['removed-api@batch/v1beta1', 'removed-api@extensions/v1beta1', 'removed-api@policy/v1beta1']);
  });

  for (const name of ['github-workflow.yaml', 'docker-compose.yaml', 'kustomization.yaml', 'helm-deployment.yaml']) {
    test(`zero findings on ${name}`, () => {
      const text = fixture(name);
      for (const version of ['1.27', '1.31', '1.34']) assert.deepEqual(summary(text, analyze(text, version)), [], `${name} at ${version}`);
    });
  }

  test('broken YAML: at most one yaml-syntax finding, and later documents are still checked', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec: [unclosed\n---\nkey: : :\n  - bad\n---\n${pdbV1beta1}`;
    const findings = analyze(text, '1.31');
    const syntax = only(findings, 'yaml-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(summary(text, findings)));
    assert.equal((syntax[0] as FileFinding).severity, 'error');
    assert.equal((syntax[0] as FileFinding).document, 0);
    const removed = one(text, findings, 'removed-api');
    assert.equal(removed.document, 2);
    assert.equal(text.slice(removed.start, removed.end), 'policy/v1beta1');
  });

  test('broken YAML: syntax findings can be switched off', () => {
    const text = 'a: [unclosed\n';
    assert.equal(only(analyze(text, '1.31'), 'yaml-syntax').length, 1);
    assert.deepEqual(analyze(text, '1.31', {}, { syntaxDiagnostics: false }), []);
  });

  test('offsets are absolute in multi-document files with CRLF', () => {
    const crlf = `${pdbV1beta1}---\n${pdbV1beta1}`.replace(/\n/g, '\r\n');
    const findings = analyze(crlf, '1.31');
    assert.equal(findings.length, 2);
    for (const f of findings) assert.equal(crlf.slice(f.start, f.end), 'policy/v1beta1');
  });

  test('a document with a BOM is checked', () => {
    const text = `\uFEFF${pdbV1beta1}`;
    assert.deepEqual(summary(text, analyze(text, '1.31')), ['removed-api@policy/v1beta1']);
  });

  test('every finding has a known code, a non-empty message and a range inside the text', () => {
    const text = [fixture('release-1.31-features.yaml'), fixture('deprecated-apis.yaml'), fixture('removed-volumes.yaml'), imageVolumeSubPath].join('\n---\n');
    for (const version of ['1.27', '1.31', '1.34']) {
      for (const f of analyze(text, version)) {
        assert.ok(Object.prototype.hasOwnProperty.call(diagnosticCodes, f.code), f.code);
        assert.ok(f.message.trim().length > 0);
        assert.ok(f.start >= 0 && f.end >= f.start && f.end <= text.length, `${f.code} ${f.start}-${f.end}`);
      }
    }
  });
});

test('a Helm template that renders an old apiVersion only where the cluster serves it is not flagged', () => {
  const guarded = [
    '{{- if and .Values.ingress.enabled (.Capabilities.APIVersions.Has "extensions/v1beta1/Ingress") }}',
    'apiVersion: extensions/v1beta1',
    'kind: Ingress',
    'metadata:',
    '  name: {{ .Release.Name }}',
    '{{- end }}',
    '',
  ].join('\n');
  const codes = analyze(guarded).map((f) => f.code);
  assert.ok(!codes.includes('removed-api'), `unexpected ${codes.join(', ')}`);
  const unguarded = guarded.replace('(.Capabilities.APIVersions.Has "extensions/v1beta1/Ingress")', '.Values.legacy');
  assert.ok(analyze(unguarded).some((f) => f.code === 'removed-api'));
});

describe('real-world manifests (regressions found on public charts and examples)', () => {
  test('a multi-line Helm comment at the top does not hide the document', () => {
    const text = '{{- /*\nCopyright notice\nspanning lines\n*/}}\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\n';
    assert.deepEqual(analyze(text).map((f) => f.code), ['removed-api']);
  });

  test('a template that branches on the cluster version is not judged against one version', () => {
    const text = [
      '{{- if semverCompare "<1.21-0" .Capabilities.KubeVersion.GitVersion }}',
      'apiVersion: policy/v1beta1',
      '{{- else }}',
      'apiVersion: policy/v1',
      '{{- end }}',
      'kind: PodDisruptionBudget',
      'metadata:',
      '  name: x',
      '',
    ].join('\n');
    assert.deepEqual(analyze(text), []);
    // Alternatives chosen by values are a problem when none of them is served (see helmBranches.test.ts).
    const bothRemoved = text.replace(/policy\/v1\n/, 'policy/v1beta1\n').replace('{{- if semverCompare "<1.21-0" .Capabilities.KubeVersion.GitVersion }}', '{{- if .Values.a }}');
    assert.deepEqual(analyze(bothRemoved).map((f) => f.code), ['removed-api', 'removed-api']);
  });

  test('CRLF files with long comment headers are split in linear time', () => {
    const text = '#\r\n'.repeat(40) + 'kind: A\r\n---\r\napiVersion: policy/v1beta1\r\nkind: PodDisruptionBudget\r\nmetadata:\r\n  name: x\r\n';
    const started = Date.now();
    assert.deepEqual(analyze(text).map((f) => f.code), ['removed-api']);
    assert.ok(Date.now() - started < 2000);
  });

  test('a Job may name any controller in managedBy', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  managedBy: example.com/my-controller\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: a\n          image: busybox:1.36\n';
    assert.ok(!analyze(text).some((f) => f.code === 'invalid-value'));
  });

  test('YAML 1.1 booleans count as booleans in rules', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n      volumeMounts:\n        - name: v\n          mountPath: /v\n          readOnly: True\n          recursiveReadOnly: Enabled\n  volumes:\n    - name: v\n      emptyDir: {}\n';
    assert.ok(!analyze(text).some((f) => f.code === 'kep-rule'));
  });

  test('--feature-gates of a third-party operator are its own, not Kubernetes gates', () => {
    const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: ${image}\n      args: ["--feature-gates=AppArmor=false"]\n`;
    assert.deepEqual(analyze(pod('example.com/operator:1.0'), '1.34').map((f) => f.code), []);
    assert.ok(analyze(pod('registry.k8s.io/kube-apiserver:v1.34.0'), '1.34').some((f) => f.code === 'removed-gate'));
  });

  test('a removed apiVersion whose replacement is removed too names no replacement', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\n';
    const finding = analyze(text).find((f) => f.code === 'removed-api');
    assert.ok(finding);
    assert.doesNotMatch(finding.message, /use `policy\/v1beta1`/);
  });

  test('a status field the cluster stops setting is a warning, not an error', () => {
    const text = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n\nstatus:\n  nodeInfo:\n    kubeProxyVersion: v1.30.0\n';
    const finding = analyze(text, '1.33').find((f) => f.code === 'removed-field');
    assert.ok(finding);
    assert.equal(finding.severity, 'warning');
  });
});

describe('rules that look from a container up to its pod spec', () => {
  const withStopSignal = (os: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:${os}
      containers:
        - name: app
          image: nginx
          lifecycle:
            stopSignal: SIGUSR1
  `;

  test('stopSignal in a pod without spec.os.name is reported on the stopSignal key', () => {
    const text = withStopSignal('');
    const found = analyze(text, '1.36', { ContainerStopSignals: true }).filter((f) => f.code === 'kep-rule');
    assert.deepEqual(summary(text, found), ['kep-rule@stopSignal']);
    assert.match(found[0]?.message ?? '', /spec\.os\.name/);
  });

  test('with spec.os.name set, nothing is reported, in a Pod or a pod template', () => {
    const text = withStopSignal('\n  os:\n    name: linux');
    none(text, analyze(text, '1.36', { ContainerStopSignals: true }), 'kep-rule');
    const inDeployment = (pod: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n${pod.slice(pod.indexOf('spec:')).replace(/^/gm, '    ')}\n`;
    none(inDeployment(text), analyze(inDeployment(text), '1.36', { ContainerStopSignals: true }), 'kep-rule');
    const bare = inDeployment(withStopSignal(''));
    assert.deepEqual(summary(bare, analyze(bare, '1.36', { ContainerStopSignals: true }).filter((f) => f.code === 'kep-rule')), ['kep-rule@stopSignal']);
  });
});
