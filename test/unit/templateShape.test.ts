/**
 * Helm templates whose YAML shape the template decides: if/else alternatives
 * sitting in one map, and actions that emit YAML of their own. The schema
 * checks leave those maps alone, and keep judging the rest of the document.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/manifest/model';
import { shapedBetween, shapingActions } from '../../server/src/manifest/templateShape';
import { analyze, summary, yaml } from './helpers';

const fieldCodes = new Set(['unknown-field', 'invalid-type', 'invalid-value', 'not-yet-available', 'feature-gate-off']);
const fieldFindings = (text: string): string[] => summary(text, analyze(text, '1.36')).filter((s) => fieldCodes.has(s.split('@')[0] as string));

describe('which standalone actions shape the YAML', () => {
  const text = yaml`
    {{- if .Values.a }}
    x: 1
    {{- else }}
    y: 2
    {{- end }}
    labels:
    {{- include "chart.labels" . | nindent 2 }}
    {{ toYaml .Values.extra | indent 2 }}
    {{- with .Values.z }}
    {{- end }}
  `;
  const chunk = buildModel(text).chunks[0]?.chunk;

  test('else, include, toYaml shape; if, end, with do not', () => {
    assert.ok(chunk);
    const lines = shapingActions(chunk).map((at) => text.slice(at, text.indexOf('\n', at)).trim());
    assert.deepEqual(lines, ['{{- else }}', '{{- include "chart.labels" . | nindent 2 }}', '{{ toYaml .Values.extra | indent 2 }}']);
  });

  test('a span is shaped when an action lies inside it', () => {
    const actions = [10, 50];
    assert.equal(shapedBetween(actions, 0, 11), true);
    assert.equal(shapedBetween(actions, 11, 50), false);
    assert.equal(shapedBetween(actions, 20, 60), true);
    assert.equal(shapedBetween([], 0, 100), false);
  });
});

describe('schema checks around template-shaped maps', () => {
  test('apiVersion chosen by if/else: the fields of either version are not judged against the other', () => {
    const text = yaml`
      {{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}
      apiVersion: networking.k8s.io/v1
      {{- else }}
      apiVersion: networking.k8s.io/v1beta1
      {{- end }}
      kind: Ingress
      metadata:
        name: x
      spec:
        rules:
          - http:
              paths:
                - path: /
                  backend:
                    {{- if semverCompare ">=1.19-0" $.Capabilities.KubeVersion.GitVersion }}
                    service: {name: x, port: {number: 80}}
                    {{- else }}
                    serviceName: x
                    servicePort: 80
                    {{- end }}
    `;
    assert.deepEqual(fieldFindings(text), []);
  });

  test('kind chosen by if/else: the schema checks stand aside, since either kind may be the one rendered', () => {
    const text = yaml`
      apiVersion: apps/v1
      {{- if .Values.sharded }}
      kind: StatefulSet
      {{- else }}
      kind: Deployment
      {{- end }}
      metadata:
        name: x
      spec:
        {{- if not .Values.sharded }}
        strategy: {type: RollingUpdate}
        {{- end }}
        selector: {matchLabels: {app: x}}
        template:
          metadata: {labels: {app: x}}
          spec: {containers: [{name: c, image: i, imagePullPolicy: always}]}
    `;
    assert.deepEqual(fieldFindings(text), []);
    // With one kind, the same document is judged.
    const single = text.replace(/\{\{- if \.Values\.sharded \}\}\nkind: StatefulSet\n\{\{- else \}\}\n/, '');
    assert.deepEqual(fieldFindings(single), ['invalid-value@always']);
  });

  test('two whole objects as if/else alternatives are not mixed into one', () => {
    const text = yaml`
      {{- if not .Values.certManager }}
      apiVersion: v1
      kind: Secret
      metadata:
        name: x
      type: kubernetes.io/tls
      data: {tls.crt: "", tls.key: ""}
      {{- else }}
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata:
        name: x
      spec:
        secretName: x
      {{- end }}
    `;
    assert.deepEqual(fieldFindings(text), []);
  });

  test('a key repeated across if/else inside a container is not judged twice, nor its first value', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: x
      spec:
        selector: {matchLabels: {app: x}}
        template:
          metadata: {labels: {app: x}}
          spec:
            containers:
              - name: c
                image: i
                args:
                {{- if .Values.tls }}
                  - "--tls=true"
                ports:
                  - containerPort: 8443
                {{- else }}
                  - "--tls=false"
                ports:
                  - containerPort: 8080
                {{- end }}
    `;
    assert.deepEqual(fieldFindings(text), []);
  });

  test('keys under an include that emits their parent are not judged against the outer map', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: x',
      'spec:',
      '  selector: {matchLabels: {app: x}}',
      '  template:',
      '    metadata:',
      '{{ include "x.labels" . | indent 6 }}',
      '        app: x',
      '    spec:',
      '      containers: [{name: c, image: i, imagePulPolicy: Always}]',
      '',
    ].join('\n');
    // The typo in the containers, outside the shaped map, is still found.
    assert.deepEqual(fieldFindings(text), ['unknown-field@imagePulPolicy']);
  });

  test('a plain if without else keeps its keys judged', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: x
      spec:
        {{- if .Values.pin }}
        replica: 3
        {{- end }}
        selector: {matchLabels: {app: x}}
        template:
          metadata: {labels: {app: x}}
          spec: {containers: [{name: c, image: i}]}
    `;
    assert.deepEqual(fieldFindings(text), ['unknown-field@replica']);
  });
});
