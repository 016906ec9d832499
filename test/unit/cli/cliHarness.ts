/**
 * Helpers for the CLI tests: run the bundled `dist/cli.js`, lay out a
 * scratch copy of the fixture tree, compare against golden files.
 * No tests here; compiled to out/test/unit/cli/cliHarness.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root: out/test/unit/cli → ../../../.. (or test/unit/cli → ../../.. from sources). */
export const repoRoot = (() => {
  const compiled = path.resolve(__dirname, '..', '..', '..', '..');
  return fs.existsSync(path.join(compiled, 'package.json')) ? compiled : path.resolve(__dirname, '..', '..', '..');
})();

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');
export const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');
export const goldenDir = path.join(fixtures, 'golden');

/** Builds the bundle when it is missing (`npm run build` normally runs first). */
export function ensureBuilt(): void {
  if (!fs.existsSync(cliPath)) execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number } = {}): CliRun {
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // Output must not depend on the environment the tests run in.
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/** A scratch directory holding `manifests/` (a copy of the fixture tree) plus files git would ignore. */
export function scratchTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-cli-'));
  fs.cpSync(path.join(fixtures, 'manifests'), path.join(root, 'manifests'), { recursive: true });
  // Ignored by manifests/nested/.gitignore; written here because git would not keep them in the repository.
  fs.writeFileSync(path.join(root, 'manifests', 'nested', 'generated-pdb.yaml'), 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: ignored\n');
  fs.mkdirSync(path.join(root, 'manifests', 'nested', 'deeper', 'tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, 'manifests', 'nested', 'deeper', 'tmp', 'render.yaml'), 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ignored\n');
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** Output made comparable across machines: line ends, and scratch roots as `<root>` (the CLI itself always prints `/`). */
export function normalise(text: string, root?: string): string {
  const out = text.replace(/\r\n/g, '\n');
  return root ? out.split(root).join('<root>') : out;
}

export const updating = process.env.UPDATE_GOLDEN === '1';

/** Compares with `test/fixtures/cli/golden/<name>`, or rewrites it under UPDATE_GOLDEN=1. */
export function golden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (updating) {
    fs.mkdirSync(goldenDir, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${name} is missing; run the tests with UPDATE_GOLDEN=1 to write it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), `output differs from golden ${name} (UPDATE_GOLDEN=1 rewrites it)`);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
