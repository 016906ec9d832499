import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel } from '../../server/src/manifest/model';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { applyEdits } from '../../server/src/manifest/edits';
import { fixAll, fixAllOfKind, quickFixes } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';

const twoRemovedApis = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: a
spec:
  minAvailable: 1
---
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: b
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: c
              image: busybox:1.36
`;

function setup(text: string, settings = defaultSettings) {
  const document = TextDocument.create('file:///t.yaml', 'yaml', 3, text);
  const findings = analyzeModel(buildModel(text), settings);
  const diagnostics = findings.map((f) => toDiagnostic(document, f));
  return { document, findings, diagnostics };
}

function applyWorkspaceEdit(document: TextDocument, edit: { changes?: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } | undefined): string {
  const edits = edit?.changes?.[document.uri] ?? [];
  return applyEdits(document.getText(), edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })));
}

test('fix all of a kind rewrites every removed apiVersion in the file, and only those', () => {
  const { document, findings, diagnostics } = setup(twoRemovedApis);
  const removed = diagnostics.filter((d) => d.code === 'removed-api');
  assert.equal(removed.length, 2);
  const actions = fixAllOfKind(document, [removed[0]!], findings);
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.title, 'Fix all 2 removed-api problems in this file');
  const fixed = applyWorkspaceEdit(document, actions[0]!.edit);
  assert.match(fixed, /^apiVersion: policy\/v1\n/);
  assert.match(fixed, /\napiVersion: batch\/v1\n/);
  assert.equal(analyzeModel(buildModel(fixed), defaultSettings).filter((f) => f.code === 'removed-api').length, 0);
});

test('no "fix all of a kind" when the file has a single fix of that kind', () => {
  const { document, findings, diagnostics } = setup(twoRemovedApis.split('---')[0] as string);
  assert.deepEqual(fixAllOfKind(document, diagnostics, findings), []);
});

test('source.fixAll applies every preferred fix', () => {
  const { document, findings } = setup(twoRemovedApis);
  const action = fixAll(document, findings);
  assert.ok(action);
  const fixed = applyWorkspaceEdit(document, action.edit);
  assert.deepEqual(analyzeModel(buildModel(fixed), defaultSettings).map((f) => f.code), []);
});

test('quick fixes from a diagnostic of an older document version are not offered', () => {
  const { diagnostics } = setup(twoRemovedApis);
  const newer = TextDocument.create('file:///t.yaml', 'yaml', 4, twoRemovedApis);
  assert.deepEqual(quickFixes(newer, diagnostics, { clientCommands: true }), []);
});

test('a feature-gate finding offers the settings command only to clients that have it, and always the file directive', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: v\n      image:\n        reference: quay.io/a/b:v1\n        pullPolicy: IfNotPresent\n  containers:\n    - name: c\n      image: busybox:1.36\n';
  const at131 = { ...defaultSettings, kubernetesVersion: '1.31' };
  const { document, diagnostics } = setup(text, at131);
  const gateOff = diagnostics.filter((d) => d.code === 'feature-gate-off');
  assert.equal(gateOff.length, 1);
  const withCommand = quickFixes(document, gateOff, { clientCommands: true }).map((a) => a.title);
  assert.ok(withCommand.includes('Enable feature gate ImageVolume in KEP Lens settings'));
  const plain = quickFixes(document, gateOff, { clientCommands: false });
  assert.ok(!plain.some((a) => a.command));
  const directive = plain.find((a) => a.title.startsWith('Enable feature gate ImageVolume for this file'));
  assert.ok(directive);
  const fixed = applyWorkspaceEdit(document, directive.edit);
  assert.deepEqual(analyzeModel(buildModel(fixed), at131).filter((f) => f.code === 'feature-gate-off'), []);
});
