/**
 * `kep-lens lint` with worker threads: the same output, byte for byte, as
 * a single-threaded run (text, JSON, SARIF, exit code, warnings) on a
 * generated tree with the walk's hard cases in it; and a worker that
 * throws, exits, crashes or runs out of memory costs at most its file, with
 * a clear message, never a hang.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtures, normalise, removeTree, repoRoot, runCli } from './cliHarness';
import { lint, settingsFor, type LintOptions, type LintResult } from '../../../server/src/cli/lint';
import { minFilesForWorkers, workerCount } from '../../../server/src/cli/pool';

let root = '';
let tree = '';

/** The generator of the benchmark's mixed tree (Helm charts, workflows, bundles), at a size a unit test affords. */
function writeGeneratedTree(dir: string, files: number): void {
  const generator = path.join(repoRoot, 'scripts', 'bench', 'generate.mjs');
  execFileSync(process.execPath, ['--input-type=module', '-e', `import { writeMixedTree } from ${JSON.stringify(generator)}; writeMixedTree(${JSON.stringify(dir)}, ${files}, { seed: 5 });`]);
}

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-threads-'));
  tree = path.join(root, 'tree');
  writeGeneratedTree(tree, 240);
  // What the walk decides, which threads must not change.
  fs.cpSync(path.join(fixtures, 'manifests'), path.join(tree, 'fixtures'), { recursive: true });
  fs.writeFileSync(path.join(tree, '.gitignore'), 'ignored/\n*.generated.yaml\n');
  fs.mkdirSync(path.join(tree, 'ignored'));
  fs.writeFileSync(path.join(tree, 'ignored', 'old.yaml'), 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: ignored\n');
  fs.writeFileSync(path.join(tree, 'apps', 'x.generated.yaml'), 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ignored\n');
  fs.writeFileSync(path.join(tree, 'binary.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]));
  fs.writeFileSync(path.join(root, 'outside.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: outside\n');
  fs.symlinkSync(path.join(root, 'outside.yaml'), path.join(tree, 'link-out.yaml'));
  fs.symlinkSync(path.join(tree, 'missing.yaml'), path.join(tree, 'dangling.yaml'));
  fs.symlinkSync(path.join(tree, 'fixtures', 'removed-api.yaml'), path.join(tree, 'same-file-again.yaml'));
  try {
    execFileSync('mkfifo', [path.join(tree, 'pipe.yaml')]);
  } catch {
    // No mkfifo: the other cases still run.
  }
});

after(() => {
  removeTree(root);
});

test('how many workers: none for a few files or one CPU, one per CPU up to eight, or as --jobs says', () => {
  assert.equal(workerCount(minFilesForWorkers(8) - 1, undefined, 8), 0);
  assert.equal(workerCount(minFilesForWorkers(8), undefined, 8), 8);
  assert.equal(workerCount(minFilesForWorkers(2) - 1, undefined, 2), 0);
  assert.equal(workerCount(minFilesForWorkers(2), undefined, 2), 2);
  assert.equal(workerCount(10_000, undefined, 1), 0);
  assert.equal(workerCount(10_000, undefined, 64), 8);
  assert.equal(workerCount(10_000, 1, 8), 0);
  assert.equal(workerCount(10_000, 3, 1), 3);
  assert.equal(workerCount(2, 4, 8), 2);
});

test('threaded and single-threaded runs print the same text, JSON and SARIF, with the same exit code and warnings', () => {
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'cliWorker.js')), 'dist/cliWorker.js is missing: run npm run build');
  for (const format of ['text', 'json', 'sarif']) {
    const single = runCli(['lint', 'tree', '--format', format, '--jobs', '1'], { cwd: root, timeout: 120_000 });
    assert.ok(single.code === 1 || single.code === 2, `${format}: exit ${single.code}: ${single.stderr}`);
    assert.match(single.stderr, /not following a symbolic link/);
    assert.match(single.stderr, /binary file/);
    if (format === 'text') assert.match(single.stdout, /in \d{3} files; \d+ paths could not be checked\n$/);
    // The tree is below the automatic threshold: the number of workers is given (workerCount's choice is tested above).
    for (const jobs of ['2', '3']) {
      const threaded = runCli(['lint', 'tree', '--format', format, '--jobs', jobs], { cwd: root, timeout: 120_000 });
      assert.equal(threaded.code, single.code, `${format} --jobs ${jobs}: exit code; stderr: ${threaded.stderr}`);
      assert.equal(normalise(threaded.stderr, root), normalise(single.stderr, root), `${format} --jobs ${jobs}: stderr`);
      assert.ok(threaded.stdout === single.stdout, `${format} --jobs ${jobs}: stdout differs from the single-threaded run`);
    }
  }
});

