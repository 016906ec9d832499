/**
 * The budgets of engine/budgets.ts, each past its edge: documents, bytes
 * and nodes per document and per file, nesting, findings per file and
 * bytes per publish. Past a budget there is exactly one `too-large`
 * finding where checking or reporting stopped, and what came before keeps
 * its findings; nothing throws and nothing is silently lost. Inputs are
 * generated here; the budgets make the big ones cheap.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { budgets } from '../../server/src/engine/budgets';
import { analyzeModel, type FileFinding } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { buildModel, measureDocument } from '../../server/src/manifest/model';
import { diagnosticsWithinBudget } from '../../server/src/features/diagnostics';
import { WeightedLru } from '../../server/src/manifest/lru';
import { documentInfo } from '../../server/src/features/documentInfo';
import { hoverAt } from '../../server/src/features/hover';
import { kepReferences } from '../../server/src/features/links';
import { lintText, settingsFor } from '../../server/src/cli/lint';

const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n';

function findings(text: string): FileFinding[] {
  return analyzeModel(buildModel(text), defaultSettings);
}

function tooLarge(list: readonly FileFinding[]): FileFinding[] {
  return list.filter((f) => f.code === 'too-large');
}

/** `levels` maps, each indented one space deeper than the last. */
function oneSpaceNesting(levels: number): string {
  let text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n';
  for (let i = 0; i < levels; i++) text += `${' '.repeat(i + 1)}k:\n`;
  return `${text}${' '.repeat(levels + 1)}x: 1\n`;
}

