/**
 * Every field of every built-in kind, at the target version: completion,
 * hover and the schema diagnostics (unknown-field, invalid-type,
 * invalid-value, and availability of any field), across API groups.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, type Completion } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { analyze, model, offsetOf, positionOf, settings, summary, yaml } from './helpers';

const cursor = '‸';

function complete(textWithCursor: string, version = '1.36', extra = {}): Completion[] {
  const offset = textWithCursor.indexOf(cursor);
  assert.ok(offset !== -1, 'no cursor marker');
  const text = textWithCursor.replace(cursor, '');
  const { line, character } = positionOf(text, offset);
  return completionsAt(model(text), line, character, settings(version, {}, extra));
}

const labels = (items: readonly Completion[]): string[] => items.map((i) => i.label);

function findingsOf(text: string, version = '1.36', codes = ['unknown-field', 'invalid-type', 'invalid-value', 'not-yet-available', 'removed-field', 'feature-gate-off']): string[] {
  return summary(text, analyze(text, version)).filter((s) => codes.some((c) => s.startsWith(`${c}@`)));
}

function messageOf(text: string, code: string, version = '1.36'): string {
  return analyze(text, version).find((f) => f.code === code)?.message ?? '';
}

/** The issue's example: five fields that came with five releases' KEPs. */
const examplePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: demo
  spec:
    os:
      name: linux
    hostnameOverride: demo-host
    resources:
      limits:
        cpu: "2"
    initContainers:
      - name: proxy
        image: envoy
        restartPolicy: Always
    containers:
      - name: app
        image: nginx
        lifecycle:
          stopSignal: SIGUSR1
    tolerations:
      - key: k
        operator: Gt
        value: "5"
