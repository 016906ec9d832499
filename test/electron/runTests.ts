// Entry point of `npm run test:electron`: the standard @vscode/test-electron path, for
// machines that can download VS Code (this CI machine cannot; it gates on test/e2e, which
// drives code-server instead). Runs the same checks as test/e2e through the VS Code API.
//
// Environment:
//   KEP_LENS_VSCODE_VERSION       VS Code version to download (default "stable")
//   KEP_LENS_VSCODE_EXECUTABLE    use this VS Code binary instead of downloading one
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const mainFile = path.join(repoRoot, 'dist', 'client', 'extension.js');
  if (!fs.existsSync(mainFile)) {
    console.error(`[electron] ${path.relative(repoRoot, mainFile)} is missing: run "npm run build" or "npm run package" first`);
    return 1;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-lens-electron-'));
  const workspace = path.join(tmp, 'workspace');
  // Same fixtures as the code-server suite.
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'kepLens.kubernetesVersion': '1.31', 'telemetry.telemetryLevel': 'off' }, null, 2),
  );

  try {
    await runTests({
      version: process.env.KEP_LENS_VSCODE_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.KEP_LENS_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      extensionTestsEnv: { KEP_LENS_TEST_WORKSPACE: workspace },
      // Only the extension under test: no other installed extension can interfere.
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userDataDir}`],
    });
    return 0;
  } catch (e) {
    console.error(`[electron] test run failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