describe('budgets: documents and bytes per file', () => {
  it('one million documents: the first 10,000 are checked, one too-large finding marks the rest', () => {
    const text = `${pdb}---\n${'a: 1\n---\n'.repeat(1_000_000)}`;
    const model = buildModel(text);
    assert.equal(model.chunks.length, budgets.documentsPerFile + 1);
    const rest = model.chunks[budgets.documentsPerFile];
    assert.ok(rest?.chunk.tooLarge?.includes('10,000 documents'), rest?.chunk.tooLarge);
    const all = findings(text);
    assert.deepEqual(all.map((f) => f.code), ['removed-api', 'too-large']);
    const marker = tooLarge(all)[0] as FileFinding;
    assert.equal(marker.severity, 'information');
    assert.equal(marker.start, rest?.start);
    // Hover and the status bar's information work in the checked part, and find nothing past it.
    assert.ok(hoverAt(model, text.indexOf('policy/v1beta1') + 2, defaultSettings));
    assert.equal(hoverAt(model, text.length - 3, defaultSettings), undefined);
    assert.equal(documentInfo(model, defaultSettings).isKubernetes, true);
  });

  it('three million --- lines cost a model of 10,001 documents', () => {
    const model = buildModel('---\n'.repeat(3_000_000));
    assert.equal(model.chunks.length, budgets.documentsPerFile + 1);
    assert.equal(tooLarge(analyzeModel(model, defaultSettings)).length, 1);
  });

  it('documents that end past 16 MB are not checked; those before are', () => {
    const big = (mb: number): string => `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(mb * 1024 * 1024)}\n`;
    const text = `${pdb}---\n${big(7)}---\n${big(10)}---\n${pdb}`;
    const all = findings(text);
    assert.deepEqual(all.map((f) => f.code), ['removed-api', 'too-large']);
    assert.equal(tooLarge(all)[0]?.start, text.lastIndexOf('---\napiVersion: v1'));
  });

  it('a document larger than 8 MB is a too-large finding, not a syntax error', () => {
    const all = findings(`${pdb}---\napiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(budgets.documentBytes)}\n`);
    assert.deepEqual(all.map((f) => [f.code, f.severity]), [['removed-api', 'error'], ['too-large', 'information']]);
  });

  it('the too-large code can be switched off like any other', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(budgets.documentBytes)}\n---\n${pdb}`;
    assert.deepEqual(analyzeModel(buildModel(text), { ...defaultSettings, disabledCodes: ['too-large'] }).map((f) => f.code), ['removed-api']);
  });
});

describe('budgets: nodes and nesting per document', () => {
  it('a flow sequence past the node budget is not parsed; one under it is', () => {
    const list = (items: number): string => `apiVersion: v1\nkind: List\nitems: [${`{apiVersion: policy/v1beta1, kind: PodDisruptionBudget}, `.repeat(items)}]\n`;
    const over = findings(list(budgets.documentNodes / 4));
    assert.deepEqual(over.map((f) => f.code), ['too-large']);
    assert.match(over[0]?.message ?? '', /more than 60,000 YAML nodes/);
    const under = findings(list(budgets.documentNodes / 10));
    assert.equal(under.filter((f) => f.code === 'removed-api').length, budgets.documentNodes / 10);
  });

  it('a long quoted scalar weighs by its length (the parser builds it a character at a time); a plain one does not', () => {
    const blob = (quote: string): string => `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${quote}${'a'.repeat(4 * 1024 * 1024)}${quote}\n`;
    assert.deepEqual(findings(blob('"')).map((f) => f.code), ['too-large']);
    assert.deepEqual(findings(blob("'")).map((f) => f.code), ['too-large']);
    assert.deepEqual(findings(blob('')), []);
    assert.ok(measureDocument(`a: "${'x, y: [z]'.repeat(1000)}"\nb: 'it''s: {a}'\n`).nodes < 300, 'indicators inside quotes are not nodes');
  });

  it('1,500 and 4,000 levels of one-space nesting are a too-large finding, never "Maximum call stack size exceeded"', () => {
    // 4,000 levels of one-space steps is just under the 8 MB document budget.
    for (const levels of [1_500, 4_000]) {
      const all = findings(oneSpaceNesting(levels));
      assert.deepEqual(all.map((f) => [f.code, f.severity]), [['too-large', 'information']], `${levels} levels`);
      assert.match(all[0]?.message ?? '', /nested more than 512 levels/);
      assert.doesNotMatch(all[0]?.message ?? '', /call stack/);
    }
  });

  it('nesting within the budget is parsed and checked', () => {
    const text = `${oneSpaceNesting(400)}---\n${pdb}`;
    const model = buildModel(text);
    assert.equal(model.chunks[0]?.chunk.tooLarge, undefined);
    assert.ok(model.chunks[0]?.chunk.doc);
    assert.deepEqual(analyzeModel(model, defaultSettings).map((f) => f.code), ['removed-api']);
  });

  it('block scalar lines and template actions count as no nodes', () => {
    assert.ok(measureDocument(`data:\n  script: |\n${'    a: b, c: [d]\n'.repeat(100_000)}`).nodes < 10);
    assert.ok(measureDocument(`data:\n  x: >-\n${'        nested: {a: b}\n'.repeat(100_000)}`).nodes < 10);
    assert.ok(measureDocument(`${'{{- if .Values.x }}\n{{- end }}\n'.repeat(100_000)}`).nodes < 10);
    assert.ok(measureDocument(`${'{{ a }}{{ b }}, '.repeat(1000)}`).nodes < 1100);
  });
});

describe('budgets: findings per file and bytes per publish', () => {
  // 254 KB of one-letter unknown codes: 127,000 findings before the budget.
  const flood = `# kep-lens-disable ${'x '.repeat(127_000)}\napiVersion: v1\nkind: Pod\n`;

  it('127,000 findings: the first 10,000 in order, then one too-large finding', () => {
    const all = findings(flood);
    assert.equal(all.length, budgets.findingsPerFile + 1);
    assert.ok(all.slice(0, -1).every((f) => f.code === 'unknown-suppression'));
    const starts = all.slice(0, -1).map((f) => f.start);
    assert.ok(starts.every((s, i) => i === 0 || s > (starts[i - 1] as number)), 'kept findings are the first ones, in order');
    const last = all[all.length - 1] as FileFinding;
    assert.equal(last.code, 'too-large');
    assert.match(last.message, /at most 10,000 findings/);
    assert.equal(last.start, flood.indexOf('x', (starts[starts.length - 1] as number) + 1));
  });

  it('links to KEPs stop at the same budget', () => {
    assert.equal(kepReferences('# KEP-4639 kep.k8s.io/127\n'.repeat(30_000)).length, budgets.findingsPerFile);
  });

  it('the CLI keeps them all without overflowing the stack (more than 125,000 findings in one file)', () => {
    const problems = lintText(`# kep-lens-disable ${'x '.repeat(200_000)}\napiVersion: v1\nkind: Pod\n`, 'flood.yaml', settingsFor({ kubernetesVersion: '1.31', featureGates: {}, disabledCodes: [] }));
    assert.equal(problems.length, budgets.findingsPerFile + 1);
    assert.equal(problems[problems.length - 1]?.code, 'too-large');
  });

  it('a publish stays within its byte budget and says how many findings it left out', () => {
    const document = TextDocument.create('file:///flood.yaml', 'yaml', 1, flood);
    const all = findings(flood);
    const sent = diagnosticsWithinBudget(document, all);
    assert.ok(Buffer.byteLength(JSON.stringify(sent)) <= budgets.publishBytes);
    const small = diagnosticsWithinBudget(document, all, true, 64 * 1024);
    assert.ok(Buffer.byteLength(JSON.stringify(small)) <= 64 * 1024 + 1024);
    const last = small[small.length - 1];
    assert.equal(last?.code, 'too-large');
    assert.match(last?.message ?? '', new RegExp(`${(all.length - (small.length - 1)).toLocaleString('en-US')} more findings`));
    assert.equal(diagnosticsWithinBudget(document, all, false, 64 * 1024).some((d) => d.code === 'too-large'), false);
  });
});

