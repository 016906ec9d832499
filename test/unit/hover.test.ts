/**
 * Hover cards on inline YAML.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, type HoverResult } from '../../server/src/features/hover';
import { hostDocument, indent, model, offsetOf, podTemplateHosts, settings, yaml } from './helpers';

function hover(text: string, needle: string, { nth = 0, within = 1, version = '1.31', gates = {} as Record<string, boolean> } = {}): HoverResult | undefined {
  return hoverAt(model(text), offsetOf(text, needle, nth, within), settings(version, gates));
}

describe('hover: image volume (KEP-4639) at every pod-template location', () => {
  for (const { kind, apiVersion, prefix } of podTemplateHosts) {
    test(`${kind}: ${prefix ? `${prefix}.` : ''}spec.volumes[].image`, () => {
      const text = hostDocument(kind, apiVersion, prefix);
      const h = hover(text, '  image:\n', { within: 2 });
      assert.ok(h, `no hover in ${kind}:\n${text}`);
      assert.match(h.markdown, /KEP-4639/);
      assert.match(h.markdown, /\*\*alpha\*\* in 1\.31/);
      assert.equal(text.slice(h.start, h.end), 'image');
      assert.ok(h.markdown.includes(`${prefix ? `${prefix}.` : ''}spec.volumes[0].image`), 'the card names the concrete path');
    });
  }

  test('a child key (reference) gets the same enhancement', () => {
    const text = hostDocument('Deployment', 'apps/v1', 'spec.template');
    const h = hover(text, 'reference');
    assert.ok(h);
    assert.match(h.markdown, /KEP-4639/);
  });

  test('the container image (a string, not a volume) gets no KEP-4639 card', () => {
    const text = hostDocument('Pod', 'v1', '');
    const h = hover(text, 'image: registry', { within: 1 });
    assert.ok(!h || !/KEP-4639/.test(h.markdown), h?.markdown);
  });

  test('inside a kind: List item', () => {
    const item = indent(hostDocument('Deployment', 'apps/v1', 'spec.template'), 4).replace(/^ {4}/, '  - ');
    const text = `apiVersion: v1\nkind: List\nitems:\n${item}`;
    const h = hover(text, '  image:\n', { within: 2 });
    assert.ok(h, text);
    assert.match(h.markdown, /KEP-4639/);
    assert.match(h.markdown, /\*\*alpha\*\* in 1\.31/);
  });

  test('at 1.33 the card says beta', () => {
    const h = hover(hostDocument('Pod', 'v1', ''), '  image:\n', { within: 2, version: '1.33' });
    assert.ok(h);
    assert.match(h.markdown, /\*\*beta\*\* in 1\.33/);
    assert.match(h.markdown, /Feature gate `ImageVolume`: beta in 1\.33, off by default/);
  });

  test('at 1.30 the card says not available', () => {
    const h = hover(hostDocument('Pod', 'v1', ''), '  image:\n', { within: 2, version: '1.30' });
    assert.ok(h);
    assert.match(h.markdown, /not available\*\* in 1\.30/);
  });

  test('with featureGates {ImageVolume: true} the card says it is on in your settings', () => {
    const h = hover(hostDocument('Pod', 'v1', ''), '  image:\n', { within: 2, gates: { ImageVolume: true } });
    assert.ok(h);
    assert.match(h.markdown, /on in your settings/);
    assert.doesNotMatch(h.markdown, /Has no effect/);
  });

  test('without the gate the card warns it has no effect', () => {
    const h = hover(hostDocument('Pod', 'v1', ''), '  image:\n', { within: 2 });
    assert.ok(h);
    assert.match(h.markdown, /no effect at 1\.31 unless feature gate `ImageVolume` is on/);
  });

  test('a file pin changes the version the card describes', () => {
    const text = `# kep-lens: kubernetesVersion=1.33\n${hostDocument('Pod', 'v1', '')}`;
    const h = hover(text, '  image:\n', { within: 2 });
    assert.ok(h);
    assert.match(h.markdown, /\*\*beta\*\* in 1\.33/);
    assert.match(h.markdown, /pinned in this file/);
  });
});

describe('hover: values', () => {
  test('trafficDistribution: PreferClose', () => {
    const text = yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        trafficDistribution: PreferClose
    `;
    const h = hover(text, 'PreferClose');
    assert.ok(h);
    assert.match(h.markdown, /KEP-4444/);
    assert.match(h.markdown, /`PreferClose`:/);
    assert.equal(text.slice(h.start, h.end), 'PreferClose');
    const key = hover(text, 'trafficDistribution');
    assert.match(key?.markdown ?? '', /\*\*beta\*\* in 1\.31/);
  });

  for (const value of ['IfHealthyBudget', 'AlwaysAllow']) {
    test(`unhealthyPodEvictionPolicy: ${value}`, () => {
      const text = `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: ${value}\n`;
      const h = hover(text, value);
      assert.ok(h);
      assert.match(h.markdown, /KEP-3017/);
      assert.ok(h.markdown.includes(`\`${value}\`:`), h.markdown);
      assert.match(h.markdown, /\*\*stable\*\* in 1\.31/);
    });
  }

  test('recursiveReadOnly: Enabled', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            volumeMounts:
              - name: data
                mountPath: /data
                readOnly: true
                recursiveReadOnly: Enabled
    `;
    const h = hover(text, 'Enabled');
    assert.ok(h);
    assert.match(h.markdown, /KEP-3857/);
    assert.match(h.markdown, /`Enabled`:/);
  });

  test('supplementalGroupsPolicy: Strict', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext:
          supplementalGroupsPolicy: Strict
    `;
    const h = hover(text, 'Strict');
    assert.ok(h);
    assert.match(h.markdown, /KEP-3619/);
    assert.match(h.markdown, /`Strict`:/);
    assert.match(h.markdown, /\*\*alpha\*\* in 1\.31/);
  });
});

describe('hover: apiVersion, gates and component config', () => {
  test('apiVersion: policy/v1beta1 mentions the removal in 1.25 and policy/v1', () => {
    const text = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n';
    const h = hover(text, 'policy/v1beta1', { within: 3 });
    assert.ok(h);
    assert.match(h.markdown, /removed/);
    assert.match(h.markdown, /1\.25/);
    assert.match(h.markdown, /`policy\/v1`/);
    assert.equal(text.slice(h.start, h.end), 'policy/v1beta1');
  });

  test('apiVersion: apps/v1 Deployment says served', () => {
    const h = hover('apiVersion: apps/v1\nkind: Deployment\n', 'apps/v1');
    assert.match(h?.markdown ?? '', /Status at 1\.31: served/);
  });

  test('a gate in a KubeletConfiguration featureGates map', () => {
    const text = yaml`
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      featureGates:
        ImageVolume: true
    `;
    const h = hover(text, 'ImageVolume');
    assert.ok(h);
    assert.match(h.markdown, /Feature gate `ImageVolume`/);
    assert.match(h.markdown, /KEP-4639/);
    assert.equal(text.slice(h.start, h.end), 'ImageVolume');
  });

  test('--feature-gates=ImageVolume=true in a kube-apiserver static pod command', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
        namespace: kube-system
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command:
              - kube-apiserver
              - --feature-gates=ImageVolume=true,SupplementalGroupsPolicy=true
    `;
    const h = hover(text, 'ImageVolume', { within: 2 });
    assert.ok(h);
    assert.match(h.markdown, /Feature gate `ImageVolume`/);
    assert.equal(text.slice(h.start, h.end), 'ImageVolume');
    const second = hover(text, 'SupplementalGroupsPolicy', { within: 2 });
    assert.match(second?.markdown ?? '', /Feature gate `SupplementalGroupsPolicy`/);
    assert.equal(hover(text, '--feature-gates', { within: 0 }), undefined, 'the flag name itself has no card');
  });

  test('KubeProxyConfiguration mode: nftables', () => {
    const text = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n';
    const h = hover(text, 'nftables');
    assert.ok(h);
    assert.match(h.markdown, /KEP-3866/);
    assert.match(h.markdown, /\*\*beta\*\* in 1\.31/);
  });
});

describe('hover: nothing where the data knows nothing', () => {
  test('every field of a known kind has a card made from the facts; values and unknown keys have none', () => {
    const text = hostDocument('Deployment', 'apps/v1', 'spec.template');
    assert.match(hover(text, 'metadata')?.markdown ?? '', /^\*\*`metadata`\*\* · ObjectMeta · Deployment apps\/v1/);
    assert.match(hover(text, 'containers')?.markdown ?? '', /\[\]Container/);
    assert.match(hover(text, 'mountPath')?.markdown ?? '', /string/);
    // A free-text value is the user's: no card for it.
    assert.equal(hover(text, 'name: example', { within: 7 }), undefined);
    const typo = hover('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replcas: 2\n', 'replcas');
    assert.equal(typo, undefined);
  });

  test('a GitHub workflow', () => {
    const text = yaml`
      name: CI
      on:
        push:
          branches: [main]
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - name: image
              run: echo trafficDistribution
    `;
    for (const needle of ['name', 'jobs', 'runs-on', 'image', 'trafficDistribution', 'checkout']) assert.equal(hover(text, needle), undefined, needle);
  });

  test('a docker-compose file', () => {
    const text = yaml`
      version: "3.9"
      services:
        web:
          image: nginx:1.27
          volumes:
            - type: volume
              source: data
              target: /data
      volumes:
        data: {}
    `;
    for (const needle of ['version', 'image', 'volumes', 'type', 'nginx']) assert.equal(hover(text, needle), undefined, needle);
  });
});
