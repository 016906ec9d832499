/**
 * Quoted values whose continuation lines sit at their key's indentation:
 * YAML 1.2 forbids it, go-yaml (kubectl, the API server) reads it. KEP Lens
 * reads it as go-yaml does, keeps every other finding, and says so with a
 * hint, never an error.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { FileFinding } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/manifest/edits';
import { buildModel } from '../../server/src/manifest/model';
import { nodeAtPath, scalarText } from '../../server/src/manifest/paths';
import { underIndentedQuotedScalars } from '../../server/src/manifest/quotedContinuations';
import { analyze, positionOf, readFixture, summary } from './helpers';

const bundle = readFixture('go-yaml', 'bundle-quoted-continuations.yaml');

function annotation(text: string, key: string): string | undefined {
  const doc = buildModel(text).chunks[0]?.chunk.doc;
  const node = nodeAtPath(doc?.contents, ['metadata', 'annotations', key])?.node;
  return isScalar(node) ? String(node.value) : undefined;
}

describe('quoted values continued at their key\'s indentation', () => {
  test('no syntax error, and every real finding of the bundle stays', () => {
    const found = summary(bundle, analyze(bundle));
    assert.deepEqual(found.filter((f) => !f.startsWith('yaml-portability')), ['removed-api@apps/v1beta2', 'removed-api@policy/v1beta1', 'removed-field@cephfs']);
  });

  test('one portability hint per such value (double-quoted, single-quoted, list item), on its first line', () => {
    const hints = analyze(bundle).filter((f) => f.code === 'yaml-portability');
    assert.deepEqual(hints.map((h) => bundle.slice(h.start, h.end)), ['"Installs the widget operator', "'Seamless Upgrades, with a", '"--watch-namespaces=alpha,beta,']);
    for (const h of hints) {
      assert.equal(h.severity, 'hint');
      assert.equal(positionOf(bundle, h.start).line, positionOf(bundle, h.end).line);
      assert.match(h.message, /kubectl and the API server \(go-yaml\) read it/);
    }
  });

  test('the values are the ones go-yaml reads (line folding ignores the indentation)', () => {
    assert.equal(annotation(bundle, 'description'), 'Installs the widget operator and the webhooks it serves');
    assert.equal(annotation(bundle, 'capabilities'), 'Seamless Upgrades, with a note that spans\na blank line');
  });

  test('the quick fix indents the continuation lines; the file then parses as YAML 1.2 with the same values', () => {
    const hints = analyze(bundle).filter((f) => f.code === 'yaml-portability');
    let fixed = bundle;
    for (const h of [...hints].reverse()) fixed = applyEdits(fixed, (h.fixes.find((f) => f.isPreferred) as FileFinding['fixes'][number]).edits);
    for (const doc of fixed.split(/^---$/m)) assert.deepEqual(parseDocument(doc).errors, [], fixed);
    assert.deepEqual(analyze(fixed).filter((f) => f.code === 'yaml-portability'), []);
    assert.equal(annotation(fixed, 'description'), annotation(bundle, 'description'));
    assert.equal(annotation(fixed, 'capabilities'), annotation(bundle, 'capabilities'));
    assert.match(fixed, /description: "Installs the widget operator\n      and the webhooks it serves"/);
  });

  test('when another extension reports YAML syntax, the hint is left to it and the findings stay', () => {
    const found = summary(bundle, analyze(bundle, '1.31', {}, { syntaxDiagnostics: false }));
    assert.deepEqual(found, ['removed-api@apps/v1beta2', 'removed-api@policy/v1beta1', 'removed-field@cephfs']);
  });

  test('a CR-only file with such values reads the same way', () => {
    const cr = bundle.replace(/\n/g, '\r');
    assert.deepEqual(summary(cr, analyze(cr)), summary(bundle, analyze(bundle)));
  });

  test('block scalar content is text, not YAML: quotes inside it are left alone', () => {
    const text = readFixture('go-yaml', 'quoted-continuations-beside-block-scalar.yaml');
    assert.deepEqual(summary(text, analyze(text)), ['yaml-portability@"Start-up scripts for']);
    const data = nodeAtPath(buildModel(text).chunks[0]?.chunk.doc?.contents, ['data'])?.node;
    assert.ok(isMap(data));
    assert.equal(scalarText(nodeAtPath(data, ['start.sh'])?.node), 'echo "starting\nnow"\nkey: \'not yaml here\neither\'\n');
  });

  test('an unterminated quote is still a syntax error', () => {
    const text = readFixture('go-yaml', 'unterminated-quote.yaml');
    assert.deepEqual(summary(text, analyze(text)).map((s) => s.split('@')[0]), ['yaml-syntax']);
    assert.deepEqual(underIndentedQuotedScalars(text), []);
  });

  test('continuations indented past the key are ordinary YAML: nothing to say', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    note: "first\n      second"\n';
    assert.deepEqual(analyze(text), []);
  });
});
