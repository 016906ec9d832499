// Builds the test-only extension of test/e2e/yaml-client into a VSIX: its client bundled
// with vscode-languageclient, yaml-language-server's CommonJS server (from node_modules)
// bundled beside it with its l10n strings and licence. Everything is staged under the
// session's temp directory; nothing is written into the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { runCommand } from './codeServer';
import { repoRoot } from './util';

const source = path.join(repoRoot, 'test', 'e2e', 'yaml-client');
const server = path.join(repoRoot, 'node_modules', 'yaml-language-server');

export interface BuiltExtension {
  vsix: string;
  id: string;
  /** yaml-language-server's version, for the log. */
  serverVersion: string;
}

export async function buildYamlClientVsix(tmp: string): Promise<BuiltExtension> {
  const stage = path.join(tmp, 'yaml-client');
  fs.mkdirSync(path.join(stage, 'dist'), { recursive: true });
  const extensionManifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  fs.copyFileSync(path.join(source, 'package.json'), path.join(stage, 'package.json'));
  const common: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', minify: true };
  await esbuild.build({ ...common, entryPoints: [path.join(source, 'extension.ts')], outfile: path.join(stage, 'dist', 'extension.js'), external: ['vscode'] });
  // The CommonJS build: esbuild cannot follow the UMD one.
  await esbuild.build({ ...common, entryPoints: [path.join(server, 'out', 'server', 'src', 'server.js')], outfile: path.join(stage, 'dist', 'server.js'), mainFields: ['module', 'main'] });
  fs.cpSync(path.join(server, 'l10n'), path.join(stage, 'l10n'), { recursive: true });
  fs.copyFileSync(path.join(server, 'LICENSE'), path.join(stage, 'LICENSE'));
  fs.writeFileSync(path.join(stage, 'README.md'), '# yaml-language-server test client\n\nBuilt by the KEP Lens real-VS-Code suite; not published.\n');
  const vsix = path.join(tmp, `${extensionManifest.name}-${extensionManifest.version}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = await runCommand(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: stage, timeoutMs: 60_000 });
  if (packaged.code !== 0 || !fs.existsSync(vsix)) throw new Error(`packaging the yaml-language-server test client failed (exit ${packaged.code}):\n${packaged.stdout}\n${packaged.stderr}`);
  const serverVersion = (JSON.parse(fs.readFileSync(path.join(server, 'package.json'), 'utf8')) as { version: string }).version;
  return { vsix, id: `${extensionManifest.publisher}.${extensionManifest.name}`, serverVersion };
}
