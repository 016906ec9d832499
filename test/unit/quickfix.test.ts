/**
 * Quick fixes: apply each fix's edits and check the resulting text, and that
 * it re-parses without new errors.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileFinding, Fix } from '../../server/src/engine/analyze';
import { applyEdits, editsAreDisjoint } from '../../server/src/manifest/edits';
import { buildModel } from '../../server/src/manifest/model';
import { fixAll, quickFixes } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { analyze, summary, yaml } from './helpers';

function fixFor(text: string, code: string, title: RegExp, version = '1.31', gates: Record<string, boolean> = {}): { finding: FileFinding; fix: Fix } {
  const findings = analyze(text, version, gates);
  for (const finding of findings) {
    if (finding.code !== code) continue;
    const fix = finding.fixes.find((f) => title.test(f.title));
    if (fix) return { finding, fix };
  }
  assert.fail(`no ${code} fix matching ${title} among ${JSON.stringify(findings.map((f) => [f.code, f.fixes.map((x) => x.title)]))}`);
}

/** Applies the fix and checks the result parses and has no finding the original did not have. */
function applyAndCheck(text: string, code: string, title: RegExp, version = '1.31', gates: Record<string, boolean> = {}): string {
  const { fix } = fixFor(text, code, title, version, gates);
  assert.ok(editsAreDisjoint(fix.edits), 'edits overlap');
  const fixed = applyEdits(text, fix.edits);
  for (const { chunk } of buildModel(fixed).chunks) assert.equal(chunk.syntaxError, undefined, `fixed text does not parse:\n${fixed}`);
  const before = new Set(summary(text, analyze(text, version, gates)));
  const added = summary(fixed, analyze(fixed, version, gates)).filter((s) => !before.has(s));
  assert.deepEqual(added, [], `the fix introduced new findings:\n${fixed}`);
  return fixed;
}