`;

describe('completion: every field of the kind at the cursor', () => {
  test('under a Deployment spec: replicas, strategy, revisionHistoryLimit, minReadySeconds, progressDeadlineSeconds, selector, template', () => {
    const items = complete('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  ‸\n');
    for (const key of ['replicas', 'strategy', 'revisionHistoryLimit', 'minReadySeconds', 'progressDeadlineSeconds', 'selector', 'template']) assert.ok(labels(items).includes(key), `${key} in ${labels(items).join(', ')}`);
    const replicas = items.find((i) => i.label === 'replicas');
    assert.match(replicas?.detail ?? '', /^integer/);
    assert.match(replicas?.insertSnippet ?? '', /^replicas: \$\{1\}$/);
    assert.match(items.find((i) => i.label === 'template')?.insertSnippet ?? '', /^template:\n {2}\$\{1\}$/);
    assert.match(items.find((i) => i.label === 'template')?.documentation ?? '', /API reference: Deployment apps\/v1/);
  });

  test('keys already present are not offered', () => {
    const items = complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  ‸\n  selector: {}\n');
    assert.ok(!labels(items).includes('replicas'));
    assert.ok(!labels(items).includes('selector'));
    assert.ok(labels(items).includes('strategy'));
  });

  test('under a Pod spec at 1.35: resources, hostnameOverride, os and hostUsers; fields gated off or not there yet come last, marked', () => {
    const items = complete('apiVersion: v1\nkind: Pod\nspec:\n  ‸\n', '1.35');
    for (const key of ['resources', 'hostnameOverride', 'os', 'hostUsers', 'containers', 'volumes']) assert.ok(labels(items).includes(key), key);
    const at129 = complete('apiVersion: v1\nkind: Pod\nspec:\n  ‸\n', '1.29');
    const resources = at129.find((i) => i.label === 'resources');
    assert.match(resources?.detail ?? '', /not available before 1\.32/);
    assert.equal(resources?.sortText[0], '2');
    const at134 = complete('apiVersion: v1\nkind: Pod\nspec:\n  ‸\n', '1.34').find((i) => i.label === 'hostnameOverride');
    assert.match(at134?.detail ?? '', /needs gate HostnameOverride \(off\)/);
    assert.equal(at134?.sortText[0], '1');
  });

  test('nested objects and list items: under a container, and in a CronJob pod template', () => {
    const container = complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      ‸\n');
    for (const key of ['image', 'imagePullPolicy', 'ports', 'lifecycle', 'resources', 'securityContext']) assert.ok(labels(container).includes(key), key);
    assert.ok(!labels(container).includes('name'));
    const cron = complete('apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          ‸\n');
    assert.ok(labels(cron).includes('restartPolicy'));
  });

  test('enumerated values are completed, at the target version', () => {
    const policy = complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      imagePullPolicy: ‸\n');
    assert.deepEqual(labels(policy).sort(), ['Always', 'IfNotPresent', 'Never']);
    const operators = complete('apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n    - key: k\n      operator: ‸\n', '1.34');
    assert.ok(labels(operators).includes('Exists') && labels(operators).includes('Equal'));
    assert.match(operators.find((i) => i.label === 'Gt')?.detail ?? '', /not before 1\.35/);
    const booleans = complete('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: ‸\n');
    assert.deepEqual(labels(booleans), ['true', 'false']);
  });

  test('KEP fields keep their richer items', () => {
    const volume = complete('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: v\n      ‸\n', '1.31');
    const image = volume.find((i) => i.label === 'image');
    assert.match(image?.detail ?? '', /KEP-4639/);
    assert.match(image?.insertSnippet ?? '', /reference/);
  });
});

describe('hover: a card made from the facts on every built-in field', () => {
  test('replicas: its type and history, and a link to the API reference of its kind and version', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n';
    const h = hoverAt(model(text), offsetOf(text, 'replicas', 0, 2), settings('1.36'));
    assert.ok(h);
    assert.match(h.markdown, /`spec\.replicas`\*\* · integer · Deployment apps\/v1 · Kubernetes 1\.36/);
    assert.match(h.markdown, /Exists at 1\.36 · present since 1\.8 or earlier/);
    assert.match(h.markdown, /kubernetes-api\/v1\.36\/#deployment-v1-apps/);
  });

  test('a gated field names its gate, the gate\'s state at the target and the KEP; an enum lists its values at the target', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  schedulingGates:\n    - name: x\n  tolerations:\n    - operator: Gt\n';
    const h = hoverAt(model(text), offsetOf(text, 'schedulingGates', 0, 2), settings('1.27'));
    assert.match(h?.markdown ?? '', /added in 1\.26/);
    assert.match(h?.markdown ?? '', /Feature gate `PodSchedulingReadiness`: beta in 1\.27, on by default/);
    assert.match(h?.markdown ?? '', /KEP-3521 · Pod Scheduling Readiness.*\*\*beta\*\* in 1\.27/);
    const op = hoverAt(model(text), offsetOf(text, 'operator', 0, 2), settings('1.34'));
    assert.match(op?.markdown ?? '', /\*\*Values at 1\.34\*\*: `Exists`, `Equal` · later: `Lt` \(from 1\.35\), `Gt` \(from 1\.35\)/);
  });

  test('user text in a card cannot become markdown of its own', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    "container.apparmor.security.beta.kubernetes.io/a`![x](http://evil/x.png)`": runtime/default\n';
    const h = hoverAt(model(text), offsetOf(text, 'container.apparmor', 0, 3), settings('1.31'));
    assert.ok(h);
    // The key sits inside a code span whose fence (two backticks) is longer than any backtick run in it, so it stays text.
    assert.ok(h.markdown.includes('`` metadata.annotations.container.apparmor.security.beta.kubernetes.io/a`![x](http://evil/x.png)` ``'), h.markdown);
  });
});

