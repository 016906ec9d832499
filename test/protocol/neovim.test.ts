/**
 * A second, unrelated LSP client: headless Neovim's built-in client attaches
 * the bundled server to a manifest and reads diagnostics and a hover. Proves
 * the server needs nothing VS Code-specific.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;

test('Neovim (built-in LSP client) shows KEP Lens diagnostics and hover', { skip: available ? false : 'SKIPPED LOUDLY: nvim is not installed (Debian package neovim; .ci/run installs it)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kep-lens-nvim-'));
  try {
    const out = join(dir, 'out.jsonl');
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(root, 'test', 'nvim', 'kep-lens.lua')}`, join(root, 'examples', 'alpha-features.yaml')], {
      cwd: root,
      env: { ...process.env, KEP_LENS_SERVER: join(root, 'dist', 'server', 'server.js'), KEP_LENS_NVIM_OUT: out },
      timeout: 30_000,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `nvim exited with ${result.status}: ${result.stderr}`);
    const events = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; value: unknown });
    assert.ok(!events.some((e) => e.kind === 'timeout'), 'Neovim timed out waiting for the server');
    const diagnostics = events.filter((e) => e.kind === 'diagnostic').map((e) => e.value as { code: string; source: string; line: number });
    assert.ok(diagnostics.length > 0, 'no diagnostics reached Neovim');
    assert.ok(diagnostics.every((d) => d.source === 'kep-lens'));
    assert.ok(diagnostics.some((d) => d.code === 'kep-rule' && d.line === 18), 'image-volume subPath rule on line 19');
    assert.ok(diagnostics.some((d) => d.code === 'feature-gate-off'), 'feature gate finding');
    const hover = events.find((e) => e.kind === 'hover')?.value;
    assert.equal(typeof hover, 'string', 'hover answered');
    assert.match(hover as string, /KEP-4639/);
    assert.match(hover as string, /alpha\*\* in 1\.31/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