describe('quick fixes: API versions', () => {
  test('removed policy/v1beta1 PDB → policy/v1 (drop-in)', () => {
    const text = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
    const fixed = applyAndCheck(text, 'removed-api', /Change apiVersion to policy\/v1/);
    assert.equal(fixed, text.replace('policy/v1beta1', 'policy/v1'));
    assert.deepEqual(analyze(fixed, '1.31'), []);
  });

  test('removed batch/v1beta1 CronJob → batch/v1', () => {
    const text = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n';
    assert.equal(applyAndCheck(text, 'removed-api', /batch\/v1/), text.replace('batch/v1beta1', 'batch/v1'));
  });

  test('Ingress extensions/v1beta1 → networking.k8s.io/v1 with service.name/port.number and pathType', () => {
    const text = yaml`
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata:
        name: web
      spec:
        rules:
          - host: web.example.com
            http:
              paths:
                - path: /
                  backend:
                    serviceName: web
                    servicePort: 80
                - path: /api
                  pathType: Prefix
                  backend:
                    serviceName: api
                    servicePort: http
    `;
    const fixed = applyAndCheck(text, 'removed-api', /networking\.k8s\.io\/v1 and migrate fields/);
    assert.equal(fixed, yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        rules:
          - host: web.example.com
            http:
              paths:
                - path: /
                  backend:
                    service:
                      name: web
                      port:
                        number: 80
                  pathType: ImplementationSpecific
                - path: /api
                  pathType: Prefix
                  backend:
                    service:
                      name: api
                      port:
                        name: http
    `);
    assert.deepEqual(analyze(fixed, '1.31'), []);
  });

  test('Ingress spec.backend → spec.defaultBackend with a service reference', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: web
      spec:
        backend:
          serviceName: fallback
          servicePort: 8080
    `;
    const fixed = applyAndCheck(text, 'removed-api', /migrate fields/);
    assert.equal(fixed, yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        defaultBackend:
          service:
            name: fallback
            port:
              number: 8080
    `);
  });

  test('the Ingress fix keeps CRLF line endings', () => {
    const text = 'apiVersion: extensions/v1beta1\r\nkind: Ingress\r\nmetadata:\r\n  name: web\r\nspec:\r\n  rules:\r\n    - http:\r\n        paths:\r\n          - path: /\r\n            backend:\r\n              serviceName: web\r\n              servicePort: 80\r\n';
    const fixed = applyAndCheck(text, 'removed-api', /migrate fields/);
    assert.ok(!/[^\r]\n/.test(fixed), `a bare LF in:\n${JSON.stringify(fixed)}`);
    assert.match(fixed, /service:\r\n\s+name: web\r\n\s+port:\r\n\s+number: 80\r\n/);
  });

  test('deprecated flowcontrol v1beta3 → v1 renames assuredConcurrencyShares when the data says so', () => {
    const text = yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
      kind: PriorityLevelConfiguration
      metadata:
        name: batch
      spec:
        type: Limited
        limited:
          nominalConcurrencyShares: 20
          limitResponse:
            type: Reject
    `;
    const findings = analyze(text, '1.31');
    const f = findings.find((x) => x.code === 'deprecated-api');
    assert.ok(f);
    const fix = f.fixes.find((x) => x.isPreferred);
    if (!fix) return; // No exact migration in the data: then no fix is offered rather than a wrong one.
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /^apiVersion: flowcontrol\.apiserver\.k8s\.io\/v1$/m);
    assert.deepEqual(summary(fixed, analyze(fixed, '1.31')), []);
  });
});

describe('quick fixes: rules', () => {
  test('remove subPath from an image volume mount', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - name: model
                mountPath: /models
                subPath: llama
                readOnly: true
        volumes:
          - name: model
            image:
              reference: quay.io/example/model:v1
              pullPolicy: IfNotPresent
    `;
    const fixed = applyAndCheck(text, 'kep-rule', /Remove subPath/, '1.31', { ImageVolume: true });
    assert.equal(fixed, text.replace(/ *subPath: llama\n/, ''));
    assert.deepEqual(analyze(fixed, '1.31', { ImageVolume: true }), []);
  });

  test('remove subPath when it opens the mount list item', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            volumeMounts:
              - subPath: llama
                name: model
                mountPath: /models
        volumes:
          - name: model
            image:
              reference: quay.io/example/model:v1
              pullPolicy: IfNotPresent
    `;
    const fixed = applyAndCheck(text, 'kep-rule', /Remove subPath/, '1.31', { ImageVolume: true });
    assert.match(fixed, /- name: model\n\s+mountPath: \/models/);
    assert.doesNotMatch(fixed, /subPath/);
  });

  test('set readOnly: true for recursiveReadOnly', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            volumeMounts:
              - name: data
                mountPath: /data
                recursiveReadOnly: Enabled
        volumes:
          - name: data
            emptyDir: {}
    `;
    const fixed = applyAndCheck(text, 'kep-rule', /readOnly: true/);
    assert.equal(fixed, text.replace('recursiveReadOnly: Enabled\n', 'recursiveReadOnly: Enabled\n          readOnly: true\n'));
    assert.deepEqual(analyze(fixed, '1.31'), []);
  });

  test('replace readOnly: false by true', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      volumeMounts:\n        - name: d\n          readOnly: false\n          recursiveReadOnly: IfPossible\n';
    const fixed = applyAndCheck(text, 'kep-rule', /readOnly: true/);
    assert.equal(fixed, text.replace('readOnly: false', 'readOnly: true'));
  });

  test('set completionMode: Indexed for successPolicy', () => {
    const text = yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: j
      spec:
        completions: 2
        parallelism: 2
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
    const fixed = applyAndCheck(text, 'kep-rule', /completionMode: Indexed/);
    assert.match(fixed, /^ {2}completionMode: Indexed$/m);
    assert.deepEqual(summary(fixed, analyze(fixed, '1.31')), []);
  });

  test('set restartPolicy: Never for podFailurePolicy', () => {
    const text = yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: j
      spec:
        podFailurePolicy:
          rules:
            - action: Ignore
              onPodConditions:
                - type: DisruptionTarget
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - name: c
                image: busybox
    `;
    const fixed = applyAndCheck(text, 'kep-rule', /restartPolicy: Never/);
    assert.equal(fixed, text.replace('restartPolicy: OnFailure', 'restartPolicy: Never'));
  });

  test('set restartPolicy: Never when the template does not set it', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nspec:\n  podFailurePolicy:\n    rules: []\n  template:\n    spec:\n      containers:\n        - name: c\n          image: busybox\n';
    const fixed = applyAndCheck(text, 'kep-rule', /restartPolicy: Never/);
    assert.match(fixed, /^ {6}restartPolicy: Never$/m);
  });

  test('set pullPolicy: IfNotPresent for a :latest image volume', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: m\n      image:\n        reference: quay.io/x/m:latest\n';
    const fixed = applyAndCheck(text, 'kep-rule', /pullPolicy: IfNotPresent/, '1.31', { ImageVolume: true });
    assert.equal(fixed, `${text}        pullPolicy: IfNotPresent\n`);
  });
});