describe('unknown-field: typos and misplaced keys of built-in kinds', () => {
  test('replcas → replicas, imagePullPolciy → imagePullPolicy, protcol → protocol, trafficDistrubution → trafficDistribution', () => {
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        replcas: 2
        template:
          spec:
            containers:
              - name: app
                imagePullPolciy: Always
                ports:
                  - containerPort: 80
                    protcol: TCP
    `;
    assert.deepEqual(findingsOf(deployment), ['unknown-field@imagePullPolciy', 'unknown-field@protcol', 'unknown-field@replcas']);
    assert.match(messageOf(deployment, 'unknown-field'), /`replcas` is not a field of DeploymentSpec .*Did you mean `replicas`\?/);
    const service = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistrubution: PreferClose\n';
    assert.match(messageOf(service, 'unknown-field'), /Did you mean `trafficDistribution`\?/);
    const fix = analyze(service, '1.36').find((f) => f.code === 'unknown-field')?.fixes[0];
    assert.equal(fix?.title, 'Rename to trafficDistribution');
  });

  test('stopSignal directly under a container belongs under lifecycle', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  os:\n    name: linux\n  containers:\n    - name: app\n      stopSignal: SIGTERM\n';
    assert.match(messageOf(pod, 'unknown-field'), /`stopSignal` is not a field of Container .*It belongs under `lifecycle` \(`lifecycle\.stopSignal`\)/);
  });

  test('across groups: core, apps, batch, networking, policy, rbac, storage, admissionregistration, autoscaling, resource', () => {
    const cases: [string, string, string, string][] = [
      ['v1', 'ConfigMap', 'imutable: true', 'imutable'],
      ['apps/v1', 'StatefulSet', 'spec:\n  serviceNme: x', 'serviceNme'],
      ['batch/v1', 'Job', 'spec:\n  backofLimit: 3', 'backofLimit'],
      ['networking.k8s.io/v1', 'Ingress', 'spec:\n  ingressClass: nginx', 'ingressClass'],
      ['policy/v1', 'PodDisruptionBudget', 'spec:\n  minAvailible: 1', 'minAvailible'],
      ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'rule:\n  - verbs: [get]', 'rule'],
      ['storage.k8s.io/v1', 'StorageClass', 'provsioner: x', 'provsioner'],
      ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'webhook: []', 'webhook'],
      ['autoscaling/v2', 'HorizontalPodAutoscaler', 'spec:\n  maxReplica: 3', 'maxReplica'],
      ['resource.k8s.io/v1', 'DeviceClass', 'spec:\n  selector: []', 'selector'],
    ];
    for (const [apiVersion, kind, body, key] of cases) {
      const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${body}\n`;
      assert.deepEqual(findingsOf(text, '1.36', ['unknown-field']), [`unknown-field@${key}`], `${apiVersion} ${kind}`);
    }
  });

  test('labels, annotations, ConfigMap and Secret data, nodeSelector, custom resources, RawExtension and CRD schemas get nothing', () => {
    const clean = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    anything: goes\n  annotations:\n    whatever.example.com/x: "1"\ndata:\n  replcas: "2"\n  key: value\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  password: hunter2\ndata:\n  token: aGk=\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n    - name: c\n      image: x\n',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  replcas: 3\n  anything: [1, 2]\n',
      // Tools' own files borrow the shape of an object: their metadata is theirs.
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n  version: "1.33"\n  tags:\n    team: a\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n          properties:\n            spec:\n              type: object\n              x-kubernetes-int-or-string: true\n',
      'apiVersion: admission.k8s.io/v1\nkind: AdmissionReview\nrequest:\n  uid: "1"\n  object:\n    anything: at all\n    replcas: 1\n',
    ];
    for (const text of clean) assert.deepEqual(findingsOf(text), [], text);
  });

  test('Helm-templated keys and values, and strategic-merge directives, are left alone', () => {
    const chart = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  {{ .Values.key }}: 3\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: app\n          $patch: delete\n';
    assert.deepEqual(findingsOf(chart), []);
  });

  test('off with schemaChecks off; the code can be disabled', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replcas: 2\n';
    assert.deepEqual(summary(text, analyze(text, '1.36', {}, { schemaChecks: false })), []);
    assert.deepEqual(summary(text, analyze(text, '1.36', {}, { disabledCodes: ['unknown-field'] })), []);
  });
});

describe('invalid-type: what Kubernetes reads from the YAML', () => {
  test('quoted numbers in integer fields, YAML 1.1 booleans and numbers in string fields, maps where lists belong', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            image: nginx
            env:
              - name: DEBUG
                value: yes
              - name: PORT
                value: 8080
            ports:
              - containerPort: "80"
            volumeMounts:
              name: data
    `;
    assert.deepEqual(findingsOf(text, '1.36', ['invalid-type']), ['invalid-type@"80"', 'invalid-type@8080', 'invalid-type@volumeMounts', 'invalid-type@yes']);
    assert.ok(analyze(text, '1.36').some((f) => f.code === 'invalid-type' && /`volumeMounts` expects a list, not a map/.test(f.message)));
    assert.match(messageOf(text, 'invalid-type'), /quote it \("yes"\) to keep it a string|write it without quotes/);
  });

  test('accepted as the API server accepts it: YAML 1.1 booleans for booleans, quantities as numbers or strings, integral floats, nulls', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostNetwork: yes
        enableServiceLinks: False
        terminationGracePeriodSeconds: 30.0
        activeDeadlineSeconds: 0x10
        containers:
          - name: app
            image: nginx
            resources:
              limits:
                cpu: 2
                memory: 1Gi
            livenessProbe:
              httpGet:
                port: http
            args:
            env:
              - name: QUOTED
                value: "true"
    `;
    assert.deepEqual(findingsOf(text, '1.36', ['invalid-type']), []);
  });
});