test('--jobs takes auto or a number', () => {
  const bad = runCli(['lint', 'tree', '--jobs', 'many'], { cwd: root });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--jobs must be auto or a number/);
  assert.equal(runCli(['lint', 'tree', '--jobs', '0'], { cwd: root }).code, 2);
});

// ------------------------------------------------------------ failures, in process

const faultyWorker = path.join(__dirname, 'faultyWorker.js');
const settings = settingsFor({ kubernetesVersion: '1.31', featureGates: {}, disabledCodes: [] });

function options(dir: string, extra: Partial<LintOptions>): LintOptions {
  return { paths: [dir], cwd: dir, settings, excludes: [], stdinName: '<stdin>', stdin: () => process.stdin, ...extra };
}

/** A small tree: the CLI fixtures copied under several names, plus files named to make the faulty worker misbehave. */
function faultTree(name: string, trouble: readonly string[]): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const sources = ['clean.yaml', 'removed-api.yaml', 'image-volume.yaml', 'broken.yaml'].map((f) => fs.readFileSync(path.join(fixtures, 'manifests', f)));
  for (let i = 0; i < 24; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}.yaml`), sources[i % sources.length] as Buffer);
  for (const t of trouble) fs.writeFileSync(path.join(dir, t), sources[1] as Buffer);
  return dir;
}

/** Findings and I/O problems by file name. */
function byFile(result: LintResult): Map<string, string> {
  const out = new Map<string, string[]>();
  const add = (file: string, line: string): void => {
    const name = path.basename(file);
    out.set(name, [...(out.get(name) ?? []), line]);
  };
  for (const p of result.problems) add(p.file, `${p.line}:${p.column} ${p.code} ${p.message}`);
  for (const p of result.ioProblems) add(p.file, `io ${p.message}`);
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

const troubled = (file: string): boolean => /^(throws|exits|crashes)-/.test(path.basename(file));

test('a file whose check throws, a worker that exits or crashes: that file gets a clear message, the others their findings', { timeout: 60_000 }, async () => {
  const dir = faultTree('faults', ['throws-1.yaml', 'exits-1.yaml', 'crashes-1.yaml']);
  const single = await lint(options(dir, { jobs: 1 }));
  const threaded = await lint(options(dir, { jobs: 2, workerScript: faultyWorker }));
  const expected = byFile(single);
  const got = byFile(threaded);
  assert.match(got.get('throws-1.yaml') ?? '', /^io internal error while analysing: Error: check failed on purpose/);
  assert.match(got.get('exits-1.yaml') ?? '', /^io internal error: the worker thread checking this file stopped \(exit code 3\); the file was not checked$/);
  assert.match(got.get('crashes-1.yaml') ?? '', /^io internal error: the worker thread checking this file stopped \(worker crashed on purpose\); the file was not checked$/);
  for (const [file, text] of expected) {
    if (troubled(file)) continue;
    assert.equal(got.get(file), text, file);
  }
  assert.equal(threaded.filesChecked, single.filesChecked - 3);
  assert.equal(threaded.ioProblems.length, 3);
  // The report keeps the walk's order whatever failed.
  assert.deepEqual(threaded.problems.map((p) => p.file), single.problems.filter((p) => !troubled(p.file)).map((p) => p.file));
});

test('a file that runs a worker out of memory is checked again in the main thread, with the same findings', { timeout: 60_000 }, async () => {
  const dir = faultTree('oom', ['oom-1.yaml']);
  const single = await lint(options(dir, { jobs: 1 }));
  const threaded = await lint(options(dir, { jobs: 2, workerScript: faultyWorker }));
  assert.deepEqual(threaded, single);
});

test('more crashes than restarts: the main thread checks what is left; no worker that cannot start: all in the main thread', { timeout: 60_000 }, async () => {
  const trouble = Array.from({ length: 8 }, (_, i) => `exits-${i}.yaml`);
  const dir = faultTree('many-crashes', trouble);
  const threaded = await lint(options(dir, { jobs: 2, workerScript: faultyWorker }));
  const single = await lint(options(dir, { jobs: 1 }));
  const crashed = threaded.ioProblems.filter((p) => /worker thread checking this file stopped/.test(p.message)).map((p) => path.basename(p.file));
  assert.ok(crashed.length >= 1 && crashed.length <= trouble.length, crashed.join(', '));
  assert.equal(threaded.filesChecked + crashed.length, single.filesChecked);
  const expected = byFile(single);
  for (const [file, text] of byFile(threaded)) if (!crashed.includes(file)) assert.equal(text, expected.get(file), file);

  const missing = await lint(options(dir, { jobs: 2, workerScript: path.join(root, 'no-such-worker.js') }));
  assert.deepEqual(missing, single);
});
