/**
 * Manifests read the way kubectl reads them (go-yaml), so that a check never
 * fires on a value the API server never sees: scalar typing, explicit tags,
 * repeated keys, and the YAML that go-yaml accepts and YAML 1.2 rejects.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import type { FileFinding } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/manifest/edits';
import { buildModel } from '../../server/src/manifest/model';
import { analyze, summary, yaml } from './helpers';

const pod = (container: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: c
      image: busybox
` + '\n' + container.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n') + '\n';

const codes = (text: string, version = '1.36'): string[] => summary(text, analyze(text, version));

function valueAt(text: string, path: (string | number)[]): unknown {
  const doc = buildModel(text).chunks[0]?.chunk.doc;
  return doc?.getIn(path, false);
}

describe('scalar typing as go-yaml types it', () => {
  test('times like 12:30 are strings (no YAML 1.1 base-60 numbers)', () => {
    const text = pod('env:\n- name: BACKUP_TIME\n  value: 12:30\n- name: TIMEOUT\n  value: 1:20:00\n- name: LONG\n  value: 190:20:30');
    assert.deepEqual(codes(text), []);
  });

  test('upper-case radix prefixes are integers: accepted in integer fields, rejected in string fields', () => {
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        replicas: 0X10
        revisionHistoryLimit: 0O17
        minReadySeconds: 0B11
        selector: {matchLabels: {app: x}}
        template:
          metadata: {labels: {app: x}}
          spec: {containers: [{name: c, image: i}]}
    `;
    assert.deepEqual(codes(deployment), []);
    const text = pod('env:\n- name: MASK\n  value: 0X1F');
    assert.deepEqual(codes(text), ['invalid-type@0X1F']);
  });

  test('a number too large for 64 bits is a string to go-yaml', () => {
    const text = pod('env:\n- {name: A, value: 0xFFFFFFFFFFFFFFFFF}\n- {name: B, value: 1e400}');
    assert.deepEqual(codes(text), []);
  });

  test('explicit tags decide the type', () => {
    const text = pod('ports:\n- containerPort: !!int "8080"\nenv:\n- {name: A, value: !!str 123}\n- {name: B, value: !!str true}');
    assert.deepEqual(codes(text), []);
    const wrong = pod('ports:\n- containerPort: !!str 8080');
    assert.deepEqual(codes(wrong).map((c) => c.split('@')[0]), ['invalid-type']);
  });

  test('an unknown tag says nothing checkable: no type finding', () => {
    assert.deepEqual(codes(pod('ports:\n- containerPort: !custom 8080')), []);
  });
});

describe('repeated keys: the last one is what the API server sees', () => {
  test('an earlier, wrong value of a repeated key is not reported', () => {
    assert.deepEqual(codes(pod('imagePullPolicy: always\nimagePullPolicy: Always')), []);
  });

  test('a wrong last value still is', () => {
    assert.deepEqual(codes(pod('imagePullPolicy: Always\nimagePullPolicy: always')).map((c) => c.split('@')[0]), ['invalid-value']);
  });
});

describe('YAML that go-yaml reads and YAML 1.2 rejects', () => {
  const preferredFix = (f: FileFinding): FileFinding['fixes'][number] => f.fixes.find((x) => x.isPreferred) as FileFinding['fixes'][number];

  function fixAll(text: string): string {
    const hints = analyze(text, '1.36').filter((f) => f.code === 'yaml-portability');
    let fixed = text;
    for (const h of [...hints].sort((a, b) => b.start - a.start)) fixed = applyEdits(fixed, preferredFix(h).edits);
    return fixed;
  }

  test('`\\\'` inside double quotes is an apostrophe, with a hint and a fix', () => {
    const text = pod('command: ["sh", "-c", "echo \\"A=\\\'a\\\'\\""]');
    const found = analyze(text, '1.36');
    assert.deepEqual(summary(text, found), ["yaml-portability@\\'", "yaml-portability@\\'"]);
    for (const f of found) assert.equal(f.severity, 'hint');
    assert.equal(valueAt(text, ['spec', 'containers', 0, 'command', 2]), `echo "A='a'"`);
    const fixed = fixAll(text);
    assert.deepEqual(parseDocument(fixed).errors, []);
    assert.equal(valueAt(fixed, ['spec', 'containers', 0, 'command', 2]), `echo "A='a'"`);
  });

  test('other invalid escapes are still syntax errors', () => {
    assert.deepEqual(codes(pod('command: ["echo \\q"]')).map((c) => c.split('@')[0]), ['yaml-syntax']);
  });

  test('a flow list whose quoted item closes at the key\'s indentation', () => {
    const text = pod('args: ["\n  echo hi\n"]');
    assert.deepEqual(codes(text).map((c) => c.split('@')[0]), ['yaml-portability']);
    assert.equal(valueAt(text, ['spec', 'containers', 0, 'args', 0]), ' echo hi ');
    const fixed = fixAll(text);
    assert.deepEqual(parseDocument(fixed).errors, []);
    assert.equal(valueAt(fixed, ['spec', 'containers', 0, 'args', 0]), ' echo hi ');
  });

  test('a flow list continued at the key\'s indentation, and the checks inside it still run', () => {
    const text = pod('args: [a,\nb]\nports: [{containerPort: 80,\nprotocl: TCP}]');
    assert.deepEqual(codes(text).map((c) => c.split('@')[0]).sort(), ['unknown-field', 'yaml-portability', 'yaml-portability']);
    assert.deepEqual((valueAt(text, ['spec', 'containers', 0, 'args']) as { toJSON(): unknown }).toJSON(), ['a', 'b']);
    assert.deepEqual(parseDocument(fixAll(text)).errors, []);
  });

  test('an unclosed flow list is still a syntax error', () => {
    assert.deepEqual(codes(pod('args: [a,\nb')).map((c) => c.split('@')[0]), ['yaml-syntax']);
  });
});

describe('values that are not the manifest\'s own', () => {
  test('${VAR} and ${VAR:-default} placeholders are left to the tool that fills them', () => {
    const text = yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: x}
      spec:
        type: \${SERVICE_TYPE:-ClusterIP}
        ports:
          - protocol: \${SERVICE_PROTOCOL:-TCP}
            port: \${PORT:-9002}
    `;
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text.replace('port:', 'prot:')).map((c) => c.split('@')[0]), ['unknown-field']);
  });
});
