/**
 * The fast reader builds the tree the `yaml` parser builds, or leaves the
 * text to the parser: compared node by node on every document of the test
 * corpus, the fuzz corpus and comment-placement variations, and compared by
 * the findings a whole analysis gives with and without it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { documentOptions, readCommonYaml } from '../../server/src/manifest/fastYaml';
import { buildModel, documentStarts, maskTemplates, useFastReader } from '../../server/src/manifest/model';
import { withLineFeeds } from '../../server/src/manifest/lineBreaks';
import { generateManifest, mutate, nastySeeds } from './generate';
import { readYamlFiles, repoRoot, Rng } from './support';

/** The first difference between two trees, as a path and what differs; undefined when they agree. */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === null || b === null || a === undefined || b === undefined) return a === b ? undefined : `${at}: ${String(a)} / ${String(b)}`;
  if ((a as object).constructor !== (b as object).constructor) return `${at}: ${(a as object).constructor.name} / ${(b as object).constructor.name}`;
  if (isPair(a) && isPair(b)) return difference(a.key, b.key, `${at}.key`) ?? difference(a.value, b.value, `${at}.value`);
  const ra = (a as { range?: number[] }).range;
  const rb = (b as { range?: number[] }).range;
  if (ra?.[0] !== rb?.[0] || ra?.[1] !== rb?.[1]) return `${at}: range ${String(ra)} / ${String(rb)}`;
  if (isScalar(a) && isScalar(b)) {
    if (a.value !== b.value) return `${at}: value ${JSON.stringify(a.value)} / ${JSON.stringify(b.value)}`;
    if (a.type !== b.type || a.tag !== b.tag || a.anchor !== b.anchor) return `${at}: style ${a.type} / ${b.type}`;
    return undefined;
  }
  if ((isMap(a) && isMap(b)) || (isSeq(a) && isSeq(b))) {
    if (Boolean(a.flow) !== Boolean(b.flow)) return `${at}: flow`;
    if (a.items.length !== b.items.length) return `${at}: ${a.items.length} items / ${b.items.length}`;
    for (let i = 0; i < a.items.length; i++) {
      const d = difference(a.items[i], b.items[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  return `${at}: unexpected node`;
}

/** The documents of a file as the model parses them: line feeds only, templates masked. */
function documentsOf(file: string): string[] {
  const text = withLineFeeds(file);
  const starts = documentStarts(text);
  return starts.map((start, i) => {
    const doc = text.slice(start, starts[i + 1] ?? text.length);
    return doc.includes('{{') ? maskTemplates(doc) : doc;
  });
}

/** Reads each document both ways; returns how many the fast reader took. Fails on the first tree that differs. */
function compareAll(docs: readonly string[]): number {
  let fast = 0;
  for (const text of docs) {
    const tree = readCommonYaml(text);
    if (!tree) continue;
    fast++;
    const parsed = parseDocument(text, documentOptions);
    assert.deepEqual(parsed.errors.map((e) => e.message), [], `the fast reader took a document the parser rejects:\n${text}`);
    const d = difference(tree.contents, parsed.contents);
    assert.equal(d, undefined, `trees differ at ${d}:\n${text}`);
  }
  return fast;
}

const corpus = [...readYamlFiles(path.join(repoRoot, 'test', 'fixtures')), ...readYamlFiles(path.join(repoRoot, 'examples'))];

function generated(seed: number, count: number, mutated: boolean): string[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const text = generateManifest(rng);
    return mutated ? mutate(text, rng).text : text;
  });
}

/** A manifest with comment lines, blank lines and lines of spaces put between its lines at random indentation. */
function withComments(text: string, rng: Rng): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    out.push(line);
    if (rng.chance(0.25)) {
      const indent = ' '.repeat(rng.int(12));
      out.push(rng.pick([`${indent}# note`, '', indent, `${indent}#`, `${indent}# - name: x`]));
    }
  }
  return out.join('\n');
}

/** Shapes the reader handles by itself, each a small document. */
const shapes = [
  'a: one\n  two\n\n  three\nb: x # c\n',
  'a:\n- x\n- y\nb: [1, "two", {c: d}]\n',
  'a: "x \\"y\\" \\u00e9\\x41 \\\\"\nb: \'it\'\'s\'\nc: "one\n  two\n\n  three \\\n  four"\n',
  'lit: |\n  one\n   two\n\n  three\nfold: >-\n  one\n  two\n\n  three\nafter: x\n',
  '- a\n-\n- b: c\n  d: e\n',
  'k:\n  # only a comment\nnext: 1\n',
  'k:\n    # deep\n  # shallow\nnext: 1\n',
  '---\n# head\na: 1\n',
  '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"a": "b"}}\n',
  'a: b\n...\n',
  '- - nested\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a:\tb\n',
  '? complex\n: key\n',
];

describe('the fast reader builds the parser\'s tree', () => {
  it('on every document of the test fixtures and examples', () => {
    const docs = corpus.flatMap(documentsOf);
    const fast = compareAll(docs);
    assert.ok(fast > docs.length / 2, `only ${fast} of ${docs.length} documents read fast`);
  });

  it('on the fuzz corpus: generated manifests, their mutations and the nasty seeds', () => {
    const plain = generated(11, 400, false).flatMap(documentsOf);
    const fast = compareAll(plain);
    assert.ok(fast > plain.length * 0.6, `only ${fast} of ${plain.length} generated manifests read fast`);
    compareAll([...generated(12, 800, true), ...nastySeeds].flatMap(documentsOf));
  });

  it('with comments, blank lines and lines of spaces anywhere', () => {
    const rng = new Rng(13);
    const docs = generated(14, 600, false).map((text) => withComments(text, rng));
    const fast = compareAll(docs.flatMap(documentsOf));
    assert.ok(fast > 0);
  });

  it('on the shapes it handles itself, and leaves the others to the parser', () => {
    const handled = shapes.slice(0, 8);
    assert.equal(compareAll(handled), 8, 'each of the handled shapes reads fast');
    for (const text of shapes.slice(8)) compareAll([text]);
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\tb\n', '? complex\n: key\n', 'a: b\n...\n', '\ufeffa: 1\n', 'a: "open\n']) {
      assert.equal(readCommonYaml(text), undefined, JSON.stringify(text));
    }
  });
});

describe('findings with and without the fast reader', () => {
  function findingsBothWays(text: string, version: string): void {
    useFastReader(false);
    const parsed = analyzeModel(buildModel(text), { ...defaultSettings, kubernetesVersion: version });
    useFastReader(true);
    const fast = analyzeModel(buildModel(text), { ...defaultSettings, kubernetesVersion: version });
    assert.deepEqual(fast, parsed);
  }

  it('are the same on the test corpus', () => {
    for (const file of corpus) for (const version of ['1.27', '1.31', '1.37']) findingsBothWays(file, version);
  });

  it('are the same on the fuzz corpus', () => {
    const rng = new Rng(15);
    for (const text of [...generated(16, 300, true), ...generated(17, 300, false).map((t) => withComments(t, rng)), ...nastySeeds]) findingsBothWays(text, '1.36');
  });
});
