import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { ensureBuilt, removeTree, runCli } from './cliHarness';

const emptyDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-inputs-'));

const removedPdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n';

test('a UTF-16 file with a byte-order mark is read as text, not refused as binary', () => {
  ensureBuilt();
  const root = emptyDir();
  try {
    const file = path.join(root, 'utf16.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(removedPdb, 'utf16le')]));
    const run = runCli(['lint', file, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { code: string }[]).map((f) => f.code), ['removed-api']);
  } finally {
    removeTree(root);
  }
});

test('--exclude globs are relative to the linted directory too, not only to the working directory', () => {
  ensureBuilt();
  const root = emptyDir();
  try {
    fs.mkdirSync(path.join(root, 'vendor'));
    fs.writeFileSync(path.join(root, 'vendor', 'old.yaml'), removedPdb);
    fs.writeFileSync(path.join(root, 'app.yaml'), removedPdb);
    const run = runCli(['lint', root, '--exclude', 'vendor/**', '--format', 'json'], { cwd: os.tmpdir() === root ? '/' : path.parse(root).root });
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => path.basename(f.file));
    assert.deepEqual(files, ['app.yaml']);
  } finally {
    removeTree(root);
  }
});