describe('quick fixes: annotations and values', () => {
  test('AppArmor annotation → container securityContext.appArmorProfile', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
            annotations:
              container.apparmor.security.beta.kubernetes.io/web: localhost/k8s-nginx
          spec:
            containers:
              - name: web
                image: nginx
    `;
    const fixed = applyAndCheck(text, 'deprecated-field', /appArmorProfile/);
    assert.equal(fixed, yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: nginx
                securityContext:
                  appArmorProfile:
                    type: Localhost
                    localhostProfile: k8s-nginx
    `);
    assert.deepEqual(analyze(fixed, '1.31'), []);
  });

  test('AppArmor annotation with runtime/default keeps other annotations', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          team: web
          container.apparmor.security.beta.kubernetes.io/app: runtime/default
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsNonRoot: true
    `;
    const fixed = applyAndCheck(text, 'deprecated-field', /appArmorProfile/);
    assert.match(fixed, /annotations:\n {4}team: web\n/);
    assert.doesNotMatch(fixed, /apparmor\.security\.beta/);
    assert.match(fixed, /runAsNonRoot: true\n {8}appArmorProfile:\n {10}type: RuntimeDefault\n/);
  });

  test('deprecated scheduler plugin name → NodeVolumeLimits', () => {
    const text = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n  - plugins:\n      filter:\n        disabled:\n          - name: EBSLimits\n';
    const fixed = applyAndCheck(text, 'deprecated-field', /Replace with NodeVolumeLimits/);
    assert.equal(fixed, text.replace('EBSLimits', 'NodeVolumeLimits'));
  });
});

describe('quick fixes: code actions and fix all', () => {
  test('quickFixes turns the finding data into LSP code actions with workspace edits', () => {
    const text = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n';
    const document = TextDocument.create('file:///pdb.yaml', 'yaml', 3, text);
    const diagnostics = analyze(text, '1.31').map((f) => toDiagnostic(document, f));
    assert.equal(diagnostics[0]?.source, 'kep-lens');
    const actions = quickFixes(document, diagnostics, { clientCommands: false });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred);
    assert.equal(preferred.kind, 'quickfix');
    const edits = preferred.edit?.changes?.['file:///pdb.yaml'] ?? [];
    assert.equal(TextDocument.applyEdits(document, edits), text.replace('policy/v1beta1', 'policy/v1'));
    // Diagnostics computed for another version of the document carry no fixes.
    const stale = TextDocument.create('file:///pdb.yaml', 'yaml', 4, text);
    assert.deepEqual(quickFixes(stale, diagnostics, { clientCommands: false }), []);
  });

  test('a gate finding offers the directive fix, and the client command only when the client has it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: m\n      image:\n        reference: quay.io/x/m:v1\n        pullPolicy: IfNotPresent\n';
    const document = TextDocument.create('file:///p.yaml', 'yaml', 1, text);
    const diagnostics = analyze(text, '1.31').map((f) => toDiagnostic(document, f));
    const plain = quickFixes(document, diagnostics, { clientCommands: false });
    const directive = plain.find((a) => /# kep-lens: directive/.test(a.title));
    assert.ok(directive);
    const fixed = TextDocument.applyEdits(document, directive.edit?.changes?.['file:///p.yaml'] ?? []);
    assert.ok(fixed.startsWith('# kep-lens: featureGates=ImageVolume=true\n'));
    assert.deepEqual(analyze(fixed, '1.31'), []);
    assert.ok(!plain.some((a) => a.command));
    const withCommands = quickFixes(document, diagnostics, { clientCommands: true });
    assert.ok(withCommands.some((a) => a.command?.command === 'kepLens.enableFeatureGate' && a.command.arguments?.[0] === 'ImageVolume'));
  });

  test('fix all applies every preferred fix of a multi-document file', () => {
    const text = [
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n',
      'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      volumeMounts:\n        - name: d\n          recursiveReadOnly: Enabled\n',
    ].join('---\n');
    const document = TextDocument.create('file:///all.yaml', 'yaml', 1, text);
    const action = fixAll(document, analyze(text, '1.31'));
    assert.ok(action);
    assert.equal(action.kind, 'source.fixAll.kepLens');
    const fixed = TextDocument.applyEdits(document, action.edit?.changes?.['file:///all.yaml'] ?? []);
    assert.deepEqual(summary(fixed, analyze(fixed, '1.31')), []);
    assert.match(fixed, /apiVersion: policy\/v1\n/);
    assert.match(fixed, /apiVersion: batch\/v1\n/);
    assert.match(fixed, /readOnly: true/);
  });

  test('fix all has nothing to do on a clean file', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: PreferClose\n';
    assert.equal(fixAll(TextDocument.create('file:///s.yaml', 'yaml', 1, text), analyze(text, '1.31')), undefined);
  });
});
