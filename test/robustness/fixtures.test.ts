/**
 * Checked-in nasty files (test/fixtures/robustness/) with their exact
 * findings at the default target (1.31): YAML that is not Kubernetes gets
 * nothing, a Helm template is checked where it parses, and a broken
 * document costs one yaml-syntax finding without hiding later documents.
 * Every hover and completion position in each file is also tried.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../../server/src/manifest/model';
import { analyzeModel } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/target';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentInfo } from '../../server/src/features/documentInfo';
import { fixturesDir, rangeProblem } from './support';

/** A finding as asserted: code, 1-based line, and the exact text its range covers. */
type Expected = [code: string, line: number, text: string];

interface Fixture {
  file: string;
  findings: Expected[];
  /** documentInfo().isKubernetes, when it matters. */
  kubernetes?: boolean;
  /** No KEP hover card anywhere in the file. */
  noHovers?: boolean;
}

const fixtures: Fixture[] = [
  {
    file: 'helm-chart/templates/deployment.yaml',
    findings: [
      // Template actions do not stop the checks of what parses; syntax errors of templates are not reported.
      ['removed-field', 42, 'rbd'],
      ['removed-api', 52, 'policy/v1beta1'],
    ],
    kubernetes: true,
  },
  { file: 'kustomization.yaml', findings: [] },
  { file: 'github/workflow.yaml', findings: [], kubernetes: false, noHovers: true },
  { file: 'docker-compose.yaml', findings: [], kubernetes: false, noHovers: true },
  { file: 'ansible-playbook.yaml', findings: [], kubernetes: false, noHovers: true },
  {
    file: 'broken-then-valid.yaml',
    findings: [
      // One syntax finding for the file (the first broken document); the tab-indented Pod is not reported again.
      ['yaml-syntax', 8, 'o'],
      ['removed-api', 10, 'policy/v1beta1'],
      ['removed-field', 33, 'rbd'],
    ],
    kubernetes: true,
  },
  {
    file: 'list-crlf-bom.yaml',
    findings: [
      ['removed-api', 9, 'extensions/v1beta1'],
      ['deprecated-field', 19, 'container.apparmor.security.beta.kubernetes.io/app'],
    ],
    kubernetes: true,
  },
];

function read(file: string): string {
  return fs.readFileSync(path.join(fixturesDir, file), 'utf8');
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('robustness fixtures', () => {
  it('every fixture file is listed', () => {
    const listed = new Set(fixtures.map((f) => f.file));
    const walk = (dir: string, prefix = ''): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    assert.deepEqual(walk(fixturesDir).filter((f) => !listed.has(f)), []);
  });

  for (const fixture of fixtures) {
    it(`${fixture.file}: exact findings`, () => {
      const text = read(fixture.file);
      const findings = analyzeModel(buildModel(text), defaultSettings);
      const actual = findings.map((f): Expected => [f.code, lineOf(text, f.start), text.slice(f.start, f.end)]);
      assert.deepEqual(actual, fixture.findings);
      assert.ok(findings.filter((f) => f.code === 'yaml-syntax').length <= 1, 'at most one yaml-syntax finding per file');
      for (const f of findings) {
        const problem = rangeProblem(f.code, f.start, f.end, text.length);
        assert.equal(problem, undefined, problem);
        for (const fix of f.fixes) for (const e of fix.edits) assert.equal(rangeProblem(fix.title, e.start, e.end, text.length), undefined);
      }
      // The same findings with syntax diagnostics off, minus the syntax one.
      const quiet = analyzeModel(buildModel(text), { ...defaultSettings, syntaxDiagnostics: false });
      assert.deepEqual(quiet.map((f) => f.code), findings.filter((f) => f.code !== 'yaml-syntax').map((f) => f.code));
    });

    it(`${fixture.file}: hover at every offset and completion at every line end stay in range`, () => {
      const text = read(fixture.file);
      const model = buildModel(text);
      let hovers = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const hover = hoverAt(model, offset, defaultSettings);
        if (!hover) continue;
        hovers++;
        assert.equal(rangeProblem(`hover at ${offset}`, hover.start, hover.end, text.length), undefined);
        assert.ok(hover.start <= offset && offset <= hover.end, `hover at ${offset} covers ${hover.start}..${hover.end}`);
      }
      if (fixture.noHovers) assert.equal(hovers, 0, 'no KEP hover cards in a file that is not Kubernetes');
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        const length = line.endsWith('\r') ? line.length - 1 : line.length;
        for (const character of [0, Math.floor(length / 2), length]) {
          for (const item of completionsAt(model, index, character, defaultSettings)) {
            assert.equal(rangeProblem(`completion ${item.label} at ${index}:${character}`, item.replaceStart, item.replaceEnd, text.length), undefined);
          }
        }
      });
      const info = documentInfo(model, defaultSettings);
      if (fixture.kubernetes !== undefined) assert.equal(info.isKubernetes, fixture.kubernetes);
      if (fixture.kubernetes === false) assert.deepEqual(info.keps, []);
    });
  }
});
