/**
 * Completion on inline YAML. `<|>` marks the cursor.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, type Completion } from '../../server/src/features/completion';
import { apiVersionStatusAt, servedVersionsOf } from '../../server/src/kep/catalog';
import { supportedVersions } from '../../server/src/kep/versions';
import { model, positionOf, settings, yaml } from './helpers';

const cursor = '<|>';

function complete(textWithCursor: string, version = '1.31', gates: Record<string, boolean> = {}): Completion[] {
  const offset = textWithCursor.indexOf(cursor);
  assert.ok(offset !== -1, 'no cursor marker');
  const text = textWithCursor.replace(cursor, '');
  const { line, character } = positionOf(text, offset);
  return completionsAt(model(text), line, character, settings(version, gates));
}

function labels(items: readonly Completion[]): string[] {
  return items.map((i) => i.label);
}

function item(items: readonly Completion[], label: string): Completion {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion "${label}" among ${labels(items).join(', ')}`);
  return found;
}

describe('completion: keys', () => {
  test('image under a volume item: snippet with reference and pullPolicy', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: Pod
      spec:
        volumes:
          - name: models
            ${cursor}
    `);
    const image = item(items, 'image');
    assert.match(image.insertSnippet, /^image:\n/);
    assert.match(image.insertSnippet, /reference: /);
    assert.match(image.insertSnippet, /pullPolicy: \$\{\d+\|IfNotPresent,Always,Never\|\}/);
    assert.match(image.detail, /KEP-4639/);
    assert.match(image.detail, /alpha/);
    assert.ok(image.documentation?.includes('KEP-4639'));
  });

  test('image under a volume item of a CronJob pod template', () => {
    const items = complete(yaml`
      apiVersion: batch/v1
      kind: CronJob
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                volumes:
                  - name: models
                    ${cursor}
    `);
    assert.ok(labels(items).includes('image'));
  });

  test('matchLabelKeys / mismatchLabelKeys under a required podAntiAffinity term', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          metadata:
            labels:
              app: web
              tier: frontend
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: kubernetes.io/hostname
                    ${cursor}
    `);
    const match = item(items, 'matchLabelKeys');
    item(items, 'mismatchLabelKeys');
    assert.match(match.detail, /KEP-3633/);
    // The pod template's labels (and the Deployment's pod-template-hash) are offered in the snippet.
    assert.match(match.insertSnippet, /app/);
    assert.match(match.insertSnippet, /tier/);
    assert.match(match.insertSnippet, /pod-template-hash/);
  });

  test('label keys for matchLabelKeys list items come from the pod template labels', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      spec:
        template:
          metadata:
            labels:
              app: db
              shard: a
          spec:
            affinity:
              podAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: zone
                    matchLabelKeys:
                      - ${cursor}
    `);
    assert.deepEqual(labels(items).sort(), ['app', 'shard']);
    assert.ok(items.every((i) => i.kind === 'value'));
  });

  test('trafficDistribution under a Service spec', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ${cursor}
    `);
    const td = item(items, 'trafficDistribution');
    assert.match(td.detail, /KEP-4444 · beta/);
    assert.match(td.insertSnippet, /PreferClose/);
    assert.ok(!labels(items).includes('selector'), 'present keys are not offered');
  });

  test('value completion for trafficDistribution offers PreferClose first', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: Service
      spec:
        trafficDistribution: ${cursor}
    `);
    const pc = item(items, 'PreferClose');
    assert.equal(pc.kind, 'value');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0]?.label, 'PreferClose');
  });

  test('value completion replaces the partial value', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: Pref<|>\n';
    const items = complete(text);
    const pc = item(items, 'PreferClose');
    const clean = text.replace(cursor, '');
    assert.equal(clean.slice(pc.replaceStart, pc.replaceEnd), 'Pref');
  });

  const jobSpec = (prefix: string, present = ''): string => {
    const body = `completions: 3\n${present}${cursor}\n`;
    const lines = prefix.split('.');
    let out = body;
    for (const key of [...lines].reverse()) out = `${key}:\n${out.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`;
    return `apiVersion: batch/v1\nkind: ${prefix === 'spec' ? 'Job' : 'CronJob'}\n${out}`;
  };

  for (const [kind, prefix] of [['Job', 'spec'], ['CronJob', 'spec.jobTemplate.spec']] as const) {
    test(`successPolicy / podFailurePolicy / managedBy under ${kind} ${prefix}`, () => {
      const items = complete(jobSpec(prefix));
      for (const key of ['successPolicy', 'podFailurePolicy', 'managedBy']) item(items, key);
      assert.match(item(items, 'successPolicy').detail, /KEP-3998/);
      assert.match(item(items, 'podFailurePolicy').detail, /KEP-3329/);
      assert.match(item(items, 'managedBy').detail, /KEP-4368/);
    });
  }

  test('keys already present are not offered', () => {
    const items = complete(jobSpec('spec', 'successPolicy:\n  rules: []\nmanagedBy: example.com/x\n'));
    assert.ok(!labels(items).includes('successPolicy'));
    assert.ok(!labels(items).includes('managedBy'));
    assert.ok(labels(items).includes('podFailurePolicy'));
  });

  test('unhealthyPodEvictionPolicy in a PDB', () => {
    const items = complete('apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  <|>\n');
    const u = item(items, 'unhealthyPodEvictionPolicy');
    assert.match(u.insertSnippet, /IfHealthyBudget/);
    assert.match(u.insertSnippet, /AlwaysAllow/);
  });

  test('ordinals in a StatefulSet', () => {
    const items = complete('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: 3\n  <|>\n');
    const o = item(items, 'ordinals');
    assert.match(o.detail, /KEP-3335/);
    assert.match(o.insertSnippet, /start/);
  });

  test('recursiveReadOnly under a volume mount', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            volumeMounts:
              - name: data
                mountPath: /data
                ${cursor}
    `);
    const r = item(items, 'recursiveReadOnly');
    assert.match(r.insertSnippet, /Enabled/);
  });

  test('appArmorProfile and procMount under a container securityContext', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      spec:
        template:
          spec:
            containers:
              - name: app
                securityContext:
                  runAsNonRoot: true
                  ${cursor}
    `);
    assert.match(item(items, 'appArmorProfile').detail, /KEP-24/);
    assert.match(item(items, 'procMount').detail, /KEP-4265/);
  });

  test('supplementalGroupsPolicy under the pod securityContext', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext:
          runAsUser: 1000
          ${cursor}
    `);
    const s = item(items, 'supplementalGroupsPolicy');
    assert.match(s.detail, /KEP-3619/);
    assert.match(s.insertSnippet, /Merge|Strict/);
  });

  test('volumeAttributesClassName under a PVC spec', () => {
    const items = complete('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: fast\n  <|>\n');
    assert.match(item(items, 'volumeAttributesClassName').detail, /KEP-3751/);
  });

  test('selectableFields under a CRD version', () => {
    const items = complete(yaml`
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      spec:
        versions:
          - name: v1
            served: true
            ${cursor}
    `);
    assert.match(item(items, 'selectableFields').detail, /KEP-4358/);
  });

  test('a field in the middle of a List item', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
          spec:
            ${cursor}
            ports:
              - port: 80
        - apiVersion: v1
          kind: ConfigMap
    `);
    assert.ok(labels(items).includes('trafficDistribution'), labels(items).join(','));
  });

  test('a field on a blank line at the end of the last List item', () => {
    const items = complete(yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
          spec:
            ports:
              - port: 80
            ${cursor}
    `);
    assert.ok(labels(items).includes('trafficDistribution'), `no key completions on a blank line after the last List item's content (got: ${labels(items).join(', ') || 'nothing'})`);
  });

  test('CRLF documents complete like LF ones', () => {
    const items = complete('apiVersion: v1\r\nkind: Service\r\nspec:\r\n  selector:\r\n    app: web\r\n  <|>\r\n');
    assert.ok(labels(items).includes('trafficDistribution'));
  });

  test('the second document of a file completes for its own kind', () => {
    const items = complete('apiVersion: v1\nkind: Service\nspec:\n  ports: []\n---\napiVersion: apps/v1\nkind: StatefulSet\nspec:\n  <|>\n  replicas: 1\n');
    assert.ok(labels(items).includes('ordinals'));
    assert.ok(!labels(items).includes('trafficDistribution'));
  });

  test('nothing in a non-Kubernetes document', () => {
    assert.deepEqual(complete('name: CI\non:\n  push: {}\njobs:\n  build:\n    <|>\n'), []);
  });

  test('feature gate names in a KubeletConfiguration featureGates map', () => {
    const items = complete('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nfeatureGates:\n  <|>\n');
    const iv = item(items, 'ImageVolume');
    assert.equal(iv.kind, 'gate');
    assert.match(iv.insertSnippet, /^ImageVolume: /);
    assert.ok(!labels(items).includes('CSIMigrationRBD'), 'gates removed by 1.31 are not offered');
  });
});

describe('completion: apiVersion and kind', () => {
  test('apiVersion for a PodDisruptionBudget offers policy/v1, never the removed policy/v1beta1', () => {
    for (const version of supportedVersions) {
      const items = complete('apiVersion: <|>\nkind: PodDisruptionBudget\n', version);
      assert.ok(labels(items).includes('policy/v1'), version);
      assert.ok(!labels(items).includes('policy/v1beta1'), version);
    }
  });

  test('removed versions are never offered, for any kind and version', () => {
    for (const version of ['1.27', '1.31', '1.34']) {
      const items = complete('apiVersion: <|>\n', version);
      assert.ok(items.length > 0);
      for (const i of items) {
        // Without a kind, each item names the kind it is offered for in its detail.
        const kind = i.detail.split(' · ')[0] as string;
        assert.ok(servedVersionsOf(kind).some((gv) => gv.groupVersion === i.label), `${i.label}: detail names kind ${kind}`);
        assert.notEqual(apiVersionStatusAt(i.label, kind, version).state, 'removed', `${i.label} ${kind} at ${version}`);
      }
      for (const kind of ['CronJob', 'Ingress', 'HorizontalPodAutoscaler', 'FlowSchema', 'EndpointSlice', 'PodDisruptionBudget']) {
        for (const i of complete(`apiVersion: <|>\nkind: ${kind}\n`, version)) {
          assert.notEqual(apiVersionStatusAt(i.label, kind, version).state, 'removed', `${i.label} ${kind} at ${version}`);
        }
      }
    }
  });

  test('apiVersion for a CronJob at 1.31 is batch/v1 only', () => {
    assert.deepEqual(labels(complete('apiVersion: <|>\nkind: CronJob\n', '1.31')), ['batch/v1']);
  });

  test('apiVersion for a ServiceCIDR at 1.31 offers the beta (v1 only from 1.33 ranks last)', () => {
    const items = labels(complete('apiVersion: <|>\nkind: ServiceCIDR\n', '1.31'));
    assert.ok(items.includes('networking.k8s.io/v1beta1'), items.join(','));
    const all = complete('apiVersion: <|>\nkind: ServiceCIDR\n', '1.31');
    const v1 = all.find((i) => i.label === 'networking.k8s.io/v1');
    if (v1) assert.ok(v1.sortText > item(all, 'networking.k8s.io/v1beta1').sortText, 'a version not served yet sorts after a served one');
  });

  test('kind completion lists kinds, those served by the apiVersion first', () => {
    const items = complete('apiVersion: batch/v1\nkind: <|>\n');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(sorted.slice(0, 2).map((i) => i.label).sort(), ['CronJob', 'Job']);
    assert.ok(labels(items).includes('Deployment'));
  });
});
