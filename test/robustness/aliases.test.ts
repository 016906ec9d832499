/**
 * Aliases and merge keys bring content that is checked once, where the
 * alias is written, without expanding alias bombs; and what the user wrote
 * never turns into markdown of its own in a hover card.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/manifest/model';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { hoverAt } from '../../server/src/features/hover';
import { mulberry32 } from './support';

const at131 = { ...defaultSettings, kubernetesVersion: '1.31' };

function found(text: string): string[] {
  return analyzeModel(buildModel(text), at131).map((f) => `${f.code}@${text.slice(f.start, f.end)}`);
}

describe('aliases and merge keys', () => {
  test('a removed volume plugin behind `volumes: *shared` is reported at the alias', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    shared: &shared x\nspec:\n  containers:\n    - name: c\n      image: x\n  volumes: &vols\n    - name: data\n      cephfs:\n        monitors: ["10.0.0.1:6789"]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n    - name: c\n      image: x\n  volumes: *vols\n';
    const findings = found(text);
    assert.ok(findings.includes('removed-field@cephfs'), findings.join(', '));
    // The second document's alias names an anchor of another document: YAML keeps anchors per document, so nothing is brought in.
    assert.equal(findings.filter((f) => f.startsWith('removed-field')).length, 1);
    const same = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: a\n    spec:\n      containers: [{name: c, image: x}]\n      volumes: &vols\n        - name: data\n          cephfs: {monitors: ["m"]}\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: b\n    spec:\n      containers: [{name: c, image: x}]\n      volumes: *vols\n';
    const inList = found(same);
    assert.deepEqual(inList.filter((f) => f.startsWith('removed-field')).sort(), ['removed-field@*vols', 'removed-field@cephfs']);
  });

  test('a merge key brings its fields into the map, checked at the merge', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - &base\n      name: c\n      image: x\n      imagePullPolciy: Always\n    - <<: *base\n      name: d\n';
    assert.deepEqual(found(text).sort(), ['unknown-field@*base', 'unknown-field@imagePullPolciy']);
  });

  test('an alias bomb is checked in bounded time', () => {
    // Twelve levels of nine aliases each, defined before the Pod's args name the last one: 9^12 strings if expanded.
    const names = 'abcdefghijkl';
    const levels = [`  ${names[0]}: &${names[0]} [${Array(9).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < names.length; i++) levels.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    const text = `x-bomb:\n${levels.join('\n')}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\nspec:\n  containers:\n    - name: c\n      image: x\n      args: *l\n`;
    const started = process.hrtime.bigint();
    const findings = analyzeModel(buildModel(text), at131);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(Array.isArray(findings));
    // 9^12 nodes if expanded; each anchor is followed once instead. (A bound this loose only catches expansion.)
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});

/** Markdown with every code span (CommonMark: a backtick run closed by a run of the same length) taken out. */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') {
      out += markdown[i];
      i++;
      continue;
    }
    let run = 0;
    while (markdown[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = markdown.indexOf(fence, i + run);
    while (close !== -1 && (markdown[close + run] === '`' || markdown[close - 1] === '`')) close = markdown.indexOf(fence, close + 1);
    if (close === -1) {
      out += fence;
      i += run;
      continue;
    }
    i = close + run;
  }
  return out;
}

describe('user text in hover cards', () => {
  test('keys and values with backticks, brackets and links stay inside code spans', () => {
    const rng = mulberry32(7);
    const pieces = ['`', '``', '![x](http://e/x.png)', '[l](http://e)', '<img src=x>', '*', '_', '\\', '|', '#'];
    for (let n = 0; n < 200; n++) {
      const word = Array.from({ length: 3 }, () => pieces[Math.floor(rng() * pieces.length)]).join('a');
      const key = `container.apparmor.security.beta.kubernetes.io/${word}`;
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    ${JSON.stringify(key)}: runtime/default\nspec:\n  containers:\n    - name: c\n      image: x\n`;
      const hover = hoverAt(buildModel(text), text.indexOf('container.apparmor') + 2, at131);
      if (!hover) continue;
      const plain = outsideCodeSpans(hover.markdown);
      assert.ok(!plain.includes('http://e'), `user text escaped its code span:\n${hover.markdown}`);
    }
  });
});
