/**
 * `kep-lens lint` behaviour: exit codes, stdin, excludes, config files,
 * and paths that cannot be read (dangling links, loops, binary and huge
 * files, FIFOs) reported without hanging or crashing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtures, isRoot, normalise, removeTree, runCli, scratchTree } from './cliHarness';
import { run, type CliIO } from '../../../server/src/cli/main';

let root = '';
const m = (name: string): string => path.join('manifests', name);

before(() => {
  root = scratchTree();
});

after(() => {
  removeTree(root);
});

/** Lints at 1.31 unless the arguments name a version or a config file: the fixtures are written for 1.31. */
function lintIn(cwd: string, args: readonly string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const pinned = args.includes('--kubernetes-version') || args.includes('--config') || fs.existsSync(path.join(cwd, 'kep-lens.yaml')) ? [] : ['--kubernetes-version', '1.31'];
  const r = runCli(['lint', ...args, ...pinned], { cwd, input });
  return { code: r.code, stdout: normalise(r.stdout, cwd), stderr: normalise(r.stderr, cwd) };
}

const lint = (args: readonly string[], input?: string) => lintIn(root, args, input);

/** A fresh directory under the scratch root. */
function dir(name: string): string {
  const d = path.join(root, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

test('exit codes: 0 clean, 1 findings at or above --fail-on', () => {
  assert.equal(lint([m('clean.yaml')]).code, 0);
  assert.match(lint([m('clean.yaml')]).stdout, /^0 problems \(0 errors, 0 warnings, 0 information, 0 hints\) in 1 file\n$/);
  assert.equal(lint([m('removed-api.yaml')]).code, 1);
  assert.equal(lint([m('removed-api.yaml'), '--fail-on', 'none']).code, 0);
  // pinned.yml has warnings only.
  const pinned = m('nested/deeper/pinned.yml');
  assert.equal(lint([pinned]).code, 0);
  assert.equal(lint([pinned, '--fail-on', 'warning']).code, 1);
  assert.equal(lint([pinned, '--fail-on', 'hint']).code, 1);
  assert.equal(lint([m('clean.yaml'), '--fail-on', 'hint']).code, 0);
});

test('exit code 2: usage errors', () => {
  for (const args of [
    ['--format', 'xml'],
    ['--fail-on', 'critical'],
    ['--kubernetes-version', '1.99'],
    ['--disable', 'no-such-code'],
    ['--feature-gates', 'ImageVolume'],
    ['--bogus'],
    ['--format'],
  ]) {
    const r = lint([m('clean.yaml'), ...args]);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
    assert.match(r.stderr, /^kep-lens: /, args.join(' '));
    assert.equal(r.stdout, '');
  }
  assert.equal(runCli([], { cwd: root }).code, 2);
  assert.equal(runCli(['frobnicate'], { cwd: root }).code, 2);
  assert.equal(runCli(['--help']).code, 0);
  assert.match(runCli(['lint', '--help']).stdout, /kep-lens lint \[options\] \[paths…\]/);
  assert.match(runCli(['--version']).stdout, /^kep-lens \d+\.\d+\.\d+ \(data for Kubernetes 1\.\d+–1\.\d+; default target 1\.\d+(?:; [\d., ]+ from pre-release tags)?\)\n$/);
  assert.match(runCli(['--help']).stdout, /default target 1\.36, the newest release with final-tag data/);
});

test('exit code 2 for a missing path, with the findings of the other paths still printed', () => {
  const r = lint([m('removed-api.yaml'), 'nope.yaml', '--no-color']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kep-lens: nope\.yaml: no such file or directory$/m);
  assert.match(r.stdout, /^manifests\/removed-api\.yaml:2:13 error removed-api/m);
  assert.match(r.stdout, /1 path could not be checked/);
});

test('stdin: `-` reads standard input (helm template … | kep-lens lint -)', () => {
  const text = fs.readFileSync(path.join(fixtures, 'manifests', 'removed-api.yaml'), 'utf8');
  const r = lint(['-'], text);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^<stdin>:2:13 error removed-api /m);
  assert.match(r.stdout, /^<stdin>:12:13 error removed-api /m);
  const named = lint(['-', '--stdin-filename', 'rendered/chart.yaml', '--format', 'json'], text);
  assert.equal((JSON.parse(named.stdout) as { file: string }[])[0]?.file, 'rendered/chart.yaml');
  // Empty input is a clean file.
  const empty = lint(['-'], '');
  assert.equal(empty.code, 0);
  assert.match(empty.stdout, /in 1 file/);
});

test('--exclude globs and .gitignore prune the walk', () => {
  const all = lint(['manifests', '--format', 'json']);
  const files = (out: string): string[] => [...new Set((JSON.parse(out) as { file: string }[]).map((r) => r.file))].sort();
  assert.deepEqual(files(all.stdout), [
    'manifests/broken.yaml',
    'manifests/chart/templates/ingress.yaml',
    'manifests/image-volume.yaml',
    'manifests/nested/deeper/pinned.yml',
    'manifests/removed-api.yaml',
  ]);
  const excluded = lint(['manifests', '--format', 'json', '--exclude', 'removed-*.yaml', '--exclude', 'manifests/chart/', '--exclude', '**/deeper/**']);
  assert.deepEqual(files(excluded.stdout), ['manifests/broken.yaml', 'manifests/image-volume.yaml']);
  // Excluded files are not counted as checked either.
  assert.match(lint(['manifests', '--exclude', '*.yaml', '--exclude', '*.yml']).stdout, /^0 problems .* in 0 files$/m);
  // A `!` rule re-includes a file the .gitignore drops.
  const nested = dir('negate');
  fs.writeFileSync(path.join(nested, '.gitignore'), '*.yaml\n!keep.yaml\n');
  fs.writeFileSync(path.join(nested, 'drop.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\n');
  fs.writeFileSync(path.join(nested, 'keep.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\n');
  const negated = lint(['negate', '--format', 'json']);
  assert.deepEqual(files(negated.stdout), ['negate/keep.yaml']);
  // Named files are read even when a .gitignore would skip them.
  assert.equal(lint(['negate/drop.yaml']).code, 1);
});

test('config file: kep-lens.yaml in the working directory, or --config', () => {
  const cwd = dir('configured');
  fs.cpSync(path.join(fixtures, 'manifests', 'image-volume.yaml'), path.join(cwd, 'pod.yaml'));
  fs.cpSync(path.join(fixtures, 'manifests', 'removed-api.yaml'), path.join(cwd, 'old.yaml'));
  const before = lintIn(cwd, ['.', '--format', 'json']);
  const codes = (out: string): string[] => (JSON.parse(out) as { code: string }[]).map((r) => r.code).sort();
  assert.deepEqual(codes(before.stdout), ['feature-gate-off', 'kep-rule', 'removed-api', 'removed-api']);
  fs.writeFileSync(path.join(cwd, 'kep-lens.yaml'), 'kubernetesVersion: 1.33\nfeatureGates:\n  ImageVolume: true\nexclude:\n  - old.yaml\n');
  const configured = lintIn(cwd, ['.', '--format', 'json']);
  assert.deepEqual(codes(configured.stdout), []);
  assert.equal(configured.code, 0);
  // Options win over the file.
  const overridden = lintIn(cwd, ['.', '--format', 'json', '--kubernetes-version', '1.31', '--feature-gates', 'ImageVolume=false']);
  assert.deepEqual(codes(overridden.stdout), ['feature-gate-off', 'kep-rule']);
  // An explicit --config from elsewhere; disabledCodes and --disable add up.
  fs.writeFileSync(path.join(root, 'other.yaml'), 'disabledCodes: [removed-api]\n');
  const explicit = lintIn(cwd, ['old.yaml', 'pod.yaml', '--format', 'json', '--config', '../other.yaml', '--disable', 'kep-rule', '--kubernetes-version', '1.31']);
  assert.deepEqual(codes(explicit.stdout), ['feature-gate-off']);
  // Broken config is a usage error.
  fs.writeFileSync(path.join(root, 'bad.yaml'), 'kubernetesVersion: 2.0\n');
  const bad = lintIn(cwd, ['.', '--config', '../bad.yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /kubernetesVersion "2" is not a Kubernetes version/);
  assert.equal(lintIn(cwd, ['.', '--config', '../missing.yaml']).code, 2);
});

test('--feature-gates and --disable change the findings', () => {
  const pod = m('image-volume.yaml');
  const codes = (args: string[]): string[] => (JSON.parse(lint([pod, '--format', 'json', ...args]).stdout) as { code: string }[]).map((r) => r.code).sort();
  assert.deepEqual(codes([]), ['feature-gate-off', 'kep-rule']);
  assert.deepEqual(codes(['--feature-gates', 'ImageVolume=true']), ['kep-rule']);
  assert.deepEqual(codes(['--disable', 'kep-rule,feature-gate-off']), []);
  assert.deepEqual(codes(['--kubernetes-version', 'v1.33.2']), ['feature-gate-off']);
  const unknownGate = lint([pod, '--feature-gates', 'NoSuchGate=true']);
  assert.match(unknownGate.stderr, /warning: feature gate NoSuchGate not known/);
  assert.equal(unknownGate.code, 1);
});

test('unreadable paths are I/O problems (exit 2), not crashes', () => {
  const d = dir('unreadable');
  fs.cpSync(path.join(fixtures, 'manifests', 'removed-api.yaml'), path.join(d, 'real.yaml'));
  fs.symlinkSync(path.join(d, 'gone.yaml'), path.join(d, 'dangling.yaml'));
  // A directory named like a manifest is walked, not read.
  fs.mkdirSync(path.join(d, 'dir.yaml'));
  fs.writeFileSync(path.join(d, 'dir.yaml', 'inside.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
  let unreadable = false;
  if (!isRoot()) {
    fs.writeFileSync(path.join(d, 'secret.yaml'), 'apiVersion: v1\n');
    fs.chmodSync(path.join(d, 'secret.yaml'), 0o000);
    unreadable = true;
  }
  const r = lint(['unreadable', '--no-color']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kep-lens: unreadable\/dangling\.yaml: cannot read: no such file or directory \(dangling symbolic link\)$/m);
  if (unreadable) assert.match(r.stderr, /^kep-lens: unreadable\/secret\.yaml: cannot read: permission denied$/m);
  assert.match(r.stdout, /^unreadable\/real\.yaml:2:13 error removed-api/m);
  assert.match(r.stdout, new RegExp(`in 2 files; ${unreadable ? 2 : 1} paths? could not be checked`));
  // Named directly, a dangling link is a missing path.
  assert.equal(lint(['unreadable/dangling.yaml']).code, 2);
});

test('symbolic link loops end; each file is checked once', () => {
  const d = dir('loop');
  fs.mkdirSync(path.join(d, 'sub'));
  fs.cpSync(path.join(fixtures, 'manifests', 'removed-api.yaml'), path.join(d, 'sub', 'a.yaml'));
  fs.symlinkSync('..', path.join(d, 'sub', 'up'));
  fs.symlinkSync(path.join(d, 'sub'), path.join(d, 'again'));
  fs.symlinkSync('a.yaml', path.join(d, 'sub', 'alias.yaml'));
  const started = Date.now();
  const r = lint(['loop', '--format', 'json']);
  assert.ok(Date.now() - started < 20_000);
  assert.equal(r.code, 1);
  const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file));
  assert.equal(files.size, 1, [...files].join(', '));
});

test('binary, huge and special files are reported and skipped', () => {
  const d = dir('special');
  fs.writeFileSync(path.join(d, 'binary.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02]));
  // Sparse past its first document: the size is what counts, no 65 MB written.
  const fd = fs.openSync(path.join(d, 'huge.yaml'), 'w');
  fs.writeSync(fd, `apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n---\n${'# more to come\n'.repeat(600)}`);
  fs.ftruncateSync(fd, 65 * 1024 * 1024);
  fs.closeSync(fd);
  let fifo = false;
  try {
    execFileSync('mkfifo', [path.join(d, 'pipe.yaml')]);
    fifo = true;
  } catch {
    // No mkfifo (Windows): skip that part.
  }
  fs.writeFileSync(path.join(d, 'bom.yaml'), '\uFEFFapiVersion: batch/v1beta1\nkind: CronJob\n');
  const r = lint(['special', '--no-color'], undefined);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kep-lens: special\/binary\.yaml: binary file \(NUL byte in the first 8 KB\); skipped$/m);
  // Past the file budget: the documents read in full are checked, and a too-large finding says where checking stopped.
  assert.match(r.stdout, /^special\/huge\.yaml:1:13 error removed-api/m);
  assert.match(r.stdout, /^special\/huge\.yaml:3:1 information too-large This file is larger than 16 MB/m);
  if (fifo) assert.match(r.stderr, /^kep-lens: special\/pipe\.yaml: not a regular file; skipped$/m);
  // A BOM does not shift columns.
  assert.match(r.stdout, /^special\/bom\.yaml:1:13 error removed-api/m);
});

test('no progress output when stderr is not a terminal, even for many files', () => {
  const d = dir('many');
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(d, `f${String(i).padStart(2, '0')}.yaml`), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  const r = lint(['many']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /in 60 files/);
});

test('progress: one updating line on a terminal stderr, cleared at the end', async () => {
  const d = dir('many-tty');
  for (let i = 0; i < 55; i++) fs.writeFileSync(path.join(d, `f${i}.yaml`), 'apiVersion: v1\nkind: ConfigMap\n');
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: root,
    env: {},
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    stdin: () => process.stdin,
  };
  const code = await run(['lint', 'many-tty'], io);
  assert.equal(code, 0);
  assert.match(stderr, /^\r\x1b\[2Kkep-lens: \d+\/55 many-tty\/f\d+\.yaml/);
  assert.ok(stderr.endsWith('\r\x1b[2K'));
  assert.doesNotMatch(stderr, /\n/);
  assert.match(stdout, /in 55 files/);
  // Few files: no progress even on a terminal.
  stderr = '';
  await run(['lint', path.join('manifests', 'clean.yaml')], io);
  assert.equal(stderr, '');
});
