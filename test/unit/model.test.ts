/**
 * The YAML model: splitting a file into documents, and `locate`.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, documentStarts, parseChunk } from '../../server/src/manifest/model';
import { formatPath, locate, normalisePath } from '../../server/src/manifest/paths';
import { offsetOf, yaml } from './helpers';

function chunkTexts(text: string): string[] {
  return buildModel(text).chunks.map((c) => c.chunk.text);
}

describe('model: documentStarts', () => {
  test('a single document starts at 0', () => {
    assert.deepEqual(documentStarts('a: 1\nb: 2\n'), [0]);
    assert.deepEqual(documentStarts(''), [0]);
  });

  test('--- separates documents; a leading --- does not make an empty first document', () => {
    const text = '---\na: 1\n---\nb: 2\n';
    assert.deepEqual(documentStarts(text), [0, text.indexOf('---\nb')]);
    assert.deepEqual(chunkTexts(text), ['---\na: 1\n', '---\nb: 2\n']);
  });

  test('--- followed by content or a comment on the same line is a marker', () => {
    const text = 'a: 1\n--- # second\nb: 2\n--- !!map\nc: 3\n';
    assert.equal(documentStarts(text).length, 3);
  });

  test('--- inside a value or indented is not a marker', () => {
    const text = 'a: |\n  ---\n  text\nb: "---"\nc: ----\n';
    assert.deepEqual(documentStarts(text), [0]);
  });

  test('... ends a document and the next starts after it', () => {
    const text = 'a: 1\n...\nb: 2\n';
    const starts = documentStarts(text);
    assert.deepEqual(starts, [0, text.indexOf('b: 2')]);
    const m = buildModel(text);
    assert.equal(m.chunks.length, 2);
    assert.equal(m.chunks[1]?.chunk.syntaxError, undefined);
  });

  test('%YAML directives stay with the document after them', () => {
    const text = '%YAML 1.2\n---\na: 1\n---\nb: 2\n';
    const texts = chunkTexts(text);
    assert.equal(texts.length, 2);
    assert.ok(texts[0]?.startsWith('%YAML 1.2\n---\na: 1'), JSON.stringify(texts[0]));
    assert.equal(buildModel(text).chunks[0]?.chunk.syntaxError, undefined);
  });

  test('CRLF line endings split the same way and parse', () => {
    const text = 'apiVersion: v1\r\nkind: Service\r\n---\r\napiVersion: v1\r\nkind: Pod\r\n';
    const m = buildModel(text);
    assert.equal(m.chunks.length, 2);
    assert.deepEqual(m.chunks.map((c) => c.chunk.resources.map((r) => r.kind)), [['Service'], ['Pod']]);
    assert.equal(m.chunks[1]?.start, text.indexOf('---'));
  });

  test('a byte-order mark does not hide the first document', () => {
    const text = '\uFEFFapiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n';
    const m = buildModel(text);
    assert.equal(m.chunks.length, 2);
    assert.deepEqual(m.chunks.map((c) => c.chunk.resources[0]?.kind), ['Pod', 'Service']);
  });

  test('a BOM before a leading --- still gives one document per marker', () => {
    const text = '\uFEFF---\napiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n';
    const kinds = buildModel(text).chunks.flatMap((c) => c.chunk.resources.map((r) => r.kind));
    assert.deepEqual(kinds, ['Pod', 'Service']);
  });

  test('chunks cover the whole text, in order', () => {
    const text = 'a: 1\n---\nb: 2\n...\n---\nc: 3\n';
    const m = buildModel(text);
    assert.equal(m.chunks.map((c) => c.chunk.text).join(''), text);
    m.chunks.forEach((c, i) => assert.equal(text.slice(c.start, m.chunks[i + 1]?.start ?? text.length), c.chunk.text));
  });

  test('an unchanged document is reused by the next model', () => {
    const first = buildModel('a: 1\n---\nb: 2\n');
    const second = buildModel('a: 1\n---\nb: 3\n', first);
    assert.equal(second.chunks[0]?.chunk, first.chunks[0]?.chunk);
    assert.notEqual(second.chunks[1]?.chunk, first.chunks[1]?.chunk);
  });
});

describe('model: resources', () => {
  test('a document without apiVersion and kind has no resources', () => {
    assert.deepEqual(parseChunk('name: build\non: push\n').resources, []);
  });

  test('every item of a kind: List is a resource with an items prefix', () => {
    const text = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
        - apiVersion: apps/v1
          kind: Deployment
    `;
    const resources = parseChunk(text).resources;
    assert.deepEqual(resources.map((r) => [r.kind, r.prefix]), [['Service', ['items', 0]], ['Deployment', ['items', 1]]]);
    assert.equal(text.slice(resources[1]?.apiVersionRange[0], resources[1]?.apiVersionRange[1]), 'apps/v1');
  });

  test('a syntax error is recorded with an offset inside the document', () => {
    const chunk = parseChunk('a: [1, 2\nb: 3\n');
    assert.ok(chunk.syntaxError);
    assert.ok(chunk.syntaxError.offset >= 0 && chunk.syntaxError.offset <= chunk.text.length);
  });

  test('templated (Helm) documents are marked', () => {
    assert.equal(parseChunk('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n').templated, true);
  });
});

describe('model: locate', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    spec:
      template:
        spec:
          containers:
            - name: app
              args: ["--feature-gates=ImageVolume=true"]
          volumes:
            - name: models
              image:
                reference: quay.io/x/models:v1
  `;
  const chunk = parseChunk(text);

  test('a key deep in a pod template', () => {
    const at = locate(chunk, offsetOf(text, 'reference', 0, 2));
    assert.ok(at);
    assert.equal(at.onKey, true);
    assert.deepEqual(at.path, ['spec', 'template', 'spec', 'volumes', 0, 'image', 'reference']);
    assert.equal(formatPath(at.path), 'spec.template.spec.volumes[0].image.reference');
    assert.deepEqual(normalisePath(at.path), ['spec', 'template', 'spec', 'volumes', '[]', 'image', 'reference']);
    assert.equal(at.resource?.kind, 'Deployment');
  });

  test('a value', () => {
    const at = locate(chunk, offsetOf(text, 'quay.io', 0, 3));
    assert.ok(at);
    assert.equal(at.onKey, false);
    assert.equal(at.scalar?.value, 'quay.io/x/models:v1');
    assert.deepEqual(at.path, ['spec', 'template', 'spec', 'volumes', 0, 'image', 'reference']);
  });

  test('a key whose value is a map', () => {
    const at = locate(chunk, offsetOf(text, 'image:', 0, 1));
    assert.ok(at?.onKey);
    assert.deepEqual(at.path, ['spec', 'template', 'spec', 'volumes', 0, 'image']);
  });

  test('an item of a flow sequence', () => {
    const at = locate(chunk, offsetOf(text, '--feature-gates', 0, 4));
    assert.ok(at);
    assert.deepEqual(at.path, ['spec', 'template', 'spec', 'containers', 0, 'args', 0]);
    assert.equal(at.onKey, false);
  });

  test('paths inside a List item are relative to the item', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
          spec:
            trafficDistribution: PreferClose
    `;
    const at = locate(parseChunk(list), offsetOf(list, 'trafficDistribution', 0, 3));
    assert.equal(at?.resource?.kind, 'Service');
    assert.deepEqual(at?.path, ['spec', 'trafficDistribution']);
  });

  test('nothing in blank space or comments', () => {
    const withComment = 'apiVersion: v1\nkind: Pod\n# a comment\n';
    assert.equal(locate(parseChunk(withComment), offsetOf(withComment, 'comment')), undefined);
  });
});
