/**
 * The .gitignore matcher used by `kep-lens lint` and `--exclude`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { compileRule, isIgnored, parseIgnoreFile, type IgnoreList } from '../../../server/src/cli/ignore';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { parseGateList } from '../../../server/src/cli/config';
import { LineMap, sarifUri } from '../../../server/src/cli/formats';

const base = path.resolve('/repo');

function ignored(gitignore: string, relative: string, isDirectory = false): boolean {
  const list: IgnoreList = { base, rules: parseIgnoreFile(gitignore) };
  return isIgnored([list], path.join(base, relative), isDirectory);
}

test('plain names match at any depth; a slash anchors to the directory', () => {
  assert.equal(ignored('secret.yaml', 'secret.yaml'), true);
  assert.equal(ignored('secret.yaml', 'a/b/secret.yaml'), true);
  assert.equal(ignored('/secret.yaml', 'a/secret.yaml'), false);
  assert.equal(ignored('/secret.yaml', 'secret.yaml'), true);
  assert.equal(ignored('a/secret.yaml', 'a/secret.yaml'), true);
  assert.equal(ignored('a/secret.yaml', 'b/a/secret.yaml'), false);
});

test('wildcards: *, ?, classes, ** in its three places', () => {
  assert.equal(ignored('*.yaml', 'x/y.yaml'), true);
  assert.equal(ignored('*.yaml', 'x/y.yml'), false);
  assert.equal(ignored('a/*.yaml', 'a/b/c.yaml'), false);
  assert.equal(ignored('file?.yaml', 'file1.yaml'), true);
  assert.equal(ignored('file?.yaml', 'file10.yaml'), false);
  assert.equal(ignored('file[0-9].yaml', 'file7.yaml'), true);
  assert.equal(ignored('file[!0-9].yaml', 'file7.yaml'), false);
  assert.equal(ignored('file[!0-9].yaml', 'filex.yaml'), true);
  assert.equal(ignored('**/charts', 'x/y/charts', true), true);
  assert.equal(ignored('**/charts', 'charts', true), true);
  assert.equal(ignored('charts/**', 'charts/a/b.yaml'), true);
  assert.equal(ignored('charts/**', 'charts', true), false);
  assert.equal(ignored('a/**/b.yaml', 'a/b.yaml'), true);
  assert.equal(ignored('a/**/b.yaml', 'a/x/y/b.yaml'), true);
  assert.equal(ignored('a/**/b.yaml', 'c/a/x/b.yaml'), false);
  assert.equal(ignored('a**b.yaml', 'axxb.yaml'), true);
  assert.equal(ignored('a**b.yaml', 'ax/xb.yaml'), false);
});

test('directories only, negation, comments, escapes and trailing spaces', () => {
  assert.equal(ignored('build/', 'build', true), true);
  assert.equal(ignored('build/', 'build', false), false);
  assert.equal(ignored('*.yaml\n!keep.yaml', 'keep.yaml'), false);
  assert.equal(ignored('*.yaml\n!keep.yaml', 'drop.yaml'), true);
  assert.equal(ignored('!keep.yaml\n*.yaml', 'keep.yaml'), true);
  assert.equal(ignored('# comment.yaml', '# comment.yaml'), false);
  assert.equal(ignored('\\#hash.yaml', '#hash.yaml'), true);
  assert.equal(ignored('\\!bang.yaml', '!bang.yaml'), true);
  assert.equal(ignored('space.yaml   ', 'space.yaml'), true);
  assert.equal(ignored('a.b', 'axb'), false);
  assert.equal(ignored('x(1).yaml', 'x(1).yaml'), true);
  assert.equal(ignored('ok.yaml\r\n', 'ok.yaml'), true);
  assert.equal(compileRule('   '), undefined);
  assert.equal(compileRule('/'), undefined);
});

test('deeper lists override shallower ones; anchored rules do not reach outside their directory', () => {
  const outer: IgnoreList = { base, rules: parseIgnoreFile('*.yaml') };
  const inner: IgnoreList = { base: path.join(base, 'sub'), rules: parseIgnoreFile('!keep.yaml\n/local.yaml') };
  assert.equal(isIgnored([outer, inner], path.join(base, 'sub', 'keep.yaml'), false), false);
  assert.equal(isIgnored([outer, inner], path.join(base, 'sub', 'other.yaml'), false), true);
  assert.equal(isIgnored([inner], path.join(base, 'local.yaml'), false), false);
  assert.equal(isIgnored([inner], path.join(base, 'sub', 'local.yaml'), false), true);
});

test('argument parsing', () => {
  const specs = { format: { value: true }, exclude: { value: true, repeat: true }, quiet: { short: 'q' } };
  const p = parseArgs(['a', '--format=json', '-q', '--exclude', 'x', '--exclude=y', '-', '--', '--not-an-option'], specs);
  assert.deepEqual(p.positionals, ['a', '-', '--not-an-option']);
  assert.deepEqual(p.values.get('format'), ['json']);
  assert.deepEqual(p.values.get('exclude'), ['x', 'y']);
  assert.ok(p.flags.has('quiet'));
  assert.throws(() => parseArgs(['--format', 'a', '--format', 'b'], specs), UsageError);
  assert.throws(() => parseArgs(['--quiet=yes'], specs), UsageError);
  assert.throws(() => parseArgs(['--format'], specs), UsageError);
  assert.throws(() => parseArgs(['-x'], specs), UsageError);
  assert.deepEqual(parseGateList('ImageVolume=true, Foo=FALSE', 'x'), { ImageVolume: true, Foo: false });
  assert.throws(() => parseGateList('ImageVolume', 'x'), UsageError);
});

test('line map and SARIF URIs', () => {
  const lines = new LineMap('ab\ncd\r\n\nef');
  assert.deepEqual(lines.position(0), { line: 1, column: 1 });
  assert.deepEqual(lines.position(3), { line: 2, column: 1 });
  assert.deepEqual(lines.position(7), { line: 3, column: 1 });
  assert.deepEqual(lines.position(9), { line: 4, column: 2 });
  assert.equal(sarifUri('a dir/x#1.yaml'), 'a%20dir/x%231.yaml');
  assert.equal(sarifUri('../up/x.yaml'), '../up/x.yaml');
});