describe('budgets: parse trees kept only for recently used documents', () => {
  it('the cache of trees stays within its weight, and never drops the tree just stored', () => {
    const cache = new WeightedLru<string, number>(100);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i, 1 + (i % 7));
      assert.ok(cache.weight <= 100, `weight ${cache.weight} after ${i} stores`);
      assert.equal(cache.get(`k${i}`), i);
    }
    cache.get('k998');
    cache.set('heavy', -1, 500);
    assert.equal(cache.get('heavy'), -1, 'a store heavier than the whole budget is kept until the next one');
    assert.equal(cache.size, 1);
    cache.set('light', 0, 1);
    assert.equal(cache.get('heavy'), undefined);
  });

  it('findings, hovers and KEP uses are the same whether a document was parsed once or again', () => {
    // 360 documents of ~610 nodes: more than the trees kept between requests.
    const labels = Array.from({ length: 300 }, (_, i) => `    l${i}: v\n`).join('');
    const doc = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n${labels}spec:\n  hostUsers: false\n  volumes:\n    - name: v\n      cephfs: {monitors: [a]}\n`;
    const text = Array.from({ length: 360 }, () => doc).join('---\n');
    const model = buildModel(text);
    const first = analyzeModel(model, defaultSettings);
    const info = documentInfo(model, defaultSettings);
    const hoverOffset = text.indexOf('cephfs') + 2;
    const hover = hoverAt(model, hoverOffset, defaultSettings);
    assert.ok(hover, 'a hover in the first document');
    // A second file of the same size takes the place of the first one's trees.
    assert.ok(isDeepStrictEqual(analyzeModel(buildModel(text), defaultSettings), first), 'a fresh parse gives the same findings');
    assert.ok(isDeepStrictEqual(hoverAt(model, hoverOffset, defaultSettings), hover), 'the hover after parsing again');
    assert.ok(isDeepStrictEqual(documentInfo(model, defaultSettings), info), 'the KEP uses after parsing again');
  });
});
