/**
 * Odd but valid input the hostile-input report found answered wrongly: a
 * stray `\r` inside a `# kep-lens` line, a code repeated in a suppression,
 * a cursor between the halves of a surrogate pair.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { buildModel } from '../../server/src/manifest/model';
import { completionsAt } from '../../server/src/features/completion';

const flowSchema = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n';
const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n';

describe('correctness: a carriage return inside a kep-lens comment', () => {
  // A lone `\r` is a line break to YAML, to go-yaml and to the editor: it ends the comment like `\n` does.
  const at131 = { ...defaultSettings, kubernetesVersion: '1.31' };
  const codesAt131 = (text: string): string[] => analyzeModel(buildModel(text), at131).map((f) => f.code);

  it('directives on lines ended by a lone \r each apply', () => {
    // At 1.31 this apiVersion is deprecated; the directive's 1.32 makes it removed.
    assert.deepEqual(codesAt131(flowSchema), ['deprecated-api']);
    assert.deepEqual(codesAt131(`# kep-lens: featureGates=ImageVolume=true\r# kep-lens: kubernetesVersion=1.32\n${flowSchema}`), ['removed-api']);
    assert.deepEqual(codesAt131(`# kep-lens:\r# kep-lens: kubernetesVersion=1.32\r\n${flowSchema}`), ['removed-api']);
  });

  it('suppressions on lines ended by a lone \r each apply, and the text after one is YAML', () => {
    assert.deepEqual(codesAt131(`# kep-lens-disable kep-rule\r# kep-lens-disable removed-api\n${pdb}`), []);
    assert.deepEqual(codesAt131(`apiVersion: v1\nkind: List\nitems:\n  # kep-lens-disable-next-line kep-rule\r  # kep-lens-disable-next-line removed-api\n  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n`), []);
    // What follows the `\r` is no longer comment: here it breaks the YAML, and that is what is reported.
    assert.ok(codesAt131(`# kep-lens-disable kep-rule\r removed-api\n${pdb}`).includes('yaml-syntax'));
  });
});

describe('correctness: suppression code ranges', () => {
  it('each occurrence of a repeated unknown code is reported where it stands', () => {
    const text = `# kep-lens-disable bogus bogus,bogus  removed-api bogus -- bogus\n${pdb}`;
    const findings = analyzeModel(buildModel(text), defaultSettings).filter((f) => f.code === 'unknown-suppression');
    assert.equal(findings.length, 4, 'the four before the reason, not the one after it');
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['bogus', 'bogus', 'bogus', 'bogus']);
    const expected: number[] = [];
    for (let at = text.indexOf('bogus'); at !== -1 && at < text.indexOf(' -- '); at = text.indexOf('bogus', at + 1)) expected.push(at);
    assert.deepEqual(findings.map((f) => f.start), expected);
  });

  it('codes after blanks between # and kep-lens are placed right too', () => {
    const text = `#    kep-lens-disable-next-line  nope\n${pdb}`;
    const finding = analyzeModel(buildModel(text), defaultSettings).find((f) => f.code === 'unknown-suppression');
    assert.equal(finding && text.slice(finding.start, finding.end), 'nope');
  });

  it('an invalid directive is underlined to the end of its comment', () => {
    const text = `#   kep-lens: kubernetesVersion=9.99\n${pdb}`;
    const finding = analyzeModel(buildModel(text), defaultSettings).find((f) => f.code === 'invalid-directive');
    assert.equal(finding && text.slice(finding.start, finding.end), '#   kep-lens: kubernetesVersion=9.99');
  });
});

describe('correctness: completion and surrogate pairs', () => {
  it('a cursor between the halves of a character replaces whole characters only', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  trafficDistribution: 🙂🙂\n';
    const model = buildModel(text);
    const line = 3;
    const lineStart = text.split('\n').slice(0, line).join('\n').length + 1;
    const emoji = text.indexOf('🙂') - lineStart;
    for (const character of [emoji + 1, emoji + 3]) {
      const items = completionsAt(model, line, character, defaultSettings);
      assert.ok(items.length > 0, `completions at ${character}`);
      for (const item of items) {
        for (const offset of [item.replaceStart, item.replaceEnd]) {
          const before = text.charCodeAt(offset - 1);
          assert.ok(!(before >= 0xd800 && before <= 0xdbff), `${item.label}: a range edge at ${offset} splits a surrogate pair`);
        }
      }
    }
  });
});