describe('invalid-value and availability of any field', () => {
  test('an enum value no version accepts, with a near-miss suggestion', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: always\n  containers:\n    - name: app\n      image: x\n';
    assert.deepEqual(findingsOf(text, '1.36', ['invalid-value']), ['invalid-value@always']);
    assert.match(messageOf(text, 'invalid-value'), /did you mean `Always`\?/);
  });

  test('the example Pod: not there at 1.29, gates off at 1.34, quiet at 1.35 except what is still alpha', () => {
        assert.deepEqual(findingsOf(examplePod, '1.29'), ['not-yet-available@Gt', 'not-yet-available@hostnameOverride', 'not-yet-available@resources', 'not-yet-available@stopSignal']);
    assert.deepEqual(findingsOf(examplePod, '1.34'), ['feature-gate-off@hostnameOverride', 'feature-gate-off@stopSignal', 'not-yet-available@Gt']);
    for (const f of analyze(examplePod, '1.34').filter((x) => x.code === 'feature-gate-off')) assert.equal(f.severity, 'warning');
    // By 1.35 the gates of pod-level resources and hostnameOverride are on; stop signals and comparison operators are still alpha.
    const at135 = analyze(examplePod, '1.35');
    assert.deepEqual(summary(examplePod, at135).filter((s) => !s.startsWith('feature-gate-off@stopSignal') && !s.startsWith('feature-gate-off@Gt')), []);
    assert.ok(at135.every((f) => f.severity !== 'error'));
    // At 1.27 sidecar init containers did not exist yet.
    assert.ok(findingsOf(examplePod, '1.27').includes('not-yet-available@restartPolicy'));
  });

  test('a field removed from the API is reported as removed at later versions', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  topologyKeys: ["kubernetes.io/hostname"]\n  ports:\n    - port: 80\n';
    assert.deepEqual(findingsOf(text, '1.36', ['removed-field']), ['removed-field@topologyKeys']);
    assert.match(messageOf(text, 'removed-field'), /removed from the API in Kubernetes 1\.22/);
    assert.deepEqual(findingsOf(text, '1.21', ['removed-field', 'unknown-field']), [], 'still there at 1.21');
    // Where our overlay knows the story, its words win: workloadRef gave way to schedulingGroup.
    const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  workloadRef:\n    name: w\n  containers:\n    - name: c\n      image: x\n';
    assert.match(messageOf(pod, 'removed-field'), /KEP-4671.*schedulingGroup/);
  });
});

describe('the example Pod: each field names its KEP and its stage at the target', () => {
  const cases: [needle: string, within: number, kep: number, stage: string][] = [
    ['hostnameOverride', 2, 4762, 'beta'],
    ['resources', 2, 2837, 'beta'],
    ['restartPolicy', 2, 753, 'stable'],
    ['stopSignal', 2, 4960, 'alpha'],
    ['operator', 2, 5471, 'alpha'],
  ];
  for (const [needle, within, kep, stage] of cases) {
    test(`${needle}: KEP-${kep}, ${stage} at 1.35`, () => {
      const h = hoverAt(model(examplePod), offsetOf(examplePod, needle, 0, within), settings(needle === 'resources' ? '1.34' : '1.35'));
      assert.ok(h, `no hover on ${needle}`);
      assert.match(h.markdown, new RegExp(`KEP-${kep}`), h.markdown);
      assert.match(h.markdown, new RegExp(`\\*\\*${stage}\\*\\* in 1\\.3[45]`), h.markdown);
    });
  }
});
