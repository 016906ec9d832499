/**
 * Files whose lines end with a lone CR (classic Mac OS) or with a mix of
 * LF, CRLF and CR: YAML and go-yaml read them, so KEP Lens must too, and
 * every line it reports must be the line an editor shows. The oracle for
 * "the line an editor shows" is vscode-languageserver-textdocument, which
 * VS Code's language clients and servers use.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { lintText } from '../../server/src/cli/lint';
import { applyEdits } from '../../server/src/manifest/edits';
import { lineBreakOf, lineEndAt, lineStartAt, lineStartsOf, linesOf } from '../../server/src/manifest/lineBreaks';
import { buildModel, lineIndexOf } from '../../server/src/manifest/model';
import { analyze, model, readFixture, settings, summary } from './helpers';

const crOnly = readFixture('line-endings', 'cr-only.yaml');
const mixed = readFixture('line-endings', 'mixed.yaml');

function documentOf(text: string): TextDocument {
  return TextDocument.create('file:///test.yaml', 'yaml', 1, text);
}

describe('line breaks: LF, CRLF, lone CR and mixtures', () => {
  const texts: Record<string, string> = {
    lf: 'a: 1\nb: 2\n\nc: 3',
    crlf: 'a: 1\r\nb: 2\r\n\r\nc: 3',
    cr: 'a: 1\rb: 2\r\rc: 3',
    mixed: 'a: 1\rb: 2\r\n\nc: 3\r',
  };
  for (const [name, text] of Object.entries(texts)) {
    test(`${name}: line starts and lines agree with the LSP text document`, () => {
      const doc = documentOf(text);
      const starts = lineStartsOf(text);
      assert.equal(starts.length, doc.lineCount);
      starts.forEach((start, line) => assert.equal(start, doc.offsetAt({ line, character: 0 })));
      assert.deepEqual(linesOf(text), starts.map((_, line) => doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '')));
      for (let offset = 0; offset <= text.length; offset++) {
        const line = doc.positionAt(offset).line;
        if (offset === starts[line]) assert.equal(lineStartAt(text, offset), offset, `line start at ${offset}`);
      }
    });
  }

  test('line ends stop before the break; the break to insert matches the file', () => {
    assert.equal(lineEndAt('ab\rcd', 0), 2);
    assert.equal(lineEndAt('ab\r\ncd', 0), 2);
    assert.equal(lineEndAt('ab\ncd', 3), 5);
    assert.equal(lineBreakOf('a\rb\r'), '\r');
    assert.equal(lineBreakOf('a\r\nb\n'), '\r\n');
    assert.equal(lineBreakOf('a\nb\rc'), '\n');
  });
});

describe('a CR-only file', () => {
  test('gives its real findings and no syntax error', () => {
    const found = summary(crOnly, analyze(crOnly));
    assert.deepEqual(found, ['removed-api@extensions/v1beta1']);
  });

  test('has three documents, as kubectl reads it', () => {
    assert.equal(buildModel(crOnly).chunks.length, 3);
    assert.deepEqual(buildModel(crOnly).chunks.map(({ chunk }) => chunk.resources[0]?.kind), ['Ingress', 'Service', 'PodDisruptionBudget']);
  });

  test('the suppression comment covers the line after it, and only that one', () => {
    const unsuppressed = crOnly.replace('# kep-lens-disable-next-line removed-api -- retired with the old cluster\r', '');
    assert.deepEqual(summary(unsuppressed, analyze(unsuppressed)), ['removed-api@extensions/v1beta1', 'removed-api@policy/v1beta1']);
  });

  test('the CLI places each finding on the line and column an editor shows', () => {
    const doc = documentOf(crOnly);
    const problems = lintText(crOnly, 'cr-only.yaml', settings());
    assert.equal(problems.length, 1);
    const [problem] = problems;
    const offset = crOnly.indexOf('extensions/v1beta1');
    assert.deepEqual({ line: problem?.line, column: problem?.column }, { line: doc.positionAt(offset).line + 1, column: doc.positionAt(offset).character + 1 });
    assert.equal(problem?.line, 2);
  });

  test('completion at a line and character finds the map the cursor is in', () => {
    const withBlank = crOnly.replace('  trafficDistribution: PreferClose\r', '  \r');
    const position = documentOf(withBlank).positionAt(withBlank.indexOf('  \r  selector:') + 2);
    assert.equal(position.line, 15);
    assert.equal(lineIndexOf(model(withBlank)).lines[position.line], '  ');
    const labels = completionsAt(model(withBlank), position.line, position.character, settings()).map((c) => c.label);
    assert.ok(labels.includes('trafficDistribution'), `Service spec keys expected, got ${labels.join(', ')}`);
  });

  test('hover on a KEP field answers with its card', () => {
    const offset = crOnly.indexOf('trafficDistribution') + 3;
    const hover = hoverAt(model(crOnly), offset, settings());
    assert.ok(hover);
    assert.match(hover.markdown, /KEP-4444/);
    assert.equal(crOnly.slice(hover.start, hover.end), 'trafficDistribution');
  });

  test('a suppression quick fix inserts its comment on the line above, with the file\'s own line break', () => {
    const finding = analyze(crOnly).find((f) => f.code === 'removed-api');
    const fix = finding?.fixes.find((f) => f.title.startsWith('Suppress'));
    assert.ok(fix);
    const fixed = applyEdits(crOnly, fix.edits);
    assert.ok(fixed.includes('\r# kep-lens-disable-next-line removed-api\rapiVersion: extensions/v1beta1\r'), JSON.stringify(fixed.slice(0, 160)));
    assert.ok(!fixed.includes('\n'));
    assert.deepEqual(summary(fixed, analyze(fixed)), []);
  });

  test('a version pin in the header holds', () => {
    const pinned = `# kep-lens: kubernetesVersion=1.30\r${crOnly.replace('policy/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta3').replace('PodDisruptionBudget', 'FlowSchema').replace('# kep-lens-disable-next-line removed-api -- retired with the old cluster\r', '')}`;
    const found = analyze(pinned).map((f) => f.code);
    assert.ok(found.includes('deprecated-api'), `at the pinned 1.30, flowcontrol v1beta3 is deprecated, not removed: ${found.join(', ')}`);
  });
});

describe('a file with mixed line endings', () => {
  test('gives the findings of each document', () => {
    assert.deepEqual(summary(mixed, analyze(mixed)), ['removed-api@batch/v1beta1', 'removed-api@policy/v1beta1', 'removed-field@cephfs']);
  });

  test('every finding is on the line and column an editor shows', () => {
    const doc = documentOf(mixed);
    const problems = lintText(mixed, 'mixed.yaml', settings());
    const findings = analyze(mixed);
    assert.equal(problems.length, findings.length);
    findings.forEach((f, i) => {
      const start = doc.positionAt(f.start);
      const end = doc.positionAt(f.end);
      assert.deepEqual(
        { line: problems[i]?.line, column: problems[i]?.column, endLine: problems[i]?.endLine, endColumn: problems[i]?.endColumn },
        { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
      );
    });
    assert.deepEqual(problems.map((p) => p.line), [1, 26, 29]);
  });
});
