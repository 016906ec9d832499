/**
 * Golden outputs of `kep-lens lint` in every format, over the fixture tree
 * (test/fixtures/cli/manifests): a removed API, an image volume with a
 * subPath, a clean file, an unrendered Helm template, a GitHub workflow, a
 * broken file, a pinned file in a nested directory with a .gitignore.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { golden, normalise, removeTree, runCli, scratchTree } from './cliHarness';

let root = '';

before(() => {
  root = scratchTree();
});

after(() => {
  removeTree(root);
});

function lint(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = runCli(['lint', 'manifests', '--kubernetes-version', '1.31', ...args], { cwd: root });
  return { code: run.code, stdout: normalise(run.stdout, root), stderr: normalise(run.stderr, root) };
}

test('text format: file:line:col severity code message, then a summary', () => {
  const run = lint('--no-color');
  assert.equal(run.code, 1);
  assert.equal(run.stderr, '');
  golden('lint.txt', run.stdout);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[lines.length - 1] as string, /^\d+ problems \(\d+ errors, \d+ warnings, \d+ information, \d+ hints?\) in 7 files$/);
  for (const line of lines.slice(0, -2)) assert.match(line, /^manifests\/[^:]+:\d+:\d+ (error|warning|information|hint) [a-z-]+ \S/);
  // Nothing from files the .gitignore covers, from non-YAML files, or from the workflow.
  assert.doesNotMatch(run.stdout, /generated-pdb|deeper\/tmp|notes\.txt|ci\.yml|clean\.yaml/);
  // Each fixture shows up as intended.
  assert.match(run.stdout, /^manifests\/removed-api\.yaml:2:13 error removed-api /m);
  assert.match(run.stdout, /^manifests\/image-volume\.yaml:13:11 error kep-rule `subPath`/m);
  assert.match(run.stdout, /^manifests\/chart\/templates\/ingress\.yaml:2:13 error removed-api /m);
  assert.match(run.stdout, /^manifests\/broken\.yaml:\d+:\d+ error yaml-syntax /m);
  // The pinned file is checked at 1.30, and its suppression comment holds.
  assert.match(run.stdout, /^manifests\/nested\/deeper\/pinned\.yml:14:13 warning deprecated-api /m);
  assert.doesNotMatch(run.stdout, /pinned\.yml:12:/);
});

test('json format: an array of placed findings', () => {
  const run = lint('--format', 'json');
  assert.equal(run.code, 1);
  golden('lint.json', run.stdout);
  const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.ok(rows.length > 0);
  for (const row of rows) {
    assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'url']);
    assert.ok(Number.isInteger(row.line) && (row.line as number) >= 1);
    assert.ok(Number.isInteger(row.column) && (row.column as number) >= 1);
    assert.ok((row.endLine as number) > (row.line as number) || (row.endColumn as number) >= (row.column as number));
  }
  const subPath = rows.find((r) => r.code === 'kep-rule');
  assert.deepEqual({ ...subPath, message: undefined }, {
    file: 'manifests/image-volume.yaml', line: 13, column: 11, endLine: 13, endColumn: 18,
    severity: 'error', code: 'kep-rule', message: undefined, url: 'https://kep.k8s.io/4639',
  });
});

test('sarif format', () => {
  const run = lint('--format', 'sarif');
  assert.equal(run.code, 1);
  golden('lint.sarif.json', run.stdout);
});

test('github format: workflow commands with escaped properties', () => {
  const run = lint('--format', 'github');
  assert.equal(run.code, 1);
  golden('lint.github.txt', run.stdout);
  const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'));
  assert.ok(commands.length > 0);
  for (const c of commands) assert.match(c, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=kep-lens [a-z-]+::/);
});

test('--quiet drops the summary; colour only when asked', () => {
  const quiet = lint('--quiet', '--no-color');
  assert.doesNotMatch(quiet.stdout, /problems? \(/);
  const coloured = lint('--color');
  assert.match(coloured.stdout, /\x1b\[31merror\x1b\[39m/);
  const forced = runCli(['lint', 'manifests', '--kubernetes-version', '1.31', '--color'], { cwd: root, env: { NO_COLOR: '' } });
  assert.match(forced.stdout, /\x1b\[/);
  const plain = runCli(['lint', 'manifests', '--kubernetes-version', '1.31'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
});
